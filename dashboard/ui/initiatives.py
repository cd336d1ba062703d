"""The Initiatives page: focus-area cards, the open/closed comparison, arguments and the AIM timeline."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from dashboard import paths
from dashboard.data import load_initiatives
from dashboard.i18n import catalog
from dashboard.schema import DIMENSIONS, Event, Initiatives, Model, Point
from dashboard.ui.page import Page
from dashboard.ui.state import _mtime, link, md, show_data_error
from dashboard.validation import DataError

SYMBOL = {"open": "●", "partial": "◐", "closed": "○"}


@st.cache_data(show_spinner=False)
def _cached(files: tuple[str, str], _stamp: tuple[float, ...], ids: frozenset[str]) -> tuple[Initiatives, list[Model]]:
    return load_initiatives(Path(files[0]), Path(files[1]), member_ids=set(ids))


def load(page: Page) -> tuple[Initiatives, list[Model]]:
    """The page's datasets, validated like the members; a broken file stops the page with its problems."""
    try:
        stamp = (_mtime(paths.INITIATIVES), _mtime(paths.MODELS), _mtime(paths.SOURCES))
        files = (str(paths.INITIATIVES), str(paths.MODELS))
        return _cached(files, stamp, frozenset(page.data.members["id"]))
    except DataError as exc:
        show_data_error(exc, page.lang)
        st.stop()


def _member_link(page: Page, ident: str, name: str) -> str:
    """A link to the Members page opened on this member, keeping the language."""
    query = {"q": name, "member": ident} | ({"lang": page.lang} if page.lang != "en" else {})
    return link("Members?" + urlencode(query), name)


def focus_cards(page: Page, initiatives: Initiatives) -> None:
    """The six focus areas; members named only where the launch release documents their role."""
    shown = set(page.members["id"])
    names = dict(zip(page.data.members["id"], page.data.members["short_name"], strict=True))
    for start in range(0, len(initiatives.focus_areas), 2):
        for col, area in zip(st.columns(2), initiatives.focus_areas[start : start + 2], strict=False):
            with col, st.container(border=True):
                st.markdown(f"**{md(area.title)}**")
                st.markdown(md(area.summary))
                visible = [m for m in area.members if m in shown]
                if visible:
                    links = ", ".join(_member_link(page, m, names[m]) for m in visible)
                    st.markdown(page.t("initiatives.focus.members", members=links))
                    for m in visible:
                        if m in area.evidence:
                            st.caption(f"“{md(area.evidence[m])}” — {md(names[m])}")
                hidden = len([m for m in area.members if m not in shown])
                if hidden:
                    st.caption(page.t("initiatives.focus.hidden", count=hidden))
                if not area.members:
                    st.caption(page.t("initiatives.focus.none"))
                st.caption(link(area.source, page.t("initiatives.source")))


def model_table(page: Page, frame: pd.DataFrame) -> None:
    """Models x dimensions with a symbol and a word per grade (never colour alone), sortable."""
    grade = {g: f"{SYMBOL[g]} {page.t(f'initiatives.grade.{g}')}" for g in SYMBOL}
    table = pd.DataFrame({"name": frame["name"], "developer": frame["developer"]})
    table["member"] = frame["member"].map(lambda m: page.t("initiatives.yes") if isinstance(m, str) else "—")
    for d in DIMENSIONS:
        table[d] = frame[d].map(grade)
    table["score"] = frame["score"]
    table["qualifies"] = frame["qualifies"].map({True: "✔", False: "✘"})
    config = {c: st.column_config.TextColumn(page.t(f"initiatives.col.{c}")) for c in table.columns if c != "score"}
    config["score"] = st.column_config.NumberColumn(
        page.t("initiatives.col.score"), help=page.t("initiatives.score_help")
    )
    st.dataframe(table, hide_index=True, width="stretch", column_config=config, key="model_table")


