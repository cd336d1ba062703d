"""The World map and Sectors pages: offline map, clicks that filter, generated summaries."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import formats, paths
from dashboard.charts import style as figures
from dashboard.growth import transform as growth
from dashboard.maps.transform import topology_countries
from dashboard.members import transform
from dashboard.members.filters import FilterState, is_founding
from dashboard.members.schema import SECTORS
from dashboard.ui.cache import file_stamp
from dashboard.ui.charts import data_table
from dashboard.ui.page import Page
from dashboard.ui.text import md
from dashboard.ui.url import STATE, set_filters
from dashboard.ui.widgets import choice

# ---------------------------------------------------------------- map and sectors

MAP = "world_map_chart"
MAP_IDS = "_map_member_countries"
MIX = "sector_mix_chart"
ALLIANCE_MAP_FILE = "src/graphics/membersMap.svg"  # the Alliance's members map in its website repository


def topojson_url() -> str:
    """Where the browser fetches the country shapes: our own static folder, under any base path."""
    base = str(st.get_option("server.baseUrlPath") or "").strip("/")
    return (f"/{base}" if base else "") + "/app/static/topojson/"


def map_chart(page: Page, fig: go.Figure, *, alt: str) -> None:
    """The map: offline shapes, PNG download, and a click on a country (or a selection of points) filters."""
    st.session_state[MAP_IDS] = dict(zip(page.members["id"], page.members["country"], strict=True))
    config = {
        "displaylogo": False, "topojsonURL": topojson_url(), "scrollZoom": False,
        "toImageButtonOptions": {"format": "png", "filename": page.t("file.map"), "scale": 2},
    }  # fmt: skip
    st.plotly_chart(
        figures.fit_heading(fig), key=MAP, config=config, alt=alt, width="stretch", on_select=_on_map_select,
        selection_mode=("points", "box", "lasso"),
    )  # fmt: skip
    st.caption(md(alt))


def _on_map_select() -> None:
    """Countries clicked on the shaded map, or the countries of the points selected, become the filter."""
    points = st.session_state[MAP].selection.get("points", [])
    countries = st.session_state.get(MAP_IDS, {})
    chosen: set[str] = set()
    for point in points:
        if point.get("location"):
            chosen.add(str(point["location"]))
        data = point.get("customdata")
        if isinstance(data, list) and data and data[0] in countries:
            chosen.add(str(countries[data[0]]))
    if chosen:
        old: FilterState = st.session_state.get(STATE, FilterState())
        set_filters(replace(old, country=tuple(sorted(chosen))))


def clear_countries_button(page: Page) -> None:
    """Shown while a country filter is on, e.g. after a click on the map."""
    if page.state.country:
        names = ", ".join(page.labels.country(c) for c in page.state.country)
        st.button(
            page.t("world_map.clear", countries=names), on_click=set_filters, args=(page.state.without("country"),)
        )


def sector_chart(page: Page, fig: go.Figure, *, alt: str, filename: str) -> None:
    """A chart whose bars are sectors: a click on one narrows the filters to that sector."""
    config = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2}}
    st.plotly_chart(figures.fit_heading(fig), key=MIX, config=config, alt=alt, width="stretch",
                    on_select=_on_sector_select, selection_mode="points")  # fmt: skip
    st.caption(md(alt))
    data_table(fig, key=MIX)


def _on_sector_select() -> None:
    points = st.session_state[MIX].selection.get("points", [])
    sectors = {p["customdata"][1] for p in points if isinstance(p.get("customdata"), list) and len(p["customdata"]) > 1}
    sectors &= set(SECTORS)
    if sectors:
        old: FilterState = st.session_state.get(STATE, FilterState())
        set_filters(replace(old, sector=tuple(s for s in SECTORS if s in sectors)))


@st.cache_data(show_spinner=False, max_entries=4)
def _topology(path: str, stamp: tuple[tuple[int, int], ...]) -> frozenset[str]:
    return topology_countries(Path(path))


def shaped_countries() -> frozenset[str]:
    """The countries the served topology file has shapes for; empty when the file is missing or unreadable.

    The browser's fetch of the shapes is invisible to the server, so the file on disk is what the page
    goes by: checked on every run (cheaply, by its stamp), so a restored file brings the map back."""
    return _topology(str(paths.WORLD_TOPOLOGY), file_stamp(paths.WORLD_TOPOLOGY))


def unshaped_countries(located: pd.DataFrame) -> pd.DataFrame:
    """The countries the map has no shape for (Singapore at 110m), so they get a marker instead."""
    return located[~located["country"].isin(shaped_countries())]


def place_text(page: Page, row: Mapping[str, Any]) -> str:
    """Where a member is, as precisely as its sources say: 'Armonk, United States', or 'Somewhere in California,
    United States, per the Alliance's members map' for one known only to a region or a country."""
    if row.get("precision") not in ("region", "country"):
        country = page.labels.country(str(row["country"])) if isinstance(row["country"], str) else ""
        return ", ".join(v for v in (row.get("city"), country) if isinstance(v, str) and v)
    text = page.t("world_map.points.somewhere", place=area_text(page, row))
    source = row.get("hq_source")
    if isinstance(source, str) and source.endswith(ALLIANCE_MAP_FILE):
        return f"{text} ({page.t('world_map.points.per_map')})"
    host = (urlsplit(source).hostname or "").removeprefix("www.") if isinstance(source, str) else ""
    return f"{text} ({page.t('world_map.points.per_source', host=host)})" if host else text


def area_text(page: Page, row: Mapping[str, Any]) -> str:
    """The region and country, or the country alone, of a member known no more precisely ('Texas, United States')."""
    country = page.labels.country(str(row["country"])) if isinstance(row["country"], str) else ""
    region = row.get("hq_region")
    return f"{formats.subdivision_name(region, page.lang)}, {country}" if isinstance(region, str) else country


def with_places(page: Page, frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with a ``place`` column (see place_text), for hovers and tables."""
    return frame.assign(place=[place_text(page, row) for row in frame.to_dict("records")])


