"""World map: every member's headquarters as a point, or countries shaded by member count, with a table."""

import streamlit as st

from dashboard import ui
from dashboard.maps import figures as map_figures
from dashboard.maps import transform as maps_transform
from dashboard.members import transform as members_transform
from dashboard.members.schema import SECTORS

page = ui.setup("world_map")
ui.title_or_stop(page, "world_map.title")


@ui.section
def world_map(page: ui.Page) -> None:
    """The cohort, the map with its view and region, and the table: their controls rerun this part only."""
    page = ui.cohort(page)
    members = page.members
    if page.empty:
        ui.nothing_matches(page)
        return

    counts = maps_transform.count_by_country(members)
    st.markdown(ui.map_summary(page, counts))
    view, preset = ui.choice(page, "view"), ui.choice(page, "preset")
    ui.clear_countries_button(page)
    source = page.source_line()
    shapes = bool(ui.shaped_countries())
    if not shapes:
        st.warning(page.t("world_map.no_shapes"))
    placed = int(members["lat"].notna().sum())
    if view == "points" or not shapes:
        title = page.t("world_map.points.title", members=page.tn("count.member", placed),
                       countries=page.tn("count.country", len(counts)))  # fmt: skip
        sectors = ui.label_map(page, "sector", SECTORS)
        ordered = members_transform.in_sector_order(members, SECTORS)
        here = page.t("world_map.points.here")
        if placed <= maps_transform.MAX_MAP_POINTS or not shapes:
            imprecise = page.t("world_map.points.imprecise")
            fig = ui.figure(map_figures.member_points_map, maps_transform.map_points(ui.with_places(page, ordered)),
                            sector_labels=sectors, title=title, source=source, preset=preset, here_label=here,
                            flat=not shapes, lang=page.lang, imprecise_label=imprecise)  # fmt: skip
            st.caption(page.t("cohort.symbols") + " " + page.t("world_map.points.imprecise_note"))
        else:  # too many to draw one by one: nearby members of a sector share one marker
            st.caption(page.t("world_map.points.grouped", count=page.labels.number(placed)))
            fig = ui.figure(map_figures.member_cells_map, maps_transform.map_cells(ordered), sector_labels=sectors,
                            title=title, source=source, preset=preset, count_label=here, lang=page.lang)  # fmt: skip
    else:
        title = page.t("world_map.countries.title", countries=page.tn("count.country", len(counts)))
        fig = ui.figure(map_figures.country_choropleth, counts, title=title, source=source, preset=preset,
                        colorbar_title=page.t("chart.axis_members"), lang=page.lang,
                        markers=ui.unshaped_countries(maps_transform.locate_countries(members)))  # fmt: skip
    ui.map_chart(page, fig, alt=ui.alt(page, title, counts, "country"))
    st.caption(page.t("world_map.help"))
    unplaced = members[members["lat"].isna()]
    if not unplaced.empty:
        st.caption(page.t("world_map.unplaced", names=ui.md(", ".join(unplaced["short_name"]))))
    else:  # the same place kept, so a filter change does not move (and redraw) the table below
        st.empty()

    st.header(page.t("world_map.table.title"))
    ui.table(counts.assign(country_name=counts["country"].map(page.labels.country)),
             {"country_name": page.t("world_map.table.country"), "count": page.t("world_map.table.count"),
              "members": page.t("world_map.table.members")}, page.lang)  # fmt: skip


world_map(page)
ui.page_links(page, ["sectors", "members"])
