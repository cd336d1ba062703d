"""Coalitions page: the AI Alliance beside the Frontier Model Forum on the date shown, the timeline of both,
the absentees at the launch, and the Transparency Index totals beside each side (the one place that joins the
coalitions to the index, since the coalitions domain may not import the indexes)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import paths
from dashboard.coalitions import transform as tr
from dashboard.coalitions.figures import coalition_timeline
from dashboard.coalitions.load import Coalitions, load_coalitions
from dashboard.coalitions.schema import ALLIANCE
from dashboard.indexes.transform import fmti_totals
from dashboard.routes import EDITIONS
from dashboard.ui import indexes
from dashboard.ui.cache import file_stamp
from dashboard.ui.charts import chart, figure
from dashboard.ui.page import Page
from dashboard.ui.text import link, md, show_data_error
from dashboard.validation import DataError

FORUM = "frontier-model-forum"


@st.cache_data(show_spinner=False, max_entries=8)
def _cached(stamp: tuple[tuple[int, int], ...], ids_hash: int, _ids: frozenset[str]) -> Coalitions:
    """Keyed by the hash of the member ids (a frozenset keeps its hash), not by hashing every id each run (about a
    second at 100,000 members)."""
    return load_coalitions(member_ids=_ids)


def load(page: Page) -> Coalitions:
    """The coalitions file, validated; a broken file stops the page with every problem listed."""
    try:
        return _cached(file_stamp(paths.COALITIONS, paths.SOURCES), hash(page.data.ids), page.data.ids)
    except DataError as exc:
        show_data_error(exc, page.lang)
        st.stop()


@dataclass(frozen=True)
class View:
    """Both coalitions on the date shown, under the reader's filters."""

    page: Page
    content: Coalitions

    @cached_property
    def names(self) -> dict[str, str]:
        """Organisation id -> the name shown (a member's short name), for the organisations the coalitions file
        names: its founders, changes and absentees (not every member, 100,000 at scale)."""
        content = self.content
        founders = (org for group in content.coalitions["founders"] for org in group)
        named = {*self.history["org"], *content.absentees["org"], *founders}
        members = self.page.data.members
        members = members[members["id"].isin(named)]
        return dict(zip(members["id"], members["short_name"], strict=True)) | dict(
            zip(self.content.organisations["id"], self.content.organisations["name"], strict=True)
        )

    @cached_property
    def coalition(self) -> dict[str, str]:
        return dict(zip(self.content.coalitions["id"], self.content.coalitions["name"], strict=True))

    @cached_property
    def history(self) -> pd.DataFrame:
        return tr.forum_changes(self.content.coalitions, self.content.changes, FORUM)

    @cached_property
    def launch_source(self) -> str:
        return str(self.content.coalitions.set_index("id").loc[ALLIANCE, "founded_source"])

    @cached_property
    def side(self) -> pd.DataFrame:
        data, page = self.page.data, self.page
        forum = tr.forum_roster(self.history, page.asof, data.members, self.content.organisations,
                                data.regions.of_country)  # fmt: skip
        alliance = tr.alliance_roster(page.members, self.launch_source)
        return tr.sides(alliance, tr.matching(forum, page.state))


def date_words(page: Page, date: str) -> str:
    """A date as precise as it is known: '26 July 2023', '2024 (known only to the year)'."""
    shown = page.labels.date(date)
    return shown if len(date) == 10 else page.t(f"coalitions.date.{tr.precision(date)}", date=shown)


def sentence(page: Page, view: View) -> str:
    """'On 30 June 2024, 1 organisation was in both coalitions: Meta.', from the data and the filters."""
    both, date = tr.in_both(view.side), page.labels.date(page.asof)
    if both:
        text = page.tn("coalitions.sentence.both", len(both), date=date, names=md(", ".join(both)))
    else:
        text = page.t("coalitions.sentence.none", date=date)
    a, f = (page.tn("count.organisation", int(view.side[k].sum())) for k in ("alliance", "forum"))
    names = {"alliance": md(view.coalition[ALLIANCE]), "forum": md(view.coalition[FORUM])}
    return text + " " + page.t("coalitions.sentence.sides", a=a, f=f, **names)


