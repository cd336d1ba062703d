"""The one setup every page calls: page config, data, URL state, the sidebar, or the message for a broken file."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NoReturn

import streamlit as st

from dashboard.i18n import DEFAULT_LANG, t
from dashboard.members import filters
from dashboard.routes import ROUTES, route
from dashboard.server import memory
from dashboard.ui.cache import load_data
from dashboard.ui.page import Page
from dashboard.ui.sidebar import embedded_view, sidebar
from dashboard.ui.text import Labels, md, show_data_error
from dashboard.ui.url import (
    RUN_QUERY,
    follow_moved_keys,
    query_now,
    sync_filters,
    sync_lang,
    sync_page_params,
)
from dashboard.validation import DataError

# Streamlit marks a focused page link only by a background, which the current page's link already has:
# give every page link an outline in the text colour when it has the keyboard focus. A table's or
# chart's toolbar (search, download, fullscreen) stays transparent until hovered, even while one of its
# buttons has the keyboard focus: show it then too, with an outline on that button.
FOCUS_CSS = """<style>
[data-testid="stPageLink-NavLink"]:focus-visible { outline: 2px solid currentColor; outline-offset: 1px; }
[data-testid="stElementToolbar"]:focus-within { opacity: 1; top: -2.4rem; }
[data-testid="stElementToolbarButton"] button:focus-visible { outline: 2px solid currentColor; }
</style>"""


def setup(page_key: str) -> Page:
    """Page config, data, URL state and the shared sidebar; every page calls this first."""
    memory.start_trimmer()  # once per process: freed memory goes back to the system between readers
    follow_moved_keys(route(page_key).moved, {r.key: r.script for r in ROUTES})
    lang, lang_dropped = sync_lang()
    st.set_page_config(
        page_title=f"{t(f'nav.{page_key}', lang)} · {t('app.title', lang)}",
        layout="wide",
        initial_sidebar_state="auto",
    )
    st.html(FOCUS_CSS)
    try:
        data = load_data(lang)
    except DataError as exc:
        _broken(page_key, lang, exc)
    options = data.options
    state, dropped = sync_filters(options)
    params, multi, dropped_params = sync_page_params(route(page_key))
    dropped += dropped_params
    labels = Labels(lang, data)
    embedded = bool(st.context.is_embedded)
    members = filters.apply(data.members, state)
    page = Page(page_key, lang, data, state, options, members, labels, params, multi, embedded)
    if embedded:
        embedded_view(page)
    else:
        sidebar(page)
    if dropped or lang_dropped:
        keys = ", ".join(dropped + (["lang"] if lang_dropped else []))
        st.caption("ℹ️ " + t("notice.dropped", lang, keys=keys))
    st.session_state[RUN_QUERY] = query_now()  # what the share box shows; a section's change is checked against it
    return page


# What a page still shows while a data file is broken: text that needs no data.
WITHOUT_DATA: Mapping[str, tuple[str, ...]] = {"about": ("about.method", "about.correct")}


def _broken(page_key: str, lang: str, exc: DataError) -> NoReturn:
    """A data file is broken: the navigation, the page's title, one message with every problem, and the
    page's text that needs no data; then the run stops. The next run after the fix shows the page again."""
    with st.sidebar:
        st.markdown(f"### {md(t('app.title', lang))}")
        for r in ROUTES:
            st.page_link(
                r.script, label=t(f"nav.{r.key}", lang), query_params={"lang": lang} if lang != DEFAULT_LANG else None
            )
    st.title(t(f"nav.{page_key}", lang))
    show_data_error(exc, lang)
    for section in WITHOUT_DATA.get(page_key, ()):
        st.header(t(f"{section}.title", lang))
        st.markdown(t(f"{section}.text", lang))
    st.stop()
