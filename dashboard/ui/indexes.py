"""The two imported indexes on the Transparency and Open vs closed pages: loading, charts, sources, citation."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import streamlit as st

from dashboard import paths, snapshot
from dashboard.charts.theme import GRADE_SYMBOLS
from dashboard.indexes import figures as figs
from dashboard.indexes import transform as tr
from dashboard.indexes.load import Indexes, load_indexes
from dashboard.indexes.schema import INDEX_DIMENSIONS, Provenance
from dashboard.routes import EDITIONS, route
from dashboard.ui.cache import file_stamp
from dashboard.ui.charts import chart, figure, on_request
from dashboard.ui.open_vs_closed import Answers, qualifying
from dashboard.ui.page import Page
from dashboard.ui.picks import dropped_notice, picker, url_picks
from dashboard.ui.text import link, md, show_data_error
from dashboard.validation import DataError, is_http_url

INDEX_ANSWERS = Answers(
    "open_vs_closed.index.none_required", "open_vs_closed.index.some", "open_vs_closed.index.nothing"
)

MODEL = "model"  # URL key: the models shown side by side (slugs of the index's model names)

FILES = (
    paths.FMTI_SCORES,
    paths.FMTI_META,
    paths.OPENNESS_GRADES,
    paths.OPENNESS_META,
    paths.INDEX_DEVELOPERS,
    paths.SOURCES,
    paths.FMTI_TERMS,
)


@st.cache_data(show_spinner=False, max_entries=8)
def _cached(stamp: tuple[tuple[int, int], ...], ids_hash: int, _ids: frozenset[str]) -> Indexes:
    """Keyed by the hash of the member ids (kept by the shared data), not by hashing every id on each run; from a
    snapshot when neither the files nor the members have changed."""
    return snapshot.cached("indexes", FILES, lambda: load_indexes(member_ids=set(_ids)), snapshot.digest(_ids))


def load(page: Page) -> Indexes:
    """Both indexes, validated; a broken file stops the page with every problem listed."""
    try:
        return _cached(file_stamp(*FILES), hash(page.data.ids), page.data.ids)
    except DataError as exc:
        show_data_error(exc, page.lang)
        st.stop()


def attribution(page: Page, meta: Provenance) -> None:
    """Licence, citation and the exact commit the data was read from."""
    commit = link(f"{meta.source_repository}/tree/{meta.commit}", (meta.commit or "")[:7]) if meta.commit else "—"
    # Markdown, not a caption: a caption fades its links below a 4.5:1 contrast in the light theme.
    st.markdown(page.t("open_vs_closed.attribution", name=md(meta.name), licence=link(meta.licence_url, meta.licence),
                       citation=md(meta.citation), commit=commit, date=md((meta.commit_date or "")[:10])))  # fmt: skip


def sources_block(page: Page, meta: Provenance, changed: str) -> None:
    """Under a chart or table from an index: its source, licence, the commit and date read, what we changed."""
    commit = link(f"{meta.source_repository}/tree/{meta.commit}", (meta.commit or "")[:7]) if meta.commit else "—"
    st.markdown(page.t("transparency.sources", name=md(meta.name), licence=link(meta.licence_url, meta.licence),
                       commit=commit, date=md((meta.commit_date or "")[:10]),
                       changed=page.t(f"transparency.changed_by_us.{changed}")))  # fmt: skip


def cite(page: Page, meta: Provenance) -> None:
    """The index's own citation, in a block a reader can copy."""
    st.markdown(f"**{page.t('transparency.cite')}**")
    st.code(meta.citation, language=None, wrap_lines=True)


def _editions(page: Page) -> dict[str, str]:
    """Edition id -> label, oldest first (the order of every chart)."""
    return {e: page.t(f"transparency.edition.{e}") for e in sorted(EDITIONS)}


def _pairs(page: Page, frame: pd.DataFrame, label: str, value: str) -> str:
    return ", ".join(f"{a} {page.labels.number(b)}" for a, b in zip(frame[label], frame[value], strict=True))


