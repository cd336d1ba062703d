"""The page context every page script gets from setup(), the shared sidebar, and render helpers."""

from __future__ import annotations

import base64
import html
import importlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, NoReturn
from urllib.parse import urlencode

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import chartdata, figures, filters, memory, transform
from dashboard.filters import FilterState, Options
from dashboard.i18n import DEFAULT_LANG, languages, t, tn
from dashboard.routes import ROUTES, route
from dashboard.ui.state import (
    LANG,
    MEMBER,
    WIDGET,
    Data,
    Labels,
    _on_filter_change,
    _on_lang_change,
    _on_multi_change,
    _on_param_change,
    _on_reset,
    _set_url,
    _sync_filters,
    _sync_lang,
    _sync_page_params,
    _url_values,
    follow_moved_keys,
    link,
    load_data,
    md,
    show_data_error,
)
from dashboard.validation import DataError

CHART_LINE = 64  # characters per line of the filters under a chart title, so they fit a phone
# Streamlit marks a focused page link only by a background, which the current page's link already has:
# give every page link an outline in the text colour when it has the keyboard focus. A table's or
# chart's toolbar (search, download, fullscreen) stays transparent until hovered, even while one of its
# buttons has the keyboard focus: show it then too, with an outline on that button.
FOCUS_CSS = """<style>
[data-testid="stPageLink-NavLink"]:focus-visible { outline: 2px solid currentColor; outline-offset: 1px; }
[data-testid="stElementToolbar"]:focus-within { opacity: 1; top: -2.4rem; }
[data-testid="stElementToolbarButton"] button:focus-visible { outline: 2px solid currentColor; }
</style>"""

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
    multi: Mapping[str, tuple[str, ...]]  # this page's own repeatable URL keys (require), validated
    embedded: bool = False  # opened with embed=true: no sidebar, the view stated in words instead

    def t(self, key: str, **values: Any) -> str:
        return t(key, self.lang, **values)

    def tn(self, key: str, n: int, **values: Any) -> str:
        """A counted phrase in the page's language ('1 country', '6 countries')."""
        return tn(key, n, self.lang, **values)

    @property
    def empty(self) -> bool:
        return self.members.empty

    def nav_query(self) -> dict[str, list[str]]:
        """The shared part of the URL (filters and language) that every link carries."""
        query = filters.to_query(self.state)
        if self.lang != DEFAULT_LANG:
            query["lang"] = [self.lang]
        return query

    def view_parts(self) -> list[str]:
        """The active filters in words, one part per filter ('Sector: Academia, Nonprofit'); none at the defaults."""
        parts = []
        for key in filters.LIST_KEYS:
            chosen = getattr(self.state, key)
            if chosen:
                name = self.labels.of(key)
                parts.append(self.t("view.part", filter=self.t(f"filters.{key}"), values=", ".join(map(name, chosen))))
        if self.state.q:
            parts.append(self.t("view.search", q=self.state.q))
        if self.state.asof:
            parts.append(self.t("view.part", filter=self.t("filters.asof"), values=self.labels.date(self.state.asof)))
        return parts

    def view_words(self) -> str:
        """The whole view in one sentence, for captions: 'Showing: Sector: Academia; Country: Switzerland'."""
        parts = self.view_parts()
        return self.t("view.filtered", filters=self.t("text.list_sep").join(parts)) if parts else self.t("view.all")

    def source_line(self, source: str | None = None) -> str:
        """A chart's source line (ours unless given); with filters active, the filters in words above it, so a
        PNG says what it shows."""
        source = source or self.t("chart.source", version=self.labels.date(self.data.alliance.data_version))
        parts = self.view_parts()
        if not parts:
            return source
        lines = figures.wrap_parts([self.t("view.chart")] + parts, width=CHART_LINE)
        return "<br>".join(figures.plot_text(line) for line in lines) + "<br>" + source

    @property
    def asof(self) -> str:
        """The membership date shown: the one chosen, or the launch."""
        return self.state.asof or self.options.asof[0]

    @property
    def roster(self) -> pd.DataFrame:
        """Every member who had joined by the date shown, whatever the other filters."""
        return self.data.members[filters.joined_by(self.data.members, self.state.asof)]

    def as_of_line(self) -> str:
        """'57 members as of 5 December 2023' (all who had joined, before the other filters)."""
        return self.t("asof.headline", members=self.tn("count.member", len(self.roster)),
                      date=self.labels.date(self.asof))  # fmt: skip


