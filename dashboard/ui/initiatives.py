"""Initiatives page helpers (focus cards, the AIM timeline) and the loader it shares with Open vs closed."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlencode

import streamlit as st

from dashboard import paths
from dashboard.models.load import load_initiatives
from dashboard.models.schema import Event, Initiatives, Model, Point
from dashboard.ui.cache import file_stamp
from dashboard.ui.page import Page
from dashboard.ui.text import link, md, show_data_error
from dashboard.validation import DataError


@st.cache_data(show_spinner=False, max_entries=8)
def _cached(
    files: tuple[str, str], stamp: tuple[tuple[int, int], ...], ids_hash: int, _ids: frozenset[str]
) -> tuple[Initiatives, list[Model]]:
    """Keyed by the hash of the member ids (a frozenset keeps its hash), not by hashing every id each run."""
    return load_initiatives(Path(files[0]), Path(files[1]), member_ids=set(_ids))


def load(page: Page) -> tuple[Initiatives, list[Model]]:
    """The page's datasets, validated like the members; a broken file stops the page with its problems."""
    try:
        stamp = file_stamp(paths.INITIATIVES, paths.MODELS, paths.SOURCES)
        files = (str(paths.INITIATIVES), str(paths.MODELS))
        return _cached(files, stamp, hash(page.data.ids), page.data.ids)
    except DataError as exc:
        show_data_error(exc, page.lang)
        st.stop()


def _member_link(page: Page, ident: str, name: str) -> str:
    """A link to the Members page opened on this member, keeping the language."""
    query = {"q": name, "member": ident} | ({"lang": page.lang} if page.lang != "en" else {})
    return f"[{md(name)}](Members?{urlencode(query)})"  # urlencode leaves no character that ends the target


def focus_cards(page: Page, initiatives: Initiatives) -> None:
    """The six focus areas; members named only where the launch release documents their role."""
    named = {m for area in initiatives.focus_areas for m in area.members}
    shown = set(page.members["id"][page.members["id"].isin(named)])
    everyone = page.data.members[page.data.members["id"].isin(named)]
    names = dict(zip(everyone["id"], everyone["short_name"], strict=True))
    for start in range(0, len(initiatives.focus_areas), 2):
        for col, area in zip(st.columns(2), initiatives.focus_areas[start : start + 2], strict=False):
            with col, st.container(border=True):
                st.markdown(f"**{md(page.labels.text(area.title))}**")
                st.markdown(md(page.labels.text(area.summary)))
                visible = [m for m in area.members if m in shown]
                if visible:
                    links = ", ".join(_member_link(page, m, names[m]) for m in visible)
                    st.markdown(page.t("initiatives.focus.members", members=links))
                    for m in visible:
                        if m in area.evidence:
                            st.caption(f"{page.t('text.quote', quote=md(area.evidence[m]))} — {md(names[m])}")
                hidden = len([m for m in area.members if m not in shown])
                if hidden:
                    st.caption(page.tn("initiatives.focus.hidden", hidden))
                if not area.members:
                    st.caption(page.t("initiatives.focus.none"))
                st.markdown(
                    link(area.source, page.t("initiatives.source"))
                )  # a caption would fade the link below 4.5:1


def points(page: Page, items: Sequence[Point]) -> None:
    """Sourced points as a bulleted list."""
    source = page.t("initiatives.source")
    st.markdown("\n".join(f"- {md(page.labels.text(p.point))} {link(p.source, source)}" for p in items))


def timeline(page: Page, events: Sequence[Event]) -> None:
    """Dated events, oldest first, each with its source."""
    source = page.t("initiatives.source")
    ordered = sorted(events, key=lambda e: e.date)
    lines = [f"- **{md(page.labels.date(e.date))}** — {md(page.labels.text(e.event))} {link(e.source, source)}"
             for e in ordered]  # fmt: skip
    st.markdown("\n".join(lines))


def level_labels(page: Page, initiatives: Initiatives) -> dict[str, str]:
    """Gradient level -> label in the reader's language, from the data."""
    return {lvl.id: page.labels.text(lvl.label) for lvl in initiatives.gradient}
