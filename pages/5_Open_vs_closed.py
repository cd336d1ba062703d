"""Open vs closed: the arguments, the two independent indexes, and our own grades with the release gradient."""

import streamlit as st

from dashboard import ui
from dashboard.models import figures
from dashboard.models import transform as openness
from dashboard.ui import indexes, initiatives
from dashboard.ui import open_vs_closed as view

page = ui.setup("open_vs_closed")
content, models = initiatives.load(page)
data = indexes.load(page)
st.title(page.t("open_vs_closed.title"))
st.markdown(page.t("open_vs_closed.intro"))

st.header(page.t("initiatives.arguments.title"))
left, right = st.columns(2)
with left:
    st.subheader(page.t("initiatives.arguments.open"))
    initiatives.points(page, content.arguments_open)
with right:
    st.subheader(page.t("initiatives.arguments.closed"))
    initiatives.points(page, content.arguments_closed)

st.header(page.t("open_vs_closed.fmti.title"))
indexes.fmti_summary(page, data)

st.header(page.t("open_vs_closed.index.title"))
st.markdown(page.t("open_vs_closed.index.what"))


@ui.section
def by_criteria(page: ui.Page) -> None:
    """The openness index under the reader's criteria, the models side by side, and our grades: the criteria and
    the models picked rerun this part only."""
    chosen = indexes.chosen_models(page, data)
    required = ui.choices(page, "require")
    st.caption(page.t("open_vs_closed.index.criteria"))
    indexes.openness_section(page, data, required)
    indexes.models_side_by_side(page, data, chosen)

    st.header(page.t("initiatives.open.title", count=len(models)))
    st.markdown(page.t("initiatives.open.explainer"))
    st.caption(page.t("initiatives.open.filters_note"))
    frame = openness.models_frame(models, required)
    view.qualifying(page, frame, required)
    view.model_table(page, frame)
    st.caption(page.t("initiatives.table_help"))
    levels = initiatives.level_labels(page, content)
    view.model_details(page, models, levels)

    st.subheader(page.t("initiatives.gradient.title"))
    view.gradient_levels(page, content, levels)
    title = page.t("initiatives.gradient.chart")
    labels = {"member_label": page.t("initiatives.member_dev"), "other_label": page.t("initiatives.other_dev")}
    fig = ui.figure(
        figures.release_gradient,
        frame.drop(columns="qualifies"),  # the criteria do not change the gradient: built once, not again per pick
        levels=levels,
        title=title,
        source=page.t("initiatives.gradient.source"),
        lang=page.lang,
        **labels,
    )
    ui.chart(
        fig, alt=view.gradient_alt(page, title, frame, levels), key="gradient", filename=page.t("file.release_gradient")
    )
    view.gradient_list(page, frame, levels)


by_criteria(page)
ui.page_links(page, ["initiatives", "members", "about"])
