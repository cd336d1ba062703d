"""Map and sector transforms and figures, asserted as objects on the shipped data and tiny frames."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from dashboard import paths
from dashboard.charts.theme import SECTOR_COLORS
from dashboard.maps.figures import country_choropleth, member_points_map
from dashboard.maps.transform import count_by_country, locate_countries, map_points, topology_countries
from dashboard.members.figures import sector_mix_bar, sector_region_heatmap, sector_treemap
from dashboard.members.filters import FilterState, apply
from dashboard.members.load import load_members
from dashboard.members.schema import SECTORS
from dashboard.members.transform import hierarchy, sector_region_matrix, sector_shares

REGIONS = ["north_america", "latin_america", "europe", "middle_east", "africa", "asia_pacific"]


@pytest.fixture(scope="module")
def members() -> pd.DataFrame:
    """The launch view, what a link without a membership date shows (later members add a second Tokyo spot)."""
    return apply(load_members(), FilterState())


def test_every_placed_member_is_one_point_in_its_sector_colour(members: pd.DataFrame) -> None:
    points = map_points(members)
    fig = member_points_map(points, sector_labels={}, title="t", source="s", preset="world", here_label="{count} here")
    markers = [t for t in fig.data if t.mode == "markers"]
    assert sum(len(t.lat) for t in markers) == members["lat"].notna().sum()
    for trace in markers:
        assert trace.type == "scattergeo"
        assert trace.marker.color == SECTOR_COLORS[trace.name]
    ids = [row[0] for t in markers for row in t.customdata]
    assert sorted(ids) == sorted(members.dropna(subset=["lat"])["id"])


def test_members_sharing_a_city_are_spread_and_list_each_other(members: pd.DataFrame) -> None:
    points = map_points(members)
    minato = points[(points["city"] == "Tokyo") & (points["here_count"] > 1)]
    tokyo = members[members["city"] == "Tokyo"]
    shared = tokyo[tokyo.duplicated(subset=["lat", "lon"], keep=False)]
    assert len(shared) >= 2, "the shipped data has members sharing a Tokyo location"
    assert set(minato["short_name"]) == set(shared["short_name"])
    assert len(set(zip(minato["plot_lat"].round(4), minato["plot_lon"].round(4), strict=True))) == len(minato)
    assert (minato["here_count"] == len(minato)).all()
    assert set(minato.iloc[0]["here"]) == set(minato["short_name"])
    assert (abs(points["plot_lat"] - points["lat"]) < 2).all()


def test_the_count_labels_show_how_many_share_a_location(members: pd.DataFrame) -> None:
    fig = member_points_map(map_points(members), sector_labels={}, title="t", source="s", preset="world",
                            here_label="{count}")  # fmt: skip
    (labels,) = [t for t in fig.data if t.mode == "text"]
    largest = int(members.dropna(subset=["lat"]).groupby(["lat", "lon"]).size().max())
    assert largest > 1
    assert str(largest) in list(labels.text)


def test_shading_equals_the_count_per_country(members: pd.DataFrame) -> None:
    counts = count_by_country(members)
    fig = country_choropleth(counts, title="t", source="s", preset="europe", colorbar_title="Members")
    shading = fig.data[0]
    assert shading.type == "choropleth"
    expected = members["country"].value_counts()
    shown = {row[0]: row[2] for row in shading.customdata}
    names = members.drop_duplicates("country").set_index("country_name")["country"]
    assert {names[k]: v for k, v in shown.items()} == {k: int(v) for k, v in expected.items()}
    assert list(shading.z) == pytest.approx([math.log(v) for v in counts["count"]])
    assert fig.layout.geo.projection.scale > 1
    assert shading.colorbar.ticktext[-1] == str(expected.max())


def test_countries_without_a_shape_get_a_marker(members: pd.DataFrame) -> None:
    shaped = topology_countries(paths.WORLD_TOPOLOGY)
    assert "USA" in shaped and "SGP" not in shaped
    located = locate_countries(members)
    fig = country_choropleth(count_by_country(members), title="t", source="s", preset="world",
                             colorbar_title="Members", markers=located[~located["country"].isin(shaped)])  # fmt: skip
    assert [row[0] for row in fig.data[1].customdata] == ["Singapore"]


def test_count_by_country_lists_the_members(members: pd.DataFrame) -> None:
    counts = count_by_country(members)
    assert counts["count"].sum() == members["country"].notna().sum()
    che = counts.set_index("country").loc["CHE"]
    assert che["count"] == 3 and "ETH Zurich" in che["members"]


def test_matrix_and_shares_add_up(members: pd.DataFrame) -> None:
    matrix = sector_region_matrix(members, SECTORS, REGIONS)
    assert int(matrix.to_numpy().sum()) == members["region"].notna().sum()
    shares = sector_shares(members, SECTORS, REGIONS)
    assert shares.groupby("region")["share"].sum().round(9).eq(1).all()
    fig = sector_region_heatmap(matrix, sector_labels={}, region_labels={}, title="t", source="s")
    assert fig.data[0].type == "heatmap" and [list(r) for r in fig.data[0].z] == matrix.to_numpy().tolist()
    bars = sector_mix_bar(shares, sector_labels={}, region_labels={}, title="t", source="s", axis="a")
    assert [t.name for t in bars.data] == [s for s in SECTORS if s in set(shares["sector"])]
    assert bars.layout.barmode == "stack"
    assert all(t.marker.color == SECTOR_COLORS[t.name] for t in bars.data)


def test_hierarchy_and_treemap_count_every_member(members: pd.DataFrame) -> None:
    nodes = hierarchy(members)
    assert (nodes["kind"] == "member").sum() == len(members)
    roots = nodes[nodes["parent"] == ""]
    assert roots["value"].sum() == len(members)
    assert set(roots["id"]) == set(members["sector"])
    fig = sector_treemap(nodes, sector_labels={"company": "Company"}, title="t", source="s")
    assert fig.data[0].type == "treemap" and fig.data[0].branchvalues == "total"
    assert "Company" in fig.data[0].labels


def test_french_maps_use_french_numbers_and_punctuation(members: pd.DataFrame) -> None:
    counts = count_by_country(members)
    fig = country_choropleth(counts, title="t", source="s", preset="world", colorbar_title="Membres", lang="fr")
    assert fig.layout.separators == ",\u202f"
    assert fig.data[0].hovertemplate.startswith("<b>%{customdata[0]}</b>\u00a0: %{customdata[2]}")
    points = map_points(members)
    fig = member_points_map(points, sector_labels={}, title="t", source="s", preset="world",
                            here_label="{count} membres ici : {names}", lang="fr")  # fmt: skip
    shared = [row[3] for t in fig.data if t.mode == "markers" and t.customdata for row in t.customdata if row[3]]
    assert shared and all(h.startswith("<br>") and " membres ici : " in h for h in shared)
    assert fig.layout.separators == ",\u202f"
