"""Find the browser tests' tools, installing what is missing: Chromium and nginx. Prints Chromium's path.

`make test` and `make e2e` run this before pytest and hand the path to the tests in EXPLORER_CHROMIUM.
Chromium, cheapest first:
1. EXPLORER_CHROMIUM, when it names an executable (a browser of your choice);
2. Debian's /usr/bin/chromium (or any `chromium` on PATH);
3. a Chromium that `python -m playwright install` downloaded earlier;
4. `python -m playwright install --with-deps chromium` (needs Playwright's download host);
5. as root with apt-get: `apt-get update` and `apt-get install -y chromium` (needs only the Debian mirror);
6. otherwise one line on stderr saying what to install, and exit status 1.
nginx (the proxy test runs deploy/nginx/ with it): on PATH or /usr/sbin/nginx, else Debian's package as
root with apt-get, else one line saying what to install.
Progress goes to stderr, so `BROWSER="$(python scripts/ensure_tools.py)"` captures only the path.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

DEBIAN = "/usr/bin/chromium"
NGINX = "/usr/sbin/nginx"
ENV = "EXPLORER_CHROMIUM"
MISSING = (
    "no Chromium for the browser tests: install Debian's chromium (sudo apt-get install -y chromium) "
    "or Playwright's (python -m playwright install --with-deps chromium), then run make test again"
)
MISSING_NGINX = (
    "no nginx for the proxy test: install Debian's nginx (sudo apt-get install -y nginx), then run make test again"
)


def _playwright_chromium() -> str | None:
    """Where Playwright keeps (or would keep) its own Chromium; None when Playwright is not installed."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    with sync_playwright() as pw:
        return str(pw.chromium.executable_path)


def _run(cmd: Sequence[str]) -> int:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    try:
        # stdout to stderr: the caller reads this script's stdout as the browser's path.
        return subprocess.run(list(cmd), stdout=sys.stderr, env=env, timeout=900, check=False).returncode
    except (OSError, subprocess.TimeoutExpired) as error:
        print(f"{' '.join(cmd)}: {error}", file=sys.stderr)
        return 1


@dataclass
class System:
    """What the search looks at and does; tests replace each part."""

    environ: dict[str, str] = field(default_factory=lambda: dict(os.environ))
    is_executable: Callable[[str], bool] = lambda p: os.path.isfile(p) and os.access(p, os.X_OK)
    which: Callable[[str], str | None] = shutil.which
    playwright_chromium: Callable[[], str | None] = _playwright_chromium
    run: Callable[[Sequence[str]], int] = _run
    euid: Callable[[], int] = os.geteuid
    python: str = sys.executable


def find(system: System) -> str | None:
    """A browser that is already there, or None. Never installs anything."""
    candidates = [system.environ.get(ENV, ""), DEBIAN, system.which("chromium") or ""]
    for path in candidates:
        if path and system.is_executable(path):
            return path
    downloaded = system.playwright_chromium()
    return downloaded if downloaded and system.is_executable(downloaded) else None


def apt_install(system: System, package: str) -> bool:
    """Install a Debian package when running as root with apt-get; whether that succeeded."""
    if system.euid() != 0 or not system.which("apt-get"):
        return False
    print(f"trying Debian's {package} with apt-get", file=sys.stderr)
    if system.run(["apt-get", "update", "-qq"]) != 0:
        return False
    return system.run(["apt-get", "install", "-y", "-qq", package]) == 0


def install(system: System) -> str | None:
    """Try Playwright's download, then Debian's package as root; the browser found afterwards, or None."""
    print("no Chromium found: trying python -m playwright install --with-deps chromium", file=sys.stderr)
    if system.run([system.python, "-m", "playwright", "install", "--with-deps", "chromium"]) == 0:
        found = find(system)
        if found:
            return found
    return find(system) if apt_install(system, "chromium") else None


def ensure(system: System) -> str | None:
    """The browser the tests will use, installing one if none is there; None when that failed."""
    return find(system) or install(system)


def find_nginx(system: System) -> str | None:
    """nginx on PATH, or where Debian puts it (often not on a normal user's PATH)."""
    found = system.which("nginx") or NGINX
    return found if system.is_executable(found) else None


def ensure_nginx(system: System) -> str | None:
    """nginx for the proxy test, installing Debian's package as root if it is missing; None when that failed."""
    found = find_nginx(system)
    if found or not apt_install(system, "nginx"):
        return found
    return find_nginx(system)


def main() -> int:
    system = System()
    browser = ensure(system)
    if browser is None:
        print(MISSING, file=sys.stderr)
        return 1
    if ensure_nginx(system) is None:
        print(MISSING_NGINX, file=sys.stderr)
        return 1
    print(browser)
    return 0


if __name__ == "__main__":
    sys.exit(main())
