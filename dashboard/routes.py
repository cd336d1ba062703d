"""The pages in the router's order: script, URL path, translation key, and each page's own URL keys."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from dashboard.indexes.schema import EDITIONS
from dashboard.maps.figures import MAP_PRESETS
from dashboard.members.filters import COHORTS
from dashboard.models.transform import CRITERIA_KEYS as CRITERIA

PRESETS: tuple[str, ...] = tuple(MAP_PRESETS)  # the map's views, 'world' (the default) first


@dataclass(frozen=True)
class Route:
    """One page of the app."""

    key: str  # translation key suffix: nav.<key>
    script: str  # path relative to the project root, as st.page_link wants it
    url_path: str  # what the browser shows after the host ("" for the home page)
    # URL keys only this page reads, with their accepted values; the first value is the default.
    params: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Repeatable URL keys only this page reads (?require=weights&require=data), default: none chosen.
    multi: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # URL keys that moved to another page: a link carrying one opens that page (old links keep working).
    moved: Mapping[str, str] = field(default_factory=dict)


ROUTES: tuple[Route, ...] = (
    Route("overview", "streamlit_app.py", ""),
    Route("members", "pages/1_Members.py", "Members"),
    Route(
        "world_map",
        "pages/2_World_map.py",
        "World_map",
        {"view": ("points", "countries"), "preset": PRESETS, "cohort": COHORTS},
    ),  # fmt: skip
    Route("sectors", "pages/3_Sectors.py", "Sectors", {"cohort": COHORTS}),
    Route("initiatives", "pages/4_Initiatives.py", "Initiatives", moved={"require": "open_vs_closed"}),
    Route(
        "open_vs_closed",
        "pages/5_Open_vs_closed.py",
        "Open_vs_closed",
        multi={"require": CRITERIA},
        moved={"edition": "transparency"},
    ),  # fmt: skip
    # developer= and indicator= take values from the imported index; the page checks them against the data.
    Route("transparency", "pages/6_Transparency.py", "Transparency", {"edition": EDITIONS}),
    Route("coalitions", "pages/7_Coalitions.py", "Coalitions"),
    Route("about", "pages/8_About.py", "About"),
)


def route(key: str) -> Route:
    """The route with this key."""
    return next(r for r in ROUTES if r.key == key)


def parse_params(
    page: Route, query: Mapping[str, Sequence[str]]
) -> tuple[dict[str, str], dict[str, tuple[str, ...]], list[str]]:
    """A page's own keys from the query string: one accepted value per single key (the last given, else the
    default), the accepted values of each repeatable key in their canonical order, and the keys that had
    something not accepted. Only accepted values come out, whatever the input."""
    values: dict[str, str] = {}
    dropped: list[str] = []
    for key, accepted in page.params.items():
        given = ([str(v) for v in query.get(key, [])] or [accepted[0]])[-1]
        if given not in accepted:
            dropped.append(key)
            given = accepted[0]
        values[key] = given
    chosen: dict[str, tuple[str, ...]] = {}
    for key, accepted in page.multi.items():
        given_all = [str(v) for v in query.get(key, [])]
        chosen[key] = tuple(v for v in accepted if v in given_all)
        if any(v not in accepted for v in given_all):
            dropped.append(key)
    return values, chosen, dropped
