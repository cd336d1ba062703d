"""The one Streamlit adapter: cached loaders, URL <-> filter state, the shared sidebar, render helpers.

The URL is the source of truth for the view. Each run parses the query string (when it carries a
filter) into a session copy, seeds the widgets from that copy, and writes the copy back to the URL,
so a shared link, a page switch and the browser's back/forward all land on the same view. Streamlit's
``bind="query-params"`` loses values on the first page switch in classic multipage mode, so it is
not used; the navigation is our own ``st.page_link`` carrying the current filters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import filters, paths, transform
from dashboard.data import (
    Alliance,
    Categories,
    Regions,
    load_alliance,
    load_categories,
    load_members,
    load_regions,
    topology_countries,
)
from dashboard.filters import FilterState, Options
from dashboard.i18n import DEFAULT_LANG, catalog, languages, t
from dashboard.routes import ROUTES, route
from dashboard.schema import SECTORS, DataError

STATE = "_filter_state"  # session copy of the filters (not a widget key)
LANG = "_lang"
WIDGET = "w_{}"  # widget keys, seeded from the copy on every run
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")


# ---------------------------------------------------------------- cached data


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


@st.cache_data(show_spinner=False)
def _cached_members(path: str, _stamp: tuple[float, ...]) -> pd.DataFrame:
    return load_members(Path(path))


@st.cache_data(show_spinner=False)
def _cached_refs(_stamp: tuple[float, ...]) -> tuple[Alliance, Categories, Regions]:
    return load_alliance(), load_categories(), load_regions()


def _country_names(members: pd.DataFrame) -> dict[str, str]:
    pairs = members.dropna(subset=["country"]).drop_duplicates("country")
    return dict(zip(pairs["country"], pairs["country_name"], strict=True))


@dataclass(frozen=True)
class Data:
    """Everything the pages read, loaded once per file change."""

    members: pd.DataFrame
    alliance: Alliance
    categories: Categories
    regions: Regions

    @property
    def country_names(self) -> dict[str, str]:
        return _country_names(self.members)


def load_data() -> Data:
    """The validated datasets; raises DataError naming every problem."""
    stamp = tuple(_mtime(p) for p in (paths.MEMBERS, paths.ALLIANCE, paths.CATEGORIES, paths.REGIONS))
    alliance, categories, regions = _cached_refs(stamp)
    return Data(_cached_members(str(paths.MEMBERS), stamp), alliance, categories, regions)


# ---------------------------------------------------------------- text helpers


def md(text: object) -> str:
    """Escape Markdown so data or reader text is shown literally (no links, images or HTML)."""
    return _MD_SPECIAL.sub(r"\\\1", str(text))


@dataclass(frozen=True)
class Labels:
    """Display names for the slugs, in the reader's language."""

    lang: str
    data: Data

    def sector(self, slug: str) -> str:
        return t(f"sector.{slug}", self.lang)

    def region(self, slug: str) -> str:
        return catalog(self.lang).get(f"region.{slug}") or self.data.regions.label.get(slug, slug)

    def category(self, slug: str) -> str:
        return catalog(self.lang).get(f"category.{slug}") or self.data.categories.label.get(slug, slug)

    def country(self, code: str) -> str:
        return catalog(self.lang).get(f"country.{code}") or self.data.country_names.get(code, code)

    def of(self, key: str) -> Callable[[str], str]:
        return {"sector": self.sector, "region": self.region, "category": self.category, "country": self.country}[key]

    def date(self, iso: str) -> str:
        year, month, day = iso.split("-")
        return t("date.format", self.lang, day=int(day), month=t(f"month.{int(month)}", self.lang), year=year)


# ---------------------------------------------------------------- URL <-> state


def _url_values(key: str) -> list[str]:
    return [str(v) for v in st.query_params.get_all(key)]


def _set_url(key: str, values: Sequence[str]) -> None:
    """Write one key to the URL only when it differs (each write is a browser history update)."""
    if list(values) == _url_values(key):
        return
    if values:
        st.query_params[key] = list(values)
    elif key in st.query_params:
        del st.query_params[key]


