"""The Sectors page in a real browser: a click on a sector narrows every page to it."""

from __future__ import annotations

import re

from tests.e2e.conftest import Server, Watch, assert_clean, click_chart, open_page, query

# Centre of the first bar of the trace whose legend name is given, in the regional mix chart.
BAR = """(name) => {
  for (const plot of document.querySelectorAll('.js-plotly-plot')) {
    const traces = plot._fullData || [];
    const index = traces.findIndex(t => t.type === 'bar' && t.name === name && t.orientation === 'h');
    if (index < 0 || !plot.querySelector('.barlayer')) continue;
    const bars = plot.querySelectorAll('.barlayer .trace')[index].querySelectorAll('path');
    bars[0].scrollIntoView({block: 'center'});
    const box = bars[0].getBoundingClientRect();
    if (box.width > 4) return {x: box.x + box.width / 2, y: box.y + box.height / 2};
  }
  return null;
}"""


def test_a_click_on_a_sector_segment_filters_every_page(server: Server, watched: tuple[object, Watch]) -> None:
    page, watch = watched
    open_page(page, f"{server.url}/Sectors")
    click_chart(page, BAR, "Academia", expect="sector=academia")
    assert query(page) == {"sector": ["academia"]}
    assert page.get_by_text(re.compile(r"^Of the \d+ members shown, \d+ are universities\.$")).count() == 1  # type: ignore[attr-defined]
    assert_clean(page, watch)