def setup(page_key: str) -> Page:
    """Page config, data, URL state and the shared sidebar; every page calls this first."""
    memory.start_trimmer()  # once per process: freed memory goes back to the system between readers
    follow_moved_keys(route(page_key).moved, {r.key: r.script for r in ROUTES})
    lang, lang_dropped = _sync_lang()
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
    state, dropped = _sync_filters(options)
    params, multi, dropped_params = _sync_page_params(route(page_key))
    dropped += dropped_params
    labels = Labels(lang, data)
    embedded = bool(st.context.is_embedded)
    members = filters.apply(data.members, state)
    page = Page(page_key, lang, data, state, options, members, labels, params, multi, embedded)
    if embedded:
        _embedded_view(page)
    else:
        _sidebar(page)
    if dropped or lang_dropped:
        keys = ", ".join(dropped + (["lang"] if lang_dropped else []))
        st.caption("ℹ️ " + t("notice.dropped", lang, keys=keys))
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


def _sidebar(page: Page) -> None:
    with st.sidebar:
        st.markdown(f"### {md(page.t('app.title'))}")
        nav = page.nav_query()
        for r in ROUTES:
            st.page_link(r.script, label=page.t(f"nav.{r.key}"), query_params=nav or None)
        st.divider()
        _filter_widgets(page)
        st.button(page.t("filters.reset"), on_click=_on_reset, disabled=page.state.is_default, width="stretch")
        # Drawn only when opened: the code blocks' highlighter is a large script every page would otherwise
        # load for a box most readers never open.
        with on_request(page.t("share.title"), key="share_box") as opened:
            if opened:
                st.caption(page.t("share.help"))
                st.code(share_url(page), language=None, wrap_lines=True)
                st.caption(page.t("share.embed_help"))
                st.code(embed_snippet(page), language="html", wrap_lines=True)
        if len(languages()) > 1:
            st.session_state[WIDGET.format("lang")] = page.lang
            st.selectbox(
                page.t("lang.label"), languages(), key=WIDGET.format("lang"), on_change=_on_lang_change,
                format_func=lambda code: t("lang.name", code),
            )  # fmt: skip


def _embedded_view(page: Page) -> None:
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
            on_change=_on_filter_change,
            placeholder=page.t("filters.all"),
        )
    st.session_state[WIDGET.format("q")] = page.state.q
    st.text_input(
        page.t("filters.q"), key=WIDGET.format("q"), on_change=_on_filter_change,
        max_chars=filters.MAX_QUERY, placeholder=page.t("filters.q_placeholder"),
    )  # fmt: skip
    _date_widget(page)


