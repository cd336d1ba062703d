"""Member figures: bars by sector, country and category, the sector treemap, heat map and mix."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts import theme
from dashboard.charts.style import (
    BASE_HEIGHT,
    FONT,
    bar_pattern,
    bottom_legend,
    finish,
    hbar,
    heading,
    pair,
    plains,
    plot_text,
)
from dashboard.charts.theme import MEMBER_COLOR, NEUTRAL, OTHER_COLOR, SECTOR_COLORS
from dashboard.formats import number, percent, separators
from dashboard.members.transform import OTHER

__all__ = ["MEMBER_COLOR", "OTHER_COLOR", "SECTOR_COLORS"]  # re-exported: the palette lives in dashboard.theme


def _count_bar(
    keys: list[str], counts: pd.DataFrame, colors: list[str], *, labels: Mapping[str, str], title: str, source: str,
    axis: str, lang: str,
) -> go.Figure:  # fmt: skip
    """One horizontal bar per key, in the given order and colours, with the count as its value."""
    bar = hbar([labels.get(k, k) for k in keys], [int(c) for c in counts["count"]], colors, axis,
               pair("%{y}", "%{x}", lang), lang)  # fmt: skip
    fig = go.Figure(bar)
    fig.update_xaxes(title_text=None, ticksuffix="")
    return finish(fig, title=title, source=source, rows=len(keys), lang=lang)


def sector_bar(
    counts: pd.DataFrame, *, labels: Mapping[str, str], title: str, source: str, axis: str, lang: str = "en"
) -> go.Figure:
    """Members by sector: one horizontal bar per sector in its colour (``counts``: columns sector, count)."""
    sectors = [str(s) for s in counts["sector"]]
    colors = [SECTOR_COLORS.get(s, NEUTRAL) for s in sectors]
    return _count_bar(sectors, counts, colors, labels=labels, title=title, source=source, axis=axis, lang=lang)


def country_bar(
    counts: pd.DataFrame, *, labels: Mapping[str, str], title: str, source: str, axis: str, lang: str = "en"
) -> go.Figure:
    """Members by country (``counts``: columns country, count; ``labels`` names each code); the rest in grey."""
    codes = [str(c) for c in counts["country"]]
    colors = [NEUTRAL if c == OTHER else theme.COUNTRY_COLOR for c in codes]
    return _count_bar(codes, counts, colors, labels=labels, title=title, source=source, axis=axis, lang=lang)


def category_bar(
    counts: pd.DataFrame, *, sector_labels: Mapping[str, str], title: str, source: str, axis: str, lang: str = "en"
) -> go.Figure:
    """Members by category, one trace per sector so each bar has its sector's colour
    (``counts``: columns sector, category, category_label, count)."""
    fig = go.Figure()
    for sector, rows in counts.groupby("sector", sort=False):
        fig.add_trace(
            hbar(
                list(rows["category_label"]),
                [int(c) for c in rows["count"]],
                [SECTOR_COLORS.get(str(sector), NEUTRAL)] * len(rows),
                sector_labels.get(str(sector), str(sector)),
                pair("%{y}", "%{x} (" + plot_text(sector_labels.get(str(sector), str(sector))) + ")", lang),
                lang,
                theme.SECTOR_PATTERNS.get(str(sector), ""),
            )
        )
    fig.update_xaxes(title_text=None, ticksuffix="")
    fig.update_yaxes(categoryorder="array", categoryarray=plains(counts["category_label"]))
    fig = finish(fig, title=title, source=source, rows=len(counts), lang=lang)
    fig.update_layout(
        showlegend=True,
        legend=bottom_legend(),
        margin=dict(b=72),
    )
    return fig


# ---------------------------------------------------------------- sectors


def sector_treemap(
    nodes: pd.DataFrame, *, sector_labels: Mapping[str, str], title: str, source: str, lang: str = "en"
) -> go.Figure:
    """Sector -> category -> member, sized by member count; a click on a sector zooms into it."""
    labels = [
        plot_text(sector_labels.get(lbl, lbl) if kind == "sector" else lbl)
        for lbl, kind in zip(nodes["label"], nodes["kind"], strict=True)
    ]
    fig = go.Figure(
        go.Treemap(
            ids=nodes["id"], parents=nodes["parent"], labels=labels, values=nodes["value"], branchvalues="total",
            marker=dict(colors=[SECTOR_COLORS.get(s, NEUTRAL) for s in nodes["sector"]]),
            textinfo="label+value", hovertemplate=pair("<b>%{label}</b>", "%{value}", lang) + "<extra></extra>",
            pathbar=dict(visible=True), maxdepth=2, tiling=dict(pad=2),
        )
    )  # fmt: skip
    fig.update_layout(
        title=heading(title, source),
        font=FONT, height=620, margin=dict(l=4, r=4, t=72, b=4), paper_bgcolor="rgba(0,0,0,0)",
        separators=separators(lang),
    )  # fmt: skip
    return fig


def sector_region_heatmap(
    matrix: pd.DataFrame, *, sector_labels: Mapping[str, str], region_labels: Mapping[str, str], title: str,
    source: str, lang: str = "en",
) -> go.Figure:  # fmt: skip
    """Counts of members by sector (rows) and region (columns), each cell labelled with its count
    (so no colour scale is needed to read it)."""
    z = matrix.to_numpy().tolist()
    fig = go.Figure(
        go.Heatmap(
            z=z, x=plains(region_labels.get(c, c) for c in matrix.columns),
            y=plains(sector_labels.get(r, r) for r in matrix.index),
            colorscale="Blues", zmin=0, text=[[number(v, lang) for v in row] for row in z], texttemplate="%{text}",
            textfont=dict(size=14),
            hovertemplate=pair("%{y} · %{x}", "%{z}", lang) + "<extra></extra>", xgap=2, ygap=2, showscale=False,
        )
    )  # fmt: skip
    fig.update_yaxes(autorange="reversed", ticksuffix="  ", automargin=True)
    fig.update_xaxes(side="bottom", automargin=True)
    fig.update_layout(
        title=heading(title, source),
        font=FONT, height=BASE_HEIGHT + 60 + 44 * len(matrix), margin=dict(l=8, r=8, t=72, b=8),
        separators=separators(lang),
        paper_bgcolor="rgba(0,0,0,0)", plot_bgcolor="rgba(0,0,0,0)",
    )  # fmt: skip
    return fig


def sector_mix_bar(
    shares: pd.DataFrame, *, sector_labels: Mapping[str, str], region_labels: Mapping[str, str], title: str,
    source: str, axis: str, lang: str = "en",
) -> go.Figure:  # fmt: skip
    """Each region's sector mix as a 100% stacked bar (``shares``: region, sector, count, share)."""
    fig = go.Figure()
    regions = list(dict.fromkeys(shares["region"]))
    for sector, rows in shares.groupby("sector", sort=False):
        name = plot_text(sector_labels.get(str(sector), str(sector)))
        fig.add_trace(
            go.Bar(
                x=rows["share"], y=plains(region_labels.get(r, r) for r in rows["region"]), orientation="h", name=name,
                marker=dict(color=SECTOR_COLORS.get(str(sector), NEUTRAL),
                            pattern=bar_pattern(theme.SECTOR_PATTERNS.get(str(sector), ""))),
                customdata=[[int(c), sector, percent(s, lang)]
                            for c, s in zip(rows["count"], rows["share"], strict=True)],
                textposition="inside", insidetextanchor="middle",
                text=[percent(s, lang) if s >= 0.08 else "" for s in rows["share"]],
                hovertemplate=pair("%{y} · " + name, "%{customdata[0]} (%{customdata[2]})", lang) + "<extra></extra>",
            )
        )  # fmt: skip
    fig.update_layout(barmode="stack")
    ticks = [0, 0.25, 0.5, 0.75, 1]
    fig.update_xaxes(tickvals=ticks, ticktext=[percent(v, lang) for v in ticks], range=[0, 1], title_text=None)
    fig.update_yaxes(categoryorder="array", categoryarray=plains(region_labels.get(r, r) for r in regions))
    fig = finish(fig, title=title, source=source, rows=len(regions), lang=lang)
    fig.update_xaxes(range=[0, 1], tickmode="array", tickvals=ticks)
    fig.update_layout(
        showlegend=True, height=BASE_HEIGHT + 80 + 44 * len(regions), margin=dict(b=72),
        legend=bottom_legend(traceorder="normal"),
    )  # fmt: skip
    return fig


# ---------------------------------------------------------------- initiatives
