"""Members: a searchable, sortable table of the filtered members, one member's full record, downloads."""

import streamlit as st

from dashboard import ui
from dashboard.members import figures, transform
from dashboard.members.schema import SECTORS

page = ui.setup("members")
members, everyone = page.members, page.roster
ui.title_or_stop(page, "members.title")

st.caption(page.t("members.count", shown=len(members), total=len(everyone)))
ui.units_note(page, members, everyone)


@ui.section
def records(page: ui.Page) -> None:
    """The table and one member's record: picking a member reruns this part only."""
    selected = ui.member_table(page, page.members)
    ui.member_detail(page, page.members, selected)


records(page)

counts = transform.count_by_category(members, SECTORS)
title = page.t("members.chart.category")
fig = ui.figure(figures.category_bar, counts, sector_labels=ui.label_map(page, "sector", SECTORS), title=title,
                source=page.source_line(), axis=page.t("chart.axis_members"), lang=page.lang)  # fmt: skip
ui.chart(
    fig, alt=ui.alt(page, title, counts, "category"), key="category_bar", filename=page.t("file.members_by_category")
)

st.subheader(page.t("members.download.title"))
st.caption(page.t("members.download.help"))
for col, (scope, fmt) in zip(st.columns(len(ui.DOWNLOADS)), ui.DOWNLOADS, strict=True):
    with col:
        ui.download_members(page, scope, fmt)
