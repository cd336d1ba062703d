"""Keyboard only: every control is reached with Tab and shows where the focus is; filters, page links,
toggles, the share box and downloads work with Tab, Enter, Space and the arrow keys."""

from __future__ import annotations

import re

import pytest

from dashboard.i18n import t
from dashboard.routes import ROUTES
from tests.e2e.conftest import Server, Watch, assert_clean, open_page, query, settle

FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const box = e.getBoundingClientRect();
  const label = e.getAttribute('aria-label') || e.innerText || e.value || '';
  return {tag: e.tagName, label: label.replace(/keyboard_arrow_\\w+/g, '').trim().slice(0, 60),
          x: box.x, y: box.y, width: box.width, height: box.height};
}"""
# Focus the glide data grid draws inside its canvas, and the main region Streamlit makes focusable
# for scrolling, are not controls of ours.
NOT_CONTROLS = ("CANVAS", "MAIN")
FILTERS = ("filters.sector", "filters.region", "filters.country", "filters.category", "filters.q")


def _walk(page: object, limit: int = 90) -> list[dict[str, object]]:
    """Press Tab from the top of the page until the focus comes round again; each stop, with whether the
    focus is visible (the pixels around the element change when it loses the focus)."""
    page.evaluate("() => document.activeElement && document.activeElement.blur()")  # type: ignore[attr-defined]
    stops: list[dict[str, object]] = []
    for _ in range(limit):
        page.keyboard.press("Tab")  # type: ignore[attr-defined]
        stop = page.evaluate(FOCUSED)  # type: ignore[attr-defined]
        if stop is None or (stops and stop["label"] == stops[0]["label"] and stop["tag"] == stops[0]["tag"]):
            break
        if stop["tag"] not in NOT_CONTROLS and stop["width"] and stop["height"]:
            stop["visible_focus"] = _focus_shows(page)
        stops.append(stop)
    return stops


def _focus_shows(page: object) -> bool:
    element = page.evaluate_handle("document.activeElement")  # type: ignore[attr-defined]
    element.scroll_into_view_if_needed()  # type: ignore[attr-defined]
    box = element.bounding_box()  # type: ignore[attr-defined]
    pad = 6
    clip = {"x": max(box["x"] - pad, 0), "y": max(box["y"] - pad, 0), "width": box["width"] + 2 * pad,
            "height": box["height"] + 2 * pad}  # fmt: skip
    focused = page.screenshot(clip=clip, animations="disabled")  # type: ignore[attr-defined]
    page.evaluate("(e) => e.blur()", element)  # type: ignore[attr-defined]
    blurred = page.screenshot(clip=clip, animations="disabled")  # type: ignore[attr-defined]
    page.evaluate("(e) => e.focus()", element)  # type: ignore[attr-defined]
    return bool(focused != blurred)


def _tab_to(page: object, pattern: str, tag: str | None = None, limit: int = 90, back: bool = False) -> None:
    """Press Tab (or Shift+Tab) until the focused element's label matches."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if back else "Tab")  # type: ignore[attr-defined]
        stop = page.evaluate(FOCUSED)  # type: ignore[attr-defined]
        if stop and re.search(pattern, str(stop["label"])) and (tag is None or stop["tag"] == tag):
            return
    raise AssertionError(f"Tab never reached {pattern!r}")


@pytest.mark.parametrize("key", ["members", "world_map", "sectors"])
def test_every_control_is_reached_by_tab_and_shows_its_focus(
    server: Server, watched: tuple[object, Watch], key: str
) -> None:
    page, watch = watched
    route = next(r for r in ROUTES if r.key == key)
    open_page(page, f"{server.url}/{route.url_path}?sector=academia")
    stops = _walk(page)
    labels = [str(s["label"]) for s in stops]
    expected = [t(f"nav.{r.key}", "en") for r in ROUTES] + [t(k, "en") for k in FILTERS]
    expected += [t("filters.reset", "en"), t("share.title", "en"), "Download plot as a PNG"]
    # The map's data is the table under it; every other chart has its "show the data" table.
    expected += [] if key == "world_map" else [t("chart.data.show", "en")]
    expected += {"members": [t("members.download.filtered_csv", "en")], "world_map": ["Members", "World"]}.get(key, [])
    missing = [label for label in expected if label not in labels]
    assert missing == [], f"not reached by Tab: {missing}; reached: {labels}"
    invisible = [s["label"] for s in stops if s.get("visible_focus") is False]
    assert invisible == [], f"focus not visible on: {invisible}"
    assert_clean(page, watch)


def test_a_filter_a_page_link_a_toggle_and_the_share_box_work_by_keyboard(
    server: Server, watched: tuple[object, Watch]
) -> None:
    page, watch = watched
    open_page(page, server.url)
    # A filter: Tab to the sector box, open it with the down arrow, move to the second option, pick it.
    _tab_to(page, "^Sector$", "INPUT")
    page.keyboard.press("ArrowDown")  # type: ignore[attr-defined]
    page.keyboard.press("ArrowDown")  # type: ignore[attr-defined]
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    page.keyboard.press("Escape")  # type: ignore[attr-defined]
    page.wait_for_function("() => location.search.includes('sector=')")  # type: ignore[attr-defined]
    settle(page)
    chosen = query(page)["sector"]
    assert len(chosen) == 1

    # A page link: back up to the navigation and follow "World map" with Enter; the filter goes along.
    _tab_to(page, f"^{t('nav.world_map', 'en')}$", "A", back=True)
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    page.wait_for_url(re.compile(r"/World_map\?"))  # type: ignore[attr-defined]
    settle(page)
    assert query(page)["sector"] == chosen

    # A toggle: the "Show" pills are one radio group; the arrow key moves to "Countries" and Space picks it.
    _tab_to(page, f"^{t('world_map.view.points', 'en')}$", "BUTTON")
    page.keyboard.press("ArrowRight")  # type: ignore[attr-defined]
    page.keyboard.press("Space")  # type: ignore[attr-defined]
    page.wait_for_function("() => location.search.includes('view=countries')")  # type: ignore[attr-defined]
    settle(page)

    # The share box: Enter opens it, and the link it shows is the current address.
    _tab_to(page, f"^{t('share.title', 'en')}$", "SUMMARY", back=True)
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    code = page.locator('[data-testid="stSidebar"] [data-testid="stCode"]').first  # type: ignore[attr-defined]
    code.wait_for()
    assert code.inner_text().strip() == page.url  # type: ignore[attr-defined]
    assert_clean(page, watch)


def test_a_download_and_a_data_table_open_by_keyboard(server: Server, watched: tuple[object, Watch]) -> None:
    page, watch = watched
    open_page(page, f"{server.url}/Members?sector=academia")
    _tab_to(page, f"^{t('chart.data.show', 'en')}$", "SUMMARY")
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    table = page.locator('[data-testid="stExpander"] [data-testid="stTable"]').first  # type: ignore[attr-defined]
    table.wait_for()
    assert "University" in table.inner_text()
    settle(page)  # the expander's rerun has finished: nothing can swallow the key press below
    _tab_to(page, re.escape(t("members.download.filtered_csv", "en")), "BUTTON")
    # The file is built when the button is pressed; on a loaded machine that can take long: wait for the
    # download event itself, with a ceiling well above any run seen.
    with page.expect_download(timeout=180_000) as download:  # type: ignore[attr-defined]
        page.keyboard.press("Enter")  # type: ignore[attr-defined]
    assert download.value.suggested_filename == "ai-alliance-members-filtered.csv"
    assert_clean(page, watch)