def model_details(page: Page, models: Sequence[Model], levels: dict[str, str]) -> None:
    """Per model, every judgement with its note and source, one click away."""
    for m in models:
        with st.expander(page.t("initiatives.details", name=m.name)):
            st.markdown(
                page.t("initiatives.released", developer=md(m.developer), date=md(m.release_date))
                + " "
                + link(m.release_source, page.t("initiatives.source"))
            )
            level = levels[m.gradient]
            st.markdown(
                f"**{md(level)}** — {md(m.gradient_note)} {link(m.gradient_source, page.t('initiatives.source'))}"
            )
            lines = []
            for d in DIMENSIONS:
                j = getattr(m.dimensions, d)
                name = page.t(f"initiatives.col.{d}")
                lines.append(f"- {SYMBOL[j.value]} **{md(name)}: {md(page.t(f'initiatives.grade.{j.value}'))}** — "
                             f"{md(j.note)} {link(j.source, page.t('initiatives.source'))}")  # fmt: skip
            st.markdown("\n".join(lines))
            modes = ", ".join(page.t(f"initiatives.access.{a}") for a in m.access_modes)
            st.caption(page.t("initiatives.licence", licence=md(m.licence_name), access=modes))
            if m.notes:
                st.caption(md(m.notes))


def qualifying(page: Page, frame: pd.DataFrame, required: Sequence[str]) -> None:
    """The answer to 'what counts as open?' for the components the reader ticked."""
    if not required:
        st.info(page.t("initiatives.open.none_required", count=len(frame)))
        return
    names = list(frame.loc[frame["qualifies"], "name"])
    wanted = ", ".join(page.t(f"initiatives.require.{c}") for c in required)
    if names:
        st.success(page.t("initiatives.open.some", count=len(names), total=len(frame), wanted=wanted,
                          names=md(", ".join(names))))  # fmt: skip
    else:
        st.warning(page.t("initiatives.open.nothing", total=len(frame), wanted=wanted))


def points(page: Page, items: Sequence[Point]) -> None:
    """Sourced points as a bulleted list."""
    source = page.t("initiatives.source")
    st.markdown("\n".join(f"- {md(p.point)} {link(p.source, source)}" for p in items))


def timeline(page: Page, events: Sequence[Event]) -> None:
    """Dated events, oldest first, each with its source."""
    source = page.t("initiatives.source")
    ordered = sorted(events, key=lambda e: e.date)
    st.markdown("\n".join(f"- **{md(_date(page, e.date))}** — {md(e.event)} {link(e.source, source)}" for e in ordered))


def _date(page: Page, value: str) -> str:
    """'1992', 'January 1998' or '2 October 1991' from a partial ISO date."""
    parts = value.split("-")
    if len(parts) == 1:
        return value
    month = page.t(f"month.{int(parts[1])}")
    return f"{month} {parts[0]}" if len(parts) == 2 else page.labels.date(value)


def level_labels(page: Page, initiatives: Initiatives) -> dict[str, str]:
    """Gradient level -> label, from the data (a locale may override it)."""
    return {lvl.id: catalog(page.lang).get(f"initiatives.level.{lvl.id}") or lvl.label for lvl in initiatives.gradient}


def gradient_levels(page: Page, initiatives: Initiatives, labels: dict[str, str]) -> None:
    """What each step of the release gradient means, with its source."""
    source = page.t("initiatives.source")
    lines = [f"{i}. **{md(labels[lvl.id])}** — {md(lvl.description)} {link(lvl.source, source)}"
             for i, lvl in enumerate(initiatives.gradient, start=1)]  # fmt: skip
    st.markdown("\n".join(lines))


def gradient_alt(page: Page, title: str, frame: pd.DataFrame, labels: dict[str, str]) -> str:
    """The gradient chart as text: each level with the models placed on it."""
    parts = [f"{labels[g]}: {', '.join(frame.loc[frame['gradient'] == g, 'name'])}" for g in labels
             if (frame["gradient"] == g).any()]  # fmt: skip
    return page.t("chart.alt", title=title, pairs="; ".join(parts))
