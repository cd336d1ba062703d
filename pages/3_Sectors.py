"""Sectors: the sector -> category -> member hierarchy, the sector x region matrix, each region's mix."""

import streamlit as st

from dashboard import ui
from dashboard.members import figures, transform
from dashboard.members.schema import SECTORS

page = ui.setup("sectors")
ui.title_or_stop(page, "sectors.title")
page = ui.cohort(page)
members = page.members
if page.empty:
    ui.nothing_matches(page)
    st.stop()

sectors = ui.label_map(page, "sector", SECTORS)
regions = ui.label_map(page, "region", list(page.data.regions.label))
counts = transform.count_by(members, "sector", order=SECTORS)
st.markdown(ui.summary(page, counts, "sectors.summary"))

title = page.t("sectors.treemap.title")
nodes = transform.hierarchy(transform.in_sector_order(members, SECTORS),
                            members=len(members) <= transform.MAX_TREEMAP_MEMBERS)  # fmt: skip
fig = ui.figure(
    figures.sector_treemap, nodes, sector_labels=sectors, title=title, source=page.source_line(), lang=page.lang
)
ui.chart(fig, alt=ui.alt(page, title, counts, "sector"), key="treemap", filename=page.t("file.sector_category"))
st.caption(page.t("sectors.treemap.help"))

matrix = transform.sector_region_matrix(members, SECTORS, list(regions))
title = page.t("sectors.matrix.title")
fig = ui.figure(figures.sector_region_heatmap, matrix, sector_labels=sectors, region_labels=regions, title=title,
                source=page.source_line(), lang=page.lang)  # fmt: skip
ui.chart(fig, alt=ui.matrix_alt(page, title, matrix), key="matrix", filename=page.t("file.sector_region"))

shares = transform.sector_shares(members, SECTORS, list(regions))
title = page.t("sectors.mix.title")
fig = ui.figure(figures.sector_mix_bar, shares, sector_labels=sectors, region_labels=regions, title=title,
                source=page.source_line(), axis=page.t("chart.axis_members"), lang=page.lang)  # fmt: skip
ui.sector_chart(page, fig, alt=ui.mix_alt(page, title, shares), filename=page.t("file.sector_mix"))
st.caption(page.t("sectors.mix.help"))
ui.page_links(page, ["world_map", "members"])
