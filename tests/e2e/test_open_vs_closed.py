"""Open vs closed in a real browser: every chart draws at desktop and phone width; the edition picker (now
on Transparency); a model= link shows the models side by side, and fits a phone."""

from __future__ import annotations

from tests.e2e.conftest import PHONE, Server, Watch, assert_clean, open_page, query, screenshot, settle
from tests.e2e.test_transparency import OVERFLOW

# For every chart: its title and whether it has drawn marks (points, bars or heatmap cells) with a real size.
CHARTS = """() => [...document.querySelectorAll('.js-plotly-plot')].map(plot => {
  const box = plot.getBoundingClientRect();
  const marks = plot.querySelectorAll('.scatterlayer path.point, .barlayer path, .heatmaplayer image, .hm image');
  const title = (plot.layout && plot.layout.title && plot.layout.title.text) || '';
  return {title: title.replace(/<br>/g, ' ').replace(/<[^>]+>/g, ''), width: box.width,
          marks: marks.length, overflow: box.right > window.innerWidth + 1};
})"""
TITLES = ("Where each model sits on the release gradient",)  # the Transparency Index's charts moved to Transparency


def charts(page: object) -> list[dict[str, object]]:
    return page.evaluate(CHARTS)  # type: ignore[attr-defined,no-any-return]


def assert_every_chart_drew(page: object) -> None:
    found = charts(page)
    for title in TITLES:
        chart = next((c for c in found if str(c["title"]).startswith(title)), None)
        assert chart is not None, f"missing chart {title!r}: {[c['title'] for c in found]}"
        assert chart["marks"], f"{title!r} drew nothing"
        assert not chart["overflow"], f"{title!r} is wider than the screen"


def test_every_chart_draws_at_desktop_and_phone_width(server: Server, watched: tuple[object, Watch]) -> None:
    page, watch = watched
    open_page(page, f"{server.url}/Open_vs_closed")
    assert_every_chart_drew(page)
    screenshot(page, "open-vs-closed")
    page.set_viewport_size(PHONE)  # type: ignore[attr-defined]
    settle(page)
    assert_every_chart_drew(page)
    assert_clean(page, watch)


def test_picking_an_edition_on_transparency_puts_it_in_the_url_and_redraws_the_breakdown(
    server: Server, watched: tuple[object, Watch]
) -> None:
    page, watch = watched
    open_page(page, f"{server.url}/Transparency")
    pills = page.locator('[data-testid="stButtonGroup"]')  # type: ignore[attr-defined]
    pills.get_by_text("October 2023", exact=True).click()
    settle(page)
    assert query(page) == {"edition": ["2023-10"]}
    assert any(str(c["title"]).endswith("October 2023 (%)") for c in charts(page))
    page.reload()  # type: ignore[attr-defined]
    settle(page)
    assert any(str(c["title"]).endswith("October 2023 (%)") for c in charts(page))
    screenshot(page, "transparency-2023")
    assert_clean(page, watch)


MODELS = "Open_vs_closed?model=olmo-7b-instruct&model=llama-3-1&model=chatgpt&model=bloomz"


def test_a_model_link_shows_the_models_side_by_side_without_overflow_on_a_phone(
    server: Server, watched: tuple[object, Watch]
) -> None:
    page, watch = watched
    open_page(page, f"{server.url}/{MODELS}")
    table = page.locator('[data-testid="stTable"]', has_text="Base model weights")  # type: ignore[attr-defined]
    for words in ("OLMo 7B Instruct", "Llama 3.1", "ChatGPT", "BLOOMZ", "Peer-reviewed paper", "● open"):
        assert table.get_by_text(words, exact=False).count() >= 1, words
    assert table.locator('a[href="https://github.com/allenai/OLMo"]').count() == 1
    assert query(page)["model"] == ["olmo-7b-instruct", "llama-3-1", "chatgpt", "bloomz"]
    screenshot(page, "open_vs_closed-models")
    page.set_viewport_size(PHONE)  # type: ignore[attr-defined]
    settle(page)
    assert page.evaluate(OVERFLOW) == 0  # type: ignore[attr-defined]
    assert_clean(page, watch)
