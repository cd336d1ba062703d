"""Built figures are kept in plain form and rebuilt per run: the rebuilt figure must be the figure built."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard.charts.table import figure_table
from dashboard.members import figures
from dashboard.ui.charts import _arrays, figure

SECTORS = {"company": "Company", "academia": "Academia"}


def _same(built: go.Figure, rebuilt: go.Figure) -> None:
    assert json.loads(rebuilt.to_json()) == json.loads(built.to_json())
    assert figure_table(rebuilt).equals(figure_table(built))


def test_a_bar_chart_comes_back_the_same() -> None:
    counts = pd.DataFrame({"sector": ["company", "academia"], "count": [25, 18]})
    kwargs = {"labels": SECTORS, "title": "t", "source": "s", "axis": "a"}
    _same(figures.sector_bar(counts, **kwargs), figure(figures.sector_bar, counts, **kwargs))


def test_a_heatmap_matrix_comes_back_with_its_shape_and_whole_numbers() -> None:
    matrix = pd.DataFrame([[2, 0, 300], [1, 4, 5]], index=["company", "academia"], columns=["europe", "asia", "x"])
    kwargs = {"sector_labels": SECTORS, "region_labels": {"europe": "Europe"}, "title": "t", "source": "s"}
    built = figures.sector_region_heatmap(matrix, **kwargs)
    rebuilt = figure(figures.sector_region_heatmap, matrix, **kwargs)
    _same(built, rebuilt)
    z = np.asarray(rebuilt.data[0].z)
    assert z.shape == (2, 3) and z.dtype == np.int64 and z[0, 2] == 300


def test_each_caller_gets_a_figure_of_its_own() -> None:
    counts = pd.DataFrame({"sector": ["company"], "count": [1]})
    kwargs = {"labels": SECTORS, "title": "t", "source": "s", "axis": "a"}
    first = figure(figures.sector_bar, counts, **kwargs)
    first.update_layout(height=999)
    assert figure(figures.sector_bar, counts, **kwargs).layout.height != 999


@pytest.mark.parametrize(
    ("packed", "expected"),
    [
        ({"dtype": "i1", "bdata": "AwQE"}, [3, 4, 4]),
        ({"dtype": "f8", "bdata": "AAAAAAAA+D8AAAAAAAAEQA=="}, [1.5, 2.5]),
        ({"x": [{"dtype": "u1", "bdata": "AQI="}], "name": "kept"}, {"x": [[1, 2]], "name": "kept"}),
    ],
)
def test_packed_number_arrays_are_unpacked(packed: dict, expected: object) -> None:
    def plain(v: object) -> object:
        if isinstance(v, np.ndarray):
            return v.tolist()
        if isinstance(v, dict):
            return {k: plain(x) for k, x in v.items()}
        if isinstance(v, list):
            return [plain(x) for x in v]
        return v

    assert plain(_arrays(packed)) == expected


def test_frames_are_told_apart_by_every_value_even_with_lists_in_cells() -> None:
    from dashboard.charts.kept import frame_key as _frame_key

    big = pd.DataFrame({"n": range(60_000), "tags": [["a"]] * 60_000})
    changed = big.copy()
    changed.loc[59_999, "n"] = -1
    assert _frame_key(big) != _frame_key(changed)
    assert _frame_key(big) == _frame_key(big.copy())
    assert _frame_key(pd.DataFrame({"x": [1]})) != _frame_key(pd.DataFrame({"x": [1.0]}))
