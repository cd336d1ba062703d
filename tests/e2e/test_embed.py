"""An embedded view (embed=true) in a real browser: no sidebar, the filters stated in words, charts drawn."""

from __future__ import annotations

from dashboard.members.filters import FilterState, apply
from dashboard.members.load import load_members
from tests.e2e.conftest import Server, Watch, assert_clean, open_page, screenshot


def test_embedded_members_page_states_its_filters_and_has_no_sidebar(
    server: Server, watched: tuple[object, Watch]
) -> None:
    page, watch = watched
    shown = apply(load_members(), FilterState(sector=("academia",), country=("CHE",)))
    open_page(page, f"{server.url}/Members?sector=academia&country=CHE&embed=true")
    assert page.locator('[data-testid="stSidebar"]').count() == 0  # type: ignore[attr-defined]
    words = page.get_by_text("Showing: Sector: Academia; Country: Switzerland").first  # type: ignore[attr-defined]
    assert words.is_visible()
    assert page.get_by_text(f"{len(shown)} of ").first.is_visible()  # type: ignore[attr-defined]
    subtitle = page.locator(".js-plotly-plot .gtitle-subtitle, .js-plotly-plot .g-gtitle").first.text_content()  # type: ignore[attr-defined]
    assert subtitle and "Sector: Academia" in subtitle and "Country: Switzerland" in subtitle
    full = page.get_by_role("link", name="Open the full dashboard")  # type: ignore[attr-defined]
    assert "embed" not in str(full.get_attribute("href"))
    assert_clean(page, watch)
    screenshot(page, "embed-members")