def _roster_table(page: Page, view: View, key: str, flag: str) -> None:
    rows = view.side[view.side[flag]]
    other = "forum" if flag == "alliance" else "alliance"
    # Each distinct date, sector and country put in words once (a large member list repeats them).
    table = pd.DataFrame({
        "name": rows["name"], "since": rows[f"{flag}_since"].map(cache(lambda d: date_words(page, d))),
        "source": rows[f"{flag}_source"], "both": rows[other].map({True: page.t("coalitions.col.yes"), False: ""}),
        "sector": rows["sector"].map(cache(page.labels.sector)),
        "country": rows["country"].map(cache(lambda c: page.labels.country(c) if isinstance(c, str) else "—")),
    })  # fmt: skip
    names = {c: page.t(f"coalitions.col.{c}") for c in table.columns}
    config: dict[str, Any] = {c: st.column_config.TextColumn(n) for c, n in names.items() if c != "source"}
    config["source"] = st.column_config.LinkColumn(names["source"], display_text=page.t("initiatives.source"))
    st.dataframe(table, hide_index=True, width="stretch", column_config=config, key=key)


def sides_section(page: Page, view: View) -> None:
    """The two coalitions side by side: purpose, who is in each (with sector, country, since when, source)."""
    coalitions = view.content.coalitions.set_index("id")
    columns = st.columns(2)
    for column, (key, flag) in zip(columns, ((ALLIANCE, "alliance"), (FORUM, "forum")), strict=True):
        row = coalitions.loc[key]
        with column:
            count = page.tn("count.organisation", int(view.side[flag].sum()))
            st.subheader(page.t("coalitions.side.title", name=md(row["name"]), count=count))
            st.markdown(md(row["purpose"][page.lang]) + " " + link(row["purpose_source"], page.t("initiatives.source")))
            st.caption(page.t("coalitions.side.founded", date=page.labels.date(row["founded"]),
                              founders=", ".join(md(view.names.get(f, f)) for f in row["founders"])))  # fmt: skip
            _roster_table(page, view, f"roster_{flag}", flag)
    headers = {c: page.t(f"coalitions.csv.{c}") for c in tr.CSV_COLUMNS}
    side = view.side

    def build() -> bytes:
        return tr.to_csv_bytes(side, headers)

    st.download_button(page.t("coalitions.download", count=len(side)), data=build, mime="text/csv",
                       file_name=f"{page.t('coalitions.file')}-{page.asof}.csv", key="download_coalitions")  # fmt: skip


def partial_dates_note(page: Page, view: View) -> None:
    """Each change known only to the month or year, and from when the page counts it."""
    partial = view.content.changes[view.content.changes["date"].str.len() < 10]
    for date, group in partial.groupby("date", sort=True):
        orgs = page.t("summary.and").join(md(view.names.get(o, o)) for o in group["org"])
        st.caption(page.t("coalitions.partial", orgs=orgs, forum=md(view.coalition[FORUM]), date=md(date),
                          counted=page.labels.date(tr.in_effect(str(date)))))  # fmt: skip


def timeline_section(page: Page, view: View) -> None:
    """Both coalitions' membership changes on one timeline, numbered, with the list of them and their sources."""
    rows = tr.timeline(page.data.events, view.history, view.names, alliance=ALLIANCE, forum=FORUM)
    rows["number"] = range(1, len(rows) + 1)
    rows["what"] = [page.t(f"coalitions.change.{k}", names=w) if k in ("founded", "joined", "left") else w
                    for k, w in zip(rows["kind"], rows["what"], strict=True)]  # fmt: skip
    rows["hover"] = [
        page.t("text.label_value", label=f"[{n}] {date_words(page, d)}", value=w)
        for n, d, w in rows[["number", "date", "what"]].itertuples(index=False)
    ]
    launch = str(view.content.coalitions.set_index("id").loc[ALLIANCE, "founded"])
    names = {
        "launch": page.t("coalitions.timeline.launch"), "shown": page.t("coalitions.timeline.shown"),
        "both": page.t("coalitions.timeline.launch_shown"), "period": page.t("coalitions.timeline.period"),
    }  # fmt: skip
    title = page.t("coalitions.timeline.title")
    lanes = {ALLIANCE: view.coalition[ALLIANCE], FORUM: view.coalition[FORUM]}
    fig = figure(coalition_timeline, rows, lanes=lanes, launch=launch, asof=page.asof, names=names, title=title,
                 source=page.t("coalitions.timeline.source"), lang=page.lang)  # fmt: skip
    pairs = page.t("text.list_sep").join(
        f"{view.coalition[c]}, {h}" for c, h in zip(rows["coalition"], rows["hover"], strict=True)
    )
    alt = (
        page.t("chart.alt", title=title, pairs=pairs)
        + " "
        + page.t("coalitions.timeline.marks", launch=page.labels.date(launch), shown=page.labels.date(page.asof))
    )
    chart(fig, alt=alt, key="coalition_timeline", filename=page.t("coalitions.file_timeline"))
    st.markdown("\n".join(
        "- " + page.t("text.label_value", label=f"**{md(f'[{n}] ' + date_words(page, d))}**, {md(view.coalition[c])}",
                     value=f"{md(w)} {link(s, page.t('initiatives.source'))}")
        for n, d, c, w, s in rows[["number", "date", "coalition", "what", "source"]].itertuples(index=False)
    ))  # fmt: skip