def _write_filters(state: FilterState) -> None:
    query = filters.to_query(state)
    for key in filters.KEYS:
        _set_url(key, query.get(key, []))


def _sync_filters(options: Options) -> tuple[FilterState, list[str]]:
    """Read the URL into the session copy when it carries a filter; otherwise restore the URL from the copy."""
    in_url = any(key in st.query_params for key in filters.KEYS)
    dropped: list[str] = []
    if in_url or STATE not in st.session_state:
        state, dropped = filters.from_query({k: _url_values(k) for k in filters.KEYS}, options)
        st.session_state[STATE] = state
    state = st.session_state[STATE]
    _write_filters(state)
    return state, dropped


def _sync_lang() -> tuple[str, bool]:
    """The language from the URL (or the session copy); an unknown code is dropped."""
    known = languages()
    dropped = False
    if "lang" in st.query_params or LANG not in st.session_state:
        wanted = (_url_values("lang") or [DEFAULT_LANG])[-1]
        dropped = wanted not in known
        st.session_state[LANG] = wanted if not dropped else DEFAULT_LANG
    lang = str(st.session_state[LANG])
    _set_url("lang", [] if lang == DEFAULT_LANG else [lang])
    return lang, dropped


def _sync_page_params(choices: Mapping[str, tuple[str, ...]]) -> tuple[dict[str, str], list[str]]:
    """A page's own keys: the URL's value when accepted, else the default (which stays out of the URL)."""
    values: dict[str, str] = {}
    dropped: list[str] = []
    for key, accepted in choices.items():
        given = (_url_values(key) or [accepted[0]])[-1]
        if given not in accepted:
            dropped.append(key)
            given = accepted[0]
        values[key] = given
        _set_url(key, [] if given == accepted[0] else [given])
    return values, dropped


def _on_param_change(key: str, default: str) -> None:
    value = st.session_state.get(WIDGET.format(key)) or default
    _set_url(key, [] if value == default else [str(value)])


def choice(page: Page, key: str) -> str:
    """Pills (they wrap on a phone) for one of the page's own URL keys; returns the current value."""
    accepted = route(page.key).params[key]
    st.session_state[WIDGET.format(key)] = page.params[key]
    st.pills(
        page.t(f"{page.key}.{key}.label"), accepted, key=WIDGET.format(key), selection_mode="single",
        format_func=lambda v: page.t(f"{page.key}.{key}.{v}"), on_change=_on_param_change, args=(key, accepted[0]),
    )  # fmt: skip
    return page.params[key]


def _on_filter_change() -> None:
    """Widget callback: the widgets' values become the copy and the URL."""
    old: FilterState = st.session_state.get(STATE, FilterState())
    values: dict[str, Any] = {}
    for key in filters.LIST_KEYS:
        values[key] = tuple(st.session_state.get(WIDGET.format(key), getattr(old, key)))
    values["q"] = filters.clean_query(str(st.session_state.get(WIDGET.format("q"), old.q)))[0]
    state = FilterState(**values)
    st.session_state[STATE] = state
    _write_filters(state)


def _on_reset() -> None:
    st.session_state[STATE] = FilterState()
    _write_filters(FilterState())


def _on_lang_change() -> None:
    lang = str(st.session_state.get(WIDGET.format("lang"), DEFAULT_LANG))
    st.session_state[LANG] = lang
    _set_url("lang", [] if lang == DEFAULT_LANG else [lang])


def set_filters(state: FilterState) -> None:
    """Replace the filters (e.g. after a click on a chart) and update the URL."""
    st.session_state[STATE] = state
    _write_filters(state)


# ---------------------------------------------------------------- the page context


