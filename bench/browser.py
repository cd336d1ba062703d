"""Timing one page view in headless Chromium, with the browser tests' launch flags and wait logic."""

from __future__ import annotations

import time
from typing import Any

from harness.browser import CHROMIUM_ARGS, DESKTOP, RENDERED, STILLNESS_SCRIPT, chromium

TIMEOUT_MS = 180_000

# What the page downloaded (from the Resource Timing API) and what it shows.
INVENTORY = """() => {
  const res = performance.getEntriesByType('resource');
  const js = res.filter(r => r.name.split('?')[0].endsWith('.js'));
  const kinds = {};
  for (const el of document.querySelectorAll('[data-testid="stMain"] [data-testid="stElementContainer"] > *')) {
    const kind = el.getAttribute('data-testid') || el.tagName.toLowerCase();
    kinds[kind] = (kinds[kind] || 0) + 1;
  }
  return {
    requests: res.length,
    kilobytes: Math.round(res.reduce((a, r) => a + (r.encodedBodySize || 0), 0) / 1024),
    js_chunks: js.length,
    js_kilobytes: Math.round(js.reduce((a, r) => a + (r.encodedBodySize || 0), 0) / 1024),
    charts: document.querySelectorAll('.js-plotly-plot').length,
    svg_nodes: document.querySelectorAll('.js-plotly-plot svg *').length,
    dom_nodes: document.getElementsByTagName('*').length,
    exceptions: document.querySelectorAll('[data-testid="stException"]').length,
    kinds: kinds,
  };
}"""


def launch(playwright: Any) -> Any:
    return playwright.chromium.launch(executable_path=chromium(), args=list(CHROMIUM_ARGS))


def new_context(browser: Any) -> Any:
    context = browser.new_context(viewport=DESKTOP)
    context.add_init_script(STILLNESS_SCRIPT)
    return context


def _rendered_ms(page: Any, since: str, *, fresh: bool = True) -> float:
    """Wait until rendered and still; the time of the last change to the page, counted from ``since``. ``fresh``
    starts the stillness count now (a load); without it, changes already made count (a run that has begun)."""
    if fresh:
        page.evaluate("window.__lastMutation = Date.now()")
    page.wait_for_function(RENDERED, timeout=TIMEOUT_MS, polling=50)
    return float(page.evaluate(f"window.__lastMutation - ({since})"))


def load(context: Any, url: str, *, inventory: bool = False) -> dict[str, Any]:
    """Open ``url`` in a new tab: milliseconds from navigation start until every chart drew and the page is
    still (the last DOM change), and optionally what was downloaded and drawn."""
    page = context.new_page()
    try:
        page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
        result: dict[str, Any] = {"ms": _rendered_ms(page, "performance.timeOrigin")}
        if inventory:
            result.update(page.evaluate(INVENTORY))
        result["errors"] = page.locator('[data-testid="stException"]').count()
        return result
    finally:
        page.close()


