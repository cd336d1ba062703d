"""The membership date in the URL (asof): deep links on every page, an invalid date dropped, old links unchanged."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from dashboard.charts.theme import SECTOR_SYMBOLS
from dashboard.members.filters import FilterState, apply
from dashboard.members.load import load_members
from dashboard.routes import ROUTES, route
from tests.app.conftest import metric, run_page, url_values

LATER = "2024-02-16"  # the last dated record: every member in the data had joined by then
MIDDLE = "2024-01-18"
MEMBER_PAGES = {route(k).script for k in ("overview", "members", "world_map", "sectors", "about")}


def _captions(at: object) -> list[str]:
    return [c.value for c in at.caption]  # type: ignore[attr-defined]


@pytest.mark.parametrize("script", [r.script for r in ROUTES])
def test_a_deep_link_with_a_date_keeps_it_on_every_page(script: str) -> None:
    at = run_page(script, asof=MIDDLE)
    assert not at.exception, at.exception
    assert url_values(at, "asof") == [MIDDLE]
    assert at.selectbox(key="w_asof").value == MIDDLE
    shown = len(apply(load_members(), FilterState(asof=MIDDLE)))
    if script in MEMBER_PAGES:  # Initiatives and Open vs closed are about the launch and the models
        assert f"{shown} members as of 18 January 2024" in _captions(at)


@pytest.mark.parametrize("script", [r.script for r in ROUTES])
def test_an_invalid_date_is_dropped_with_a_notice(script: str) -> None:
    at = run_page(script, asof="2024-02-30")
    assert not at.exception, at.exception
    assert any("were not recognised" in c and "asof" in c for c in _captions(at))
    assert "asof" not in at.query_params
    assert at.date_input(key="w_asof_day").value == dt.date(2023, 12, 5)


def test_a_link_without_a_date_shows_the_launch_as_before() -> None:
    at = run_page("streamlit_app.py")
    assert metric(at, "Members") == "57"
    assert "57 members as of 5 December 2023" in _captions(at)
    assert "asof" not in at.query_params
    members = run_page("pages/1_Members.py")
    assert len(members.dataframe[0].value) == 57


def test_the_overview_counts_every_member_who_had_joined_by_the_date() -> None:
    at = run_page("streamlit_app.py", asof=LATER)
    assert metric(at, "Members") == str(len(load_members()))
    assert any("29 organisations joined after the launch" in m.value for m in at.markdown)


def test_choosing_a_date_in_the_sidebar_writes_it_to_the_url_and_the_launch_removes_it() -> None:
    at = run_page("pages/1_Members.py")
    at.selectbox(key="w_asof").select(LATER).run()
    assert url_values(at, "asof") == [LATER]
    assert len(at.dataframe[0].value) == len(load_members())
    at.selectbox(key="w_asof").select("2023-12-05").run()
    assert "asof" not in at.query_params
    assert len(at.dataframe[0].value) == 57


def test_any_day_from_the_launch_to_today_can_be_chosen_and_linked() -> None:
    at = run_page("pages/1_Members.py")
    at.date_input(key="w_asof_day").set_value(dt.date(2024, 1, 10)).run()
    assert url_values(at, "asof") == ["2024-01-10"]
    joined = len(apply(load_members(), FilterState(asof="2024-01-10")))
    assert len(at.dataframe[0].value) == joined and 57 < joined < len(load_members())
    assert at.selectbox(key="w_asof").value is None, "a day between milestones is no quick pick"
    linked = run_page("pages/2_World_map.py", asof="2024-03-01")
    assert not any("were not recognised" in c for c in _captions(linked))
    assert f"{len(load_members())} members as of 1 March 2024" in _captions(linked)
    future = run_page("pages/2_World_map.py", asof=(dt.date.today() + dt.timedelta(days=1)).isoformat())
    assert any("were not recognised" in c and "asof" in c for c in _captions(future))


def test_the_growth_chart_marks_events_and_the_date_shown() -> None:
    at = run_page("streamlit_app.py", asof=MIDDLE)
    figures = [json.loads(el.proto.spec) for el in at.get("plotly_chart")]
    growth = next(f for f in figures if f["layout"]["title"]["text"] == "Members over time")
    names = [t["name"] for t in growth["data"]]
    assert names[:2] == ["Members with a dated record", "Events (numbered as in the list below)"]
    assert growth["layout"]["shapes"][0]["x0"] == MIDDLE


def test_the_map_and_sectors_pages_count_founding_and_later_members_and_can_show_either() -> None:
    at = run_page("pages/3_Sectors.py", asof=LATER)
    assert any("57 members named at the launch and 29 members that joined later" in m.value for m in at.markdown)
    later = run_page("pages/3_Sectors.py", asof=LATER, cohort="later")
    assert any(m.value.startswith("Of the 29 members shown") for m in later.markdown)
    world = run_page("pages/2_World_map.py", asof=LATER, view="points")
    traces = json.loads(world.get("plotly_chart")[0].proto.spec)["data"]
    members = [t for t in traces if t.get("mode") == "markers" and isinstance(t["marker"]["symbol"], list)]
    symbols = {s.removesuffix("-dot") for t in members for s in t["marker"]["symbol"]}
    shapes = {s.removesuffix("-open") for s in symbols}
    assert shapes <= set(SECTOR_SYMBOLS.values()) and len(shapes) > 1, "each sector has its own shape"
    assert any(s.endswith("-open") for s in symbols), "later members are hollow"
    assert any(not s.endswith("-open") for s in symbols), "launch members are filled"


def test_the_members_table_has_the_join_date_and_its_kind() -> None:
    at = run_page("pages/1_Members.py", asof=LATER, member="snowflake")
    table = at.dataframe[0].value
    assert {"joined", "joined_kind"} <= set(table.columns)
    record = "\n".join(m.value for m in at.markdown)
    assert "Shown on the Alliance" in record and "2ffeda3b8d0ddb8c4f3c7c7fb2a84357407eb44b" in record


def test_the_growth_chart_draws_the_reported_total_and_says_so_in_its_text() -> None:
    """The Alliance's later total (no public roster) is a separate point, named in the sentence, the chart's text
    alternative and the events list, each from data/events.yaml."""
    at = run_page("streamlit_app.py")
    figures = [json.loads(el.proto.spec) for el in at.get("plotly_chart")]
    growth = next(f for f in figures if f["layout"]["title"]["text"] == "Members over time")
    reported = next(t for t in growth["data"] if t["name"] == "Reported total (no public roster)")
    assert list(reported["x"]) == ["2026-04-08"]  # one point, away from the line of dated records
    wording = "more than 200 member organizations"
    assert any(wording in c and "8 April 2026" in c for c in _captions(at))
    assert any(wording in m.value and "8 April 2026" in m.value for m in at.markdown)