def _totals_alt(page: Page, title: str, totals: pd.DataFrame, editions: dict[str, str]) -> str:
    mark = page.t("open_vs_closed.member_short")
    parts = []
    for e, name in editions.items():
        rows = totals[totals["edition"] == e].assign(
            who=lambda f: f["developer"] + f["member"].map({True: f" ({mark})", False: ""})
        )
        parts.append(page.t("text.label_value", label=name, value=_pairs(page, rows, "who", "total")))
    return page.t("chart.alt", title=title, pairs=page.t("text.list_sep").join(parts))


def fmti_members(page: Page, data: Indexes) -> dict[str, tuple[str, ...]]:
    """The Transparency Index's developer names that are (shown) members -> their member ids."""
    return tr.member_names(data.developers, "fmti", set(page.members["id"]))


def fmti_source(page: Page, data: Indexes, members: Mapping[str, object]) -> str:
    """A Transparency Index chart's source line. The sidebar filters change such a chart only through which
    developers count as members: the filters are restated when they do, and left out when the members are those
    of the default view, so that the chart stays the same (and is not drawn again) under a filter that does not
    touch it."""
    default = tr.member_names(data.developers, "fmti", set(page.data.founding["id"]))
    return page.source_line(page.t("open_vs_closed.fmti.source"), restate=dict(members) != default)


def fmti_summary(page: Page, data: Indexes) -> None:
    """The latest edition in two numbers (members' and others' mean score) and the way to the Transparency page."""
    means = tr.group_means(tr.fmti_totals(data.fmti, fmti_members(page, data)))
    latest = means[means["edition"] == EDITIONS[0]].set_index("member")
    mean = lambda m: page.labels.decimal(float(latest["mean"].get(m, 0.0)), 1)  # noqa: E731
    count = lambda m: int(latest["n"].get(m, 0))  # noqa: E731
    edition = page.t(f"transparency.edition.{EDITIONS[0]}")
    st.markdown(page.t("transparency.summary", edition=edition, members=count(True), member_mean=mean(True),
                       others=count(False), other_mean=mean(False)))  # fmt: skip
    st.page_link(route("transparency").script, label=page.t("link.transparency"), query_params=page.nav_query() or None)


def fmti_section(page: Page, data: Indexes) -> None:
    """Totals per edition, the developers scored more than once, member vs other means, the domain heatmap."""
    members = tr.member_names(data.developers, "fmti", set(page.members["id"]))
    totals = tr.fmti_totals(data.fmti, members)
    editions = _editions(page)
    labels = {"member_label": page.t("open_vs_closed.member"), "other_label": page.t("open_vs_closed.not_member")}
    source = fmti_source(page, data, members)
    st.caption(page.t("open_vs_closed.fmti.members_note", members=totals.loc[totals["member"], "developer"].nunique(),
                      developers=totals["developer"].nunique()))  # fmt: skip
    title = page.t("open_vs_closed.fmti.totals")
    fig = figure(
        figs.fmti_totals_chart, totals, editions=editions, title=title, source=source, lang=page.lang, **labels
    )
    chart(fig, alt=_totals_alt(page, title, totals, editions), key="fmti_totals", filename=page.t("file.fmti_totals"))
    sources_block(page, data.fmti_meta, "sum")

    title = page.t("open_vs_closed.fmti.slopes")
    again = tr.repeated(totals)
    fig = figure(figs.fmti_slopes, again, editions=editions, title=title, source=source, lang=page.lang, **labels)
    chart(fig, alt=_totals_alt(page, title, again, editions), key="fmti_slopes", filename=page.t("file.fmti_over_time"))
    sources_block(page, data.fmti_meta, "repeated")

    title = page.t("open_vs_closed.fmti.means")
    means = tr.group_means(totals)
    value = page.t("open_vs_closed.fmti.mean_value")
    fig = figure(figs.fmti_group_means, means, editions=editions, title=title, source=source, value_format=value,
                 lang=page.lang, **labels)  # fmt: skip
    groups = {True: labels["member_label"], False: labels["other_label"]}
    pairs = page.t("text.list_sep").join(
        page.t("text.label_value", label=f"{editions[e]}, {groups[bool(m)]}",
               value=value.format(mean=page.labels.decimal(v, 1), n=page.labels.number(int(n))))
        for e, m, v, n in means[["edition", "member", "mean", "n"]].itertuples(index=False)
    )  # fmt: skip
    chart(fig, alt=page.t("chart.alt", title=title, pairs=pairs), key="fmti_means", filename=page.t("file.fmti_means"))
    sources_block(page, data.fmti_meta, "mean")


