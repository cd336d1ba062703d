"""The one Streamlit adapter (the only part of dashboard/ that imports streamlit), split by concern: page (the
context every helper gets), setup (the call every page makes first), url (URL <-> state, the widgets'
callbacks), cache (shared data), text, sidebar, charts, widgets (and sections that rerun alone), picks, serve
(warm before ready), and one helper file per page (members, maps, growth, initiatives, open_vs_closed,
indexes, transparency, coalitions, about). Pages use ``from dashboard import ui`` and their helper files.
"""

from dashboard.ui.charts import alt, chart, figure, label_map
from dashboard.ui.maps import (
    clear_countries_button,
    cohort,
    map_chart,
    map_summary,
    matrix_alt,
    mix_alt,
    sector_chart,
    shaped_countries,
    summary,
    unshaped_countries,
    with_places,
)
from dashboard.ui.members import DOWNLOADS, download_members, member_detail, member_table, units_note
from dashboard.ui.page import Page
from dashboard.ui.setup import setup
from dashboard.ui.sidebar import share_url
from dashboard.ui.text import href, link, md
from dashboard.ui.url import set_filters
from dashboard.ui.widgets import (
    choice,
    choices,
    headline,
    nothing_matches,
    page_links,
    section,
    table,
    title_or_stop,
)

__all__ = [
    "DOWNLOADS",
    "Page",
    "alt",
    "chart",
    "choice",
    "choices",
    "clear_countries_button",
    "cohort",
    "download_members",
    "figure",
    "headline",
    "href",
    "label_map",
    "map_chart",
    "map_summary",
    "matrix_alt",
    "link",
    "md",
    "member_detail",
    "member_table",
    "mix_alt",
    "nothing_matches",
    "page_links",
    "sector_chart",
    "shaped_countries",
    "set_filters",
    "setup",
    "section",
    "share_url",
    "summary",
    "table",
    "title_or_stop",
    "units_note",
    "unshaped_countries",
    "with_places",
]