@dataclass(frozen=True)
class Page:
    """What a page script needs: the data, the filters, the filtered rows and the language."""

    key: str
    lang: str
    data: Data
    state: FilterState
    options: Options
    members: pd.DataFrame  # the filtered rows
    labels: Labels
    params: Mapping[str, str]  # this page's own URL keys (view, preset, ...), validated

    def t(self, key: str, **values: Any) -> str:
        return t(key, self.lang, **values)

    @property
    def empty(self) -> bool:
        return self.members.empty

    def nav_query(self) -> dict[str, list[str]]:
        """The shared part of the URL (filters and language) that every link carries."""
        query = filters.to_query(self.state)
        if self.lang != DEFAULT_LANG:
            query["lang"] = [self.lang]
        return query

    def source_line(self) -> str:
        return self.t("chart.source", version=self.data.alliance.data_version)


def setup(page_key: str) -> Page:
    """Page config, data, URL state and the shared sidebar; every page calls this first."""
    lang, lang_dropped = _sync_lang()
    st.set_page_config(
        page_title=f"{t(f'nav.{page_key}', lang)} · {t('app.title', lang)}",
        layout="wide",
        initial_sidebar_state="auto",
    )
    try:
        data = load_data()
    except DataError as exc:
        _show_data_error(exc, lang)
        st.stop()
    options = filters.options_from(data.members, sector_order=SECTORS, region_order=list(data.regions.label))
    state, dropped = _sync_filters(options)
    params, dropped_params = _sync_page_params(route(page_key).params)
    dropped += dropped_params
    labels = Labels(lang, data)
    page = Page(page_key, lang, data, state, options, filters.apply(data.members, state), labels, params)
    _sidebar(page)
    if dropped or lang_dropped:
        keys = ", ".join(dropped + (["lang"] if lang_dropped else []))
        st.caption("ℹ️ " + t("notice.dropped", lang, keys=keys))
    return page


def _show_data_error(exc: DataError, lang: str) -> None:
    st.error(t("error.data", lang, problems=len(exc.problems)))
    st.code("\n".join(str(p) for p in exc.problems), language=None, wrap_lines=True)


def _sidebar(page: Page) -> None:
    with st.sidebar:
        st.markdown(f"### {md(page.t('app.title'))}")
        nav = page.nav_query()
        for r in ROUTES:
            st.page_link(r.script, label=page.t(f"nav.{r.key}"), query_params=nav or None)
        st.divider()
        _filter_widgets(page)
        st.button(page.t("filters.reset"), on_click=_on_reset, disabled=page.state.is_default, width="stretch")
        with st.expander(page.t("share.title"), expanded=False):
            st.caption(page.t("share.help"))
            st.code(share_url(page), language=None, wrap_lines=True)
        if len(languages()) > 1:
            st.session_state[WIDGET.format("lang")] = page.lang
            st.selectbox(
                page.t("lang.label"), languages(), key=WIDGET.format("lang"), on_change=_on_lang_change,
                format_func=lambda code: t("lang.name", code),
            )  # fmt: skip


def _filter_widgets(page: Page) -> None:
    st.markdown(f"**{md(page.t('filters.title'))}**")
    for key in filters.LIST_KEYS:
        counts = filters.facet_counts(page.data.members, page.state, key)
        name = page.labels.of(key)
        st.session_state[WIDGET.format(key)] = list(getattr(page.state, key))
        st.multiselect(
            page.t(f"filters.{key}"),
            page.options.of(key),
            key=WIDGET.format(key),
            format_func=_counted(name, counts),
            on_change=_on_filter_change,
            placeholder=page.t("filters.all"),
        )
    st.session_state[WIDGET.format("q")] = page.state.q
    st.text_input(
        page.t("filters.q"), key=WIDGET.format("q"), on_change=_on_filter_change,
        max_chars=filters.MAX_QUERY, placeholder=page.t("filters.q_placeholder"),
    )  # fmt: skip


def _counted(name: Callable[[str], str], counts: Mapping[str, int]) -> Callable[[str], str]:
    """An option label with the number of members it would show: 'Academia (18)'."""
    return lambda value: f"{name(value)} ({counts.get(value, 0)})"


