"""Browser fixtures: a fresh `streamlit run` on a free port, Chromium with every other host blocked."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from dashboard import paths
from harness.browser import (
    CHROMIUM_ARGS,
    DESKTOP,
    HARMLESS,
    LOCAL_HOSTS,
    PHONE,
    RENDERED,
    STILLNESS_SCRIPT,
    open_page,
    settle,
)
from harness.browser import chromium as harness_chromium
from harness.server import Server, free_port, start_server, stop_server

__all__ = [  # what the browser tests import from here
    "CHROMIUM_ARGS", "DESKTOP", "PHONE", "RENDERED", "STILLNESS_SCRIPT", "Server", "free_port", "open_page", "settle",
    "start_server", "stop_server",
]  # fmt: skip

SHOTS = paths.ROOT / "artifacts" / "screenshots"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A freshly started server per test module, so the first request of a module is a cold deep link."""
    running = start_server(tmp_path_factory.mktemp("server"))
    yield running
    stop_server(running)


def chromium() -> str:
    """The browser `make test` found or installed; a missing one fails the run (never a skip)."""
    try:
        return harness_chromium()
    except RuntimeError as exc:
        pytest.fail(str(exc))


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


FULL_HEIGHT = """() => {
  const main = document.querySelector('[data-testid="stMain"]') || document.body;
  const side = document.querySelector('[data-testid="stSidebarContent"]');
  return Math.max(main.scrollHeight, side ? side.scrollHeight : 0) + 40;
}"""


OPEN_EXPANDERS = """() => {
  for (const summary of document.querySelectorAll('[data-testid="stExpander"] details:not([open]) > summary')) {
    summary.click();
  }
}"""


def open_expanders(page: object) -> None:
    """Open every expander (what is drawn on request is drawn then) and wait for the page to settle."""
    page.evaluate(OPEN_EXPANDERS)  # type: ignore[attr-defined]
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
