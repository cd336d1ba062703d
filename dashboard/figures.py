"""Pure figure builders: a counted frame in, a plotly Figure out; colours from one theme."""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Mapping

import pandas as pd
import plotly.graph_objects as go

from dashboard.formats import date, number, percent, separators
from dashboard.i18n import t
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


def _plains(texts: Iterable[object]) -> list[str]:
    """Data texts as Plotly should show them (see plot_text)."""
    return [plot_text(str(t)) for t in texts]


def heading(title: str, source: str) -> dict[str, object]:
    """Every chart's title with its source line beneath it, so both land in the PNG download."""
    return dict(
        text=title, x=0.01, xanchor="left", xref="container", font=dict(size=16),
        subtitle=dict(text=source, font=dict(size=11, color=NEUTRAL)),
    )  # fmt: skip


def bottom_legend(**extra: object) -> dict[str, object]:
    """A horizontal legend under the chart, where it never covers the title or the data."""
    return dict(orientation="h", x=0, xref="container", y=0, yref="container", yanchor="bottom", title_text="", **extra)


def _finish(fig: go.Figure, *, title: str, source: str, rows: int, lang: str) -> go.Figure:
    """Title and source line on top (both land in the PNG download), room for every bar."""
    fig.update_layout(
        separators=separators(lang),
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


def _pair(label: str, value: str, lang: str) -> str:
    """'label: value' with the language's punctuation ('label : value' in French), for hover text."""
    return t("text.label_value", lang, label=label, value=value)


def _hbar(labels: list[str], counts: list[int], colors: list[str], name: str, hover: str, lang: str) -> go.Bar:
    return go.Bar(
        x=counts, y=_plains(labels), orientation="h", marker=dict(color=colors), name=plot_text(name),
        text=[number(c, lang) for c in counts], textposition="outside", cliponaxis=False,
        hovertemplate=hover + "<extra></extra>", textfont=dict(size=12), constraintext="none",
    )  # fmt: skip


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
        [NEUTRAL if c == OTHER else "#56B4E9" for c in codes],
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


# ---------------------------------------------------------------- maps

MAP_PRESETS: dict[str, dict[str, object]] = {
    "world": {"center": {"lat": 20, "lon": 10}, "projection_scale": 1.0},
    "north_america": {"center": {"lat": 39, "lon": -98}, "projection_scale": 3.2},
    "europe": {"center": {"lat": 50, "lon": 12}, "projection_scale": 4.2},
    "asia_pacific": {"center": {"lat": 20, "lon": 118}, "projection_scale": 2.2},
    "middle_east": {"center": {"lat": 29, "lon": 44}, "projection_scale": 4.0},
}
# Sequential and colour-blind safe; starts at a visible blue so a single member never looks empty.
COUNT_SCALE = [[0.0, "#c6dbef"], [0.5, "#4292c6"], [1.0, "#08306b"]]


def _geo(fig: go.Figure, *, title: str, source: str, preset: str, lang: str) -> go.Figure:
    view = MAP_PRESETS.get(preset, MAP_PRESETS["world"])
    fig.update_geos(
        projection_type="natural earth", showcountries=True, countrycolor="rgba(127,127,127,0.55)",
        showcoastlines=False, showland=True, landcolor="rgba(127,127,127,0.12)", showocean=False,
        showframe=False, showlakes=False, resolution=110, lataxis_range=[-58, 85], **view,
    )  # fmt: skip
    fig.update_layout(
        title=heading(title, source),
        font=FONT, height=500, margin=dict(l=0, r=0, t=72, b=40), paper_bgcolor="rgba(0,0,0,0)",
        separators=separators(lang),
        legend=bottom_legend(bgcolor="rgba(255,255,255,0.6)"),
        dragmode=False,
    )  # fmt: skip
    return fig


def _cohort_symbols(rows: pd.DataFrame) -> list[str]:
    """A circle for a member named at the launch, a diamond for one that joined later."""
    kinds = rows["joined_kind"] if "joined_kind" in rows else pd.Series("founding", index=rows.index)
    return ["circle" if k == "founding" else "diamond" for k in kinds]


def member_points_map(
    points: pd.DataFrame, *, sector_labels: Mapping[str, str], title: str, source: str, preset: str,
    here_label: str, flat: bool = False, lang: str = "en",
) -> go.Figure:  # fmt: skip
    """One marker per member, coloured by sector (``points`` from transform.map_points).

    Members that share a city are spread slightly; the hover of each lists the others there. ``flat``
    draws the same points on a plain longitude/latitude plane, for when the country shapes are missing."""
    fig = go.Figure()
    for sector, rows in points.groupby("sector", sort=False):
        name = plot_text(sector_labels.get(str(sector), str(sector)))
        others = [
            "" if n < 2 else "<br>" + here_label.format(count=number(n, lang), names=plot_text(", ".join(here)))
            for n, here in zip(rows["here_count"], rows["here"], strict=True)
        ]
        trace = dict(
            mode="markers", name=name,
            marker=dict(size=11, color=SECTOR_COLORS.get(str(sector), NEUTRAL), line=dict(width=1, color="white"),
                        symbol=_cohort_symbols(rows)),
            customdata=list(zip(rows["id"], _plains(rows["name"]), _plains(rows["city"].fillna("")),
                                _plains(rows["country_name"]), others, strict=True)),
            hovertemplate="<b>%{customdata[1]}</b><br>%{customdata[2]}, %{customdata[3]}<br>" + name
            + "%{customdata[4]}<extra></extra>",
        )  # fmt: skip
        if flat:
            fig.add_trace(go.Scatter(x=rows["plot_lon"], y=rows["plot_lat"], **trace))
        else:
            fig.add_trace(go.Scattergeo(lat=rows["plot_lat"], lon=rows["plot_lon"], **trace))
    if flat:
        return _flat(fig, title=title, source=source, lang=lang)
    clusters = points[points["here_count"] > 1].drop_duplicates(subset=["lat", "lon"])
    if not clusters.empty:
        fig.add_trace(
            go.Scattergeo(
                lat=clusters["lat"], lon=clusters["lon"], mode="text",
                text=[number(n, lang) for n in clusters["here_count"]], textposition="top right",
                textfont=dict(size=13, color="#222222"), hoverinfo="skip", showlegend=False, name="count",
            )
        )  # fmt: skip
    fig.update_layout(showlegend=True)
    return _geo(fig, title=title, source=source, preset=preset, lang=lang)


def _flat(fig: go.Figure, *, title: str, source: str, lang: str) -> go.Figure:
    """A blank longitude/latitude plane instead of a map: needs nothing from the server."""
    axis = dict(showgrid=True, gridcolor="rgba(127,127,127,0.2)", zeroline=False, showticklabels=False)
    fig.update_xaxes(range=[-180, 180], **axis)
    fig.update_yaxes(range=[-58, 85], scaleanchor="x", scaleratio=1, **axis)
    fig.update_layout(
        title=heading(title, source), font=FONT, height=500, margin=dict(l=0, r=0, t=72, b=40),
        paper_bgcolor="rgba(0,0,0,0)", plot_bgcolor="rgba(127,127,127,0.06)", showlegend=True,
        separators=separators(lang),
        legend=bottom_legend(), dragmode=False,
    )  # fmt: skip
    return fig


def member_cells_map(
    cells: pd.DataFrame, *, sector_labels: Mapping[str, str], title: str, source: str, preset: str,
    count_label: str, lang: str = "en",
) -> go.Figure:  # fmt: skip
    """Too many members to draw one by one: one marker per cell and sector (``cells`` from transform.map_cells),
    its area growing with the count; the hover gives the count (``count_label``) and the first names."""
    fig = go.Figure()
    largest = max(int(cells["count"].max()), 1) if not cells.empty else 1
    for sector, rows in cells.groupby("sector", sort=False):
        name = plot_text(sector_labels.get(str(sector), str(sector)))
        hover = [
            count_label.format(
                count=number(n, lang), names=plot_text(", ".join(here)) + (", …" if n > len(here) else "")
            )
            for n, here in zip(rows["count"], rows["here"], strict=True)
        ]
        fig.add_trace(
            go.Scattergeo(
                lat=rows["lat"], lon=rows["lon"], mode="markers", name=name,
                marker=dict(size=6 + 30 * (rows["count"] / largest) ** 0.5, opacity=0.8,
                            color=SECTOR_COLORS.get(str(sector), NEUTRAL), line=dict(width=1, color="white")),
                customdata=list(zip(rows["id"], hover, strict=True)),
                hovertemplate=f"<b>{name}</b><br>%{{customdata[1]}}<extra></extra>",
            )
        )  # fmt: skip
    fig.update_layout(showlegend=True)
    return _geo(fig, title=title, source=source, preset=preset, lang=lang)


def country_choropleth(
    counts: pd.DataFrame, *, title: str, source: str, preset: str, colorbar_title: str,
    markers: pd.DataFrame | None = None, lang: str = "en",
) -> go.Figure:  # fmt: skip
    """Countries shaded by member count (``counts``: country, country_name, count, members).

    The shade follows the logarithm of the count, so one member still reads against 36; the colour bar
    is labelled in members. ``markers`` (country, lat, lon) adds a dot for countries too small to have
    a shape on the map."""
    top = int(counts["count"].max()) if len(counts) else 1
    ticks = _count_ticks(top)
    country_hover = _pair("<b>%{customdata[0]}</b>", "%{customdata[2]}", lang) + "<br>%{customdata[1]}<extra></extra>"
    shade = dict(colorscale=COUNT_SCALE, zmin=0, zmax=max(math.log(top), 0.1))
    colorbar = dict(title=dict(text=colorbar_title, side="top"), tickmode="array", thickness=10, len=0.5,
                    orientation="h", x=0.5, xanchor="center", y=-0.02, yanchor="top",
                    tickvals=[math.log(v) for v in ticks], ticktext=[number(v, lang) for v in ticks])  # fmt: skip
    fig = go.Figure(
        go.Choropleth(
            locations=counts["country"], z=[math.log(c) for c in counts["count"]], locationmode="ISO-3", **shade,
            marker_line_color="white", marker_line_width=0.5, colorbar=colorbar,
            customdata=_country_hover(counts),
            hovertemplate=country_hover,
        )
    )  # fmt: skip
    if markers is not None and not markers.empty:
        small = counts.merge(markers, on="country")
        fig.add_trace(
            go.Scattergeo(
                lat=small["lat"], lon=small["lon"], mode="markers", name=colorbar_title, showlegend=False,
                marker=dict(size=10, color=[math.log(c) for c in small["count"]], colorscale=COUNT_SCALE, cmin=0,
                            cmax=shade["zmax"], line=dict(width=1.5, color="#333333")),
                customdata=_country_hover(small),
                hovertemplate=country_hover,
            )
        )  # fmt: skip
    fig = _geo(fig, title=title, source=source, preset=preset, lang=lang)
    fig.update_layout(showlegend=False, margin=dict(b=64))
    return fig


def _country_hover(counts: pd.DataFrame) -> list[tuple[str, str, int]]:
    """(country name, its members, count) per row, as Plotly-safe text."""
    return list(zip(_plains(counts["country_name"]), _plains(counts["members"]), counts["count"], strict=True))


def _count_ticks(top: int) -> list[int]:
    """Whole-number ticks for a logarithmic colour bar: 1, 2, 5, 10, 20, 50 ... and the largest count."""
    ticks = [v for v in (1, 2, 5, 10, 20, 50, 100, 200, 500) if v < top * 0.8]
    return [*ticks, top] if top not in ticks else ticks


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
            marker=dict(colors=[SECTOR_COLORS.get(s, NEUTRAL) for s in nodes["sector"]], line_color="white"),
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
                marker=dict(color=SECTOR_COLORS.get(str(sector), NEUTRAL)),
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

MEMBER_COLOR, OTHER_COLOR = "#0072B2", "#E69F00"


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
                     showgrid=True, gridcolor="rgba(127,127,127,0.25)", automargin=True, zeroline=False)  # fmt: skip
    names = _plains(ordered["name"])
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=names, autorange="reversed",
                     automargin=True, ticksuffix="  ", showgrid=True, gridcolor="rgba(127,127,127,0.12)")  # fmt: skip
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
    extra = subtitle.count("<br>")
    if extra:
        fig.update_layout(title=dict(yref="container", y=1, yanchor="top", pad=dict(t=14)))
        top = fig.layout.margin.t if fig.layout.margin.t is not None else 72
        height = fig.layout.height if fig.layout.height is not None else 450
        fig.update_layout(margin_t=top + HEADING_LINE * extra, height=height + HEADING_LINE * extra)
    return fig
