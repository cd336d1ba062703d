"""Cached data, display labels, and the URL <-> filter state that every page shares.

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
from functools import cached_property
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import filters, formats, paths
from dashboard.alliance_record import AllianceRecord, load_alliance_record
from dashboard.data import (
    Alliance,
    Categories,
    Regions,
    load_alliance,
    load_categories,
    load_events,
    load_members,
    load_regions,
    localise_events,
    localise_members,
)
from dashboard.filters import FilterState, Options
from dashboard.i18n import DEFAULT_LANG, languages, pick_language, t, tn
from dashboard.routes import Route, parse_params
from dashboard.schema import SECTORS, LocalText
from dashboard.validation import DataError, is_http_url

STATE = "_filter_state"  # session copy of the filters (not a widget key)
LANG = "_lang"
WIDGET = "w_{}"  # widget keys, seeded from the copy on every run
_TARGET_ESCAPES = str.maketrans({c: f"%{ord(c):02X}" for c in " ()<>[]\\\"'`"})
MEMBER = "member"  # URL key of the member whose record is open (Members page)
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:&])")


# ---------------------------------------------------------------- cached data


def file_stamp(*files: Path) -> tuple[tuple[int, int], ...]:
    """What the cache is keyed on: each file's modification time (ns) and size, (0, -1) when it is gone.

    A maintainer who saves a file changes its stamp, so the next run reloads it; a load that fails is not
    cached, so every run retries until the file is valid again, and the pages recover without a restart.
    The cached functions take it as ``stamp``, never ``_stamp``: st.cache_data leaves parameters whose
    name starts with an underscore out of the key, which would keep serving the old data."""
    stamps = []
    for path in files:
        try:
            info = path.stat()
            stamps.append((info.st_mtime_ns, info.st_size))
        except OSError:
            stamps.append((0, -1))
    return tuple(stamps)


@st.cache_data(show_spinner=False, max_entries=8)
def _cached_members(files: tuple[str, str, str], stamp: tuple[tuple[int, int], ...]) -> pd.DataFrame:
    members, categories, regions = map(Path, files)
    return load_members(members, categories_path=categories, regions_path=regions)


@st.cache_data(show_spinner=False, max_entries=8)
def _cached_refs(
    files: tuple[str, str, str], stamp: tuple[tuple[int, int], ...]
) -> tuple[Alliance, Categories, Regions]:
    alliance, categories, regions = map(Path, files)
    return load_alliance(alliance), load_categories(categories), load_regions(regions)


@st.cache_data(show_spinner=False, max_entries=8)
def _cached_events(files: tuple[str, str], stamp: tuple[tuple[int, int], ...]) -> pd.DataFrame:
    events, members = map(Path, files)
    return load_events(events, members_path=members)


def _country_names(members: pd.DataFrame) -> dict[str, str]:
    pairs = members.dropna(subset=["country"]).drop_duplicates("country")
    return dict(zip(pairs["country"], pairs["country_name"], strict=True))


@dataclass(frozen=True)
class Data:
    """Everything the pages read, loaded once per file change; display columns in the reader's language."""

    members: pd.DataFrame
    alliance: Alliance
    categories: Categories
    regions: Regions
    events: pd.DataFrame  # the dated membership events, one row each in date order

    country_names: Mapping[str, str]  # ISO code -> common name in the reader's language, for the codes in the data

    @property
    def founding(self) -> pd.DataFrame:
        """The organisations named at the launch."""
        return self.members[self.members["joined_kind"] == "founding"]

    # Derived once per data version (the Data object itself is shared by every session and run).
    @cached_property
    def options(self) -> Options:
        return filters.options_from(
            self.members, sector_order=SECTORS, region_order=list(self.regions.label), dates=self.events["date"]
        )

    @cached_property
    def ids(self) -> frozenset[str]:
        return frozenset(self.members["id"])


@st.cache_resource(show_spinner=False, max_entries=8)
def _shared(files: tuple[str, ...], stamp: tuple[tuple[int, int], ...], lang: str) -> Data:
    """One read-only Data per version of the files and language, shared instead of copied on every run (pandas
    copies on write, so a page that changes a frame it got from here changes only its own copy)."""
    members_file, alliance_file, categories_file, regions_file, events_file = files
    alliance, categories, regions = _cached_refs((alliance_file, categories_file, regions_file), stamp)
    members = _cached_members((members_file, categories_file, regions_file), stamp)
    members = localise_members(members, lang, categories, regions)
    events = localise_events(_cached_events((events_file, members_file), stamp), lang)
    return Data(members, alliance, categories, regions, events, _country_names(members))


@st.cache_data(show_spinner=False, max_entries=4)
def _cached_record(files: tuple[str, str], stamp: tuple[tuple[int, int], ...]) -> AllianceRecord:
    site, names = map(Path, files)
    return load_alliance_record(site, names)


def load_record() -> AllianceRecord:
    """The Alliance's own record as imported (About page); raises DataError naming every problem."""
    site, names = paths.ALLIANCE_SITE, paths.ALLIANCE_NAMES
    return _cached_record((str(site), str(names)), file_stamp(site, names))


