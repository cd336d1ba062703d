"""Initiatives: the six launch focus areas, the membership note and the AIM vs "Wintel" history."""

import streamlit as st

from dashboard import ui
from dashboard.ui import initiatives as view

page = ui.setup("initiatives")
content, _ = view.load(page)
st.title(page.t("initiatives.title"))

st.header(page.t("initiatives.focus.title", count=len(content.focus_areas)))
st.caption(page.t("initiatives.focus.filters"))
view.focus_cards(page, content)
st.info(page.t("initiatives.membership", quote=ui.md(content.membership_quote))
        + " " + ui.link(content.membership_source, page.t("initiatives.source")))  # fmt: skip

st.header(page.t("initiatives.history.title"))
view.points(page, content.analogy)
view.timeline(page, content.timeline)
st.subheader(page.t("initiatives.history.outcome"))
view.points(page, content.outcome)
ui.page_links(page, ["open_vs_closed", "members", "sectors"])