def summary(page: Page, counts: pd.DataFrame, key: str) -> str:
    """'Of the N members shown, 25 are companies, 18 ...': generated from the counts."""
    parts = [page.tn(f"summary.{s}", int(c)) for s, c in zip(counts["sector"], counts["count"], strict=True)]
    listing = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + page.t("summary.and") + parts[-1]
    return page.t(key, total=page.tn("count.member", int(counts["count"].sum())), listing=listing)


def matrix_alt(page: Page, title: str, matrix: pd.DataFrame) -> str:
    """Text alternative of the sector x region matrix: every non-empty cell."""
    cells = [
        (f"{page.labels.sector(str(s))} · {page.labels.region(str(r))}", int(matrix.loc[s, r]))
        for s in matrix.index for r in matrix.columns if matrix.loc[s, r]
    ]  # fmt: skip
    return page.t("chart.alt", title=title, pairs=transform.pairs_text(cells, page.labels.number))


def mix_alt(page: Page, title: str, shares: pd.DataFrame) -> str:
    """Text alternative of the regional sector mix: each region with its sectors' shares."""
    parts = []
    for region, rows in shares.groupby("region", sort=False):
        mix = ", ".join(
            f"{page.labels.sector(str(s))} {page.labels.percent(v)}"
            for s, v in zip(rows["sector"], rows["share"], strict=True)
        )
        parts.append(page.t("text.label_value", label=page.labels.region(str(region)), value=mix))
    return page.t("chart.alt", title=title, pairs=page.t("text.list_sep").join(parts))


def map_summary(page: Page, counts: pd.DataFrame) -> str:
    """'Of the N members shown, K are in the United States; they span C countries in R regions.'"""
    if counts.empty:
        return ""
    top = counts.iloc[0]
    return page.t(
        "world_map.summary", total=page.tn("count.member", len(page.members)),
        top_count=page.tn("count.is_in", int(top["count"])), top=page.labels.country(str(top["country"])),
        countries=page.tn("count.country", len(counts)),
        regions=page.tn("count.region", int(page.members["region"].nunique())),
    )  # fmt: skip


def cohort(page: Page) -> Page:
    """Founding and later members: the count of each, a toggle between them, and the page narrowed to it."""
    counts = growth.cohort_counts(page.members)
    st.markdown(page.t("cohort.summary", founding=page.tn("count.member", counts["founding"]),
                       later=page.tn("count.member", counts["later"])))  # fmt: skip
    chosen = choice(page, "cohort")
    if chosen == "all":
        return page
    later = ~is_founding(page.members)
    return replace(page, members=page.members[later if chosen == "later" else ~later])
