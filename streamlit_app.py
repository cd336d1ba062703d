"""Overview (home page): headline figures, the launch story and two small charts for the current filters."""

import streamlit as st

from dashboard import ui
from dashboard.members import figures, transform
from dashboard.members.schema import SECTORS
from dashboard.ui import growth as growth_view

TOP_COUNTRIES = 8

page = ui.setup("overview")
alliance, members, everyone = page.data.alliance, page.members, page.roster
st.title(page.t("overview.title"))
launchers = page.data.founding.set_index("id").loc[list(alliance.co_launchers.value), "short_name"]
st.markdown(
    page.t(
        "overview.lead",
        date=page.labels.date(alliance.launch_date.value),
        launchers=page.t("summary.and").join(ui.md(n) for n in launchers),
        name=ui.md(alliance.name.value),
        wording=ui.md(alliance.count_wording.value),
        listed=len(page.data.founding),
    )  # fmt: skip
    + " "
    + page.t("overview.source", url=ui.href(alliance.press_release_urls[0]))
)
st.caption(page.as_of_line())
if not page.state.without("asof").is_default:
    st.markdown(page.t("overview.filtered", shown=len(members), listed=len(everyone)))
else:  # the same place kept, so a filter change does not move (and redraw) everything below it
    st.empty()
if page.empty:
    ui.nothing_matches(page)
    st.stop()

ui.headline(
    page,
    transform.headline(members),
    unplaced=int(members["country"].isna().sum()),
    units=int(members["part_of"].notna().sum()),
)
left, right = st.columns(2)
with left:
    counts = transform.count_by(members, "sector", order=SECTORS)
    title = page.t("overview.chart.sector")
    fig = ui.figure(figures.sector_bar, counts, labels=ui.label_map(page, "sector", counts["sector"]), title=title,
                    source=page.source_line(), axis=page.t("chart.axis_members"), lang=page.lang)  # fmt: skip
    ui.chart(
        fig, alt=ui.alt(page, title, counts, "sector"), key="sector_bar", filename=page.t("file.members_by_sector")
    )
with right:
    counts = transform.top_with_rest(members, "country", TOP_COUNTRIES)
    title = page.t("overview.chart.country", n=TOP_COUNTRIES)
    fig = ui.figure(figures.country_bar, counts, labels=ui.label_map(page, "country", counts["country"]), title=title,
                    source=page.source_line(), axis=page.t("chart.axis_members"), lang=page.lang)  # fmt: skip
    ui.chart(
        fig, alt=ui.alt(page, title, counts, "country"), key="country_bar", filename=page.t("file.members_by_country")
    )
growth_view.growth_section(page)
ui.page_links(page, ["members", "world_map", "sectors", "initiatives", "coalitions", "about"])
