"""Figures of the models domain: the release gradient."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts import theme
from dashboard.charts.style import BASE_HEIGHT, FONT, bottom_legend, heading, plains, plot_text, two_lines
from dashboard.charts.theme import MEMBER_COLOR, OTHER_COLOR
from dashboard.formats import date, separators


def release_gradient(
    models: pd.DataFrame, *, levels: Mapping[str, str], title: str, source: str, member_label: str, other_label: str,
    lang: str = "en",
) -> go.Figure:  # fmt: skip
    """Each model placed on the release gradient, fully closed (left) to fully open (right).

    ``models``: name, gradient, member (developer's member id or None), release_date. Colour *and* marker
    shape say whether the developer is an Alliance member, so the chart never relies on colour alone."""
    ordered = models.sort_values(["gradient_rank", "release_date"]).reset_index(drop=True)
    fig = go.Figure()
    for is_member, label, color, symbol in ((True, member_label, MEMBER_COLOR, "circle"),
                                            (False, other_label, OTHER_COLOR, "diamond")):  # fmt: skip
        rows = ordered[ordered["member"].notna() == is_member]
        level_names = plains(levels[g] for g in rows["gradient"])
        fig.add_trace(
            go.Scatter(
                x=rows["gradient_rank"], y=plains(rows["name"]), mode="markers", name=plot_text(label),
                marker=dict(size=16, color=color, symbol=symbol, line=dict(width=1, color="white")),
                customdata=list(zip(plains(rows["developer"]), [date(d, lang) for d in rows["release_date"]],
                                    level_names, strict=True)),
                hovertemplate="<b>%{y}</b><br>%{customdata[0]}, %{customdata[1]}<br>%{customdata[2]}<extra></extra>",
            )
        )  # fmt: skip
    fig.update_xaxes(tickvals=list(range(len(levels))), ticktext=[two_lines(v) for v in plains(levels.values())],
                     range=[-0.5, len(levels) - 0.5],
                     showgrid=True, gridcolor=theme.GRID, automargin=True, zeroline=False)  # fmt: skip
    names = plains(ordered["name"])
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=names, autorange="reversed",
                     automargin=True, ticksuffix="  ", showgrid=True, gridcolor=theme.GRID)  # fmt: skip
    fig.update_layout(
        title=heading(title, source),
        font=FONT, height=BASE_HEIGHT + 120 + 34 * len(ordered), margin=dict(l=8, r=48, t=72, b=80),
        separators=separators(lang),
        paper_bgcolor="rgba(0,0,0,0)", plot_bgcolor="rgba(0,0,0,0)", showlegend=True,
        legend=bottom_legend(),
    )  # fmt: skip
    return fig
