"""About the data: version, sources, method, caveats, how to cite and how to send a correction."""

import streamlit as st

from dashboard import ui
from dashboard.members import transform
from dashboard.ui import about, indexes

page = ui.setup("about")
alliance, everyone = page.data.alliance, page.roster
st.title(page.t("about.title"))
st.caption(page.as_of_line())
links, pages = transform.source_counts(everyone)
st.markdown(
    page.t(
        "about.version",
        version=page.labels.date(alliance.data_version),
        members=len(everyone),
        links=links,
        pages=pages,
    )
)

st.header(page.t("about.sources.title"))
st.markdown(
    page.t("about.sources.text", release=ui.href(alliance.press_release_urls[0]), map=ui.href(alliance.launch_map_url))
)
st.header(page.t("about.imported.title"))
st.markdown(page.t("about.imported.text"))
imported = indexes.load(page)
for meta in (imported.fmti_meta, imported.openness_meta):
    indexes.attribution(page, meta)
st.header(page.t("about.method.title"))
st.markdown(page.t("about.method.text"))

about.record_section(page)

st.header(page.t("about.joined.title"))
st.markdown(page.t("about.joined.text", **transform.joined_counts(page.data.members)))

st.header(page.t("about.caveats.title"))
st.caption(page.t("about.caveats.filters"))
caveats = transform.with_notes(page.members)
st.markdown(page.t("about.caveats.count", count=len(caveats), shown=len(page.members),
                   **transform.unknown_counts(page.members)))  # fmt: skip
if not caveats.empty:
    ui.table(caveats, {"name": page.t("members.col.name"), "notes": page.t("members.field.notes")}, page.lang)

about.cite_and_download(page, imported)
st.header(page.t("about.correct.title"))
st.markdown(page.t("about.correct.text"))
st.header(page.t("about.changelog.title"))
st.markdown("\n".join(f"- **{page.labels.date(c.version)}** — {ui.md(c.summary)}" for c in alliance.changelog))
