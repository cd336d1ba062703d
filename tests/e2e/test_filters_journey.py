"""Real-browser journeys through the shared filters: deep link, page switch, filter change, back/forward."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pandas as pd
import pytest

from dashboard.members.filters import FilterState, apply
from dashboard.members.load import load_members
from dashboard.routes import ROUTES
from tests.e2e.conftest import Server, Watch, assert_clean, open_page, query, screenshot, settle


@pytest.fixture(scope="module")
def members() -> pd.DataFrame:
    """What a link without a membership date shows: the launch."""
    return apply(load_members(), FilterState())


def metric(page: object, label: str) -> str:
    tile = page.locator('[data-testid="stMetric"]', has_text=label).first  # type: ignore[attr-defined]
    return str(tile.locator('[data-testid="stMetricValue"]').inner_text()).strip()


def pick(page: object, label: str, text: str) -> None:
    """Choose an option in a sidebar multiselect by typing part of its label."""
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]', has_text=label).first  # type: ignore[attr-defined]
    box.locator("input").click()
    box.locator("input").fill(text)
    page.locator('[role="option"]', has_text=text).first.click()  # type: ignore[attr-defined]
    page.keyboard.press("Escape")  # type: ignore[attr-defined]
    settle(page)


def test_deep_link_on_a_fresh_server_then_switch_change_and_go_back(
    server: Server, watched: tuple[object, Watch], members: pd.DataFrame
) -> None:
    page, watch = watched
    swiss_universities = apply(members, FilterState(sector=("academia",), country=("CHE",)))
    assert len(swiss_universities) >= 2

    # 1. The very first request after the server started: a deep link to Members.
    open_page(page, f"{server.url}/Members?sector=academia&country=CHE")
    caption = page.get_by_text(re.compile(r"\d+ of \d+ members match")).inner_text()  # type: ignore[attr-defined]
    assert caption.startswith(f"{len(swiss_universities)} of {len(members)} members match")
    page.locator('[data-testid="stMain"] [data-testid="stSelectbox"]').first.click()  # type: ignore[attr-defined]
    shown = sorted(o.strip() for o in page.locator('[role="option"]').all_inner_texts())  # type: ignore[attr-defined]
    assert shown == sorted(swiss_universities["name"])
    page.keyboard.press("Escape")  # type: ignore[attr-defined]

    # 2. The first page switch, before touching anything, keeps the filters.
    page.locator('[data-testid="stSidebarNav"], [data-testid="stSidebar"]').get_by_role("link", name="Overview").click()  # type: ignore[attr-defined]
    page.wait_for_url(re.compile(r"/(\?|$)"))  # type: ignore[attr-defined]
    settle(page)
    assert query(page) == {"sector": ["academia"], "country": ["CHE"]}  # type: ignore[attr-defined]
    assert metric(page, "Members") == str(len(swiss_universities))
    first_alt = page.get_by_text(re.compile(r"^Members by sector\.")).inner_text()  # type: ignore[attr-defined]

    # 3. Changing a filter changes the URL, the figures and the chart's text alternative at once.
    pick(page, "Country", "United States")
    both = apply(members, FilterState(sector=("academia",), country=("CHE", "USA")))
    assert query(page) == {"sector": ["academia"], "country": ["CHE", "USA"]}  # type: ignore[attr-defined]
    assert metric(page, "Members") == str(len(both))
    assert page.get_by_text(re.compile(r"^Members by sector\.")).inner_text() != first_alt  # type: ignore[attr-defined]

    # 4. Back and forward land on the right view.
    page.go_back()  # type: ignore[attr-defined]
    settle(page)
    assert query(page) == {"sector": ["academia"], "country": ["CHE"]}  # type: ignore[attr-defined]
    assert metric(page, "Members") == str(len(swiss_universities))
    page.go_forward()  # type: ignore[attr-defined]
    settle(page)
    assert metric(page, "Members") == str(len(both))
    assert_clean(page, watch)


def test_reset_returns_to_all_members_and_a_bare_url(
    server: Server, watched: tuple[object, Watch], members: pd.DataFrame
) -> None:
    page, watch = watched
    open_page(page, f"{server.url}/?sector=nonprofit")
    assert metric(page, "Members") == str((members["sector"] == "nonprofit").sum())
    page.locator('[data-testid="stSidebar"]').get_by_role("button", name="Reset filters").click()  # type: ignore[attr-defined]
    settle(page)
    assert metric(page, "Members") == str(len(members))
    assert urlsplit(page.url).query == ""  # type: ignore[attr-defined]
    assert_clean(page, watch)


def test_share_box_shows_the_full_link_of_the_view(server: Server, watched: tuple[object, Watch]) -> None:
    page, watch = watched
    open_page(page, f"{server.url}/Members?region=europe&q=univ")
    page.get_by_text("Share this view").click()  # type: ignore[attr-defined]
    code = page.locator('[data-testid="stSidebar"] [data-testid="stCode"]').first.inner_text()  # type: ignore[attr-defined]
    assert code.strip() == f"{server.url}/Members?region=europe&q=univ"
    assert_clean(page, watch)


HOSTILE = [
    "/?sector=bogus&country=XXX&region=mars",
    "/Members?q=" + "x" * 10_000,
    "/Members?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
    "/?q=%21%5Bx%5D(http%3A%2F%2Fexample.org%2Fx.png)%20%5Blink%5D(javascript%3Aalert(1))",
    "/Members?member=%3Cscript%3Ealert(1)%3C%2Fscript%3E&sector=company&sector=company",
]


@pytest.mark.parametrize("path", HOSTILE)
def test_hostile_links_are_dropped_quietly(server: Server, watched: tuple[object, Watch], path: str) -> None:
    page, watch = watched
    open_page(page, server.url + path)
    assert page.locator("h1").count() >= 1  # type: ignore[attr-defined]
    assert len(urlsplit(page.url).query) <= 200  # type: ignore[attr-defined]
    assert_clean(page, watch)


@pytest.mark.parametrize("route", ROUTES, ids=[r.key for r in ROUTES])
def test_every_page_renders_cleanly_at_desktop_and_phone_width(
    server: Server, watched: tuple[object, Watch], route: object
) -> None:
    page, watch = watched
    open_page(page, f"{server.url}/{route.url_path}")  # type: ignore[attr-defined]
    assert page.locator("h1").count() >= 1  # type: ignore[attr-defined]
    screenshot(page, route.key)  # type: ignore[attr-defined]
    assert_clean(page, watch)


def test_selecting_a_row_opens_the_members_full_record(
    server: Server, watched: tuple[object, Watch], members: pd.DataFrame
) -> None:
    page, watch = watched
    shown = apply(members, FilterState(sector=("academia",), country=("CHE",)))
    first = shown.iloc[0]
    open_page(page, f"{server.url}/Members?sector=academia&country=CHE")
    box = page.locator('[data-testid="stDataFrame"]').bounding_box()  # type: ignore[attr-defined]
    page.mouse.click(box["x"] + 16, box["y"] + 35 + 17)  # the first row's selection box, below the header  # type: ignore[attr-defined]
    page.wait_for_function("() => location.search.includes('member=')")  # type: ignore[attr-defined]
    settle(page)
    assert query(page)["member"] == [first["id"]]
    record = "\n".join(page.locator('[data-testid="stMain"] [data-testid="stMarkdown"]').all_inner_texts())  # type: ignore[attr-defined]
    assert all(url in record for url in first["sources"])
    assert_clean(page, watch)
