"""Regenerate static/preview.png, the image a shared link shows in chat and social apps.

It starts the app on a free local port, opens the Overview in headless Chromium, and saves a 1200x630 picture (the
size Open Graph and Twitter cards display), waits until every chart has drawn, and saves a screenshot.
Usage: python scripts/make_preview.py  (or make preview). Needs Playwright and a Chromium
(scripts/ensure_tools.py finds one).
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.ensure_tools import MISSING, System, find  # noqa: E402

OUT = ROOT / "static" / "preview.png"
# Drawn at 4/3 of the card's size and scaled down, so the headline figures and the first charts both fit.
SIZE = {"width": 1600, "height": 840}
SCALE = 0.75
DRAWN = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
  return charts.length > 0 && charts.every(c => c.querySelector('.js-plotly-plot .main-svg'));
}"""


def start(port: int) -> subprocess.Popen[bytes]:
    cmd = [
        sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.port", str(port),
        "--server.address", "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none",
    ]  # fmt: skip
    process = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit("the app did not start")


def shoot(url: str, browser_path: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=browser_path,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--proxy-server=http://127.0.0.1:9",
                  "--proxy-bypass-list=localhost;127.0.0.1"],
        )  # fmt: skip
        page = browser.new_page(viewport=SIZE, device_scale_factor=SCALE)
        page.goto(url)
        page.wait_for_function(DRAWN, timeout=60_000)
        page.wait_for_timeout(1500)  # let the charts' entry transitions finish
        page.screenshot(path=str(OUT))
        browser.close()


def main() -> int:
    browser_path = find(System())
    if browser_path is None:
        print(MISSING, file=sys.stderr)
        return 1
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    process = start(port)
    try:
        shoot(f"http://127.0.0.1:{port}/", browser_path)
    finally:
        process.terminate()
        process.wait(timeout=10)
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