def served(context: Any, url: str) -> dict[str, Any]:
    """``load`` (without the inventory), with monotonic times: when the browser asked for the page's script run
    (its first message on the app's websocket: until then it was loading Streamlit's own frontend), when it
    received the end of that run (the server had then sent the whole page), and when the page drew."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    asked: list[float] = []
    finished: list[float] = []

    def received(payload: str | bytes) -> None:
        if finished or not isinstance(payload, bytes):
            return
        message = ForwardMsg()
        message.ParseFromString(payload)
        if message.WhichOneof("type") == "script_finished":
            finished.append(time.monotonic())

    def sent(_payload: str | bytes) -> None:
        if not asked:
            asked.append(time.monotonic())

    def watch(ws: Any) -> None:
        ws.on("framesent", sent)
        ws.on("framereceived", received)

    page = context.new_page()
    page.on("websocket", watch)
    try:
        navigated = time.monotonic()
        page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
        result: dict[str, Any] = {"ms": _rendered_ms(page, "performance.timeOrigin")}
        result["errors"] = page.locator('[data-testid="stException"]').count()
        result["navigated_at"] = navigated
        result["asked_at"] = asked[0] if asked else None
        result["served_at"] = finished[0] if finished else None
        result["drawn_at"] = navigated + result["ms"] / 1000  # the last change, not the stillness waited after it
        return result
    finally:
        page.close()


def main_thread_profile(context: Any, url: str, top: int = 6) -> dict[str, float]:
    """Where one warm load's main-thread time goes: milliseconds of JavaScript self time per script file
    (Streamlit loads one chunk per kind of element, so the file names say which elements cost what), from
    Chromium's sampling profiler, with the profiler's own categories ("(program)", "(garbage collector)")."""
    page = context.new_page()
    try:
        cdp = context.new_cdp_session(page)
        cdp.send("Profiler.enable")
        cdp.send("Profiler.setSamplingInterval", {"interval": 500})
        cdp.send("Profiler.start")
        page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
        _rendered_ms(page, "performance.timeOrigin")
        profile = cdp.send("Profiler.stop")["profile"]
    finally:
        page.close()
    frames = {node["id"]: node["callFrame"] for node in profile["nodes"]}
    spent: dict[str, float] = {}
    for sample, micros in zip(profile["samples"], profile["timeDeltas"], strict=True):
        frame = frames[sample]
        name = frame["url"].rsplit("/", 1)[-1].split("?")[0] or frame["functionName"] or "(native)"
        spent[name] = spent.get(name, 0.0) + micros / 1000
    spent.pop("(idle)", None)
    busy = {"total": round(sum(spent.values()))}
    return busy | {name: round(ms) for name, ms in sorted(spent.items(), key=lambda kv: -kv[1])[:top]}


def change_filter(context: Any, url: str) -> float:
    """Open ``url``, pick the first option of the first sidebar multiselect (a sector: not the list's "Select
    all", which shows what no choice shows), and time the redraw."""
    page, received = _watched_page(context)
    try:
        page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
        _rendered_ms(page, "performance.timeOrigin")
        page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first.click()
        option = page.get_by_role("option").filter(has_not_text="Select all").first
        option.wait_for(timeout=10_000)
        return _timed_click(page, option, received)
    finally:
        page.close()


def change_control(context: Any, url: str, label: str) -> float:
    """Open ``url``, press the page's own control (a pill) labelled ``label``, and time the redraw."""
    page, received = _watched_page(context)
    try:
        page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
        _rendered_ms(page, "performance.timeOrigin")
        pill = page.locator('[data-testid="stMain"] [data-testid="stButtonGroup"] button').filter(has_text=label)
        return _timed_click(page, pill.first, received)
    finally:
        page.close()


def _watched_page(context: Any) -> tuple[Any, list[float]]:
    """A new tab, and the list that the times of the messages its app's websocket receives are added to."""
    received: list[float] = []
    page = context.new_page()
    page.on("websocket", lambda ws: ws.on("framereceived", lambda _payload: received.append(time.monotonic())))
    return page, received


def _timed_click(page: Any, target: Any, received: list[float]) -> float:
    """Click, wait for the run it starts (the server's first message after the click; or 1.5 s if none comes),
    then until the page is drawn and still: milliseconds from the click to the last change.

    A run is told by a message, not by the page's script state: a run as short as a floor's can start and end
    between two looks at the page, and the wait then stood for 1.5 s and was counted as the change."""
    before = len(received)
    page.evaluate("window.__t0 = Date.now()")
    target.click()
    deadline = time.monotonic() + 1.5
    while len(received) == before and time.monotonic() < deadline:
        page.wait_for_timeout(5)  # lets Playwright deliver the websocket events
    return _rendered_ms(page, "window.__t0", fresh=False)


def concurrent(browser: Any, urls: list[str]) -> dict[str, Any]:
    """Open every URL at once, each in its own browser context (its own session); wait for all of them."""
    contexts = [new_context(browser) for _ in urls]
    pages = [c.new_page() for c in contexts]
    start = time.monotonic()
    try:
        for page, url in zip(pages, urls, strict=True):
            page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
        rendered, errors = 0, 0
        for page in pages:
            try:
                page.wait_for_function(RENDERED, timeout=TIMEOUT_MS, polling=200)
                rendered += 1
            except Exception:  # noqa: BLE001 - a session that never renders is what we count
                pass
            errors += page.locator('[data-testid="stException"]').count()
        return {"sessions": len(urls), "rendered": rendered, "errors": errors,
                "all_rendered_s": round(time.monotonic() - start, 1)}  # fmt: skip
    finally:
        for context in contexts:
            context.close()
