"""How `make test` finds or installs Chromium and nginx: each machine it may meet, with the system stubbed."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from dashboard import paths
from scripts import ensure_tools as eb

PW = "/home/u/.cache/ms-playwright/chromium-1/chrome-linux/chrome"


class Machine:
    """A stub system: which files exist, what each command does to them, who runs it."""

    def __init__(self, files: set[str], *, root: bool = False, apt: bool = True, env: dict[str, str] | None = None):
        self.files = set(files)
        self.commands: list[str] = []
        self.installs: dict[str, tuple[int, str | None]] = {}  # command start -> (exit status, file it creates)
        self.system = eb.System(
            environ=env or {},
            is_executable=lambda p: p in self.files,
            which=lambda name: self.which(name, apt),
            playwright_chromium=lambda: PW,
            run=self.run,
            euid=lambda: 0 if root else 1000,
            python="python",
        )

    def which(self, name: str, apt: bool) -> str | None:
        if name == "apt-get":
            return "/usr/bin/apt-get" if apt else None
        return f"/usr/local/bin/{name}" if f"/usr/local/bin/{name}" in self.files else None

    def on(self, command: str, status: int, creates: str | None = None) -> Machine:
        self.installs[command] = (status, creates)
        return self

    def run(self, cmd: Sequence[str]) -> int:
        line = " ".join(cmd)
        self.commands.append(line)
        for start, (status, creates) in self.installs.items():
            if line.startswith(start):
                if creates:
                    self.files.add(creates)
                return status
        return 1


PLAYWRIGHT = "python -m playwright install --with-deps chromium"


@pytest.mark.parametrize(
    ("files", "env", "expected"),
    [
        ({eb.DEBIAN}, {}, eb.DEBIAN),
        ({"/usr/local/bin/chromium"}, {}, "/usr/local/bin/chromium"),
        ({PW}, {}, PW),
        ({eb.DEBIAN, PW}, {}, eb.DEBIAN),
        ({eb.DEBIAN, "/opt/chrome"}, {eb.ENV: "/opt/chrome"}, "/opt/chrome"),
        ({eb.DEBIAN}, {eb.ENV: "/opt/missing"}, eb.DEBIAN),
    ],
)
def test_a_browser_already_there_is_used_without_installing(
    files: set[str], env: dict[str, str], expected: str
) -> None:
    machine = Machine(files, root=True, env=env)
    assert eb.ensure(machine.system) == expected
    assert machine.commands == []


def test_playwright_download_is_tried_first_when_nothing_is_there() -> None:
    machine = Machine(set(), root=True).on(PLAYWRIGHT, 0, creates=PW)
    assert eb.ensure(machine.system) == PW
    assert machine.commands == [PLAYWRIGHT]


def test_as_root_without_playwright_download_debian_chromium_is_installed_after_an_update() -> None:
    machine = Machine(set(), root=True).on(PLAYWRIGHT, 1).on("apt-get update", 0)
    machine.on("apt-get install -y -qq chromium", 0, creates=eb.DEBIAN)
    assert eb.ensure(machine.system) == eb.DEBIAN
    assert machine.commands == [PLAYWRIGHT, "apt-get update -qq", "apt-get install -y -qq chromium"]


def test_a_playwright_install_that_says_ok_but_leaves_no_browser_falls_through_to_apt() -> None:
    machine = Machine(set(), root=True).on(PLAYWRIGHT, 0).on("apt-get update", 0)
    machine.on("apt-get install", 0, creates=eb.DEBIAN)
    assert eb.ensure(machine.system) == eb.DEBIAN


@pytest.mark.parametrize(
    ("root", "apt", "update", "install"),
    [(False, True, 0, 0), (True, False, 0, 0), (True, True, 100, 0), (True, True, 0, 100)],
    ids=["not-root", "no-apt-get", "update-fails", "install-fails"],
)
def test_no_browser_and_no_way_to_install_one_gives_none(root: bool, apt: bool, update: int, install: int) -> None:
    machine = Machine(set(), root=root, apt=apt).on(PLAYWRIGHT, 1).on("apt-get update", update)
    machine.on("apt-get install", install, creates=eb.DEBIAN if install == 0 else None)
    assert eb.ensure(machine.system) is None
    if not root or not apt:
        assert machine.commands == [PLAYWRIGHT]
    if update:
        assert machine.commands == [PLAYWRIGHT, "apt-get update -qq"]


def test_the_script_prints_only_the_path_on_stdout_when_a_browser_is_found(tmp_path: Path) -> None:
    chrome = tmp_path / "chrome"
    chrome.write_text("#!/bin/sh\n")
    chrome.chmod(0o755)
    script = paths.ROOT / "scripts" / "ensure_tools.py"
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, env={eb.ENV: str(chrome)}, check=False
    )
    assert (result.returncode, result.stdout) == (0, f"{chrome}\n")


def test_the_message_for_a_machine_without_any_way_is_one_line_naming_the_packages() -> None:
    assert "\n" not in eb.MISSING
    assert "apt-get install -y chromium" in eb.MISSING and "playwright install" in eb.MISSING


@pytest.mark.parametrize(
    ("files", "expected"),
    [({eb.NGINX}, eb.NGINX), ({"/usr/local/bin/nginx"}, "/usr/local/bin/nginx")],
)
def test_nginx_already_there_is_used_even_off_path(files: set[str], expected: str) -> None:
    machine = Machine(files, root=True)
    assert eb.ensure_nginx(machine.system) == expected and machine.commands == []


def test_missing_nginx_is_installed_as_root_and_reported_otherwise() -> None:
    machine = Machine(set(), root=True).on("apt-get update", 0).on("apt-get install -y -qq nginx", 0, creates=eb.NGINX)
    assert eb.ensure_nginx(machine.system) == eb.NGINX
    assert machine.commands == ["apt-get update -qq", "apt-get install -y -qq nginx"]
    user = Machine(set(), root=False)
    assert eb.ensure_nginx(user.system) is None and user.commands == []
    assert "\n" not in eb.MISSING_NGINX and "apt-get install -y nginx" in eb.MISSING_NGINX
