"""The URL is the state. Each run parses the query string (when it carries a filter) into a session copy,
seeds the widgets from that copy, and writes the copy back to the URL, so a shared link, a page switch and the
browser's back/forward all land on the same view. Streamlit's ``bind="query-params"`` loses values on the first
page switch in classic multipage mode, so it is not used; the navigation is our own ``st.page_link`` carrying
the current filters. The widgets' callbacks live here, public, for the sidebar and the page helpers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

import streamlit as st

from dashboard.i18n import DEFAULT_LANG, languages, pick_language
from dashboard.members import filters
from dashboard.members.filters import FilterState, Options
from dashboard.routes import Route, parse_params

STATE = "_filter_state"  # session copy of the filters (not a widget key)
LANG = "_lang"
WIDGET = "w_{}"  # widget keys, seeded from the copy on every run
MEMBER = "member"  # URL key of the member whose record is open (Members page)
RUN_QUERY = "_run_query"  # the query string as the last run of the whole page left it
SHARE_BOX = "share_box"  # the sidebar's share box (an expander's key: its state says whether it is open)


# ---------------------------------------------------------------- URL <-> state


def url_values(key: str) -> list[str]:
    return [str(v) for v in st.query_params.get_all(key)]


def query_now() -> dict[str, tuple[str, ...]]:
    """The whole query string, every value of every key."""
    return {key: tuple(url_values(key)) for key in st.query_params}


def set_url(key: str, values: Sequence[str]) -> None:
    """Write one key to the URL only when it differs (each write is a browser history update)."""
    if list(values) == url_values(key):
        return
    if values:
        st.query_params[key] = list(values)
    elif key in st.query_params:
        del st.query_params[key]


def _write_filters(state: FilterState) -> None:
    query = filters.to_query(state)
    for key in filters.KEYS:
        set_url(key, query.get(key, []))


def sync_filters(options: Options) -> tuple[FilterState, list[str]]:
    """Read the URL into the session copy when it carries a filter; otherwise restore the URL from the copy."""
    in_url = any(key in st.query_params for key in filters.KEYS)
    dropped: list[str] = []
    if in_url or STATE not in st.session_state:
        state, dropped = filters.from_query({k: url_values(k) for k in filters.KEYS}, options)
        st.session_state[STATE] = state
    state = st.session_state[STATE]
    _write_filters(state)
    return state, dropped


def sync_lang() -> tuple[str, bool]:
    """The language from the URL (or the session copy); an unknown code is dropped."""
    dropped = False
    if "lang" in st.query_params or LANG not in st.session_state:
        st.session_state[LANG], dropped = pick_language(url_values("lang"), languages())
    lang = str(st.session_state[LANG])
    set_url("lang", [] if lang == DEFAULT_LANG else [lang])
    return lang, dropped


def sync_page_params(page: Route) -> tuple[dict[str, str], dict[str, tuple[str, ...]], list[str]]:
    """A page's own keys: the URL's accepted values, else the defaults (which stay out of the URL)."""
    values, chosen, dropped = parse_params(page, {k: url_values(k) for k in (*page.params, *page.multi)})
    for key, value in values.items():
        set_url(key, [] if value == page.params[key][0] else [value])
    for key, picked in chosen.items():
        set_url(key, list(picked))
    return values, chosen, dropped


def follow_moved_keys(moved: Mapping[str, str], scripts: Mapping[str, str]) -> None:
    """A link carrying a URL key that moved to another page opens that page with the whole query
    (``/Initiatives?require=weights`` -> ``/Open_vs_closed?require=weights``)."""
    target = next((moved[key] for key in moved if key in st.query_params), None)
    if target is not None:
        st.switch_page(scripts[target], query_params={k: url_values(k) for k in st.query_params})


def on_param_change(key: str, default: str) -> None:
    value = st.session_state.get(WIDGET.format(key)) or default
    set_url(key, [] if value == default else [str(value)])


def on_multi_change(key: str, accepted: tuple[str, ...]) -> None:
    picked = st.session_state.get(WIDGET.format(key)) or []
    set_url(key, [v for v in accepted if v in picked])


def on_filter_change() -> None:
    """Widget callback: the widgets' values become the copy and the URL."""
    old: FilterState = st.session_state.get(STATE, FilterState())
    values: dict[str, Any] = {}
    for key in filters.LIST_KEYS:
        values[key] = tuple(st.session_state.get(WIDGET.format(key), getattr(old, key)))
    values["q"] = filters.clean_query(str(st.session_state.get(WIDGET.format("q"), old.q)))[0]
    values["asof"] = old.asof  # the date has widgets of its own (on_asof_pick, on_asof_day)
    state = FilterState(**values)
    st.session_state[STATE] = state
    _write_filters(state)


def _set_asof(day: str, launch: str) -> None:
    old: FilterState = st.session_state.get(STATE, FilterState())
    state = replace(old, asof="" if not day or day <= launch else day)
    st.session_state[STATE] = state
    _write_filters(state)


def on_asof_pick(launch: str) -> None:
    """A quick pick (a dated milestone) becomes the membership date."""
    picked = st.session_state.get(WIDGET.format("asof"))
    if picked:
        _set_asof(str(picked), launch)


def on_asof_day(launch: str) -> None:
    """A day chosen in the calendar becomes the membership date (the widget keeps it within launch..today)."""
    day = st.session_state.get(WIDGET.format("asof_day"))
    if isinstance(day, dt.date):
        _set_asof(day.isoformat(), launch)


def on_reset() -> None:
    st.session_state[STATE] = FilterState()
    _write_filters(FilterState())


def on_lang_change() -> None:
    lang = str(st.session_state.get(WIDGET.format("lang"), DEFAULT_LANG))
    st.session_state[LANG] = lang
    set_url("lang", [] if lang == DEFAULT_LANG else [lang])


def set_filters(state: FilterState) -> None:
    """Replace the filters (e.g. after a click on a chart) and update the URL."""
    st.session_state[STATE] = state
    _write_filters(state)
