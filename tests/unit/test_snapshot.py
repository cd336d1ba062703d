"""Snapshots: a restart with unchanged files skips the build; a changed file, a failed build or a read-only
cache never serves stale or broken data."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard import paths, snapshot


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(folder))
    return folder


def test_unchanged_files_are_read_from_the_snapshot_and_a_changed_one_is_built_again(
    tmp_path: Path, cache: Path
) -> None:
    data = tmp_path / "members.yaml"
    data.write_text("a", encoding="utf-8")
    builds: list[int] = []

    def build() -> dict[str, int]:
        builds.append(1)
        return {"rows": len(builds)}

    assert snapshot.cached("t", [data], build) == {"rows": 1}
    assert snapshot.cached("t", [data], build) == {"rows": 1} and len(builds) == 1, "served from the snapshot"
    data.write_text("b", encoding="utf-8")
    assert snapshot.cached("t", [data], build) == {"rows": 2}, "a changed file is read again"
    assert len(list(cache.glob("t-*.pickle"))) == 1, "the stale snapshot is gone"


def test_a_build_that_fails_saves_nothing(tmp_path: Path, cache: Path) -> None:
    data = tmp_path / "members.yaml"
    data.write_text("broken", encoding="utf-8")

    def build() -> None:
        raise ValueError("broken file")

    with pytest.raises(ValueError):
        snapshot.cached("t", [data], build)
    assert not list(cache.glob("*.pickle"))


def test_a_cache_that_cannot_be_written_still_gives_the_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(blocker / "cache"))  # a folder cannot be made inside a file
    assert snapshot.cached("t", [blocker], lambda: 42) == 42


def test_the_cache_is_never_inside_the_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(paths.DATA_DIR / "cache"))
    with pytest.raises(ValueError, match="inside the data folder"):
        snapshot.cached("t", [], lambda: 1)


def test_a_restart_reads_the_member_frame_and_the_events_without_the_member_records(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dashboard.growth import load as growth_load
    from dashboard.members import load as members_load

    frame, events = members_load.load_members(), growth_load.load_checked_events()
    assert sorted(p.name.split("-")[0] for p in cache.glob("*.pickle")) == ["events", "member", "members"]

    def no_records(*args: object, **kwargs: object) -> None:
        raise AssertionError("the member records were read again")

    monkeypatch.setattr(members_load, "load_member_records", no_records)
    monkeypatch.setattr(growth_load, "load_member_records", no_records)
    assert members_load.load_members().equals(frame)
    assert growth_load.load_checked_events().equals(events)
