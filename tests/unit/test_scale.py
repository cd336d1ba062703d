"""Large datasets: the benchmark's generator, grouped map points, capped name lists, a shallower treemap."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from bench.generate import write_dataset
from dashboard import paths
from dashboard.charts.style import count_step
from dashboard.growth.load import load_events
from dashboard.maps.figures import member_cells_map
from dashboard.maps.transform import map_cells
from dashboard.members.load import load_members
from dashboard.members.schema import SECTORS
from dashboard.members.transform import hierarchy, names_text


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    folder = write_dataset(400, tmp_path_factory.mktemp("data"))
    return load_members(folder / "members.yaml", categories_path=folder / "categories.yaml",
                        regions_path=folder / "regions.yaml")  # fmt: skip


def test_every_generated_size_passes_the_whole_validator(tmp_path: Path) -> None:
    """The benchmark measures real pages only if its data validates: a refused file shows the data message."""
    for size in (57, 400):
        folder = write_dataset(size, tmp_path / str(size))
        members = load_members(folder / "members.yaml", categories_path=folder / "categories.yaml",
                               regions_path=folder / "regions.yaml", sources_path=folder / "sources.yaml")  # fmt: skip
        events = load_events(folder / "events.yaml", members_path=folder / "members.yaml",
                             sources_path=folder / "sources.yaml")  # fmt: skip
        assert len(members) == size and not events.empty


def test_generated_members_pass_validation_and_keep_the_shipped_ones(generated: pd.DataFrame) -> None:
    shipped = load_members()
    assert len(generated) == 400
    assert generated["id"].is_unique and generated["name"].is_unique
    assert list(generated["id"][: len(shipped)]) == list(shipped["id"])
    assert set(generated["sector"]) <= set(SECTORS)
    assert generated["lat"].dropna().between(-90, 90).all() and generated["lon"].dropna().between(-180, 180).all()


def test_generated_data_stays_out_of_the_data_folder(tmp_path: Path) -> None:
    folder = write_dataset(60, tmp_path / "d")
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in paths.DATA_DIR.iterdir() if p.is_file())


def test_cells_count_every_placed_member_once_per_sector(generated: pd.DataFrame) -> None:
    cells = map_cells(generated, degrees=5.0, names=3)
    placed = generated.dropna(subset=["lat", "lon"])
    assert cells["count"].sum() == len(placed)
    assert cells.groupby("sector")["count"].sum().to_dict() == placed["sector"].value_counts().to_dict()
    assert (cells["here"].map(len) <= 3).all()
    assert cells["id"].isin(placed["id"]).all()
    assert list(cells["count"]) == sorted(cells["count"], reverse=True)


def test_one_cell_per_sector_when_the_cell_covers_the_world(generated: pd.DataFrame) -> None:
    cells = map_cells(generated, degrees=400.0)
    assert sorted(cells["sector"]) == sorted(generated.dropna(subset=["lat"])["sector"].unique())


def test_cells_map_has_one_trace_per_sector_with_the_count_in_the_hover(generated: pd.DataFrame) -> None:
    cells = map_cells(generated)
    fig = member_cells_map(cells, sector_labels={}, title="t", source="s", preset="world", count_label="{count} here")
    assert len(fig.data) == cells["sector"].nunique()
    first = fig.data[0]
    assert len(first.lat) == (cells["sector"] == cells["sector"].iloc[0]).sum()
    assert first.customdata[0][1].startswith(f"{cells['count'].iloc[0]:,} here")


def test_names_beyond_the_limit_are_counted() -> None:
    assert names_text(["b", "A", "c"]) == "A, b, c"
    assert names_text(["b", "A", "c", "d"], limit=2) == "A, b, … +2"


def test_treemap_can_stop_at_categories(generated: pd.DataFrame) -> None:
    deep, shallow = hierarchy(generated), hierarchy(generated, members=False)
    assert (deep["kind"] == "member").sum() == len(generated)
    assert set(shallow["kind"]) == {"sector", "category"}
    assert shallow[shallow["kind"] == "sector"]["value"].sum() == len(generated)


def test_a_dataset_of_the_launch_size_validates_too(tmp_path: Path) -> None:
    """57 members are the founding records alone: the events must not name the later members left out."""
    folder = write_dataset(57, tmp_path / "data")
    frame = load_members(folder / "members.yaml", categories_path=folder / "categories.yaml",
                         regions_path=folder / "regions.yaml", sources_path=folder / "sources.yaml")  # fmt: skip
    assert len(frame) == 57 and (frame["joined_kind"] == "founding").all()
    events = load_events(folder / "events.yaml", members_path=folder / "members.yaml",
                         sources_path=folder / "sources.yaml")  # fmt: skip
    assert "launch" in set(events["id"]) and len(events) < len(load_events())  # the later announcement is left out


@pytest.mark.parametrize("top", [1, 8, 9, 43, 80, 81, 4_029, 100_000])
def test_count_axes_draw_at_most_about_eight_gridlines_at_any_size(top: int) -> None:
    """A fixed step of 10 drew 400 gridlines at 4,000 members, seconds of drawing in the browser."""
    step = count_step(top)
    assert top / step <= 8 and str(step)[0] in "125" and set(str(step)[1:]) <= {"0"}


def test_small_counts_keep_the_steps_they_had() -> None:
    assert [count_step(t) for t in (8, 16, 40, 43)] == [1, 2, 5, 10]
