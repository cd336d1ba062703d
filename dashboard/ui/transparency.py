"""Transparency page: the index's developer reports, side by side, one indicator's evidence, and what changed.

developer= (repeatable) and indicator= take their values from the imported data, not from the router, so they
are checked here against the evidence table, run by run, as the router checks the other keys; invalid values
are dropped from the URL with the app's usual notice. The reports' text is the index's own free text: it is
shown escaped (md) with links only for http(s) URLs (link), never as live Markdown or HTML."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import snapshot
from dashboard.indexes import reports
from dashboard.indexes.evidence import Evidence, evidence_files, load_evidence
from dashboard.ui.cache import file_stamp
from dashboard.ui.charts import on_request
from dashboard.ui.page import Page
from dashboard.ui.picks import dropped_notice, picker, url_picks
from dashboard.ui.text import link, md, show_data_error
from dashboard.ui.url import WIDGET, set_url, url_values
from dashboard.ui.widgets import table
from dashboard.validation import DataError

DEVELOPER, INDICATOR = "developer", "indicator"
BEFORE, AFTER = REPORT_EDITIONS = ("2024-05", "2025-12")  # the two editions published with developer reports
URL = re.compile(r"(https?://[^\s<>\"']+[^\s<>\"'.,;:)\]])")


@st.cache_data(show_spinner=False, max_entries=4)
def _cached(files: tuple[str, str], stamp: tuple[tuple[int, int], ...]) -> Evidence:
    table_file, meta_file = map(Path, files)
    return snapshot.cached("evidence", (table_file, meta_file), lambda: load_evidence(table_file, meta_file))


def load(page: Page) -> Evidence:
    """The evidence, validated and cached per file version; a broken file stops the page with every problem."""
    files = evidence_files()
    try:
        return _cached((str(files[0]), str(files[1])), file_stamp(*files))
    except DataError as exc:
        show_data_error(exc, page.lang)
        st.stop()


@dataclass(frozen=True)
class Choice:
    """The developers (slugs, at most four, in the reader's order) and the indicator (slug or None) shown."""

    developers: tuple[str, ...]
    indicator: str | None


def choose(page: Page, evidence: Evidence) -> Choice:
    """developer= and indicator= from the URL, checked against the data; what is left out is said once."""
    picked, lost = url_picks(DEVELOPER, evidence.developers(), reports.MAX_DEVELOPERS)
    dropped = [DEVELOPER] if lost else []
    indicators = set(evidence.rows["indicator_slug"])
    wanted = url_values(INDICATOR)
    indicator = wanted[-1] if wanted and wanted[-1] in indicators else None
    dropped += [INDICATOR] if wanted and indicator is None else []
    set_url(INDICATOR, [indicator] if indicator else [])
    dropped_notice(page, dropped)
    return Choice(picked, indicator)


def _on_indicator() -> None:
    value = st.session_state.get(WIDGET.format(INDICATOR))
    set_url(INDICATOR, [str(value)] if value else [])


def pickers(page: Page, evidence: Evidence, choice: Choice, edition: str) -> None:
    """The developers and the indicator, as widgets that write the URL."""
    names = evidence.developers()
    picker(DEVELOPER, names, choice.developers, label=page.t("transparency.developers.label"),
           placeholder=page.t("transparency.developers.none"), limit=reports.MAX_DEVELOPERS)  # fmt: skip
    options = reports.indicators(evidence.rows, edition)
    if not options:
        return
    st.session_state[WIDGET.format(INDICATOR)] = choice.indicator if choice.indicator in options else None
    st.selectbox(
        page.t("transparency.indicator.label"), list(options), key=WIDGET.format(INDICATOR),
        format_func=lambda s: options[s],
        index=None, on_change=_on_indicator, placeholder=page.t("transparency.indicator.none"),
    )  # fmt: skip


def quote(text: str) -> str:
    """The index's free text as Markdown that shows it as written: escaped, line breaks kept."""
    return "  \n".join(md(line) for line in text.split("\n"))


def references(text: str) -> str:
    """References as text, each http(s) URL in it a link (link() makes anything else plain text)."""
    return "  \n".join(
        "".join(link(p) if i % 2 else md(p) for i, p in enumerate(URL.split(line))) for line in text.split("\n")
    )


def _who(page: Page, name: str, members: Mapping[str, object]) -> str:
    mark = page.t("open_vs_closed.member") if name in members else page.t("open_vs_closed.not_member")
    return page.t("text.label_value", label=f"**{md(name)}**", value=md(mark))


def side_by_side(page: Page, evidence: Evidence, choice: Choice, edition: str, members: Mapping[str, object]) -> None:
    """The chosen developers' totals by domain and every indicator's score, for the chosen edition."""
    names = evidence.developers()
    if not choice.developers:
        st.info(page.t("transparency.developers.hint"))
        return
    shown = reports.reported(evidence.rows, edition, choice.developers)
    edition_name = page.t(f"transparency.edition.{edition}")
    for slug in choice.developers:
        if slug not in shown:
            st.markdown(
                _who(page, names[slug], members) + " — " + page.t("transparency.no_report", edition=edition_name)
            )
    if not shown:
        return
    totals = reports.domain_totals(evidence.rows, edition, shown)
    for slug in shown:
        total = page.t("transparency.total", total=int(totals[slug].iloc[-1]))
        st.markdown(_who(page, names[slug], members) + " — " + total)
    domain = {d: page.t(f"transparency.domain.{d.lower()}") for d in totals["domain"]}
    table(totals.assign(domain=totals["domain"].map(domain)),
          {"domain": page.t("transparency.col.domain")} | {s: names[s] for s in shown}, page.lang)  # fmt: skip
    scores = reports.indicator_scores(evidence.rows, edition, shown)
    mark = {1: "✔ " + page.t("transparency.met"), 0: "✘ " + page.t("transparency.not_met")}
    for slug in shown:
        scores[slug] = scores[slug].map(mark).fillna("—")
    columns = {"indicator": page.t("transparency.col.indicator"), "subdomain": page.t("transparency.col.subdomain")}
    columns |= {s: names[s] for s in shown}
    config = {c: st.column_config.TextColumn(n) for c, n in columns.items()}
    st.dataframe(scores[list(columns)], hide_index=True, width="stretch", column_config=config, key="indicator_scores")
    st.caption(page.t("transparency.scores_help", edition=edition_name))


def indicator(page: Page, evidence: Evidence, choice: Choice, edition: str, members: Mapping[str, object]) -> None:
    """One indicator: its definition, then each chosen developer's disclosure, justification and references."""
    options = reports.indicators(evidence.rows, edition)
    if choice.indicator is None:
        return
    if choice.indicator not in options:
        st.info(page.t("transparency.indicator.elsewhere", edition=page.t(f"transparency.edition.{edition}")))
        return
    rows = reports.indicator_evidence(evidence.rows, edition, choice.indicator, choice.developers)
    first = evidence.rows[(evidence.rows["edition"] == edition) & (evidence.rows["indicator_slug"] == choice.indicator)]
    about = first.iloc[0]
    st.subheader(md(about["indicator"]))
    st.markdown(
        page.t("text.label_value", label=f"**{page.t('transparency.definition')}**", value=quote(about["definition"]))
    )
    if about["notes"]:
        st.markdown(
            page.t("text.label_value", label=f"**{page.t('transparency.notes')}**", value=quote(about["notes"]))
        )
    names = evidence.developers()
    for row in rows.itertuples(index=False):
        evidence_block(page, names[row.developer_slug], row, members)


def evidence_block(page: Page, name: str, row: Any, members: Mapping[str, object]) -> None:
    """One developer's row: score, disclosure, justification, references, as selectable text."""
    score = "✔ " + page.t("transparency.met") if row.score == 1 else "✘ " + page.t("transparency.not_met")
    with st.container(border=True):
        st.markdown(_who(page, name, members) + f" — {score}")
        for field in ("disclosure", "justification"):
            text = str(getattr(row, field))
            value = quote(text) if text else "—"
            st.markdown(page.t("text.label_value", label=f"**{page.t(f'transparency.{field}')}**", value=value))
        refs = str(row.references)
        st.markdown(page.t("text.label_value", label=f"**{page.t('transparency.references')}**",
                           value=references(refs) if refs else "—"))  # fmt: skip


def what_changed(page: Page, evidence: Evidence, choice: Choice, members: Mapping[str, object]) -> None:
    """For each chosen developer with a report in both editions: the indicators gained and lost."""
    names = evidence.developers()
    both = [s for s in reports.reported(evidence.rows, BEFORE, choice.developers)
            if s in reports.reported(evidence.rows, AFTER, choice.developers)]  # fmt: skip
    if not both:
        st.caption(page.t("transparency.changed.none"))
        return
    before, after = page.t(f"transparency.edition.{BEFORE}"), page.t(f"transparency.edition.{AFTER}")
    for slug in both:
        found = reports.changes(evidence.rows, slug, BEFORE, AFTER)
        gained, lost = (int((found["change"] == c).sum()) for c in ("gained", "lost"))
        label = page.t("transparency.changed.label", name=md(names[slug]), before=before, after=after,
                       gained=gained, lost=lost)  # fmt: skip
        with on_request(label, key=f"changed_{slug}") as opened:
            if not opened:
                continue
            count = reports.comparable(evidence.rows, slug, BEFORE, AFTER)
            st.caption(page.t("transparency.changed.comparable", count=count, name=md(names[slug])))
            _change_list(page, found, before, after)


def _change_list(page: Page, found: pd.DataFrame, before: str, after: str) -> None:
    for row in found.itertuples(index=False):
        sign = "✔" if row.change == "gained" else "✘"
        st.markdown(f"{sign} **{md(row.indicator)}** — {page.t(f'transparency.changed.{row.change}')}")
        pairs = ((before, row.justification_before), (after, row.justification_after))
        st.markdown("\n".join(f"- {page.t('text.label_value', label=e, value=quote(j or '—'))}" for e, j in pairs))


def pdfs(page: Page, evidence: Evidence, choice: Choice, edition: str) -> None:
    """An edition without report tables (2023): the index's scoring PDF of each chosen developer, or all."""
    links = evidence.edition(edition).scoring_pdfs or {}
    names = evidence.developers()
    wanted = [names[s] for s in choice.developers] or list(links)
    st.info(page.t("transparency.pdfs", edition=page.t(f"transparency.edition.{edition}")))
    st.markdown("\n".join(f"- {link(links[n], n)}" for n in wanted if n in links))
