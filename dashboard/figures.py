"""Pure figure builders: a counted frame in, a plotly Figure out; colours from one theme."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from dashboard.transform import OTHER

# Okabe & Ito's colour-blind-safe palette; each sector keeps its colour on every page.
SECTOR_COLORS: dict[str, str] = {
    "company": "#0072B2",
    "academia": "#E69F00",
    "research_institute": "#009E73",
    "government": "#CC79A7",
    "nonprofit": "#D55E00",
}
NEUTRAL = "#7F7F7F"
FONT = dict(family="Source Sans Pro, Helvetica, Arial, sans-serif", size=13)
BAR_HEIGHT = 30  # pixels per bar, so labels never overlap
BASE_HEIGHT = 120  # title, source line and margins


def _finish(fig: go.Figure, *, title: str, source: str, rows: int) -> go.Figure:
    """Title and source line on top (both land in the PNG download), room for every bar."""
    fig.update_layout(
        title=dict(
            text=title,
            x=0.01,
            xanchor="left",
            xref="container",
            font=dict(size=16),
            subtitle=dict(text=source, font=dict(size=11, color=NEUTRAL)),
        ),
        font=FONT,
        height=BASE_HEIGHT + BAR_HEIGHT * max(rows, 1),
        margin=dict(l=8, r=24, t=64, b=32),
        showlegend=False,
        bargap=0.25,
        plot_bgcolor="rgba(0,0,0,0)",
        paper_bgcolor="rgba(0,0,0,0)",
    )
    top = max((max(t.x) for t in fig.data if t.x is not None and len(t.x)), default=1)
    fig.update_xaxes(
        showgrid=True, gridcolor="rgba(127,127,127,0.25)", zeroline=False, rangemode="tozero",
        dtick=1 if top <= 8 else 2 if top <= 16 else 5 if top <= 40 else 10, range=[0, top * 1.15 + 0.5],
    )  # fmt: skip
    fig.update_yaxes(autorange="reversed", automargin=True, ticksuffix="  ")
    return fig


def _hbar(labels: list[str], counts: list[int], colors: list[str], name: str, hover: str) -> go.Bar:
    return go.Bar(
        x=counts, y=labels, orientation="h", marker=dict(color=colors), name=name,
        text=counts, textposition="outside", cliponaxis=False, hovertemplate=hover + "<extra></extra>",
        textfont=dict(size=12), constraintext="none",
    )  # fmt: skip


def sector_bar(counts: pd.DataFrame, *, labels: Mapping[str, str], title: str, source: str, axis: str) -> go.Figure:
    """Members by sector: one horizontal bar per sector (``counts``: columns sector, count)."""
    sectors = [str(s) for s in counts["sector"]]
    bar = _hbar(
        [labels.get(s, s) for s in sectors],
        [int(c) for c in counts["count"]],
        [SECTOR_COLORS.get(s, NEUTRAL) for s in sectors],
        axis,
        "%{y}: %{x}",
    )
    fig = go.Figure(bar)
    fig.update_xaxes(title_text=None, ticksuffix="")
    return _finish(fig, title=title, source=source, rows=len(sectors))


def country_bar(counts: pd.DataFrame, *, labels: Mapping[str, str], title: str, source: str, axis: str) -> go.Figure:
    """Members by country (``counts``: columns country, count; ``labels`` names each code)."""
    codes = [str(c) for c in counts["country"]]
    bar = _hbar(
        [labels.get(c, c) for c in codes],
        [int(c) for c in counts["count"]],
        [NEUTRAL if c == OTHER else "#56B4E9" for c in codes],
        axis,
        "%{y}: %{x}",
    )
    fig = go.Figure(bar)
    fig.update_xaxes(title_text=None, ticksuffix="")
    return _finish(fig, title=title, source=source, rows=len(codes))


def category_bar(
    counts: pd.DataFrame, *, sector_labels: Mapping[str, str], title: str, source: str, axis: str
) -> go.Figure:
    """Members by category, one trace per sector so each bar has its sector's colour
    (``counts``: columns sector, category, category_label, count)."""
    fig = go.Figure()
    for sector, rows in counts.groupby("sector", sort=False):
        fig.add_trace(
            _hbar(
                list(rows["category_label"]),
                [int(c) for c in rows["count"]],
                [SECTOR_COLORS.get(str(sector), NEUTRAL)] * len(rows),
                sector_labels.get(str(sector), str(sector)),
                "%{y}: %{x} (" + sector_labels.get(str(sector), str(sector)) + ")",
            )
        )
    fig.update_xaxes(title_text=None, ticksuffix="")
    fig.update_yaxes(categoryorder="array", categoryarray=list(counts["category_label"]))
    fig = _finish(fig, title=title, source=source, rows=len(counts))
    fig.update_layout(
        showlegend=True,
        legend=dict(orientation="h", x=0, xref="container", y=0, yref="container", yanchor="bottom", title_text=""),
        margin=dict(b=72),
    )
    return fig
