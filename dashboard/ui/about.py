"""The About page's account of the Alliance's own record: what was checked, and every disagreement kept."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import datapackage
from dashboard.indexes.load import Indexes
from dashboard.members import transform
from dashboard.ui.cache import load_data, load_record
from dashboard.ui.page import Page
from dashboard.ui.sidebar import share_url
from dashboard.ui.text import href, md
from dashboard.ui.widgets import table
from dashboard.validation import DataError


def record_section(page: Page) -> None:
    """How our members stand against the Alliance's website repository, and the disagreements with reasons."""
    st.header(page.t("about.record.title"))
    try:
        record = load_record()
    except DataError as exc:  # the rest of the page still works; the cause is named
        st.warning(page.t("about.record.broken", problem=str(exc.problems[0]) if exc.problems else ""))
        return
    site = record.site
    maps = {m.role: m for m in site.maps}
    launch, latest = maps.get("launch"), maps.get("latest")
    st.markdown(
        page.t(
            "about.record.text",
            repository=href(site.repository),
            commit=site.commit[:7],
            date=page.labels.date(site.commit_date[:10]),
            launch_map=href(launch.url) if launch else "—",
            latest_map=href(latest.url) if latest else "—",
            **transform.placement_counts(page.data.members),
        )  # fmt: skip
    )
    rows = transform.disagreement_rows(page.data.members, page.lang)
    if rows.empty:
        st.markdown(page.t("about.record.none"))
        return
    fields = rows["field"].str.replace(".", "_", regex=False)
    rows = rows.assign(field=[page.t(f"about.record.field.{field}") for field in fields])
    columns = {k: page.t(f"about.record.col.{k}") for k in ("name", "field", "alliance", "reason", "source")}
    table(rows, columns, page.lang)


def cite_and_download(page: Page, imported: Indexes) -> None:
    """How to cite our data (text and BibTeX) and each index (from the metadata the page already loaded), the
    licences, and the data package on request."""
    st.header(page.t("about.cite.title"))
    version = page.data.alliance.data_version
    accessed = dt.date.today().isoformat()
    url = share_url(page)
    st.markdown(page.t("about.cite.lead", licence=datapackage.DATA_LICENCE, code=datapackage.CODE_LICENCE))
    st.code(datapackage.citation(version, url, accessed), language=None, wrap_lines=True)
    st.code(datapackage.bibtex(version, url, accessed), language="bibtex", wrap_lines=True)
    st.markdown(page.t("about.cite.indexes"))
    for name, meta in (("fmti", imported.fmti_meta), ("openness", imported.openness_meta)):
        st.markdown(f"- **{md(page.t(f'about.cite.index.{name}'))}**: {md(meta.citation)}")
    st.header(page.t("about.package.title"))
    st.markdown(page.t("about.package.text"))
    english = load_data("en")

    def build() -> bytes:
        return datapackage.package(english.members, english.events, version=version, url=url, accessed=accessed)

    st.download_button(
        page.t("about.package.button"), data=build, file_name=f"ai-alliance-explorer-data-{version}.zip",
        mime="application/zip", key="download_package",
    )  # fmt: skip