def share_url(page: Page, extra: Mapping[str, Sequence[str]] | None = None) -> str:
    """The full address of the current view."""
    base = st.context.url or "http://localhost:8501/" + route(page.key).url_path
    own = {k: [v] for k, v in page.params.items() if v != route(page.key).params[k][0]}
    if page.key == "members" and set(_url_values(MEMBER)) & set(page.data.members["id"]):
        own[MEMBER] = _url_values(MEMBER)[-1:]
    query = {**page.nav_query(), **own, **(extra or {})}
    return base + ("?" + urlencode(query, doseq=True) if query else "")


# ---------------------------------------------------------------- render helpers


def chart(fig: go.Figure, *, alt: str, key: str, filename: str) -> None:
    """A chart with its text alternative (for screen readers and as a caption) and a PNG download."""
    config = {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
        "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
    }
    st.plotly_chart(fig, key=key, config=config, alt=alt, width="stretch")
    st.caption(md(alt))


def label_map(page: Page, key: str, values: Sequence[str] | pd.Series) -> dict[str, str]:
    """Display names for the values a chart shows (the grouped remainder included)."""
    name = page.labels.of(key)
    return {str(v): page.t("chart.other_countries") if v == transform.OTHER else name(str(v)) for v in values}


def alt(page: Page, title: str, counts: pd.DataFrame, key: str) -> str:
    """A chart's text alternative, generated from the same counts it draws."""
    pairs = transform.labelled_pairs(counts, key, label_map(page, key, counts[key]))
    return page.t("chart.alt", title=title, pairs=transform.pairs_text(pairs))


def headline(page: Page, numbers: transform.Headline, *, unplaced: int) -> None:
    """The headline figures as tiles that wrap onto several rows on a narrow screen."""
    shares = {"companies": numbers.companies, "universities": numbers.universities, "others": numbers.others}
    tiles: list[tuple[str, int, str | None]] = [
        ("members", numbers.members, None),
        ("countries", numbers.countries, page.t("overview.metric.unplaced", count=unplaced) if unplaced else None),
        ("sectors", numbers.sectors, None),
    ] + [(k, v, page.t("overview.metric.share", share=numbers.share(v))) for k, v in shares.items()]
    with st.container(horizontal=True, wrap=True, gap="small", key="headline"):
        for key, value, note in tiles:
            st.metric(
                page.t(f"overview.metric.{key}"), value, delta=note, delta_color="off", delta_arrow="off",
                border=True, width=168,
            )  # fmt: skip


def nothing_matches(page: Page) -> None:
    """The friendly message shown instead of empty charts."""
    st.info(page.t("empty.message"))
    st.button(page.t("filters.reset"), on_click=_on_reset, key="reset_empty")


def page_links(page: Page, keys: Sequence[str]) -> None:
    """Links to other pages, carrying the current filters."""
    nav = page.nav_query()
    for col, key in zip(st.columns(len(keys)), keys, strict=True):
        with col:
            r = route(key)
            st.page_link(r.script, label=page.t(f"link.{key}"), query_params=nav or None)


# ---------------------------------------------------------------- the Members page

MEMBER = "member"  # URL key of the member whose record is open
TABLE, TABLE_IDS = "member_table", "_member_table_ids"
DOWNLOADS: tuple[tuple[str, str], ...] = (("filtered", "csv"), ("filtered", "json"), ("all", "csv"), ("all", "json"))


