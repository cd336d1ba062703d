"""Transparency: the Foundation Model Transparency Index's totals, domains and evidence, by developer and indicator."""

import streamlit as st

from dashboard import ui
from dashboard.ui import indexes
from dashboard.ui import transparency as view

page = ui.setup("transparency")
data = indexes.load(page)
evidence = view.load(page)
st.title(page.t("transparency.title"))
st.markdown(page.t("transparency.lead"))
st.markdown(page.t("open_vs_closed.fmti.what"))
st.info(page.t("open_vs_closed.fmti.changed"))
members = indexes.fmti_members(page, data)

st.header(page.t("transparency.totals.title"))
indexes.fmti_section(page, data)


@ui.section
def by_edition(page: ui.Page) -> None:
    """The edition's domains, the evidence of the developers and indicator picked, and what changed: the edition,
    the developers and the indicator rerun this part only, and the totals above stay drawn."""
    choice = view.choose(page, evidence)
    edition = ui.choice(page, "edition")
    indexes.domain_section(page, data, edition)

    st.header(page.t("transparency.evidence.title"))
    st.markdown(page.t("transparency.evidence.what"))
    view.pickers(page, evidence, choice, edition)
    if edition in view.REPORT_EDITIONS:
        view.side_by_side(page, evidence, choice, edition, members)
        view.indicator(page, evidence, choice, edition, members)
    else:
        view.pdfs(page, evidence, choice, edition)
    indexes.sources_block(page, evidence.meta, "evidence")

    st.header(page.t("transparency.changed.title"))
    view.what_changed(page, evidence, choice, members)


by_edition(page)
indexes.cite(page, data.fmti_meta)
ui.page_links(page, ["open_vs_closed", "about"])
