"""The one theme definition: the light and dark app colours and every categorical chart palette.

The app's light and dark themes live in ``.streamlit/config.toml`` (``[theme.light]``, ``[theme.dark]``),
and the reader switches between them in the app menu (System, Light, Dark); a test
holds that file to the values here. The charts are drawn with ``st.plotly_chart(theme="streamlit")``,
which recolours text, axes and grid lines in the browser when the theme changes, without a rerun. So
the figures carry no colour that belongs to one theme: backgrounds are transparent, outlines and land
are translucent grey, and text takes the theme's colour. The server cannot know the theme reliably
(``st.context.theme`` may be wrong on first load and after a switch: streamlit/streamlit#11920).

The categorical palettes are Okabe & Ito's colour-blind-safe colours; a unit test simulates
protanopia, deuteranopia and tritanopia and requires every pair of colours in a palette, and each
colour against the light and the dark background, to stay ``MIN_DISTANCE`` CIEDE2000 units apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    """The colours of one app theme, as config.toml sets them."""

    name: str
    background: str
    secondary_background: str
    text: str
    primary: str
    link: str


LIGHT = Theme("light", background="#FFFFFF", secondary_background="#F0F2F6", text="#0E1117", primary="#0B5CAD",
              link="#0B5CAD")  # fmt: skip
DARK = Theme("dark", background="#0E1117", secondary_background="#262730", text="#FAFAFA", primary="#2B74C8",
             link="#A8D8FF")  # fmt: skip
THEMES: Mapping[str, Theme] = {t.name: t for t in (LIGHT, DARK)}

# Okabe & Ito's palette; each sector keeps its colour on every page.
SECTOR_COLORS: dict[str, str] = {
    "company": "#0072B2",
    "academia": "#E69F00",
    "research_institute": "#009E73",
    "government": "#CC79A7",
    "nonprofit": "#D55E00",
}
# Colour is never the only carrier: each sector also has a fill pattern on bars.
SECTOR_PATTERNS: dict[str, str] = {
    "company": "",
    "academia": "/",
    "research_institute": ".",
    "government": "x",
    "nonprofit": "-",
}
# ... and its own marker shape on the map, where patterns cannot go; a later member's marker is hollow.
SECTOR_SYMBOLS: dict[str, str] = {
    "company": "circle",
    "academia": "square",
    "research_institute": "diamond",
    "government": "triangle-up",
    "nonprofit": "hexagon",
}
COUNTRY_COLOR = "#56B4E9"  # the bars of the countries shown one by one
NEUTRAL = "#8A8A8A"  # the grouped rest ("Other countries"), and any value without a colour of its own
MEMBER_COLOR, OTHER_COLOR = "#0072B2", "#E69F00"  # release gradient: Alliance members and the others
# Greys that read on both backgrounds: translucent, so the theme's background shows through.
GRID = "rgba(127,127,127,0.25)"  # every chart's grid lines
PLANE = "rgba(127,127,127,0.06)"  # the plain plane drawn instead of a map when the shapes are missing
LAND = "rgba(127,127,127,0.16)"
BORDER = "rgba(127,127,127,0.6)"
OUTLINE = "rgba(127,127,127,0.9)"  # marker and tile outlines

# Every set of colours that tells categories apart on one chart.
PALETTES: Mapping[str, tuple[str, ...]] = {
    "sector": tuple(SECTOR_COLORS.values()),
    "country": (COUNTRY_COLOR, NEUTRAL),
    "gradient": (MEMBER_COLOR, OTHER_COLOR),
}
# Smallest CIEDE2000 difference between two palette colours, or a colour and the background, under
# each simulated colour-vision deficiency: 10 units is a difference seen at a glance, not by comparison.
MIN_DISTANCE = 10.0
# The glyph beside each grade, in text and tables, where a chart would use a colour.
GRADE_SYMBOLS: dict[str, str] = {"open": "●", "partial": "◐", "closed": "○"}
# The membership timeline: the count, the dated events on it, and totals reported without a roster.
TIMELINE_LINE, TIMELINE_EVENT, TIMELINE_REPORTED = "#0072B2", "#D55E00", "#7F7F7F"