def member_table(page: Page, members: pd.DataFrame) -> str | None:
    """The sortable table; returns the id of the member picked in it or in the URL, if still shown."""
    table = pd.DataFrame(
        {
            "name": members["name"],
            "sector": members["sector"].map(page.labels.sector),
            "category": members["category"].map(page.labels.category),
            "country": members["country"].map(lambda c: page.labels.country(c) if isinstance(c, str) else None),
            "city": members["city"],
            "website": members["website"],
            "sources": members["sources"],
        }
    ).reset_index(drop=True)
    col = st.column_config
    st.session_state[TABLE_IDS] = list(members["id"])
    st.dataframe(
        table,
        key=TABLE,
        on_select=_on_table_select,
        selection_mode="single-row",
        hide_index=True,
        width="stretch",
        column_config={
            "name": col.TextColumn(page.t("members.col.name"), pinned=True),
            "sector": col.TextColumn(page.t("members.col.sector")),
            "category": col.TextColumn(page.t("members.col.category")),
            "country": col.TextColumn(page.t("members.col.country")),
            "city": col.TextColumn(page.t("members.col.city")),
            "website": col.LinkColumn(page.t("members.col.website")),
            "sources": col.ListColumn(page.t("members.col.sources")),
        },
    )
    wanted = (_url_values(MEMBER) or [""])[-1]
    if wanted and wanted not in set(members["id"]):
        _set_url(MEMBER, [])
        wanted = ""
    return wanted or None


def _on_table_select() -> None:
    """A click on a row opens that member's record (and puts it in the URL)."""
    rows = list(st.session_state[TABLE].selection.rows)
    ids = st.session_state.get(TABLE_IDS, [])
    if rows and 0 <= rows[0] < len(ids):
        _set_url(MEMBER, [ids[rows[0]]])


def _on_member_pick() -> None:
    picked = st.session_state.get(WIDGET.format(MEMBER))
    _set_url(MEMBER, [picked] if picked else [])


def member_detail(page: Page, members: pd.DataFrame, selected: str | None) -> None:
    """Every field and every source of one member."""
    st.subheader(page.t("members.detail.title"))
    names = dict(zip(members["id"], members["name"], strict=True))
    st.session_state[WIDGET.format(MEMBER)] = selected
    picked = st.selectbox(
        page.t("members.detail.pick"), list(names), key=WIDGET.format(MEMBER), format_func=names.__getitem__,
        index=None, on_change=_on_member_pick, placeholder=page.t("members.detail.none"),
    )  # fmt: skip
    if picked is None:
        return
    row = members.set_index("id").loc[picked]
    unknown = page.t("members.field.unknown")
    hq = ", ".join(str(v) for v in (row["city"], row["country_name"]) if isinstance(v, str)) or unknown
    coords = f"{row['lat']:.4f}, {row['lon']:.4f}" if pd.notna(row["lat"]) else unknown
    membership = row["membership"] if isinstance(row["membership"], str) else "none"
    fields = [
        ("name", md(row["name"])),
        ("short_name", md(row["short_name"])),
        ("sector", md(page.labels.sector(row["sector"]))),
        ("category", md(page.labels.category(row["category"]))),
        ("membership", md(page.t(f"members.membership.{membership}"))),
        ("joined", md(page.labels.date(row["joined"]))),
        ("hq", md(hq)),
        ("coordinates", md(coords)),
        ("website", _link(row["website"])),
        ("founded", md(row["founded"]) if pd.notna(row["founded"]) else unknown),
        ("notes", md(row["notes"]) if isinstance(row["notes"], str) else "—"),
    ]
    st.markdown("\n".join(f"- **{md(page.t(f'members.field.{k}'))}:** {v}" for k, v in fields))
    st.markdown(f"**{md(page.t('members.field.sources'))}**")
    st.markdown("\n".join(f"{i}. {_link(url)}" for i, url in enumerate(row["sources"], start=1)))


def _link(url: str) -> str:
    """A Markdown link whose text is the escaped URL and whose target cannot break out of the brackets."""
    safe = url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")
    return f"[{md(url)}]({safe})"


def download_members(page: Page, scope: str, fmt: str) -> None:
    """One download button: the filtered (``scope="filtered"``) or the full member list as CSV or JSON."""
    frame = page.members if scope == "filtered" else page.data.members
    data = transform.to_csv_bytes(frame) if fmt == "csv" else transform.to_json_bytes(frame)
    st.download_button(
        page.t(f"members.download.{scope}_{fmt}", total=len(frame)), data=data,
        file_name=f"ai-alliance-members-{scope}.{fmt}", key=f"download_{scope}_{fmt}", width="stretch",
        mime="text/csv" if fmt == "csv" else "application/json",
    )  # fmt: skip


