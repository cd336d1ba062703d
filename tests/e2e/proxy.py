"""Run deploy/nginx/ for a test: two app replicas and Debian's nginx on free loopback ports, in a temp dir."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from dashboard import paths
from harness.nginx import main_conf
from harness.server import WARM, Server, free_port, start_server, stop_server, wait_until_answers
from scripts import ensure_tools
from scripts.lint_deploy import render

TEMPLATE = paths.ROOT / "deploy" / "nginx" / "explorer.conf.template"
# The access log names the replica behind each request, and the reader's affinity cookie.
ACCESS_LOG = "{tmp}/access.log route"
LOG = {"EXPLORER_LOG_LEVEL": "debug"}  # each replica's log names every data read and figure built
LOG_FORMAT = "log_format route '$cookie_explorer_route $upstream_addr $status $request_uri';"


@dataclass
class Stack:
    """nginx at ``url`` (ending in /explorer) in front of ``replicas``."""

    url: str
    replicas: list[Server]
    nginx: subprocess.Popen[bytes]
    tmp: Path

    def routes(self, cookie: str) -> list[str]:
        """The replica (host:port) that answered each logged request carrying this affinity cookie.

        nginx lists every replica it tried ("dead:port, live:port"); the last one answered. A WebSocket is
        logged only when it closes (status 101), so those lines are left out."""
        lines = [line.replace(", ", ",").split() for line in (self.tmp / "access.log").read_text().splitlines()]
        return [f[1].split(",")[-1] for f in lines if f[0] == cookie and f[2] != "101"]

    def replica(self, address: str) -> Server:
        return next(r for r in self.replicas if r.url.startswith(f"http://{address}/"))


def start_nginx(tmp: Path, replicas: list[str]) -> tuple[str, subprocess.Popen[bytes]]:
    """nginx running the template in front of ``replicas`` (host:port each); its public URL and its process."""
    nginx = ensure_tools.find_nginx(ensure_tools.System())
    if nginx is None:
        pytest.fail(ensure_tools.MISSING_NGINX)
    port = free_port()
    public = f"http://127.0.0.1:{port}"
    values = {"EXPLORER_LISTEN": f"127.0.0.1:{port}", "EXPLORER_PUBLIC_URL": public}
    values |= {f"EXPLORER_REPLICA_{i + 1}": address for i, address in enumerate(replicas)}
    (tmp / "explorer.conf").write_text(render(TEMPLATE.read_text(), values))
    user = "user root;" if os.geteuid() == 0 else ""  # workers write the temp dir, which only we can write
    conf = main_conf(tmp, user=user, foreground=True, connections=256, access_log=ACCESS_LOG.format(tmp=tmp))
    (tmp / "nginx.conf").write_text(conf.replace("    access_log", f"    {LOG_FORMAT}\n    access_log", 1))
    command = [nginx, "-p", f"{tmp}/", "-c", str(tmp / "nginx.conf"), "-e", str(tmp / "error.log")]
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen(command, stderr=(tmp / "nginx.out").open("wb"))
    if wait_until_answers(f"{public}/robots.txt", alive=lambda: process.poll() is None):
        return public, process
    process.terminate()
    raise RuntimeError((tmp / "error.log").read_text()[-2000:])


def start_stack(tmp: Path, replicas: int = 2) -> Stack:
    # As deployed: each replica runs every page once before it listens (warm before ready).
    servers = [start_server(tmp, "--server.baseUrlPath=explorer", launcher=WARM, env=LOG) for _ in range(replicas)]
    public, process = start_nginx(tmp, [s.url.split("/")[2] for s in servers])
    stack = Stack(f"{public}/explorer", servers, process, tmp)
    if wait_until_answers(f"{stack.url}/_stcore/health", alive=lambda: process.poll() is None):
        return stack
    stop_stack(stack)
    raise RuntimeError((tmp / "error.log").read_text()[-2000:])


def stop_stack(stack: Stack) -> None:
    stack.nginx.terminate()
    stack.nginx.wait(timeout=10)
    for server in stack.replicas:
        if server.process.poll() is None:
            stop_server(server)
