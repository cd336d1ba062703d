"""Headless Chromium as the tests, the benchmark and the preview script drive it: launch flags that block every
host but this machine, and "the page has drawn": the script run finished, every chart drew, the DOM is still."""

from __future__ import annotations

from typing import Any

from scripts import ensure_tools

LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
# Headless Chromium with every host but this machine blocked (a proxy that refuses; loopback bypasses it).
CHROMIUM_ARGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=localhost;127.0.0.1;[::1]",
)  # fmt: skip
# Streamlit probes for a base path on deep links; these 404s are expected and harmless.
HARMLESS = (
    "/_stcore/health",
    "/_stcore/host-config",
    "Failed to load resource: the server responded with a status of 404",
)
# Every mutation stamps the time, so a caller can wait until the page has been still for a while.
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
SETTLE_TIMEOUT_MS = 120_000  # a ceiling for a loaded machine; the wait ends as soon as the page has drawn


def chromium() -> str:
    """The browser `make test` found or installed (EXPLORER_CHROMIUM), else one already on this machine."""
    found = ensure_tools.find(ensure_tools.System())
    if found is None:
        raise RuntimeError(f"{ensure_tools.MISSING} (make test and make e2e install one where they can)")
    return found


def launch(playwright: Any) -> Any:
    """Headless Chromium with every other host blocked."""
    return playwright.chromium.launch(executable_path=chromium(), args=list(CHROMIUM_ARGS))


def settle(page: Any, timeout: float = SETTLE_TIMEOUT_MS) -> None:
    """Wait until the script run finished, every chart drew, and the DOM has been still for 600 ms.

    The stillness clock restarts here, so a rerun that an action has just requested is waited for."""
    page.evaluate("window.__lastMutation = Date.now()")
    page.wait_for_function(RENDERED, timeout=timeout)


def open_page(page: Any, url: str) -> None:
    """Go to ``url`` and wait until the page has drawn."""
    page.add_init_script(STILLNESS_SCRIPT)
    page.goto(url, timeout=SETTLE_TIMEOUT_MS)
    settle(page)
