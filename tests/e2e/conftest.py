"""Browser fixtures: a fresh `streamlit run` on a free port, Chromium with every other host blocked."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from dashboard import paths
from scripts import ensure_tools

SHOTS = paths.ROOT / "artifacts" / "screenshots"
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
DESKTOP = {"width": 1280, "height": 900}
# Headless Chromium with every host but this machine blocked (a proxy that refuses; loopback bypasses it).
CHROMIUM_ARGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=localhost;127.0.0.1;[::1]",
)  # fmt: skip
PHONE = {"width": 390, "height": 844}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


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
) -> Server:
    """Start `streamlit run` from the project root (so .streamlit/config.toml applies) and wait for health;
    ``data_dir`` points it at another copy of the data (EXPLORER_DATA_DIR), ``root`` at a copy of the project,
    ``entry`` at another app script (the benchmark's floor apps), ``launcher`` at what runs Streamlit's command line
    (the load tool's traced server)."""
    port = free_port()
    log = tmp / f"streamlit-{port}.log"
    base_path = next((a.split("=", 1)[1] for a in extra if a.startswith("--server.baseUrlPath=")), "")
    cmd = [
        sys.executable, *launcher, "run", str(entry or root / paths.ENTRY.name), "--server.port", str(port),
        "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none", *extra,
    ]  # fmt: skip
    env = {**os.environ, **({"EXPLORER_DATA_DIR": str(data_dir)} if data_dir else {})}
    process = subprocess.Popen(cmd, cwd=root, stdout=log.open("wb"), stderr=subprocess.STDOUT, env=env)
    prefix = f"/{base_path.strip('/')}" if base_path else ""
    url = f"http://127.0.0.1:{port}{prefix}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return Server(url, process, log)
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError(f"streamlit did not become healthy: {log.read_text(errors='replace')[-2000:]}")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A freshly started server per test module, so the first request of a module is a cold deep link."""
    running = start_server(tmp_path_factory.mktemp("server"))
    yield running
    stop_server(running)


def chromium() -> str:
    """The browser `make test` found or installed (EXPLORER_CHROMIUM), else one already on this machine."""
    found = ensure_tools.find(ensure_tools.System())
    if found is None:
        pytest.fail(f"{ensure_tools.MISSING} (make test and make e2e install one where they can)")
    return found


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    executable = chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(
            executable_path=executable,
            args=list(CHROMIUM_ARGS),
        )
        yield instance
        instance.close()


@dataclass
class Watch:
    """What a page did that a test must check: requests to other hosts, console errors, dialogs."""

    foreign: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


# Streamlit probes for a base path on deep links; these 404s are expected and harmless.
HARMLESS = (
    "/_stcore/health",
    "/_stcore/host-config",
    "Failed to load resource: the server responded with a status of 404",
)


@pytest.fixture()
def watched(browser: object) -> Iterator[tuple[object, Watch]]:
    """A new browser context (fresh session) and what it did."""
    context = browser.new_context(viewport=DESKTOP)  # type: ignore[attr-defined]
    watch = Watch()
    page = context.new_page()

    def on_request(request: object) -> None:
        host = urlsplit(request.url).hostname or ""  # type: ignore[attr-defined]
        if request.url.startswith(("http", "ws")) and host not in LOCAL_HOSTS:  # type: ignore[attr-defined]
            watch.foreign.append(request.url)  # type: ignore[attr-defined]

    def on_console(message: object) -> None:
        text = message.text  # type: ignore[attr-defined]
        if message.type == "error" and not any(h in text for h in HARMLESS):  # type: ignore[attr-defined]
            watch.console_errors.append(text)

    def on_dialog(dialog: object) -> None:
        watch.dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()  # type: ignore[attr-defined]

    page.on("request", on_request)
    page.on("console", on_console)
    page.on("dialog", on_dialog)
    yield page, watch
    context.close()


# Every mutation stamps the time, so a test can wait until the page has been still for a while.
STILLNESS_SCRIPT = """
window.__lastMutation = Date.now();
new MutationObserver(() => { window.__lastMutation = Date.now(); })
  .observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
"""
RENDERED = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (app.getAttribute('data-test-connection-state') !== 'CONNECTED') return false;
  if (document.querySelector('[data-stale="true"]')) return false;
  // Charts load lazily: a skeleton, or a chart element without its drawn plot, means not yet.
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  for (const chart of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
    if (!chart.querySelector('.js-plotly-plot .main-svg')) return false;
  }
  for (const plot of document.querySelectorAll('.js-plotly-plot')) {
    if (!plot.querySelector('.main-svg')) return false;
    // Map shapes arrive asynchronously: wait for the country borders, and for the points of a points map.
    if (plot.querySelector('.geo') && !plot.querySelector('.geo path.countries, .geo .countries path')) return false;
    const types = (plot._fullData || []).filter(t => t.visible !== false).map(t => t.type);
    const marks = plot.querySelector('.scatterlayer path.point, .scatterlayer .textpoint');
    if (types.includes('scattergeo') && !marks) return false;
  }
  return Date.now() - window.__lastMutation > 600;
}"""


FULL_HEIGHT = """() => {
  const main = document.querySelector('[data-testid="stMain"]') || document.body;
  const side = document.querySelector('[data-testid="stSidebarContent"]');
  return Math.max(main.scrollHeight, side ? side.scrollHeight : 0) + 40;
}"""


def settle(page: object, timeout: float = 45_000) -> None:
    """Wait until the script run finished, every chart drew, and the DOM has been still for 600 ms.

    The stillness clock restarts here, so a rerun that an action has just requested is waited for."""
    page.evaluate("window.__lastMutation = Date.now()")  # type: ignore[attr-defined]
    page.wait_for_function(RENDERED, timeout=timeout)  # type: ignore[attr-defined]


OPEN_EXPANDERS = """() => {
  for (const summary of document.querySelectorAll('[data-testid="stExpander"] details:not([open]) > summary')) {
    summary.click();
  }
}"""


def open_expanders(page: object) -> None:
    """Open every expander (what is drawn on request is drawn then) and wait for the page to settle."""
    page.evaluate(OPEN_EXPANDERS)  # type: ignore[attr-defined]
    settle(page)


def open_page(page: object, url: str) -> None:
    page.add_init_script(STILLNESS_SCRIPT)  # type: ignore[attr-defined]
    page.goto(url)  # type: ignore[attr-defined]
    settle(page)


def assert_clean(page: object, watch: Watch) -> None:
    """No exception box, no request to another host, no console error, no dialog."""
    assert page.locator('[data-testid="stException"]').count() == 0  # type: ignore[attr-defined]
    assert watch.foreign == [], f"requests left localhost: {watch.foreign[:5]}"
    assert watch.console_errors == [], watch.console_errors[:5]
    assert watch.dialogs == [], f"a dialog opened (injected script ran?): {watch.dialogs}"


def screenshot(page: object, name: str) -> None:
    """Full-page screenshots at desktop and phone width, kept (git-ignored) for a person to look at."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(size)  # type: ignore[attr-defined]
        settle(page)
        # The app scrolls inside its main section, so grow the window to the content to see all of it.
        tall = page.evaluate(FULL_HEIGHT)  # type: ignore[attr-defined]
        page.set_viewport_size({"width": size["width"], "height": max(size["height"], min(tall, 8000))})  # type: ignore[attr-defined]
        settle(page)
        page.screenshot(path=str(SHOTS / f"{name}-{label}.png"))  # type: ignore[attr-defined]
    page.set_viewport_size(DESKTOP)  # type: ignore[attr-defined]
    settle(page)


def query(page: object) -> dict[str, list[str]]:
    """The current URL's query parameters."""
    from urllib.parse import parse_qs

    return parse_qs(urlsplit(page.url).query)  # type: ignore[attr-defined]


def click_chart(page: object, locate: str, target: str, expect: str) -> None:
    """Click the screen point that the script ``locate`` finds for ``target`` inside a chart, then wait
    until the URL carries ``expect`` and the rerun has finished."""
    spot = page.evaluate(locate, target)  # type: ignore[attr-defined]
    assert spot, f"nothing found for {target!r} in the chart"
    page.mouse.click(spot["x"], spot["y"])  # type: ignore[attr-defined]
    page.wait_for_function("(e) => location.search.includes(e)", arg=expect)  # type: ignore[attr-defined]
    settle(page)