def domain_section(page: Page, data: Indexes, edition: str) -> None:
    """The chosen edition by domain (developers x three domains) and by subdomain (subdomains x developers)."""
    members = tr.member_names(data.developers, "fmti", set(page.members["id"]))
    cells = tr.domain_scores(data.fmti, edition)
    totals = tr.fmti_totals(data.fmti, members)
    order = list(totals.loc[totals["edition"] == edition, "developer"])
    name, source = page.t(f"transparency.edition.{edition}"), fmti_source(page, data, members)
    term = {k: page.labels.text(v) for k, v in data.terms.items()}
    domains = tr.domain_matrix(cells, order).rename(columns=term)
    cells = cells.assign(domain=cells["domain"].map(term), subdomain=cells["subdomain"].map(term))
    title = page.t("open_vs_closed.fmti.domains", edition=name)
    fig = figure(figs.percent_heatmap, domains, marked=members, title=title, source=source, lang=page.lang)
    cell = lambda c, v: f"{c} {page.t('text.percent', value=v)}"  # noqa: E731
    pairs = page.t("text.list_sep").join(
        page.t("text.label_value", label=d, value=", ".join(cell(c, v) for c, v in row.items()))
        for d, row in domains.iterrows()
    )
    chart(fig, alt=page.t("chart.alt", title=title, pairs=pairs), key="fmti_domains",
          filename=f"{page.t('file.fmti')}-{edition}")  # fmt: skip
    sources_block(page, data.fmti_meta, "domain")
    title = page.t("open_vs_closed.fmti.heatmap", edition=name)
    fig = figure(figs.percent_heatmap, tr.subdomain_matrix(cells, order), marked=members, title=title, source=source,
                 angle=-60, lang=page.lang)  # fmt: skip
    groups = cells.groupby("domain", sort=False)["subdomain"]
    pairs = page.t("text.list_sep").join(
        page.t("text.label_value", label=d, value=", ".join(dict.fromkeys(subs))) for d, subs in groups
    )
    alt = page.t("open_vs_closed.fmti.heatmap_alt", title=title, developers=len(order), subdomains=pairs)
    chart(fig, alt=alt, key="fmti_subdomains", filename=f"{page.t('file.fmti')}-{edition}-{page.t('file.subdomains')}")
    sources_block(page, data.fmti_meta, "subdomain")


def index_grid(page: Page, grid: pd.DataFrame) -> None:
    """Models x the index's dimensions: a symbol and a word per grade, members' models first."""
    word = {g: f"{GRADE_SYMBOLS[g]} {page.t(f'initiatives.grade.{g}')}" for g in GRADE_SYMBOLS}
    table = grid[["model", "organisation"]].copy()
    table["member"] = grid["member"].map({True: page.t("initiatives.yes"), False: "—"})
    for d in INDEX_DIMENSIONS:
        table[d] = grid[d].map(word)
    table["open_count"] = grid["open_count"]
    table["qualifies"] = grid["qualifies"].map({True: "✔", False: "✘"})
    names = {
        c: page.t(f"open_vs_closed.col.{c}") for c in ("model", "organisation", "member", "open_count", "qualifies")
    }
    names |= {d: page.t(f"open_vs_closed.dim.{d}") for d in INDEX_DIMENSIONS}
    config = {c: st.column_config.TextColumn(n) for c, n in names.items() if c != "open_count"}
    config["open_count"] = st.column_config.NumberColumn(names["open_count"])
    st.dataframe(table, hide_index=True, width="stretch", column_config=config, key="index_grid")


