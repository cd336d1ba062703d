"""The Open vs closed page: editions in the URL, both indexes with attribution, filters marking members."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.indexes.load import load_indexes
from dashboard.routes import EDITIONS
from tests.app.conftest import run_page, url_values

PAGE = "pages/5_Open_vs_closed.py"


def figures(at: AppTest) -> dict[str, dict]:  # type: ignore[type-arg]
    """The page's charts by their title (a long title is wrapped with <br>, read back as one line)."""
    specs = [json.loads(el.proto.spec) for el in at.get("plotly_chart")]
    return {s["layout"]["title"]["text"].replace("<br>", " "): s for s in specs}


def captions(at: AppTest) -> str:
    return "\n".join(c.value for c in at.caption)


@pytest.mark.parametrize("edition", EDITIONS)
def test_each_edition_draws_its_domain_heatmap(edition: str) -> None:
    at = run_page(PAGE, edition=edition)
    assert not at.exception
    label = {"2023-10": "October 2023", "2024-05": "May 2024", "2025-12": "December 2025"}[edition]
    subdomains = figures(at)[f"Indicators met by subdomain, {label} (%)"]
    domains = figures(at)[f"Share of indicators met by domain, {label} (%)"]
    developers = load_indexes().fmti.query("edition == @edition")["developer"].nunique()
    assert len(subdomains["data"][0]["x"]) == len(domains["data"][0]["y"]) == developers
    assert domains["data"][0]["x"] == ["Upstream", "Model", "Downstream"]
    assert url_values(at, "edition") == ([] if edition == EDITIONS[0] else [edition])


def test_invalid_edition_and_criteria_are_dropped_with_a_notice() -> None:
    at = run_page(PAGE, edition="1999-01", require=["weights", "<script>"])
    assert not at.exception
    assert any("were not recognised" in c.value for c in at.caption)
    assert "edition" not in at.query_params and url_values(at, "require") == ["weights"]
    assert "December 2025" in "\n".join(figures(at))


def test_totals_chart_prints_every_score_and_marks_members_by_colour_and_symbol() -> None:
    at = run_page(PAGE)
    totals = figures(at)["Transparency score (of 100) by edition"]
    member = [t for t in totals["data"] if t["name"] == "Alliance member (in our list)"]
    other = [t for t in totals["data"] if t["name"] == "Not in our member list"]
    assert {d for t in member for d in t["y"]} == {"Meta", "Hugging Face", "Stability AI", "BigCode", "IBM"}
    assert member[0]["marker"]["symbol"] != other[0]["marker"]["symbol"]
    assert member[0]["marker"]["color"] != other[0]["marker"]["color"]
    assert all(t["mode"] == "markers+text" and t["text"] == [str(x) for x in t["x"]] for t in totals["data"])
    means = figures(at)["Mean score: members and others"]
    assert any("(n = 3)" in text for t in means["data"] for text in t["text"])
    assert "Meta" in figures(at)["Scored in more than one edition"]["layout"]["annotations"][1]["text"]


def test_the_sector_filter_unmarks_developers_outside_it() -> None:
    at = run_page(PAGE, sector="academia")
    totals = figures(at)["Transparency score (of 100) by edition"]
    assert not [t for t in totals["data"] if t["name"] == "Alliance member (in our list)" and t["y"]]
    assert "Academia" in totals["layout"]["title"]["subtitle"]["text"]  # the PNG says which members are marked
    assert "(0 of the" in captions(at)


def test_criteria_apply_to_the_openness_index_grid() -> None:
    at = run_page(PAGE, require=["weights", "data"])
    grid = at.dataframe[0].value
    assert list(grid["member"][: (grid["member"] != "—").sum()]) == ["yes"] * (grid["member"] != "—").sum()
    answer = next(s.value for s in at.success if "graded models" in s.value).replace("\\", "")
    qualifying = set(grid.loc[grid["qualifies"] == "✔", "model"])
    assert qualifying and all(name in answer for name in qualifying)
    assert "OLMo 7B Instruct" in qualifying and "LLaMA2 Chat" not in qualifying


def test_both_indexes_are_attributed_with_licence_citation_and_commit() -> None:
    at = run_page(PAGE)
    text = (captions(at) + "\n".join(m.value for m in at.markdown)).replace("\\", "")  # attribution is Markdown
    data = load_indexes()
    for meta in (data.fmti_meta, data.openness_meta):
        assert meta.licence in text and (meta.commit or "")[:7] in text
    assert "Bommasani" in text and "Liesenfeld" in text
