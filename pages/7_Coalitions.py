"""Coalitions: the AI Alliance beside the Frontier Model Forum, who is in both, and how the lines moved."""

import streamlit as st

from dashboard import ui
from dashboard.ui import coalitions as view

page = ui.setup("coalitions")
both = view.View(page, view.load(page))
st.title(page.t("coalitions.title"))
st.markdown(page.t("coalitions.lead"))
st.caption(page.as_of_line())
st.markdown(view.sentence(page, both))
if not page.state.without("asof").is_default:
    st.caption(page.view_words())
st.info(page.t("coalitions.careful"))
if both.side.empty:
    ui.nothing_matches(page)
    st.stop()

st.header(page.t("coalitions.sides.title"))
view.sides_section(page, both)
view.partial_dates_note(page, both)
if page.state.category:
    st.caption(page.t("coalitions.category_note"))

st.header(page.t("coalitions.timeline.header"))
view.timeline_section(page, both)

st.header(page.t("coalitions.absentees.title"))
view.absentees_section(page, both)

st.header(page.t("coalitions.index.title"))
view.transparency_section(page, both)
ui.page_links(page, ["members", "open_vs_closed", "about"])
