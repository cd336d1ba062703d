"""The coalitions' timeline: each coalition's membership changes on its own lane, the launch and the date shown."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.style import FONT, bottom_legend, fit_heading, heading, plains
from dashboard.charts.theme import GRID, NEUTRAL, OTHER_COLOR, TIMELINE_EVENT, TIMELINE_LINE
from dashboard.formats import separators

LANE_COLORS = (TIMELINE_LINE, OTHER_COLOR)  # one per coalition, in the order of ``lanes``
LANE_SYMBOLS = ("circle", "diamond")


def coalition_timeline(
    rows: pd.DataFrame, *, lanes: Mapping[str, str], launch: str, asof: str, names: Mapping[str, str], title: str,
    source: str, lang: str = "en",
) -> go.Figure:  # fmt: skip
    """``rows`` from coalitions.transform.timeline with a ``number`` column: one lane per coalition (``lanes``:
    id -> name, top first), a numbered marker per change at the last day it may mean, a bar over the whole
    period for a date known only to the month or year; the launch (dashed) and the date shown (dotted) as
    vertical lines. ``names`` holds the labels: launch, shown, both (the two at one date), period."""
    fig = go.Figure()
    for i, (key, lane) in enumerate(lanes.items()):
        mine = rows[rows["coalition"] == key]
        color = LANE_COLORS[i % len(LANE_COLORS)]
        fig.add_trace(
            go.Scatter(
                x=mine["end"], y=[lane] * len(mine), mode="markers+text", name=lane, text=mine["number"].astype(str),
                textposition="top center", textfont=dict(size=13, color=color), customdata=plains(mine["hover"]),
                marker=dict(size=13, color=color, symbol=LANE_SYMBOLS[i % len(LANE_SYMBOLS)],
                            line=dict(width=1, color="white")),
                hovertemplate="%{customdata}<extra></extra>",
            )
        )  # fmt: skip
        for start, end in mine.loc[mine["precision"] != "day", ["start", "end"]].itertuples(index=False):
            fig.add_trace(
                go.Scatter(
                    x=[start, end], y=[lane, lane], mode="lines", name=names["period"], showlegend=False,
                    line=dict(color=color, width=10), opacity=0.35, hoverinfo="skip",
                )
            )  # fmt: skip
    lines = [(launch, names["both"], "dash")] if launch == asof else [(launch, names["launch"], "dash"),
                                                                      (asof, names["shown"], "dot")]  # fmt: skip
    for x, label, dash in lines:
        fig.add_vline(x=x, line=dict(color=NEUTRAL, width=1, dash=dash))
        fig.add_annotation(x=x, y=1, yref="paper", text=label, showarrow=False, xanchor="left", yanchor="bottom",
                           font=dict(size=11, color=TIMELINE_EVENT))  # fmt: skip
    fig.update_layout(
        separators=separators(lang), title=heading(title, source), font=FONT, height=360,
        margin=dict(l=8, r=24, t=96, b=72), legend=bottom_legend(), plot_bgcolor="rgba(0,0,0,0)",
        paper_bgcolor="rgba(0,0,0,0)", hovermode="closest",
    )  # fmt: skip
    fig.update_xaxes(type="date", showgrid=True, gridcolor=GRID, tickformat="%Y-%m")
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=list(reversed(list(lanes.values()))),
                     range=[-0.6, len(lanes) - 0.4], showgrid=False)  # fmt: skip
    return fit_heading(fig)
