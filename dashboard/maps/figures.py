"""Pure map figures: members as points or cells, countries shaded by count; colours from one theme."""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts import theme
from dashboard.charts.style import FONT, bottom_legend, heading, pair, plains, plot_text
from dashboard.charts.theme import NEUTRAL, SECTOR_COLORS
from dashboard.formats import number, separators
from dashboard.members.filters import is_founding

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
        projection_type="natural earth", showcountries=True, countrycolor=theme.BORDER,
        showcoastlines=False, showland=True, landcolor=theme.LAND, showocean=False, bgcolor="rgba(0,0,0,0)",
        showframe=False, showlakes=False, resolution=110, lataxis_range=[-58, 85], **view,
    )  # fmt: skip
    fig.update_layout(
        title=heading(title, source),
        font=FONT, height=500, margin=dict(l=0, r=0, t=72, b=40), paper_bgcolor="rgba(0,0,0,0)",
        separators=separators(lang),
        legend=bottom_legend(),
        dragmode=False,
    )  # fmt: skip
    return fig


def _markers(rows: pd.DataFrame, sector: str) -> dict[str, object]:
    """The sector's colour and shape; filled for a member named at the launch, hollow for one that joined later;
    a dot in the middle for one placed only at its region's or country's centre."""
    color = SECTOR_COLORS.get(sector, NEUTRAL)
    shape = theme.SECTOR_SYMBOLS.get(sector, "circle")
    founding = list(is_founding(rows)) if "joined_kind" in rows else [True] * len(rows)
    exact = [p in ("city", None) for p in (rows["precision"] if "precision" in rows else [None] * len(rows))]
    return dict(
        size=11, color=color,
        symbol=[shape + ("" if f else "-open") + ("" if e else "-dot") for f, e in zip(founding, exact, strict=True)],
        line=dict(width=[1 if f else 2 for f in founding], color=["white" if f else color for f in founding]),
    )  # fmt: skip


def _imprecise_key(points: pd.DataFrame, label: str | None, *, flat: bool) -> list[go.Scatter | go.Scattergeo]:
    """A legend entry (no point) for the dotted marker, when any point is placed at a region or country only."""
    if not label or "precision" not in points or not points["precision"].isin(["region", "country"]).any():
        return []
    marker = dict(size=11, color=NEUTRAL, symbol="circle-open-dot", line=dict(width=2, color=NEUTRAL))
    key = dict(mode="markers", name=plot_text(label), hoverinfo="skip", marker=marker)
    return [go.Scatter(x=[None], y=[None], **key) if flat else go.Scattergeo(lat=[None], lon=[None], **key)]


def member_points_map(
    points: pd.DataFrame, *, sector_labels: Mapping[str, str], title: str, source: str, preset: str,
    here_label: str, flat: bool = False, lang: str = "en", imprecise_label: str | None = None,
) -> go.Figure:  # fmt: skip
    """One marker per member, coloured by sector (``points`` from transform.map_points).

    Members that share a place are spread slightly; the hover of each gives its ``place`` (when the frame has
    that column; else city and country) and lists the others there. A member placed only at a region or a
    country has a dotted marker, explained by a legend entry labelled ``imprecise_label``. ``flat`` draws the
    same points on a plain longitude/latitude plane, for when the country shapes are missing."""
    fig = go.Figure()
    for sector, rows in points.groupby("sector", sort=False):
        name = plot_text(sector_labels.get(str(sector), str(sector)))
        others = [
            "" if n < 2 else "<br>" + here_label.format(count=number(n, lang), names=plot_text(", ".join(here)))
            for n, here in zip(rows["here_count"], rows["here"], strict=True)
        ]
        trace = dict(
            mode="markers", name=name,
            marker=_markers(rows, str(sector)),
            customdata=list(zip(rows["id"], plains(rows["name"]), plains(_places(rows)), others, strict=True)),
            hovertemplate="<b>%{customdata[1]}</b><br>%{customdata[2]}<br>" + name + "%{customdata[3]}<extra></extra>",
        )  # fmt: skip
        if flat:
            fig.add_trace(go.Scatter(x=rows["plot_lon"], y=rows["plot_lat"], **trace))
        else:
            fig.add_trace(go.Scattergeo(lat=rows["plot_lat"], lon=rows["plot_lon"], **trace))
    fig.add_traces(_imprecise_key(points, imprecise_label, flat=flat))
    if flat:
        return _flat(fig, title=title, source=source, lang=lang)
    clusters = points[points["here_count"] > 1].drop_duplicates(subset=["lat", "lon"])
    if not clusters.empty:
        fig.add_trace(
            go.Scattergeo(
                lat=clusters["lat"], lon=clusters["lon"], mode="text",
                text=[number(n, lang) for n in clusters["here_count"]], textposition="top right",
                textfont=dict(size=13), hoverinfo="skip", showlegend=False, name="count",
            )
        )  # fmt: skip
    fig.update_layout(showlegend=True)
    return _geo(fig, title=title, source=source, preset=preset, lang=lang)


