"""Representative points for members known only to a region or a country, derived from the map's own shapes."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.places import load_places

# (country, region) -> a box the point must fall in: (south, north, west, east)
BOXES = {
    ("USA", "California"): (32.5, 42.0, -124.5, -114.1),
    ("USA", "Texas"): (25.8, 36.5, -106.7, -93.5),
    ("USA", "New York"): (40.5, 45.0, -79.8, -71.8),
    ("USA", "District of Columbia"): (38.7, 39.0, -77.2, -76.9),
    ("ESP", None): (36.0, 43.8, -9.3, 3.3),  # mainland Spain, not the Canary Islands (a geometry of their own)
    ("AUS", None): (-39.0, -10.0, 113.0, 154.0),
    ("JPN", None): (31.0, 45.5, 129.5, 146.0),
    ("FRA", None): (42.3, 51.1, -4.8, 8.2),  # metropolitan France, not French Guiana
}


@pytest.mark.parametrize(("country", "region"), list(BOXES))
def test_a_region_or_country_is_drawn_inside_it(country: str, region: str | None) -> None:
    point = load_places().point(country, region)
    south, north, west, east = BOXES[(country, region)]
    assert point is not None and south <= point[0] <= north and west <= point[1] <= east, point


def test_unknown_places_have_no_point() -> None:
    places = load_places()
    assert places.point("CHE", "Zurich") is None, "regions are known for US states only"
    assert places.point("SGP", None) is None, "no shape for Singapore at this resolution"


def test_missing_shape_files_give_no_points_rather_than_an_error(tmp_path: Path) -> None:
    places = load_places(tmp_path / "none.json", tmp_path / "none.json")
    assert places.point("USA", "California") is None and places.point("FRA", None) is None


def test_members_still_load_when_the_shapes_are_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dashboard import places
    from dashboard.members.load import load_member_records, members_frame, reference_tables

    monkeypatch.setattr(places, "load_places", lambda: places.Places({}, {}))
    monkeypatch.setattr("dashboard.members.load.load_places", lambda: places.Places({}, {}))
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path))
    records = load_member_records()
    frame = members_frame(records, *reference_tables())
    imprecise = frame[frame["precision"].isin(["region", "country"])]
    assert len(imprecise) > 0 and imprecise["lat"].isna().all(), "placed nowhere rather than guessed"
