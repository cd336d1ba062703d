"""A shared link with a membership date, in a real browser: every page keeps it, the sidebar changes it."""

from __future__ import annotations

import re

from dashboard.members.filters import FilterState, apply
from dashboard.members.load import load_members
from tests.e2e.conftest import Server, Watch, assert_clean, open_page, query, screenshot, settle

LATER = "2024-02-16"


def go(page: object, name: str) -> None:
    """Follow one of our own sidebar links and wait for the page to render."""
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name=name).click()  # type: ignore[attr-defined]
    page.wait_for_function("(n) => document.title.startsWith(n)", arg=name)  # type: ignore[attr-defined]
    settle(page)


def test_a_dated_link_keeps_its_date_across_pages_and_the_launch_clears_it(
    server: Server, watched: tuple[object, Watch]
) -> None:
    page, watch = watched
    everyone = len(apply(load_members(), FilterState(asof=LATER)))

    open_page(page, f"{server.url}/World_map?asof={LATER}")
    headline = f"{everyone} members as of 16 February 2024"
    assert page.get_by_text(headline).count() == 1  # type: ignore[attr-defined]
    assert (
        page.get_by_text(re.compile(r"^57 members named at the launch and \d+ members? that joined later\.$")).count()
        == 1
    )  # type: ignore[attr-defined]
    screenshot(page, "asof-world-map")

    go(page, "Overview")
    assert query(page) == {"asof": [LATER]}
    assert page.get_by_text(headline).count() == 1  # type: ignore[attr-defined]
    assert page.locator(".js-plotly-plot").count() >= 3  # type: ignore[attr-defined]
    screenshot(page, "asof-overview")

    go(page, "Sectors")
    assert query(page) == {"asof": [LATER]}
    screenshot(page, "asof-sectors")

    go(page, "Members")
    assert query(page) == {"asof": [LATER]}
    screenshot(page, "asof-members")

    # Back to the launch in the sidebar: the date leaves the URL and the launch count returns.
    box = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]', has_text="Quick picks").first  # type: ignore[attr-defined]
    field = box.locator("input")
    field.click()
    field.fill("5 December")  # the combobox filters its options as one types
    page.locator('[role="option"]', has_text="5 December 2023").first.click()  # type: ignore[attr-defined]
    page.wait_for_function("() => !location.search.includes('asof')")  # type: ignore[attr-defined]
    settle(page)
    assert page.get_by_text("57 members as of 5 December 2023").count() == 1  # type: ignore[attr-defined]
    assert_clean(page, watch)


def test_any_day_opens_from_a_link_and_from_the_calendar(server: Server, watched: tuple[object, Watch]) -> None:
    page, watch = watched
    open_page(page, f"{server.url}/Members?asof=2024-03-01")
    everyone = len(apply(load_members(), FilterState(asof="2024-03-01")))
    assert page.get_by_text(f"{everyone} members as of 1 March 2024").count() == 1  # type: ignore[attr-defined]
    assert page.get_by_text("were not recognised").count() == 0  # type: ignore[attr-defined]
    # The calendar field is year, month and day segments: type the digits into the first, then leave the field.
    year = page.locator('[data-testid="stSidebar"] [data-testid="stDateInput"] [role="spinbutton"]').first  # type: ignore[attr-defined]
    year.click()
    page.keyboard.type("20240110")  # type: ignore[attr-defined]
    page.keyboard.press("Tab")  # type: ignore[attr-defined]
    page.keyboard.press("Tab")  # type: ignore[attr-defined]
    page.wait_for_function("() => location.search.includes('asof=2024-01-10')")  # type: ignore[attr-defined]
    settle(page)
    shown = len(apply(load_members(), FilterState(asof="2024-01-10")))
    assert page.get_by_text(f"{shown} members as of 10 January 2024").count() == 1  # type: ignore[attr-defined]
    assert_clean(page, watch)
