"""Small page widgets: headline tiles, titles, page links, a page's own choices, plain tables."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd
import streamlit as st

from dashboard.i18n import DEFAULT_LANG, t
from dashboard.members import transform
from dashboard.routes import parse_params, route
from dashboard.ui.page import Page
from dashboard.ui.text import md
from dashboard.ui.url import (
    LANG,
    MEMBER,
    RUN_QUERY,
    SHARE_BOX,
    STATE,
    WIDGET,
    on_multi_change,
    on_param_change,
    on_reset,
    query_now,
    set_url,
    url_values,
)


def headline(page: Page, numbers: transform.Headline, *, unplaced: int, units: int = 0) -> None:
    """The headline figures as tiles that wrap onto several rows on a narrow screen; the members tile says how many
    are units of other members (an institute of a member university), so no reader counts one twice unaware."""
    shares = {"companies": numbers.companies, "universities": numbers.universities, "others": numbers.others}
    tiles: list[tuple[str, int, str | None]] = [
        ("members", numbers.members, page.tn("count.unit", units) if units else None),
        ("countries", numbers.countries, page.t("overview.metric.unplaced", count=unplaced) if unplaced else None),
        ("sectors", numbers.sectors, None),
    ] + [
        (k, v, page.t("overview.metric.share", share=page.labels.percent(numbers.share(v)))) for k, v in shares.items()
    ]
    with st.container(horizontal=True, wrap=True, gap="small", key="headline"):
        for key, value, note in tiles:
            st.metric(
                page.t(f"overview.metric.{key}"), page.labels.number(value), delta=note, delta_color="off",
                delta_arrow="off", border=True, width=168, height=128,
            )  # fmt: skip


def title_or_stop(page: Page, key: str) -> None:
    """The page title; when the filters match nothing, the friendly message instead of the page."""
    st.title(page.t(key))
    st.caption(page.as_of_line())
    if page.empty:
        if page.key == "members":
            set_url(MEMBER, [])  # no member is shown, so a member in the link is dropped as when filtered out
        nothing_matches(page)
        st.stop()


def nothing_matches(page: Page) -> None:
    """The friendly message shown instead of empty charts."""
    st.info(page.t("empty.message"))
    st.button(page.t("filters.reset"), on_click=on_reset, key="reset_empty")


def page_links(page: Page, keys: Sequence[str]) -> None:
    """Links to other pages, carrying the current filters."""
    nav = page.nav_query()
    with st.container(horizontal=True, wrap=True, gap="medium"):
        for key in keys:
            st.page_link(route(key).script, label=page.t(f"link.{key}"), query_params=nav or None, width="content")


def choice(page: Page, key: str) -> str:
    """Pills (they wrap on a phone) for one of the page's own URL keys; returns the current value.

    The value is read from the URL as it is now, not from the page's set-up: inside a section (a fragment) a
    change reruns only that section, after the pills' callback has written the URL."""
    accepted = route(page.key).params[key]
    value = live_params(page)[0][key]
    st.session_state[WIDGET.format(key)] = value
    st.pills(
        page.t(f"{page.key}.{key}.label"), accepted, key=WIDGET.format(key), selection_mode="single",
        format_func=lambda v: page.t(f"{page.key}.{key}.{v}"), on_change=on_param_change, args=(key, accepted[0]),
    )  # fmt: skip
    return value


def choices(page: Page, key: str) -> tuple[str, ...]:
    """Multi-select pills for one of the page's repeatable URL keys; returns the values chosen (read like
    ``choice``'s, from the URL as it is now)."""
    accepted = route(page.key).multi[key]
    chosen = live_params(page)[1][key]
    st.session_state[WIDGET.format(key)] = list(chosen)
    st.pills(
        page.t(f"{page.key}.{key}.label"), accepted, key=WIDGET.format(key), selection_mode="multi",
        format_func=lambda v: page.t(f"{page.key}.{key}.{v}"), on_change=on_multi_change, args=(key, accepted),
    )  # fmt: skip
    return chosen


def live_params(page: Page) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """The page's own keys as the URL holds them now (the set-up wrote only accepted values to it)."""
    r = route(page.key)
    values, chosen, _ = parse_params(r, {k: url_values(k) for k in (*r.params, *r.multi)})
    return values, chosen


def section(body: Callable[..., None]) -> Callable[..., None]:
    """A part of a page with controls of its own (a view, an edition, criteria, a record): a change there reruns
    this part only (``st.fragment``), leaving the sidebar and every other part, charts included, as they are.

    What the section's controls change that other parts show asks for a run of the whole page instead: the
    sidebar's filters (a click on the map filters by country), the language, and the share box's link
    while it is open."""

    @st.fragment
    def run(page: Page, *args: Any) -> None:
        if _whole_page_changed(page):
            st.rerun(scope="app")
        body(page, *args)

    return run


def _whole_page_changed(page: Page) -> bool:
    if st.session_state.get(STATE, page.state) != page.state or st.session_state.get(LANG, page.lang) != page.lang:
        return True
    return bool(st.session_state.get(SHARE_BOX, False)) and query_now() != st.session_state.get(RUN_QUERY)


TABLE_LIMIT = 300  # rows of a plain HTML table; a longer one shows its first rows and says so


def table(frame: pd.DataFrame, columns: Mapping[str, str], lang: str = DEFAULT_LANG) -> None:
    """A plain, accessible HTML table (read by screen readers, no hover needed) with translated headers.

    st.table renders Markdown in every cell and header, so each text is escaped to show as written."""
    first = frame.head(TABLE_LIMIT)
    shown = first.loc[:, list(columns)].rename(columns={k: md(v) for k, v in columns.items()})
    shown = shown.map(lambda v: md(v) if isinstance(v, str) else v)
    st.table(shown.set_index(md(columns[next(iter(columns))])))
    if len(frame) > len(first):
        st.caption(t("table.first", lang, shown=f"{len(first):,}", total=f"{len(frame):,}"))