def _date_widget(page: Page) -> None:
    """The membership date: the launch (stored as the empty default) or a later milestone."""
    dates = ("", *page.options.asof[1:])
    counts = {d: int(filters.joined_by(page.data.members, d).sum()) for d in dates}
    st.session_state[WIDGET.format("asof")] = page.state.asof
    st.selectbox(
        page.t("filters.asof"), dates, key=WIDGET.format("asof"), on_change=_on_filter_change,
        format_func=lambda d: page.t("filters.asof_option", date=page.labels.date(d or page.options.asof[0]),
                                     members=counts[d]),
        help=page.t("filters.asof_help"),
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
    if page.key == "members" and set(_url_values(MEMBER)) & page.data.ids:
        own[MEMBER] = _url_values(MEMBER)[-1:]
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


# ---------------------------------------------------------------- render helpers


@contextmanager
def on_request(label: str, *, key: str) -> Iterator[bool]:
    """An expander whose content is drawn only while it is open (opening it reruns the page): a collapsed
    expander would otherwise still draw everything in it, and a page pays for every element it draws."""
    with st.expander(label, key=key, on_change="rerun") as box:
        yield bool(box.open)


FIGURES_KEPT = 512  # built figures kept (as plain dicts, a few kB to a few hundred kB each)


def figure(builder: Callable[..., go.Figure], /, *args: Any, **kwargs: Any) -> go.Figure:
    """``builder(*args, **kwargs)``, built once per distinct input and then rebuilt from its plain form.

    Plotly spends most of a figure's build time laying out subplots and checking each trace as it is
    added; making a figure from the finished dict is several times faster (the FMTI small multiples: about
    170 ms to build, 17 ms from the dict). Readers who pick the same filters, or come back to a view, share
    the cached form; each gets a new figure of their own to change."""
    return go.Figure(_figure_dict(builder.__module__, builder.__qualname__, args, kwargs))


def _frame_key(frame: pd.DataFrame) -> str:
    """A figure input's cache key from every value: Streamlit's own hash samples a frame of 50,000 rows or more,
    and falls back to pickling (with a warning in the log) when a cell holds a list."""
    return str(frame.dtypes.to_dict()) + frame.to_json(orient="split", date_format="iso", default_handler=str)


@st.cache_data(max_entries=FIGURES_KEPT, show_spinner=False, hash_funcs={pd.DataFrame: _frame_key})
def _figure_dict(module: str, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
    builder = getattr(importlib.import_module(module), name)
    return dict(_arrays(builder(*args, **kwargs).to_dict()))


def _arrays(value: Any) -> Any:
    """Plotly's dict form with its packed number arrays ({"dtype", "bdata", "shape"}) unpacked into numpy arrays
    again, so the rebuilt figure holds the same values as the one built (the data tables read them)."""
    if isinstance(value, dict):
        if "bdata" in value and "dtype" in value:
            array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
            shape = value.get("shape")
            if shape is not None:
                array = array.reshape([int(n) for n in str(shape).split(",") if n.strip()])
            # Plotly packs whole numbers in the smallest type that holds them: give them their width back
            return array.astype(np.int64) if array.dtype.kind in "iu" else array.copy()
        return {k: _arrays(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_arrays(v) for v in value]
    return value


def chart(fig: go.Figure, *, alt: str, key: str, filename: str) -> None:
    """A chart with its text alternative (for screen readers and as a caption) and a PNG download."""
    config = {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
        "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
    }
    st.plotly_chart(figures.fit_heading(fig), key=key, config=config, alt=alt, width="stretch")
    st.caption(md(alt))
    data_table(fig, key=key)


def data_table(fig: go.Figure, *, key: str) -> None:
    """The numbers the chart draws as a plain table in an expander: reachable by keyboard and read by
    screen readers, where the chart itself offers only hover. The table is built when the expander is
    opened (a rerun), so a page with several charts does not draw tables nobody asked for."""
    table = chartdata.figure_table(fig)
    if table.empty:
        return
    lang = str(st.session_state.get(LANG, DEFAULT_LANG))
    with on_request(t("chart.data.show", lang), key=f"{key}_data") as opened:
        if not opened:
            return
        shown = table.map(lambda v: md(v) if isinstance(v, str) else chartdata.shown_number(v, lang))  # Markdown
        st.table(shown.rename(columns={c: md(t(f"chart.data.{c}", lang)) for c in table.columns}), hide_index=True)


def label_map(page: Page, key: str, values: Sequence[str] | pd.Series) -> dict[str, str]:
    """Display names for the values a chart shows (the grouped remainder included)."""
    name = page.labels.of(key)
    return {str(v): page.t("chart.other_countries") if v == transform.OTHER else name(str(v)) for v in values}


def alt(page: Page, title: str, counts: pd.DataFrame, key: str) -> str:
    """A chart's text alternative, generated from the same counts it draws."""
    pairs = transform.labelled_pairs(counts, key, label_map(page, key, counts[key]))
    return page.t("chart.alt", title=title, pairs=transform.pairs_text(pairs, page.labels.number))


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
            _set_url(MEMBER, [])  # no member is shown, so a member in the link is dropped as when filtered out
        nothing_matches(page)
        st.stop()


def nothing_matches(page: Page) -> None:
    """The friendly message shown instead of empty charts."""
    st.info(page.t("empty.message"))
    st.button(page.t("filters.reset"), on_click=_on_reset, key="reset_empty")


def page_links(page: Page, keys: Sequence[str]) -> None:
    """Links to other pages, carrying the current filters."""
    nav = page.nav_query()
    with st.container(horizontal=True, wrap=True, gap="medium"):
        for key in keys:
            st.page_link(route(key).script, label=page.t(f"link.{key}"), query_params=nav or None, width="content")


def choice(page: Page, key: str) -> str:
    """Pills (they wrap on a phone) for one of the page's own URL keys; returns the current value."""
    accepted = route(page.key).params[key]
    st.session_state[WIDGET.format(key)] = page.params[key]
    st.pills(
        page.t(f"{page.key}.{key}.label"), accepted, key=WIDGET.format(key), selection_mode="single",
        format_func=lambda v: page.t(f"{page.key}.{key}.{v}"), on_change=_on_param_change, args=(key, accepted[0]),
    )  # fmt: skip
    return page.params[key]


def choices(page: Page, key: str) -> tuple[str, ...]:
    """Multi-select pills for one of the page's repeatable URL keys; returns the values chosen."""
    accepted = route(page.key).multi[key]
    st.session_state[WIDGET.format(key)] = list(page.multi[key])
    st.pills(
        page.t(f"{page.key}.{key}.label"), accepted, key=WIDGET.format(key), selection_mode="multi",
        format_func=lambda v: page.t(f"{page.key}.{key}.{v}"), on_change=_on_multi_change, args=(key, accepted),
    )  # fmt: skip
    return page.multi[key]


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
