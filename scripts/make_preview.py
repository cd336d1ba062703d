"""Regenerate static/preview.png, the image a shared link shows in chat and social apps.

It starts the app on a free local port, opens the Overview in headless Chromium, and saves a 1200x630 picture (the
size Open Graph and Twitter cards display), waits until every chart has drawn, and saves a screenshot.
Usage: python scripts/make_preview.py  (or make preview). Needs Playwright and a Chromium
(scripts/ensure_tools.py finds one).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from harness.browser import CHROMIUM_ARGS, open_page  # noqa: E402
from harness.server import start_server, stop_server  # noqa: E402
from scripts.ensure_tools import MISSING, System, find  # noqa: E402

OUT = ROOT / "static" / "preview.png"
# Drawn at 4/3 of the card's size and scaled down, so the headline figures and the first charts both fit.
SIZE = {"width": 1600, "height": 840}
SCALE = 0.75


def shoot(url: str, browser_path: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=browser_path, args=list(CHROMIUM_ARGS))
        page = browser.new_page(viewport=SIZE, device_scale_factor=SCALE)
        open_page(page, url)  # every chart drawn and the page still: entry transitions have finished
        page.screenshot(path=str(OUT))
        browser.close()


def main() -> int:
    browser_path = find(System())
    if browser_path is None:
        print(MISSING, file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        server = start_server(Path(tmp))
        try:
            shoot(f"{server.url}/", browser_path)
        finally:
            stop_server(server)
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