def member_model_links(page: Page, data: Indexes, grid: pd.DataFrame) -> None:
    """For each member's model, the page each grade rests on."""
    for model in grid.loc[grid["member"], "model"]:
        with on_request(page.t("open_vs_closed.index.links", name=model), key=f"grade_links_{model}") as opened:
            if not opened:
                continue
            rows = tr.grade_links(data.openness, model)
            st.markdown("\n".join(
                f"- {GRADE_SYMBOLS[g]} **" + page.t("text.label_value", label=md(page.t(f"open_vs_closed.dim.{d}")),
                                             value=md(page.t(f"initiatives.grade.{g}"))) + "**"
                + (f" — {link(u, page.t('initiatives.source'))}" if isinstance(u, str) else "")
                for d, g, u in rows[["dimension", "grade", "link"]].itertuples(index=False)
            ))  # fmt: skip


def openness_section(page: Page, data: Indexes, required: Sequence[str]) -> None:
    """The openness index's grid under the reader's criteria, the links behind members' grades, attribution."""
    members = tr.member_names(data.developers, "openness", set(page.members["id"]))
    grid = tr.openness_grid(data.openness, members, required)
    qualifying(page, grid, required, names="model", answers=INDEX_ANSWERS)
    index_grid(page, grid)
    st.caption(page.t("open_vs_closed.index.table_help", members=int(grid["member"].sum())))
    sources_block(page, data.openness_meta, "grid")
    member_model_links(page, data, grid)
    attribution(page, data.openness_meta)


def chosen_models(page: Page, data: Indexes) -> tuple[str, ...]:
    """model= from the URL (repeatable), checked against the index's models; what is left out is said once."""
    picked, lost = url_picks(MODEL, tr.model_slugs(data.openness["model"]), tr.MAX_MODELS)
    dropped_notice(page, [MODEL] if lost else [])
    return picked


def _grade_cell(page: Page, grade: object, url: object) -> str:
    """A grade as Markdown: its symbol, then its word, a link to the page the grade rests on when that is an
    http(s) URL (the word itself is the link, so four models still fit a phone's width)."""
    if grade not in GRADE_SYMBOLS:
        return "—"
    word = page.t(f"initiatives.grade.{grade}")
    return f"{GRADE_SYMBOLS[str(grade)]} {link(str(url), word) if is_http_url(url) else md(word)}"


def comparison(page: Page, data: Indexes, models: Sequence[str]) -> pd.DataFrame:
    """Rows: organisation, membership, the 14 dimensions, open dimensions; one column per model; Markdown cells."""
    members = tr.member_names(data.developers, "openness", set(page.members["id"]))
    rows = tr.model_grades(data.openness, models)
    cells = {(d, m): _grade_cell(page, g, u) for d, m, g, u in rows.itertuples(index=False)}
    org = data.openness.drop_duplicates("model").set_index("model")["organisation"]
    labels = [page.t(f"open_vs_closed.col.{c}") for c in ("organisation", "member")]
    labels += [page.t(f"open_vs_closed.dim.{d}") for d in INDEX_DIMENSIONS] + [page.t("open_vs_closed.col.open_count")]
    columns = {}
    for m in models:
        opened = int((rows.loc[rows["model"] == m, "grade"] == "open").sum())
        member = page.t("initiatives.yes") if org[m] in members else "—"
        grades = [cells.get((d, m), "—") for d in INDEX_DIMENSIONS]
        columns[md(m)] = [md(org[m]), member, *grades, page.labels.number(opened)]
    table = pd.DataFrame(columns, index=pd.Index([md(v) for v in labels], name=md(page.t("open_vs_closed.models.row"))))
    return table


def models_side_by_side(page: Page, data: Indexes, chosen: Sequence[str]) -> None:
    """The model picker, then the chosen models' grades on every dimension, each with the page it rests on."""
    names = tr.model_slugs(data.openness["model"])
    st.subheader(page.t("open_vs_closed.models.title"))
    st.markdown(page.t("open_vs_closed.models.what"))
    picker(MODEL, names, chosen, label=page.t("open_vs_closed.models.label"),
           placeholder=page.t("open_vs_closed.models.none"), limit=tr.MAX_MODELS)  # fmt: skip
    if not chosen:
        st.info(page.t("open_vs_closed.models.hint"))
        return
    st.table(comparison(page, data, [names[s] for s in chosen]))  # st.table renders each cell's Markdown
    st.caption(page.t("open_vs_closed.models.help"))