# ---------------------------------------------------------------- map and sectors

MAP = "world_map_chart"
MAP_IDS = "_map_member_countries"
MIX = "sector_mix_chart"


def topojson_url() -> str:
    """Where the browser fetches the country shapes: our own static folder, under any base path."""
    base = str(st.get_option("server.baseUrlPath") or "").strip("/")
    return (f"/{base}" if base else "") + "/app/static/topojson/"


def map_chart(page: Page, fig: go.Figure, *, alt: str) -> None:
    """The map: offline shapes, PNG download, and a click on a country (or a selection of points) filters."""
    st.session_state[MAP_IDS] = dict(zip(page.members["id"], page.members["country"], strict=True))
    config = {
        "displaylogo": False, "topojsonURL": topojson_url(), "scrollZoom": False,
        "toImageButtonOptions": {"format": "png", "filename": "ai-alliance-map", "scale": 2},
    }  # fmt: skip
    st.plotly_chart(
        fig, key=MAP, config=config, alt=alt, width="stretch", on_select=_on_map_select,
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
        set_filters(FilterState(old.sector, old.region, tuple(sorted(chosen)), old.category, old.q))


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
    st.plotly_chart(fig, key=MIX, config=config, alt=alt, width="stretch", on_select=_on_sector_select,
                    selection_mode="points")  # fmt: skip
    st.caption(md(alt))


def _on_sector_select() -> None:
    points = st.session_state[MIX].selection.get("points", [])
    sectors = {p["customdata"][1] for p in points if isinstance(p.get("customdata"), list) and len(p["customdata"]) > 1}
    sectors &= set(SECTORS)
    if sectors:
        old: FilterState = st.session_state.get(STATE, FilterState())
        set_filters(
            FilterState(tuple(s for s in SECTORS if s in sectors), old.region, old.country, old.category, old.q)
        )


def table(frame: pd.DataFrame, columns: Mapping[str, str]) -> None:
    """A plain, accessible HTML table (read by screen readers, no hover needed) with translated headers."""
    st.table(frame.loc[:, list(columns)].rename(columns=dict(columns)).set_index(columns[next(iter(columns))]))


@st.cache_data(show_spinner=False)
def _shaped_countries() -> frozenset[str]:
    return topology_countries(paths.WORLD_TOPOLOGY)


def unshaped_countries(located: pd.DataFrame) -> pd.DataFrame:
    """The countries the map has no shape for (Singapore at 110m), so they get a marker instead."""
    return located[~located["country"].isin(_shaped_countries())]


def summary(page: Page, counts: pd.DataFrame, key: str) -> str:
    """'Of the N members shown, 25 are companies, 18 ...': generated from the counts."""
    parts = [page.t(f"summary.{s}", count=int(c)) for s, c in zip(counts["sector"], counts["count"], strict=True)]
    listing = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + page.t("summary.and") + parts[-1]
    return page.t(key, total=int(counts["count"].sum()), listing=listing)


def matrix_alt(page: Page, title: str, matrix: pd.DataFrame) -> str:
    """Text alternative of the sector x region matrix: every non-empty cell."""
    cells = [
        (f"{page.labels.sector(str(s))} · {page.labels.region(str(r))}", int(matrix.loc[s, r]))
        for s in matrix.index for r in matrix.columns if matrix.loc[s, r]
    ]  # fmt: skip
    return page.t("chart.alt", title=title, pairs=transform.pairs_text(cells))


def mix_alt(page: Page, title: str, shares: pd.DataFrame) -> str:
    """Text alternative of the regional sector mix: each region with its sectors' shares."""
    parts = []
    for region, rows in shares.groupby("region", sort=False):
        mix = ", ".join(
            f"{page.labels.sector(str(s))} {v:.0%}" for s, v in zip(rows["sector"], rows["share"], strict=True)
        )
        parts.append(f"{page.labels.region(str(region))}: {mix}")
    return page.t("chart.alt", title=title, pairs="; ".join(parts))
