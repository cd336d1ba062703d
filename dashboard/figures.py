"""Pure figure builders: a counted frame in, a plotly Figure out; colours from one theme."""

from __future__ import annotations

import html
import textwrap
from collections.abc import Iterable, Mapping

import pandas as pd
import plotly.graph_objects as go

from dashboard import theme
from dashboard.formats import date, number, percent, separators
from dashboard.i18n import t
from dashboard.theme import MEMBER_COLOR, NEUTRAL, OTHER_COLOR, SECTOR_COLORS
from dashboard.transform import OTHER

__all__ = ["MEMBER_COLOR", "OTHER_COLOR", "SECTOR_COLORS"]  # re-exported: the palette lives in dashboard.theme
FONT = dict(family="Source Sans Pro, Helvetica, Arial, sans-serif", size=13)
BAR_HEIGHT = 30  # pixels per bar, so labels never overlap
BASE_HEIGHT = 120  # title, source line and margins
SOURCE_WIDTH = 60  # characters per line of the source line (11 px), so it is not cut off on a phone
TITLE_WIDTH = 42  # characters per line of a chart title (16 px bold)


def _plains(texts: Iterable[object]) -> list[str]:
    """Data texts as Plotly should show them (see plot_text)."""
    return [plot_text(str(t)) for t in texts]


def heading(title: str, source: str) -> dict[str, object]:
    """Every chart's title with its source line beneath it (wrapped), so both land in the PNG download."""
    return dict(
        text=_wrap(title, TITLE_WIDTH), x=0.01, xanchor="left", xref="container", font=dict(size=16),
        subtitle=dict(text=_wrap(source, SOURCE_WIDTH), font=dict(size=11)),
    )  # fmt: skip


def _wrap(text: str, width: int) -> str:
    """Each line of a title or source line cut to at most ``width`` characters, so a phone shows all of it."""
    return "<br>".join(part for line in text.split("<br>") for part in textwrap.wrap(line, width) or [""])


def bottom_legend(**extra: object) -> dict[str, object]:
    """A horizontal legend under the chart, where it never covers the title or the data."""
    return dict(orientation="h", x=0, xref="container", y=0, yref="container", yanchor="bottom", title_text="", **extra)


def count_step(top: float) -> int:
    """A whole-number gridline step for a count axis up to ``top``: 1, 2 or 5 times a power of ten, with
    at most about eight gridlines, whatever the size of the data (a fixed step drew one gridline per ten
    members: 400 at 4,000, which took the browser many seconds to draw)."""
    step = 1
    while top / step > 8:
        step = step * 5 // 2 if str(step)[0] == "2" else step * 2  # 1, 2, 5, 10, 20, 50, ...
    return step


def _finish(fig: go.Figure, *, title: str, source: str, rows: int, lang: str) -> go.Figure:
    """Title and source line on top (both land in the PNG download), room for every bar."""
    fig.update_layout(
        separators=separators(lang),
        title=heading(title, source),
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
        showgrid=True, gridcolor=theme.GRID, zeroline=False, rangemode="tozero",
        dtick=count_step(top), range=[0, top * 1.15 + 0.5],
    )  # fmt: skip
    fig.update_yaxes(autorange="reversed", automargin=True, ticksuffix="  ")
    return fig


def _pair(label: str, value: str, lang: str) -> str:
    """'label: value' with the language's punctuation ('label : value' in French), for hover text."""
    return t("text.label_value", lang, label=label, value=value)


def _hbar(
    labels: list[str], counts: list[int], colors: list[str], name: str, hover: str, lang: str, pattern: str = ""
) -> go.Bar:
    return go.Bar(
        x=counts, y=_plains(labels), orientation="h", name=plot_text(name),
        marker=dict(color=colors, pattern=bar_pattern(pattern)),
        text=[number(c, lang) for c in counts], textposition="outside", cliponaxis=False,
        hovertemplate=hover + "<extra></extra>", textfont=dict(size=12), constraintext="none",
    )  # fmt: skip


def bar_pattern(shape: str) -> dict[str, object]:
    """A fill pattern drawn in translucent white over the bar colour, so it reads on every colour and theme."""
    return dict(shape=shape, fillmode="overlay", fgcolor="#FFFFFF", fgopacity=0.55, size=8, solidity=0.2)


def sector_bar(
    counts: pd.DataFrame, *, labels: Mapping[str, str], title: str, source: str, axis: str, lang: str = "en"
) -> go.Figure:
    """Members by sector: one horizontal bar per sector (``counts``: columns sector, count)."""
    sectors = [str(s) for s in counts["sector"]]
    bar = _hbar(
        [labels.get(s, s) for s in sectors],
        [int(c) for c in counts["count"]],
        [SECTOR_COLORS.get(s, NEUTRAL) for s in sectors],
        axis,
        _pair("%{y}", "%{x}", lang),
        lang,
    )
    fig = go.Figure(bar)
    fig.update_xaxes(title_text=None, ticksuffix="")
    return _finish(fig, title=title, source=source, rows=len(sectors), lang=lang)


def country_bar(
    counts: pd.DataFrame, *, labels: Mapping[str, str], title: str, source: str, axis: str, lang: str = "en"
) -> go.Figure:
    """Members by country (``counts``: columns country, count; ``labels`` names each code)."""
    codes = [str(c) for c in counts["country"]]
    bar = _hbar(
        [labels.get(c, c) for c in codes],
        [int(c) for c in counts["count"]],
        [NEUTRAL if c == OTHER else theme.COUNTRY_COLOR for c in codes],
        axis,
        _pair("%{y}", "%{x}", lang),
        lang,
    )
    fig = go.Figure(bar)
    fig.update_xaxes(title_text=None, ticksuffix="")
    return _finish(fig, title=title, source=source, rows=len(codes), lang=lang)


