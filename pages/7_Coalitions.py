"""Coalitions: the AI Alliance beside the Frontier Model Forum, who is in both, and how the lines moved."""

import streamlit as st

from dashboard import ui

page = ui.setup("coalitions")
st.title(page.t("coalitions.title"))
st.markdown(page.t("coalitions.lead"))
ui.page_links(page, ["open_vs_closed", "about"])
