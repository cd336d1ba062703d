"""Initiatives: the six launch focus areas, and open vs closed AI explained with sourced examples."""

import streamlit as st

from dashboard import figures, openness, ui
from dashboard.ui import initiatives as view

page = ui.setup("initiatives")
content, models = view.load(page)
st.title(page.t("initiatives.title"))
st.markdown(page.t("initiatives.intro"))

st.header(page.t("initiatives.focus.title", count=len(content.focus_areas)))
st.caption(page.t("initiatives.focus.filters"))
view.focus_cards(page, content)

st.header(page.t("initiatives.open.title", count=len(models)))
st.markdown(page.t("initiatives.open.explainer"))
st.caption(page.t("initiatives.open.filters_note"))
required = ui.choices(page, "require")
frame = openness.models_frame(models, required)
view.qualifying(page, frame, required)
view.model_table(page, frame)
st.caption(page.t("initiatives.table_help"))
levels = view.level_labels(page, content)
view.model_details(page, models, levels)

st.subheader(page.t("initiatives.gradient.title"))
view.gradient_levels(page, content, levels)
title = page.t("initiatives.gradient.chart")
labels = {"member_label": page.t("initiatives.member_dev"), "other_label": page.t("initiatives.other_dev")}
fig = figures.release_gradient(
    frame, levels=levels, title=title, source=page.t("initiatives.gradient.source"), **labels
)
ui.chart(fig, alt=view.gradient_alt(page, title, frame, levels), key="gradient", filename="release-gradient")

st.header(page.t("initiatives.arguments.title"))
left, right = st.columns(2)
with left:
    st.subheader(page.t("initiatives.arguments.open"))
    view.points(page, content.arguments_open)
with right:
    st.subheader(page.t("initiatives.arguments.closed"))
    view.points(page, content.arguments_closed)
st.info(page.t("initiatives.membership", quote=ui.md(content.membership_quote))
        + " " + ui.link(content.membership_source, page.t("initiatives.source")))  # fmt: skip

st.header(page.t("initiatives.history.title"))
view.points(page, content.analogy)
view.timeline(page, content.timeline)
st.subheader(page.t("initiatives.history.outcome"))
view.points(page, content.outcome)
ui.page_links(page, ["members", "sectors"])