def category_bar(
    counts: pd.DataFrame, *, sector_labels: Mapping[str, str], title: str, source: str, axis: str, lang: str = "en"
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
                _pair("%{y}", "%{x} (" + plot_text(sector_labels.get(str(sector), str(sector))) + ")", lang),
                lang,
                theme.SECTOR_PATTERNS.get(str(sector), ""),
            )
        )
    fig.update_xaxes(title_text=None, ticksuffix="")
    fig.update_yaxes(categoryorder="array", categoryarray=_plains(counts["category_label"]))
    fig = _finish(fig, title=title, source=source, rows=len(counts), lang=lang)
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
            textinfo="label+value", hovertemplate=_pair("<b>%{label}</b>", "%{value}", lang) + "<extra></extra>",
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
            z=z, x=_plains(region_labels.get(c, c) for c in matrix.columns),
            y=_plains(sector_labels.get(r, r) for r in matrix.index),
            colorscale="Blues", zmin=0, text=[[number(v, lang) for v in row] for row in z], texttemplate="%{text}",
            textfont=dict(size=14),
            hovertemplate=_pair("%{y} · %{x}", "%{z}", lang) + "<extra></extra>", xgap=2, ygap=2, showscale=False,
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
                x=rows["share"], y=_plains(region_labels.get(r, r) for r in rows["region"]), orientation="h", name=name,
                marker=dict(color=SECTOR_COLORS.get(str(sector), NEUTRAL),
                            pattern=bar_pattern(theme.SECTOR_PATTERNS.get(str(sector), ""))),
                customdata=[[int(c), sector, percent(s, lang)]
                            for c, s in zip(rows["count"], rows["share"], strict=True)],
                textposition="inside", insidetextanchor="middle",
                text=[percent(s, lang) if s >= 0.08 else "" for s in rows["share"]],
                hovertemplate=_pair("%{y} · " + name, "%{customdata[0]} (%{customdata[2]})", lang) + "<extra></extra>",
            )
        )  # fmt: skip
    fig.update_layout(barmode="stack")
    ticks = [0, 0.25, 0.5, 0.75, 1]
    fig.update_xaxes(tickvals=ticks, ticktext=[percent(v, lang) for v in ticks], range=[0, 1], title_text=None)
    fig.update_yaxes(categoryorder="array", categoryarray=_plains(region_labels.get(r, r) for r in regions))
    fig = _finish(fig, title=title, source=source, rows=len(regions), lang=lang)
    fig.update_xaxes(range=[0, 1], tickmode="array", tickvals=ticks)
    fig.update_layout(
        showlegend=True, height=BASE_HEIGHT + 80 + 44 * len(regions), margin=dict(b=72),
        legend=bottom_legend(traceorder="normal"),
    )  # fmt: skip
    return fig


# ---------------------------------------------------------------- initiatives


def _two_lines(label: str) -> str:
    """A tick label of several words on two lines, so the levels fit side by side in any language."""
    words = label.split()
    if len(words) < 2:
        return label
    cut = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - len(" ".join(words[i:]))))
    return " ".join(words[:cut]) + "<br>" + " ".join(words[cut:])


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
        level_names = _plains(levels[g] for g in rows["gradient"])
        fig.add_trace(
            go.Scatter(
                x=rows["gradient_rank"], y=_plains(rows["name"]), mode="markers", name=plot_text(label),
                marker=dict(size=16, color=color, symbol=symbol, line=dict(width=1, color="white")),
                customdata=list(zip(_plains(rows["developer"]), [date(d, lang) for d in rows["release_date"]],
                                    level_names, strict=True)),
                hovertemplate="<b>%{y}</b><br>%{customdata[0]}, %{customdata[1]}<br>%{customdata[2]}<extra></extra>",
            )
        )  # fmt: skip
    fig.update_xaxes(tickvals=list(range(len(levels))), ticktext=[_two_lines(v) for v in _plains(levels.values())],
                     range=[-0.5, len(levels) - 0.5],
                     showgrid=True, gridcolor=theme.GRID, automargin=True, zeroline=False)  # fmt: skip
    names = _plains(ordered["name"])
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


# ---------------------------------------------------------------- headings that carry the view

HEADING_LINE = 15  # pixels per extra line of a chart's subtitle


def plot_text(text: object) -> str:
    """Text that Plotly shows literally: its labels, hovers and ticks understand a little HTML (<a>, <b>, <br>,
    entities), so ``&``, ``<`` and ``>`` become entities and data text shows as typed."""
    return html.escape(str(text), quote=False)


def wrap_parts(parts: list[str], *, width: int) -> list[str]:
    """Join short parts with ' · ' into lines of at most ``width`` characters (a long part keeps its own line)."""
    lines: list[str] = []
    for part in parts:
        if lines and len(lines[-1]) + 3 + len(part) <= width:
            lines[-1] += " · " + part
        else:
            lines.append(part)
    return lines


def fit_heading(fig: go.Figure) -> go.Figure:
    """Grow the top margin (and the height) by one line per extra subtitle line, so no line covers the plot.

    The title is pinned to the top of the chart, so its subtitle grows downwards into the room made for it."""
    subtitle = fig.layout.title.subtitle.text or ""
    extra = subtitle.count("<br>") + (fig.layout.title.text or "").count("<br>")
    if extra:
        fig.update_layout(title=dict(yref="container", y=1, yanchor="top", pad=dict(t=14)))
        top = fig.layout.margin.t if fig.layout.margin.t is not None else 72
        height = fig.layout.height if fig.layout.height is not None else 450
        fig.update_layout(margin_t=top + HEADING_LINE * extra, height=height + HEADING_LINE * extra)
    return fig
