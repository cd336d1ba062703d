"""World map and Sectors pages: their own URL keys round-trip, charts follow the filters."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from dashboard.members.filters import FilterState, apply
from dashboard.members.load import load_members
from tests.app.conftest import run_page, share_link, url_values


def figure(at: AppTest, index: int = 0) -> dict:
    return json.loads(at.get("plotly_chart")[index].proto.spec)


def test_map_defaults_to_points_of_the_world_with_a_bare_url() -> None:
    at = run_page("pages/2_World_map.py")
    assert not at.exception
    fig = figure(at)
    assert {t["type"] for t in fig["data"]} == {"scattergeo"}
    assert "view" not in at.query_params and "preset" not in at.query_params
    config = json.loads(at.get("plotly_chart")[0].proto.config)
    assert config["topojsonURL"] == "/app/static/topojson/"


def test_view_and_preset_round_trip_through_the_url() -> None:
    at = run_page("pages/2_World_map.py", view="countries", preset="europe")
    fig = figure(at)
    assert fig["data"][0]["type"] == "choropleth"
    assert fig["layout"]["geo"]["projection"]["scale"] > 1
    assert url_values(at, "view") == ["countries"] and url_values(at, "preset") == ["europe"]
    link = share_link(at)
    assert "view=countries" in link and "preset=europe" in link


def test_invalid_view_and_preset_are_dropped_quietly() -> None:
    at = run_page("pages/2_World_map.py", view="globe", preset="mars")
    assert not at.exception
    assert any("were not recognised" in c.value for c in at.caption)
    assert "view" not in at.query_params and "preset" not in at.query_params


def test_map_table_counts_agree_with_the_filtered_data() -> None:
    members = load_members()
    at = run_page("pages/2_World_map.py", region="europe")
    table = at.table[0].value
    europe = apply(members, FilterState(region=("europe",)))
    assert int(table.iloc[:, 0].sum()) == len(europe)


def test_country_filter_shows_a_control_to_clear_it() -> None:
    at = run_page("pages/2_World_map.py", country="SGP")
    clear = [b for b in at.button if b.label.startswith("Show all countries")]
    assert clear and "Singapore" in clear[0].label
    clear[0].click().run()
    assert "country" not in at.query_params


def test_sectors_summary_and_charts_follow_the_filters() -> None:
    members = load_members()
    at = run_page("pages/3_Sectors.py", region="europe")
    europe = apply(members, FilterState(region=("europe",)))
    assert any(m.value.startswith(f"Of the {len(europe)} members shown, ") for m in at.markdown)
    types = [figure(at, i)["data"][0]["type"] for i in range(3)]
    assert types == ["treemap", "heatmap", "bar"]
    heat = figure(at, 1)["data"][0]
    assert sum(sum(row) for row in heat["z"]) == len(europe)


def test_map_and_sector_counts_agree_with_the_validator_for_the_same_filters() -> None:
    import re
    import subprocess
    import sys

    from dashboard import paths

    cli = subprocess.run(
        [sys.executable, "-m", "dashboard", "validate", "--region", "europe", "--sector", "academia"],
        cwd=paths.ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    found = re.search(
        r"matching .*: (\d+) members?(?: \([^)]*\))?, (\d+) countr(?:y|ies), (\d+) sectors?$", cli.stdout.strip()
    )
    assert found, cli.stdout
    members, countries, _ = map(int, found.groups())
    world = run_page("pages/2_World_map.py", region="europe", sector="academia")
    table = world.table[0].value
    assert (int(table.iloc[:, 0].sum()), len(table)) == (members, countries)
    assert any(m.value.startswith(f"Of the {members} members shown") for m in world.markdown)
    sectors = run_page("pages/3_Sectors.py", region="europe", sector="academia")
    assert any(m.value.startswith(f"Of the {members} members shown") for m in sectors.markdown)
