"""A change redraws only what it changes: counted in a real browser, never timed.

Every Plotly chart on the page is watched: each ``plotly_afterplot`` event and each chart element put in the page
anew counts as a redraw of that chart. Before and after a change, each chart's figure (its traces, title and
subtitle) is read from the page. A sidebar filter must redraw exactly the charts whose figure it changed; a chart
the filters do not change (an index's scores, the coalitions' timeline) is not drawn again. A page's own control
(the map's view, the index's edition, the openness criteria, a member's record) reruns its section only: the
server sends nothing to the sidebar, and the charts outside the section are not drawn again.
"""

from __future__ import annotations

from typing import Any

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.e2e.conftest import Server, Watch, assert_clean, open_page, settle

# Installed once the page has drawn: redraws per chart (by its element key) from now on, and each chart's figure.
WATCH = """() => {
  window.__redraws = {};
  const name = gd => {
    const box = gd.closest('[data-testid="stElementContainer"]');
    const match = box && box.className.match(/st-key-([\\w-]+)/);
    return match ? match[1] : '?';
  };
  const count = gd => { const k = name(gd); window.__redraws[k] = (window.__redraws[k] || 0) + 1; };
  const watch = () => document.querySelectorAll('.js-plotly-plot').forEach(gd => {
    if (gd.__watched) return;
    if (window.__watching) count(gd);  // a chart element put in the page anew is a redraw
    gd.__watched = true;
    gd.on('plotly_afterplot', () => count(gd));
  });
  watch();
  new MutationObserver(watch).observe(document, {subtree: true, childList: true});
  window.__figures = () => Object.fromEntries(Array.from(document.querySelectorAll('.js-plotly-plot')).map(gd => {
    const title = (gd.layout && gd.layout.title) || {};
    return [name(gd), JSON.stringify([gd.data, title.text, title.subtitle && title.subtitle.text])];
  }));
  window.__watching = true;
}"""