def load_data(lang: str = DEFAULT_LANG) -> Data:
    """The validated datasets, with category, country and region names and event titles in ``lang``;
    raises DataError naming every problem."""
    files = (paths.MEMBERS, paths.ALLIANCE, paths.CATEGORIES, paths.REGIONS, paths.EVENTS)
    return _shared(tuple(map(str, files)), file_stamp(*files, paths.SOURCES), lang)


# ---------------------------------------------------------------- text helpers


def md(text: object) -> str:
    """Escape Markdown so data or reader text is shown literally (no links, images or HTML)."""
    return _MD_SPECIAL.sub(r"\\\1", str(text))


def href(url: object) -> str:
    """A link target for Markdown: the URL with the characters that could end it percent-encoded;
    ``#`` (this page) for anything that is not an http(s) URL, so data never yields a script link."""
    if not is_http_url(url):
        return "#"
    return str(url).translate(_TARGET_ESCAPES)


def link(url: str, text: str | None = None) -> str:
    """A Markdown link with escaped text (the URL itself by default) and a target that cannot break
    out of the parentheses; plain text when the URL is not http(s)."""
    label = md(url if text is None else text)
    return f"[{label}]({href(url)})" if is_http_url(url) else label


def show_data_error(exc: DataError, lang: str) -> None:
    """A broken data file: one message naming the files, then every problem, one per line; never a traceback."""
    files = dict.fromkeys(p.file.split(":", 1)[0] for p in exc.problems)
    st.error(t("error.data", lang, files=", ".join(files), problems=tn("count.problem", len(exc.problems), lang)))
    st.code("\n".join(str(p) for p in exc.problems), language=None, wrap_lines=True)


@dataclass(frozen=True)
class Labels:
    """Display names for the slugs, in the reader's language."""

    lang: str
    data: Data

    def sector(self, slug: str) -> str:
        return t(f"sector.{slug}", self.lang)

    def region(self, slug: str) -> str:
        return self.data.regions.labels.get(self.lang, self.data.regions.label).get(slug, slug)

    def category(self, slug: str) -> str:
        return self.data.categories.labels.get(self.lang, self.data.categories.label).get(slug, slug)

    def country(self, code: str) -> str:
        return self.data.country_names.get(code) or formats.country_name(code, self.lang)

    def of(self, key: str) -> Callable[[str], str]:
        return {"sector": self.sector, "region": self.region, "category": self.category, "country": self.country}[key]

    def date(self, iso: str) -> str:
        """A full or partial ISO date in the reader's language: '5 décembre 2023', 'janvier 1998', '1992'."""
        return formats.date(iso, self.lang)

    def number(self, value: int | float) -> str:
        """'1 234' in French, '1,234' in English."""
        return formats.number(value, self.lang)

    def decimal(self, value: float, digits: int) -> str:
        """'45,3' in French, '45.3' in English, always with ``digits`` decimals."""
        return formats.decimal(value, self.lang, digits)

    def percent(self, share: float) -> str:
        """'44 %' in French, '44%' in English."""
        return formats.percent(share, self.lang)

    def text(self, value: LocalText) -> str:
        """A text from the data files in the reader's language."""
        return value.get(self.lang)


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
    dropped = False
    if "lang" in st.query_params or LANG not in st.session_state:
        st.session_state[LANG], dropped = pick_language(_url_values("lang"), languages())
    lang = str(st.session_state[LANG])
    _set_url("lang", [] if lang == DEFAULT_LANG else [lang])
    return lang, dropped


def _sync_page_params(page: Route) -> tuple[dict[str, str], dict[str, tuple[str, ...]], list[str]]:
    """A page's own keys: the URL's accepted values, else the defaults (which stay out of the URL)."""
    values, chosen, dropped = parse_params(page, {k: _url_values(k) for k in (*page.params, *page.multi)})
    for key, value in values.items():
        _set_url(key, [] if value == page.params[key][0] else [value])
    for key, picked in chosen.items():
        _set_url(key, list(picked))
    return values, chosen, dropped


def follow_moved_keys(moved: Mapping[str, str], scripts: Mapping[str, str]) -> None:
    """A link carrying a URL key that moved to another page opens that page with the whole query
    (``/Initiatives?require=weights`` -> ``/Open_vs_closed?require=weights``)."""
    target = next((moved[key] for key in moved if key in st.query_params), None)
    if target is not None:
        st.switch_page(scripts[target], query_params={k: _url_values(k) for k in st.query_params})


def _on_param_change(key: str, default: str) -> None:
    value = st.session_state.get(WIDGET.format(key)) or default
    _set_url(key, [] if value == default else [str(value)])


def _on_multi_change(key: str, accepted: tuple[str, ...]) -> None:
    picked = st.session_state.get(WIDGET.format(key)) or []
    _set_url(key, [v for v in accepted if v in picked])


def _on_filter_change() -> None:
    """Widget callback: the widgets' values become the copy and the URL."""
    old: FilterState = st.session_state.get(STATE, FilterState())
    values: dict[str, Any] = {}
    for key in filters.LIST_KEYS:
        values[key] = tuple(st.session_state.get(WIDGET.format(key), getattr(old, key)))
    values["q"] = filters.clean_query(str(st.session_state.get(WIDGET.format("q"), old.q)))[0]
    values["asof"] = str(st.session_state.get(WIDGET.format("asof"), old.asof) or "")
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