def _fate(page: Page, view: View, row: pd.Series) -> str:
    parts = []
    if isinstance(row["alliance_since"], str):
        member = page.data.members.set_index("id").loc[row["org"]]
        source = member["joined_source"] if isinstance(member["joined_source"], str) else view.launch_source
        fate = page.t("coalitions.fate.alliance", name=md(view.coalition[ALLIANCE]),
                      date=date_words(page, row["alliance_since"]))  # fmt: skip
        parts.append(fate + " " + link(source, page.t("initiatives.source")))
    if isinstance(row["forum_since"], str):
        key = "coalitions.fate.founder" if row["forum_change"] == "founded" else "coalitions.fate.forum"
        parts.append(page.t(key, name=md(view.coalition[FORUM]), date=date_words(page, row["forum_since"]))
                     + " " + link(row["forum_source"], page.t("initiatives.source")))  # fmt: skip
    return page.t("text.list_sep").join(parts) if parts else page.t("coalitions.fate.neither")


def absentees_section(page: Page, view: View) -> None:
    """The organisations launch coverage named as missing, and where each stood on the date shown."""
    fates = tr.absentee_fates(view.content.absentees, page.data.members, view.history, view.names, page.asof)
    st.markdown(page.t("coalitions.absentees.intro", date=page.labels.date(page.asof)))
    lines = []
    for _, r in fates.iterrows():
        named = link(r["named_by"], page.t("coalitions.absentees.named", date=page.labels.date(r["named_on"])))
        label = f"**{md(r['name'])}** ({named})"
        lines.append("- " + page.t("text.label_value", label=label, value=_fate(page, view, r)))
    st.markdown("\n".join(lines))


def _developer_orgs(page: Page, view: View, developers: pd.DataFrame) -> dict[str, str]:
    """FMTI developer name -> organisation id: our mapping for members (one member each; a joint developer
    such as BigCode is no single organisation), and an organisation of the coalition file spelled exactly
    as the index spells the developer."""
    rows = developers[(developers["index"] == "fmti") & (developers["members"].map(len) == 1)]
    mapped = {str(n): str(m[0]) for n, m in zip(rows["name"], rows["members"], strict=True)}
    own = view.content.organisations
    return {**dict(zip(own["name"], own["id"], strict=True)), **mapped}


def transparency_section(page: Page, view: View) -> None:
    """Each scored developer in either coalition (on the date shown) with its totals per edition."""
    data = indexes.load(page)
    totals = fmti_totals(data.fmti, {})
    editions = sorted(EDITIONS)
    rows = tr.scored(totals, _developer_orgs(page, view, data.developers), view.side, editions)
    st.markdown(page.t("coalitions.index.what"))
    st.info(page.t("coalitions.index.caveat"))
    if rows.empty:
        st.caption(page.t("coalitions.index.none"))
        return
    where = {(True, True): "both", (True, False): "alliance", (False, True): "forum"}
    table = pd.DataFrame({
        "developer": rows["developer"],
        "coalition": [page.t(f"coalitions.in.{where[(bool(a), bool(f))]}")
                      for a, f in zip(rows["alliance"], rows["forum"], strict=True)],
    })  # fmt: skip
    for e in editions:
        table[e] = rows[e].map(lambda v: "—" if pd.isna(v) else page.labels.number(int(v)))
    names = {"developer": page.t("coalitions.col.developer"), "coalition": page.t("coalitions.col.coalition")}
    names |= {e: page.labels.date(e) for e in editions}
    config = {c: st.column_config.TextColumn(n) for c, n in names.items()}
    st.dataframe(table, hide_index=True, width="stretch", column_config=config, key="coalition_scores")
    meta = data.fmti_meta
    st.markdown(page.t("coalitions.index.attribution", name=md(meta.name), licence=link(meta.licence_url, meta.licence),
                       citation=md(meta.citation)))  # fmt: skip
