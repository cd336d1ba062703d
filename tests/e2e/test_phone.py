"""At phone size (390x844, touch): no horizontal scrolling, tiles that wrap, readable charts, tables that
scroll inside themselves, and a map that a finger can scroll past."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from dashboard.routes import ROUTES
from tests.e2e.conftest import PHONE, STILLNESS_SCRIPT, Server, settle

MIN_FONT_PX = 11
OVERFLOW = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  return {document: document.documentElement.scrollWidth, main: main.scrollWidth, width: innerWidth};
}"""
# Chart text smaller than the minimum, and chart text cut off at the edge of its chart.
CHART_TEXT = """(minimum) => {
  const small = [], clipped = [];
  for (const plot of document.querySelectorAll('.js-plotly-plot')) {
    const frame = plot.getBoundingClientRect();
    for (const text of plot.querySelectorAll('text')) {
      const box = text.getBoundingClientRect();
      if (!text.textContent.trim() || box.width === 0) continue;
      if (parseFloat(getComputedStyle(text).fontSize) < minimum) small.push(text.textContent);
      if (box.left < frame.left - 1 || box.right > frame.right + 1) clipped.push(text.textContent);
    }
  }
  return {small, clipped};
}"""
# A legend that overlaps the area where a chart draws its data.
LEGEND_OVER_DATA = """() => {
  const hit = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const found = [];
  for (const plot of document.querySelectorAll('.js-plotly-plot')) {
    const legend = plot.querySelector('.legend');
    if (!legend) continue;
    const areas = plot.querySelectorAll('.draglayer .nsewdrag, .geo .bglayer rect, .geo > .bg');
    for (const area of areas) {
      if (hit(legend.getBoundingClientRect(), area.getBoundingClientRect())) found.push(plot.id || 'a chart');
    }
  }
  return found;
}"""
TABLES = """() => [...document.querySelectorAll('[data-testid="stTable"], [data-testid="stDataFrame"]')].map(t => {
  const box = t.getBoundingClientRect();
  return {right: box.right, width: innerWidth};
})"""


@pytest.fixture()
def phone(browser: object) -> Iterator[object]:
    """A touch device the size of a common phone, in a fresh session."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)  # type: ignore[attr-defined]
    page = context.new_page()
    page.add_init_script(STILLNESS_SCRIPT)
    yield page
    context.close()


def _open(page: object, url: str) -> None:
    page.goto(url)  # type: ignore[attr-defined]
    settle(page)


@pytest.mark.parametrize("route", ROUTES, ids=[r.key for r in ROUTES])
def test_no_page_scrolls_sideways_and_its_charts_read_on_a_phone(server: Server, phone: object, route: object) -> None:
    _open(phone, f"{server.url}/{route.url_path}")  # type: ignore[attr-defined]
    widths = phone.evaluate(OVERFLOW)  # type: ignore[attr-defined]
    assert widths["document"] <= widths["width"] and widths["main"] <= widths["width"], widths
    text = phone.evaluate(CHART_TEXT, MIN_FONT_PX)  # type: ignore[attr-defined]
    assert text["small"] == [], f"chart text under {MIN_FONT_PX} px: {text['small'][:5]}"
    assert text["clipped"] == [], f"chart text cut off: {text['clipped'][:5]}"
    assert phone.evaluate(LEGEND_OVER_DATA) == []  # type: ignore[attr-defined]
    for table in phone.evaluate(TABLES):  # type: ignore[attr-defined]
        assert table["right"] <= table["width"], "a table runs off the screen instead of scrolling inside itself"


def test_headline_tiles_wrap_onto_several_rows(server: Server, phone: object) -> None:
    _open(phone, server.url)
    tiles = phone.locator('[data-testid="stMetric"]')  # type: ignore[attr-defined]
    boxes = [tiles.nth(i).bounding_box() for i in range(tiles.count())]
    assert len(boxes) >= 6
    assert len({round(b["y"]) for b in boxes}) >= 3, "the tiles should wrap onto several rows"
    assert all(b["x"] >= 0 and b["x"] + b["width"] <= PHONE["width"] for b in boxes)


def test_a_wide_table_scrolls_inside_itself(server: Server, phone: object) -> None:
    """The members table has seven columns: it scrolls sideways inside its own frame, the page does not."""
    _open(phone, f"{server.url}/Members")
    table = phone.locator('[data-testid="stDataFrame"]').first  # type: ignore[attr-defined]
    table.scroll_into_view_if_needed()
    sizes = table.evaluate(
        """t => { const s = [t, ...t.querySelectorAll('*')].find(e => e.scrollWidth > e.clientWidth + 1
              && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX));
          return s ? {scroll: s.scrollWidth, client: s.clientWidth} : null; }"""
    )
    assert sizes is not None and sizes["scroll"] > sizes["client"], "the table does not scroll sideways by itself"


def test_a_finger_on_the_map_scrolls_the_page_instead_of_being_trapped(server: Server, phone: object) -> None:
    _open(phone, f"{server.url}/World_map")
    box = phone.locator(".js-plotly-plot").first.bounding_box()  # type: ignore[attr-defined]
    main = '[data-testid="stMain"]'
    phone.evaluate(f"(y) => document.querySelector('{main}').scrollBy(0, y)", box["y"] - 150)  # type: ignore[attr-defined]
    box = phone.locator(".js-plotly-plot").first.bounding_box()  # type: ignore[attr-defined]
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    assert phone.evaluate("(p) => !!document.elementFromPoint(p.x, p.y).closest('.js-plotly-plot')", {"x": x, "y": y})  # type: ignore[attr-defined]
    before = phone.evaluate(f"() => document.querySelector('{main}').scrollTop")  # type: ignore[attr-defined]
    touch = phone.context.new_cdp_session(phone)  # type: ignore[attr-defined]
    touch.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, 11):
        touch.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y - 25 * step}]})
        phone.wait_for_timeout(16)  # type: ignore[attr-defined]
    touch.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    phone.wait_for_timeout(600)  # type: ignore[attr-defined]
    after = phone.evaluate(f"() => document.querySelector('{main}').scrollTop")  # type: ignore[attr-defined]
    assert after - before > 100, f"a swipe on the map moved the page by {after - before} px"
