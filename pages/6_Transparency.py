"""Transparency: the Foundation Model Transparency Index's evidence, by developer and indicator."""

import streamlit as st

from dashboard import ui

page = ui.setup("transparency")
st.title(page.t("transparency.title"))
st.markdown(page.t("transparency.lead"))
ui.page_links(page, ["open_vs_closed", "about"])
