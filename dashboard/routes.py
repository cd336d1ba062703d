"""The pages in the router's order: script, URL path and the translation key of the label."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Route:
    """One page of the app."""

    key: str  # translation key suffix: nav.<key>
    script: str  # path relative to the project root, as st.page_link wants it
    url_path: str  # what the browser shows after the host ("" for the home page)


ROUTES: tuple[Route, ...] = (
    Route("overview", "streamlit_app.py", ""),
    Route("members", "pages/1_Members.py", "Members"),
)


def route(key: str) -> Route:
    """The route with this key."""
    return next(r for r in ROUTES if r.key == key)
