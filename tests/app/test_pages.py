"""Every page runs without an exception, with no, valid and invalid parameters; behaviour per page."""

from __future__ import annotations

import pytest

from dashboard.members.filters import FilterState, apply
from dashboard.members.load import load_members
from dashboard.routes import ROUTES
from tests.app.conftest import metric, run_page, url_values

PARAMS = {
    "none": {},
    "valid": {"sector": ["academia", "nonprofit"], "region": "north_america", "q": "university"},
    "invalid": {"sector": ["bogus"], "country": ["XXX", "che"], "q": "x" * 10_000, "lang": "zz", "member": "<b>"},
    "nothing matches": {"sector": "government", "country": "JPN"},
}


@pytest.mark.parametrize("case", list(PARAMS))
@pytest.mark.parametrize("script", [r.script for r in ROUTES])
def test_page_runs_without_exception(script: str, case: str) -> None:
    at = run_page(script, **PARAMS[case])
    assert not at.exception, at.exception
    assert at.title, "every page has a title"


def test_invalid_values_are_dropped_with_a_notice_and_the_url_is_tidied() -> None:
    at = run_page("streamlit_app.py", sector=["bogus", "academia"], country="XXX")
    assert any("were not recognised" in c.value for c in at.caption)
    assert url_values(at, "sector") == ["academia"]
    assert "country" not in at.query_params


def test_sector_filter_changes_the_headline_count() -> None:
    members = load_members()
    at = run_page("streamlit_app.py", sector="academia")
    assert metric(at, "Members") == str(len(apply(members, FilterState(sector=("academia",)))))
    at.multiselect(key="w_sector").select("nonprofit").run()
    expected = apply(members, FilterState(sector=("academia", "nonprofit")))
    assert metric(at, "Members") == str(len(expected))
    assert url_values(at, "sector") == ["academia", "nonprofit"]


def test_search_narrows_the_member_table() -> None:
    at = run_page("pages/1_Members.py")
    assert len(at.dataframe[0].value) == 57
    at.text_input(key="w_q").input("tokyo").run()
    names = list(at.dataframe[0].value["name"])
    assert names == ["The University of Tokyo"]
    assert url_values(at, "q") == ["tokyo"]


def test_nothing_matches_says_so_instead_of_drawing_charts() -> None:
    at = run_page("streamlit_app.py", **PARAMS["nothing matches"])
    assert any("No member matches" in i.value for i in at.info)
    assert not at.get("plotly_chart")


def test_member_link_opens_the_full_record_with_every_source() -> None:
    members = load_members().set_index("id")
    at = run_page("pages/1_Members.py", member="eth-zurich")
    text = "\n".join(m.value for m in at.markdown)
    for url in members.loc["eth-zurich", "sources"]:
        assert f"]({url})" in text
    assert "ETH Zurich" in text


def test_switching_page_keeps_the_filters() -> None:
    at = run_page("streamlit_app.py", sector="academia", country="CHE")
    at.switch_page("pages/1_Members.py").run()
    assert not at.exception
    assert len(at.dataframe[0].value) == len(apply(load_members(), FilterState(("academia",), (), ("CHE",))))


def test_every_chart_has_a_text_alternative_that_follows_the_filters() -> None:
    import json

    everyone = run_page("streamlit_app.py")
    some = run_page("streamlit_app.py", sector="academia")
    for at in (everyone, some):
        for chart in at.get("plotly_chart"):
            spec = json.loads(chart.proto.spec)
            assert spec["layout"]["title"]["text"]
            assert chart.proto.alt.startswith(spec["layout"]["title"]["text"].replace("<br>", " "))  # wrapped title
    alts = [[c.proto.alt for c in at.get("plotly_chart")] for at in (everyone, some)]
    assert alts[0] != alts[1]
    assert "Academia 18" in alts[1][0] and "Company" not in alts[1][0]


def test_data_error_is_a_message_not_a_traceback(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    from pathlib import Path

    from dashboard import paths

    broken = Path(str(tmp_path)) / "members.yaml"
    broken.write_text("- id: [oops\n", encoding="utf-8")
    monkeypatch.setattr(paths, "MEMBERS", broken)
    at = run_page("streamlit_app.py")
    assert not at.exception
    assert any("could not be loaded" in e.value for e in at.error)
    assert "YAML syntax error" in at.code[0].value


def test_a_charts_data_table_is_drawn_when_its_expander_is_opened() -> None:
    """Closed, "Show the data" draws nothing; opened (a rerun), it shows the numbers the chart draws."""
    at = run_page("streamlit_app.py")
    assert not at.table
    at.session_state["sector_bar_data"] = True
    at.run()
    table = at.table[0].value
    assert "Academia" in table.to_string()
