"""Coalitions in a real browser: both sides, the sentence for the date, the timeline, at desktop and phone width."""

from __future__ import annotations

from tests.e2e.conftest import PHONE, Server, Watch, assert_clean, open_page, query, screenshot, settle

TIMELINE = """() => [...document.querySelectorAll('.js-plotly-plot')].map(plot => {
  const box = plot.getBoundingClientRect();
  return {points: plot.querySelectorAll('.scatterlayer path.point').length,
          overflow: box.right > window.innerWidth + 1};
})"""


def main_text(page: object) -> str:
    return str(page.locator('[data-testid="stMain"]').inner_text())  # type: ignore[attr-defined]


def assert_timeline_drew(page: object) -> None:
    plots = page.evaluate(TIMELINE)  # type: ignore[attr-defined]
    assert len(plots) == 1 and plots[0]["points"] >= 5 and not plots[0]["overflow"], plots


def test_at_the_launch_no_one_is_in_both_and_the_page_fits_a_phone(
    server: Server, watched: tuple[object, Watch]
) -> None:
    page, watch = watched
    open_page(page, f"{server.url}/Coalitions")
    assert "On 5 December 2023, no organisation shown was in both coalitions." in main_text(page)
    assert_timeline_drew(page)
    screenshot(page, "coalitions-launch")
    page.set_viewport_size(PHONE)  # type: ignore[attr-defined]
    settle(page)
    assert_timeline_drew(page)
    assert_clean(page, watch)


def test_a_later_date_in_the_link_shows_meta_in_both_with_its_sources(
    server: Server, watched: tuple[object, Watch]
) -> None:
    page, watch = watched
    open_page(page, f"{server.url}/Coalitions?asof=2026-04-08")
    assert query(page)["asof"] == ["2026-04-08"]
    text = main_text(page)
    assert "On 8 April 2026, 1 organisation was in both coalitions: Meta." in text
    assert "counts them as members from 31 December 2024" in text
    sources = page.locator('[data-testid="stMain"] a', has_text="source")  # type: ignore[attr-defined]
    assert sources.count() >= 10
    assert all(h.startswith("https://") for h in sources.evaluate_all("els => els.map(e => e.href)"))
    assert_timeline_drew(page)
    screenshot(page, "coalitions-2026")
    assert_clean(page, watch)
