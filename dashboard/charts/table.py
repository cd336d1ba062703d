"""The numbers a figure draws, read back from the figure as a table (the chart's "show the data").

Reading them from the figure, not from the frame a page passed in, guarantees that the table and
the picture never disagree and that every chart gets a table without its page doing anything.
Figures carry data text escaped for Plotly (``figures.plot_text``); the table shows it as typed.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Sequence
from numbers import Number
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from dashboard.formats import number

COLUMNS = ("group", "name", "value")  # the table's columns; the UI translates the headers
Row = tuple[str, str, Any]


def figure_table(fig: go.Figure) -> pd.DataFrame:
    """One row per drawn bar, cell, tile or point: its group (series, row or parent), its name and its value.

    The group column is dropped when the chart has a single series; an empty frame means the figure
    has no trace this function can read."""
    rows = [row for trace in fig.data for row in _rows(trace, fig.layout)]
    table = pd.DataFrame([_as_typed(row) for row in rows], columns=list(COLUMNS))
    if table["group"].nunique() <= 1:
        table = table.drop(columns="group")
    return table


def shown_number(value: object, lang: str) -> object:
    """A count or measure as the language writes it (``1 234``, ``37,5`` in French); anything else unchanged."""
    if isinstance(value, Number) and not isinstance(value, bool) and value == value:  # NaN stays as it is
        return number(value, lang)  # type: ignore[arg-type]
    return value


def _as_typed(row: Row) -> Row:
    """A row's texts unescaped, so "AT&amp;T" on the chart reads "AT&T" in the table."""
    return tuple(html.unescape(v) if isinstance(v, str) else v for v in row)  # type: ignore[return-value]


def _rows(trace: Any, layout: Any) -> Iterator[Row]:
    kind = trace.type
    if kind == "bar":
        yield from _bar_rows(trace)
    elif kind == "heatmap":
        for y, line in zip(trace.y, trace.z, strict=True):
            yield from ((str(y), str(x), v) for x, v in zip(trace.x, line, strict=True))
    elif kind == "treemap":
        names = dict(zip(trace.ids, trace.labels, strict=True))
        parents = trace.parents
        yield from ((names.get(p, ""), str(n), v) for n, p, v in zip(trace.labels, parents, trace.values, strict=True))
    elif kind == "scatter":
        yield from _scatter_rows(trace, layout)


def _bar_rows(trace: Any) -> Iterator[Row]:
    """A bar's label and its count (the count is in customdata when the bar length is a share)."""
    labels, lengths = (trace.y, trace.x) if trace.orientation == "h" else (trace.x, trace.y)
    data: Sequence[Any] = trace.customdata if trace.customdata is not None else [None] * len(labels)
    for label, length, extra in zip(labels, lengths, data, strict=True):
        value = extra[0] if isinstance(extra, Sequence) and not isinstance(extra, str) and len(extra) else length
        yield str(trace.name or ""), str(label), value


def _scatter_rows(trace: Any, layout: Any) -> Iterator[Row]:
    """A point's name is on the axis of names, its value on the axis of numbers (or of named levels)."""
    ticks = _ticks(layout.xaxis)
    if not ticks and all(isinstance(v, Number) for v in trace.y):
        yield from ((str(trace.name or ""), str(x), y) for x, y in zip(trace.x, trace.y, strict=True))
    else:
        yield from ((str(trace.name or ""), str(y), ticks.get(x, x)) for x, y in zip(trace.x, trace.y, strict=True))


def _ticks(axis: Any) -> dict[Any, str]:
    """Tick value -> tick text on one line, for charts whose axis positions stand for named levels."""
    if axis.tickvals is None or axis.ticktext is None:
        return {}
    return dict(zip(axis.tickvals, (str(v).replace("<br>", " ") for v in axis.ticktext), strict=True))
