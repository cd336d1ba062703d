"""The membership-over-time figure: dated records as a step line, events marked, reported totals apart."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.style import FONT, bottom_legend, fit_heading, heading
from dashboard.charts.theme import GRID, NEUTRAL, TIMELINE_EVENT, TIMELINE_LINE, TIMELINE_REPORTED
from dashboard.formats import date, separators


def membership_timeline(
    steps: pd.DataFrame, marks: pd.DataFrame, reported: pd.DataFrame, *, asof: str, title: str, source: str,
    axis: str, names: Mapping[str, str], lang: str = "en",
) -> go.Figure:  # fmt: skip
    """Members over time (``steps`` from growth.members_over_time) as a step line; events (``marks``) as
    numbered markers on it (the title on hover, the numbers explained in the list of events); reported
    totals (``reported``) as hollow diamonds off the line; the date shown as a dotted vertical line.
    ``names`` holds the legend names: line, events, reported, shown."""
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=steps["date"], y=steps["count"], mode="lines", line=dict(shape="hv", width=3, color=TIMELINE_LINE),
            name=names["line"], customdata=steps["added"],
            hovertemplate="%{x|%d %b %Y}: %{y} (+%{customdata})<extra></extra>",
        )
    )  # fmt: skip
    fig.add_trace(
        go.Scatter(
            x=marks["date"], y=marks["y"], mode="markers+text", name=names["events"],
            text=marks["number"].astype(str), customdata=marks["title"], textposition="top center",
            textfont=dict(size=13, color=TIMELINE_EVENT),
            marker=dict(size=11, color=TIMELINE_EVENT, symbol="circle", line=dict(width=1, color="white")),
            hovertemplate="%{x|%d %b %Y}<br>%{customdata}<extra></extra>",
        )
    )  # fmt: skip
    if not reported.empty:
        fig.add_trace(
            go.Scatter(
                x=reported["date"], y=reported["count"], mode="markers+text", name=names["reported"],
                text=reported["count_wording"], textposition="bottom left",
                textfont=dict(size=11, color=TIMELINE_REPORTED),
                marker=dict(size=13, symbol="diamond-open", color=TIMELINE_REPORTED, line=dict(width=2)),
                hovertemplate="%{x|%d %b %Y}: %{text}<extra></extra>",
            )
        )  # fmt: skip
    fig.add_vline(x=asof, line=dict(color=NEUTRAL, width=1, dash="dot"))
    fig.add_annotation(x=asof, y=0, yref="paper", text=names["shown"], showarrow=False, xanchor="left",
                       yanchor="bottom", font=dict(size=11, color=NEUTRAL))  # fmt: skip
    top = max([int(steps["count"].max()) if not steps.empty else 0, *[int(c) for c in reported["count"]]])
    fig.update_layout(
        separators=separators(lang), title=heading(title, source), font=FONT, height=440,
        margin=dict(l=8, r=24, t=72, b=72),
        legend=bottom_legend(), plot_bgcolor="rgba(0,0,0,0)", paper_bgcolor="rgba(0,0,0,0)", hovermode="closest",
    )  # fmt: skip
    fig.update_xaxes(type="date", showgrid=False, **_month_ticks(steps, reported, lang))
    fig.update_yaxes(title_text=axis, rangemode="tozero", range=[0, top * 1.2 + 1],
                     gridcolor=GRID)  # fmt: skip
    return fit_heading(fig)


def _month_ticks(steps: pd.DataFrame, reported: pd.DataFrame, lang: str) -> dict[str, object]:
    """Ticks every few months, named in the reader's language ('mai 2024'), since Plotly names months in English."""
    dates = sorted(str(d)[:7] for d in [*steps["date"], *reported["date"]])
    if not dates:
        return {"tickformat": "%b %Y"}
    (y0, m0), (y1, m1) = (map(int, dates[0].split("-")), map(int, dates[-1].split("-")))
    months = [(y, m) for y in range(y0, y1 + 1) for m in range(1, 13) if (y0, m0) <= (y, m) <= (y1, m1)]
    step = max(1, -(-len(months) // 6))
    picked = months[::step]
    return {
        "tickvals": [f"{y}-{m:02d}-01" for y, m in picked],
        "ticktext": [date(f"{y}-{m:02d}", lang) for y, m in picked],
    }
