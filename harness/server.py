"""A `streamlit run` on a free port, and the wait until an address answers healthy: for tests, bench and scripts."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from dashboard import paths

WARM = ("-m", "dashboard.ui.serve")  # the deployed command: every page runs once before the server listens
HEALTH_TIMEOUT = 120.0  # seconds: a ceiling for a loaded machine, not a wait; the loop returns as soon as it answers


def free_port() -> int:
    """A TCP port on loopback that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_answers(url: str, *, timeout: float = HEALTH_TIMEOUT, alive: Callable[[], bool] = lambda: True) -> bool:
    """Poll ``url`` until it answers 200; False when ``alive`` says the process died, or at the ceiling."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and alive():
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.1)
    return False


@dataclass
class Server:
    """A running app: its base URL and how it was started."""

    url: str
    process: subprocess.Popen[bytes]
    log: Path


def start_server(
    tmp: Path,
    *extra: str,
    data_dir: Path | None = None,
    root: Path = paths.ROOT,
    entry: Path | None = None,
    launcher: Sequence[str] = ("-m", "streamlit"),
    port: int | None = None,
    env: dict[str, str] | None = None,
    health_timeout: float = HEALTH_TIMEOUT,
) -> Server:
    """Start `streamlit run` from the project root (so .streamlit/config.toml applies) and wait for health;
    ``data_dir`` points it at another copy of the data (EXPLORER_DATA_DIR), ``root`` at a copy of the project,
    ``entry`` at another app script (the benchmark's floor apps), ``launcher`` at what runs Streamlit's command line
    (the load tool's traced server; ``WARM`` for the deployed one), ``port`` at a given port (a replica
    restarted where it was), ``env`` adds to the environment; ``health_timeout`` is the ceiling on the wait (a
    warm start on a large dataset reads and validates it first)."""
    port = port or free_port()
    log = tmp / f"streamlit-{port}.log"
    base_path = next((a.split("=", 1)[1] for a in extra if a.startswith("--server.baseUrlPath=")), "")
    cmd = [
        sys.executable, *launcher, "run", str(entry or root / paths.ENTRY.name), "--server.port", str(port),
        "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none", *extra,
    ]  # fmt: skip
    env = {**os.environ, **(env or {}), **({"EXPLORER_DATA_DIR": str(data_dir)} if data_dir else {})}
    process = subprocess.Popen(cmd, cwd=root, stdout=log.open("wb"), stderr=subprocess.STDOUT, env=env)
    prefix = f"/{base_path.strip('/')}" if base_path else ""
    url = f"http://127.0.0.1:{port}{prefix}"
    if wait_until_answers(f"{url}/_stcore/health", timeout=health_timeout, alive=lambda: process.poll() is None):
        return Server(url, process, log)
    process.kill()
    raise RuntimeError(f"streamlit did not become healthy: {log.read_text(errors='replace')[-2000:]}")


def stop_server(server: Server) -> None:
    """Terminate the app, and kill it if it does not stop."""
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
