"""The shared sidebar: navigation that carries the filters, the filter widgets, language, share and embed."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Mapping, Sequence
from urllib.parse import urlencode

import streamlit as st

from dashboard.i18n import languages, t
from dashboard.members import filters
from dashboard.routes import ROUTES, route
from dashboard.ui.charts import on_request
from dashboard.ui.page import Page
from dashboard.ui.text import link, md
from dashboard.ui.url import (
    MEMBER,
    SHARE_BOX,
    WIDGET,
    on_asof_day,
    on_asof_pick,
    on_filter_change,
    on_lang_change,
    on_reset,
    url_values,
)


def sidebar(page: Page) -> None:
    with st.sidebar:
        st.markdown(f"### {md(page.t('app.title'))}")
        nav = page.nav_query()
        for r in ROUTES:
            st.page_link(r.script, label=page.t(f"nav.{r.key}"), query_params=nav or None)
        st.divider()
        _filter_widgets(page)
        st.button(page.t("filters.reset"), on_click=on_reset, disabled=page.state.is_default, width="stretch")
        # Drawn only when opened: the code blocks' highlighter is a large script every page would otherwise
        # load for a box most readers never open.
        with on_request(page.t("share.title"), key=SHARE_BOX) as opened:
            if opened:
                st.caption(page.t("share.help"))
                st.code(share_url(page), language=None, wrap_lines=True)
                st.caption(page.t("share.embed_help"))
                st.code(embed_snippet(page), language="html", wrap_lines=True)
        if len(languages()) > 1:
            st.session_state[WIDGET.format("lang")] = page.lang
            st.selectbox(
                page.t("lang.label"), languages(), key=WIDGET.format("lang"), on_change=on_lang_change,
                format_func=lambda code: t("lang.name", code),
            )  # fmt: skip


def embedded_view(page: Page) -> None:
    """An embedded page has no sidebar: it states its view in words and links to the full dashboard."""
    st.markdown(md(page.view_words()) + " · " + link(share_url(page), page.t("embed.open")))  # a caption fades links


def _filter_widgets(page: Page) -> None:
    st.markdown(f"**{md(page.t('filters.title'))}**")
    for key in filters.LIST_KEYS:
        counts = filters.facet_counts(page.data.members, page.state, key)
        name = page.labels.of(key)
        st.session_state[WIDGET.format(key)] = list(getattr(page.state, key))
        st.multiselect(
            page.t(f"filters.{key}"),
            _in_name_order(page.options.of(key), name) if key in ("country", "category") else page.options.of(key),
            key=WIDGET.format(key),
            format_func=_counted(name, counts),
            on_change=on_filter_change,
            placeholder=page.t("filters.all"),
        )
    st.session_state[WIDGET.format("q")] = page.state.q
    st.text_input(
        page.t("filters.q"), key=WIDGET.format("q"), on_change=on_filter_change,
        max_chars=filters.MAX_QUERY, placeholder=page.t("filters.q_placeholder"),
    )  # fmt: skip
    _date_widget(page)


def _date_widget(page: Page) -> None:
    """The membership date: any day from the launch to today in a calendar, and the dated milestones (each with
    its member count) as quick picks. The launch is stored as the empty default."""
    launch = page.options.asof[0]
    shown = page.state.asof or launch
    st.session_state[WIDGET.format("asof_day")] = dt.date.fromisoformat(shown)
    st.date_input(
        page.t("filters.asof"), key=WIDGET.format("asof_day"), min_value=dt.date.fromisoformat(launch),
        max_value=dt.date.today(), format="YYYY-MM-DD", on_change=on_asof_day, args=(launch,),
        help=page.t("filters.asof_help"),
    )  # fmt: skip
    dates = page.options.asof
    counts = {d: int(filters.joined_by(page.data.members, "" if d == launch else d).sum()) for d in dates}
    st.session_state[WIDGET.format("asof")] = shown if shown in dates else None
    st.selectbox(
        page.t("filters.asof_picks"), dates, key=WIDGET.format("asof"), on_change=on_asof_pick, args=(launch,),
        index=None, placeholder=page.t("filters.asof_other"),
        format_func=lambda d: page.t("filters.asof_option", date=page.labels.date(d), members=counts[d]),
    )  # fmt: skip


def _in_name_order(values: Sequence[str], name: Callable[[str], str]) -> list[str]:
    """Options listed by their name in the reader's language, accents aside ('Émirats' among the E)."""
    return sorted(values, key=lambda v: filters.fold(name(v)))


def _counted(name: Callable[[str], str], counts: Mapping[str, int]) -> Callable[[str], str]:
    """An option label with the number of members it would show: 'Academia (18)'."""
    return lambda value: f"{name(value)} ({counts.get(value, 0)})"


def share_url(page: Page, extra: Mapping[str, Sequence[str]] | None = None) -> str:
    """The full address of the current view."""
    base = st.context.url or "http://localhost:8501/" + route(page.key).url_path
    own = {k: [v] for k, v in page.params.items() if v != route(page.key).params[k][0]}
    own.update({k: list(v) for k, v in page.multi.items() if v})
    if page.key == "members" and set(url_values(MEMBER)) & page.data.ids:
        own[MEMBER] = url_values(MEMBER)[-1:]
    query = {**page.nav_query(), **own, **(extra or {})}
    return base + ("?" + urlencode(query, doseq=True) if query else "")


def embed_snippet(page: Page) -> str:
    """An iframe that shows this view without the sidebar (Streamlit's embed=true), loaded lazily."""
    url = share_url(page, {"embed": ["true"]})
    title = f"{page.t(f'nav.{page.key}')} · {page.t('app.title')}"
    return (
        f'<iframe src="{html.escape(url)}" title="{html.escape(title)}" loading="lazy" '
        'width="100%" height="720" style="border:0"></iframe>'
    )