def _places(rows: pd.DataFrame) -> list[str]:
    """Each row's place as the hover shows it: the ``place`` column, else 'city, country'."""
    if "place" in rows:
        return [str(p) for p in rows["place"]]
    pairs = zip(rows["city"], rows["country_name"], strict=True)
    return [", ".join(str(v) for v in (city, country) if isinstance(v, str)) for city, country in pairs]


def _flat(fig: go.Figure, *, title: str, source: str, lang: str) -> go.Figure:
    """A blank longitude/latitude plane instead of a map: needs nothing from the server."""
    axis = dict(showgrid=True, gridcolor=theme.GRID, zeroline=False, showticklabels=False)
    fig.update_xaxes(range=[-180, 180], **axis)
    fig.update_yaxes(range=[-58, 85], scaleanchor="x", scaleratio=1, **axis)
    fig.update_layout(
        title=heading(title, source), font=FONT, height=500, margin=dict(l=0, r=0, t=72, b=40),
        paper_bgcolor="rgba(0,0,0,0)", plot_bgcolor=theme.PLANE, showlegend=True,
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
    country_hover = pair("<b>%{customdata[0]}</b>", "%{customdata[2]}", lang) + "<br>%{customdata[1]}<extra></extra>"
    shade = dict(colorscale=COUNT_SCALE, zmin=0, zmax=max(math.log(top), 0.1))
    colorbar = dict(title=dict(text=colorbar_title, side="top"), tickmode="array", thickness=10, len=0.5,
                    orientation="h", x=0.5, xanchor="center", y=-0.02, yanchor="top",
                    tickvals=[math.log(v) for v in ticks], ticktext=[number(v, lang) for v in ticks])  # fmt: skip
    fig = go.Figure(
        go.Choropleth(
            locations=counts["country"], z=[math.log(c) for c in counts["count"]], locationmode="ISO-3", **shade,
            marker_line_color=theme.BORDER, marker_line_width=0.5, colorbar=colorbar,
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
                            cmax=shade["zmax"], line=dict(width=1.5, color=theme.OUTLINE)),
                customdata=_country_hover(small),
                hovertemplate=country_hover,
            )
        )  # fmt: skip
    fig = _geo(fig, title=title, source=source, preset=preset, lang=lang)
    fig.update_layout(showlegend=False, margin=dict(b=64))
    return fig


def _country_hover(counts: pd.DataFrame) -> list[tuple[str, str, int]]:
    """(country name, its members, count) per row, as Plotly-safe text."""
    return list(zip(plains(counts["country_name"]), plains(counts["members"]), counts["count"], strict=True))


def _count_ticks(top: int) -> list[int]:
    """Whole-number ticks for a logarithmic colour bar: 1, 2, 5, 10, 20, 50 ... and the largest count."""
    ticks = [v for v in (1, 2, 5, 10, 20, 50, 100, 200, 500) if v < top * 0.8]
    return [*ticks, top] if top not in ticks else ticks
