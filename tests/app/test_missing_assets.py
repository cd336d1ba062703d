"""The map's country shapes missing on the server: the World map still shows every member, with a notice."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from dashboard import paths
from dashboard.members.filters import FilterState, apply
from dashboard.members.load import load_members
from tests.app.conftest import run_page


def chart_types(at: object) -> set[str]:
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)  # type: ignore[attr-defined]
    return {trace["type"] for trace in spec["data"]} | ({"geo"} if "geo" in spec["layout"] else set())


@pytest.mark.parametrize("view", ["points", "countries"])
def test_without_shapes_the_map_draws_points_on_a_plain_plane_with_a_notice(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, view: str
) -> None:
    monkeypatch.setattr(paths, "WORLD_TOPOLOGY", tmp_path / "world_110m.json")  # not there
    at = run_page("pages/2_World_map.py", view=view)
    assert not at.exception, at.exception
    assert len(at.warning) == 1 and "country shapes" in at.warning[0].value
    assert chart_types(at) == {"scatter"}, "points on a blank background, nothing fetched for shapes"
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    placed = int(apply(load_members(), FilterState())["lat"].notna().sum())  # the launch view a bare link shows
    assert sum(len(t.get("customdata", [])) for t in spec["data"]) == placed, "every member with coordinates"
    assert len(at.table) == 1, "the table of countries is still there"


def test_a_restored_shapes_file_brings_the_map_back(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    topology = tmp_path / "world_110m.json"
    monkeypatch.setattr(paths, "WORLD_TOPOLOGY", topology)
    at = run_page("pages/2_World_map.py")
    assert at.warning
    shutil.copy(paths.TOPOJSON_DIR / "world_110m.json", topology)
    at.run()
    assert not at.warning and chart_types(at) == {"scattergeo", "geo"}
