"""The world map in a real browser: offline shapes, one point per member, small countries, clicks, sub-path."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pandas as pd
import pytest

from dashboard import paths
from dashboard.maps.transform import topology_countries
from dashboard.members.filters import FilterState, apply
from dashboard.members.load import load_members
from tests.e2e.conftest import (
    Server,
    Watch,
    assert_clean,
    click_chart,
    open_page,
    query,
    screenshot,
    settle,
    start_server,
    stop_server,
)

GEO = """() => {
  const size = sel => [...document.querySelectorAll(sel)].map(p => (p.getAttribute('d') || '').length);
  return {
    land: size('.geo .land path'),
    borders: size('.geo .countries path'),
    shaded: size('.geo .choroplethlayer path').filter(n => n > 20).length,
    points: document.querySelectorAll('.geo .scatterlayer path.point').length,
  };
}"""
# A screen point inside the shape of one country on the shaded map (found with the path's own fill test).
INSIDE = """(code) => {
  for (const path of document.querySelectorAll('.geo .choroplethlayer path')) {
    const datum = path.__data__;
    if (!datum || datum.loc !== code) continue;
    path.scrollIntoView({block: 'center'});
    const box = path.getBBox(), ctm = path.getScreenCTM();
    for (let i = 1; i < 40; i++) for (let j = 1; j < 40; j++) {
      const x = box.x + box.width * i / 40, y = box.y + box.height * j / 40;
      if (path.isPointInFill(new DOMPoint(x, y))) {
        const p = new DOMPoint(x, y).matrixTransform(ctm);
        return {x: p.x, y: p.y};
      }
    }
  }
  return null;
}"""


@pytest.fixture(scope="module")
def members() -> pd.DataFrame:
    """What a link without a membership date shows: the launch."""
    return apply(load_members(), FilterState())


def test_deep_link_to_singapore_shows_its_member_on_a_fresh_server(
    server: Server, watched: tuple[object, Watch], members: pd.DataFrame
) -> None:
    page, watch = watched
    open_page(page, f"{server.url}/World_map?country=SGP")
    singapore = members[members["country"] == "SGP"]
    assert page.evaluate(GEO)["points"] == len(singapore)  # type: ignore[attr-defined]
    table = page.locator('[data-testid="stTable"]').inner_text()  # type: ignore[attr-defined]
    assert all(name in table for name in singapore["short_name"])
    # Singapore has no shape at this resolution: the shaded view marks it with a dot instead.
    open_page(page, f"{server.url}/World_map?country=SGP&view=countries")
    assert "SGP" not in topology_countries(paths.WORLD_TOPOLOGY)
    assert page.evaluate(GEO)["points"] == 1  # type: ignore[attr-defined]
    assert_clean(page, watch)


def test_shapes_draw_offline_and_every_placed_member_is_a_point(
    server: Server, watched: tuple[object, Watch], members: pd.DataFrame
) -> None:
    page, watch = watched
    open_page(page, f"{server.url}/World_map")
    geo = page.evaluate(GEO)  # type: ignore[attr-defined]
    assert geo["land"] and min(geo["land"]) > 1000, "land shapes did not draw"
    assert geo["borders"] and min(geo["borders"]) > 1000, "country borders did not draw"
    assert geo["points"] == members["lat"].notna().sum()
    screenshot(page, "world_map-points")
    open_page(page, f"{server.url}/World_map?view=countries")
    shaped = set(members["country"].dropna()) & topology_countries(paths.WORLD_TOPOLOGY)
    assert page.evaluate(GEO)["shaded"] == len(shaped)  # type: ignore[attr-defined]
    open_page(page, f"{server.url}/World_map?view=countries&preset=europe")
    screenshot(page, "world_map-countries-europe")
    assert_clean(page, watch)


def test_a_click_on_a_country_filters_the_url_and_the_table(
    server: Server, watched: tuple[object, Watch], members: pd.DataFrame
) -> None:
    page, watch = watched
    open_page(page, f"{server.url}/World_map?view=countries")
    click_chart(page, INSIDE, "JPN", expect="country=JPN")
    assert query(page)["country"] == ["JPN"]
    rows = page.locator('[data-testid="stTable"] tbody tr')  # type: ignore[attr-defined]
    assert rows.count() == 1 and "Japan" in rows.first.inner_text()
    page.get_by_role("button", name=re.compile("Show all countries")).click()  # type: ignore[attr-defined]
    settle(page)
    assert "country" not in query(page)
    assert page.locator('[data-testid="stTable"] tbody tr').count() == members["country"].nunique()  # type: ignore[attr-defined]
    assert_clean(page, watch)


@pytest.fixture(scope="module")
def sub_path_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(tmp_path_factory.mktemp("explorer"), "--server.baseUrlPath=explorer")
    yield running
    stop_server(running)


def test_the_map_draws_under_a_base_url_path(sub_path_server: Server, watched: tuple[object, Watch]) -> None:
    page, watch = watched
    assert sub_path_server.url.endswith("/explorer")
    open_page(page, f"{sub_path_server.url}/World_map?view=countries")
    geo = page.evaluate(GEO)  # type: ignore[attr-defined]
    assert geo["shaded"] > 5 and min(geo["land"]) > 1000
    assert_clean(page, watch)


PLACES = """() => {
  const gd = document.querySelector('.js-plotly-plot');
  const places = {};
  for (const trace of gd.data) for (const row of (trace.customdata || [])) places[row[0]] = row[2];
  return {places, legend: [...gd.querySelectorAll('.legendtext')].map(t => t.textContent)};
}"""


def test_founders_known_only_to_their_state_are_drawn_and_say_so(
    server: Server, watched: tuple[object, Watch], members: pd.DataFrame
) -> None:
    page, watch = watched
    open_page(page, f"{server.url}/World_map?preset=north_america")
    found = page.evaluate(PLACES)  # type: ignore[attr-defined]
    assert found["places"]["together-ai"] == "Somewhere in California, United States (per the Alliance's members map)"
    assert found["places"]["openteams"].startswith("Somewhere in Texas")
    assert "Region or country only" in found["legend"]
    assert page.evaluate(GEO)["points"] == members["country"].notna().sum()  # type: ignore[attr-defined]
    screenshot(page, "world_map-points-north-america")
    open_page(page, f"{server.url}/Members?member=quansight")
    text = page.locator('[data-testid="stMain"]').inner_text()  # type: ignore[attr-defined]
    assert "Somewhere in Texas, United States (per the Alliance's members map)" in text
    assert "drawn at the centre of Texas, United States" in text
    assert_clean(page, watch)