class Redraws:
    """Watch one page: the charts' figures before a change, the redraws and server messages after it."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.messages: list[ForwardMsg] = []
        page.evaluate(WATCH)
        self.before: dict[str, str] = page.evaluate("window.__figures()")
        assert "?" not in self.before, "every chart has a key"

    def listen(self, ws: Any) -> None:
        ws.on("framereceived", self._frame)

    def _frame(self, payload: str | bytes) -> None:
        if isinstance(payload, bytes):
            message = ForwardMsg()
            message.ParseFromString(payload)
            self.messages.append(message)

    def after(self) -> tuple[set[str], set[str]]:
        """The charts redrawn and the charts whose figure changed."""
        settle(self.page)
        redrawn = {key for key, n in self.page.evaluate("window.__redraws").items() if n}
        now: dict[str, str] = self.page.evaluate("window.__figures()")
        changed = {key for key in now.keys() | self.before.keys() if now.get(key) != self.before.get(key)}
        return redrawn, changed

    def sidebar_deltas(self) -> int:
        return sum(1 for m in self.messages if m.WhichOneof("type") == "delta" and m.metadata.delta_path[0] == 1)

    def runs(self) -> tuple[int, int]:
        """The script runs since the watch began: of sections (fragments) and of the whole page."""
        started = [m.metadata.run for m in self.messages if m.WhichOneof("type") == "new_session"]
        sections = sum(1 for run in started if run.fragment_ids)
        return sections, len(started) - sections


def _open(page: Any, url: str) -> Redraws:
    sockets: list[Any] = []
    page.on("websocket", lambda ws: sockets.append(ws))
    open_page(page, url)
    watcher = Redraws(page)
    assert sockets, "the page talks to its server over a websocket"
    watcher.listen(sockets[-1])
    return watcher


def _pick_in_sidebar(page: Any, filter_index: int, option: str) -> None:
    page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').nth(filter_index).click()
    page.get_by_role("option", name=option).click()
    page.keyboard.press("Escape")


# The pages with charts; for each, the charts a sidebar filter to companies changes.
SECTOR_COMPANY = {
    "": {"sector_bar", "country_bar", "growth"},
    "Members": {"category_bar"},
    "World_map": {"world_map_chart"},
    "Sectors": {"treemap", "matrix", "sector_mix_chart"},
    "Open_vs_closed": set(),  # the indexes' developers that are members are all companies
    "Transparency": set(),
    "Coalitions": set(),
}


@pytest.mark.parametrize("path", list(SECTOR_COMPANY))
def test_a_sidebar_filter_redraws_exactly_the_charts_it_changes(
    server: Server, watched: tuple[object, Watch], path: str
) -> None:
    page, watch = watched
    watcher = _open(page, f"{server.url}/{path}")
    assert watcher.before, "the page draws charts"
    _pick_in_sidebar(page, 0, "Company (25)")
    page.wait_for_url("**sector=company**")
    redrawn, changed = watcher.after()
    assert changed == SECTOR_COMPANY[path]
    assert redrawn == changed
    assert_clean(page, watch)


def test_a_filter_that_changes_which_developers_are_members_redraws_the_index_charts(
    server: Server, watched: tuple[object, Watch]
) -> None:
    page, watch = watched
    watcher = _open(page, f"{server.url}/Transparency")
    _pick_in_sidebar(page, 0, "Academia (18)")  # no university is among the index's developers
    page.wait_for_url("**sector=academia**")
    redrawn, changed = watcher.after()
    assert changed == set(watcher.before), "every chart marks the members shown, and says the filters"
    assert redrawn == changed
    assert_clean(page, watch)


def _pill(page: Any, label: str) -> None:
    page.locator('[data-testid="stMain"] [data-testid="stButtonGroup"] button').filter(has_text=label).first.click()


# A page's own control: the page, what to do, the URL it leads to, and the charts it changes.
LOCAL = {
    "map view": ("World_map", lambda p: _pill(p, "Countries"), "view=countries", {"world_map_chart"}),
    "map cohort": (
        "World_map?asof=2025-01-01",
        lambda p: _pill(p, "Named at the launch"),
        "cohort=founding",
        {"world_map_chart"},
    ),
    "edition": ("Transparency", lambda p: _pill(p, "May 2024"), "edition=2024-05", {"fmti_domains", "fmti_subdomains"}),
    "criteria": ("Open_vs_closed", lambda p: _pill(p, "Downloadable weights"), "require=weights", set()),
}


@pytest.mark.parametrize("case", list(LOCAL))
def test_a_page_control_reruns_its_section_only(server: Server, watched: tuple[object, Watch], case: str) -> None:
    path, act, expect, charts = LOCAL[case]
    page, watch = watched
    watcher = _open(page, f"{server.url}/{path}")
    act(page)
    page.wait_for_url(f"**{expect}**")
    redrawn, changed = watcher.after()
    assert changed == charts
    assert redrawn == changed
    assert watcher.runs() == (1, 0), "the change ran the section, not the page"
    assert watcher.sidebar_deltas() == 0, "nothing was sent to the sidebar"
    assert_clean(page, watch)


def test_picking_a_member_reruns_the_record_only(server: Server, watched: tuple[object, Watch]) -> None:
    page, watch = watched
    watcher = _open(page, f"{server.url}/Members")
    page.locator('[data-testid="stMain"] [data-testid="stSelectbox"]').last.click()
    page.get_by_role("option").first.click()
    page.wait_for_url("**member=**")
    redrawn, changed = watcher.after()
    assert redrawn == changed == set()
    assert watcher.runs() == (1, 0)
    assert watcher.sidebar_deltas() == 0
    assert_clean(page, watch)


def test_with_the_share_box_open_a_page_control_updates_the_link_it_shows(
    server: Server, watched: tuple[object, Watch]
) -> None:
    page, watch = watched
    open_page(page, f"{server.url}/World_map")
    page.locator('[data-testid="stSidebar"] [data-testid="stExpander"] summary').filter(has_text="Share").click()
    settle(page)
    link = page.locator('[data-testid="stSidebar"] [data-testid="stCode"]').first
    assert "view=countries" not in link.inner_text()
    _pill(page, "Countries")
    page.wait_for_url("**view=countries**")
    settle(page)
    assert link.inner_text().strip().endswith("/World_map?view=countries"), "the whole page ran, the link follows"
    assert_clean(page, watch)


def test_opening_a_charts_data_table_reruns_that_table_only(server: Server, watched: tuple[object, Watch]) -> None:
    page, watch = watched
    watcher = _open(page, f"{server.url}/Sectors")
    page.locator('[data-testid="stMain"] [data-testid="stExpander"] summary').filter(
        has_text="Show the data"
    ).first.click()
    page.locator('[data-testid="stMain"] [data-testid="stTable"]').first.wait_for()
    redrawn, changed = watcher.after()
    assert redrawn == changed == set()
    assert watcher.runs() == (1, 0)
    assert watcher.sidebar_deltas() == 0
    assert_clean(page, watch)
