"""Figures kept from one start to the next: read back only for inputs equal in every value, and only while the
server warms up; a figure of any other input is built as before."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from dashboard.charts import kept
from dashboard.members import figures
from dashboard.ui import charts

SECTORS = {"company": "Company", "academia": "Academia"}


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(folder))
    charts._figure_dict.clear()
    yield folder
    charts._figure_dict.clear()


def _counts(company: int = 25) -> pd.DataFrame:
    return pd.DataFrame({"sector": ["company", "academia"], "count": [company, 18]})


def _draw(counts: pd.DataFrame) -> dict:
    return charts.figure(figures.sector_bar, counts, labels=SECTORS, title="t", source="s", axis="a").to_dict()


def _builds(caplog: pytest.LogCaptureFixture) -> int:
    return sum("building figure" in r.getMessage() for r in caplog.records)


def _new_start() -> None:
    """What a new process starts with: an empty in-memory figure cache."""
    charts._figure_dict.clear()


def test_the_next_start_reads_back_a_figure_of_unchanged_inputs_and_builds_a_changed_one(
    cache: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="dashboard.ui.charts")
    with kept.recording():
        first = _draw(_counts())
    assert _builds(caplog) == 1 and list(cache.glob("figures-*.pickle"))
    _new_start()
    with kept.recording():
        again = _draw(_counts())
        changed = _draw(_counts(company=26))
    assert _builds(caplog) == 2, "the unchanged figure was read back, the changed one built"
    assert again == first
    assert changed != first


def test_figures_no_default_view_uses_any_more_are_dropped(cache: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="dashboard.ui.charts")
    with kept.recording():
        _draw(_counts(1))
        _draw(_counts(2))
    _new_start()
    with kept.recording():
        _draw(_counts(2))
    _new_start()
    with kept.recording() as store:
        assert set(store.known) == {kept.inputs_key(*_args(_counts(2)))}


def _args(counts: pd.DataFrame) -> tuple:
    return (figures.sector_bar.__module__, figures.sector_bar.__qualname__, (counts,),
            {"labels": SECTORS, "title": "t", "source": "s", "axis": "a"})  # fmt: skip


def test_outside_the_warm_up_nothing_is_read_or_written(cache: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="dashboard.ui.charts")
    _draw(_counts())
    assert not cache.exists() or not list(cache.glob("figures-*"))
    with kept.recording():
        _draw(_counts(3))
    _new_start()
    _draw(_counts(3))
    assert _builds(caplog) == 3, "a reader's run builds; only the warm-up reads kept figures"


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (pd.DataFrame({"x": [1, 2]}), pd.DataFrame({"x": [1, 3]})),
        (pd.DataFrame({"x": [1]}), pd.DataFrame({"x": [1.0]})),
        (pd.DataFrame({"x": [1]}), pd.DataFrame({"y": [1]})),
        (pd.Series([1, 2]), pd.Series([1, 2], index=[1, 2])),
        ({"a": 1, "b": 2}, {"b": 2, "a": 1}),  # a label mapping's order is the chart's order
        ((1, 2), [1, 2]),
        (1, 1.0),
        (1, True),
        ("2024-01-01", date(2024, 1, 1)),
        (frozenset({"a"}), frozenset({"a", "b"})),
    ],
)
def test_inputs_that_differ_in_any_value_or_kind_have_different_keys(one: object, other: object) -> None:
    assert kept.inputs_key("m", "f", (one,), {}) != kept.inputs_key("m", "f", (other,), {})


def test_equal_inputs_share_a_key_whatever_the_order_of_a_set() -> None:
    ids = [f"member-{i}" for i in range(100)]
    assert kept.inputs_key("m", "f", (), {"marked": set(ids)}) == kept.inputs_key(
        "m", "f", (), {"marked": set(reversed(ids))}
    )
    frame = pd.DataFrame({"x": [1, 2]})
    assert kept.inputs_key("m", "f", (frame,), {}) == kept.inputs_key("m", "f", (frame.copy(),), {})


def test_an_input_without_an_exact_form_is_not_kept() -> None:
    assert kept.inputs_key("m", "f", (object(),), {}) is None


def test_a_snapshot_folder_inside_the_data_folder_keeps_nothing_and_fails_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from dashboard import paths

    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(paths.DATA_DIR / "cache"))
    charts._figure_dict.clear()
    with kept.recording() as store:
        assert not store.recording
        _draw(_counts(4))
    assert "figures not kept" in caplog.text
    assert not (paths.DATA_DIR / "cache").exists()
    charts._figure_dict.clear()
