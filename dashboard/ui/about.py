"""The About page's account of the Alliance's own record: what was checked, and every disagreement kept."""

from __future__ import annotations

import streamlit as st

from dashboard.members import transform
from dashboard.ui.cache import load_record
from dashboard.ui.page import Page
from dashboard.ui.text import href
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
