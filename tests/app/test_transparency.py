"""The Transparency page: totals and domains by edition, developers side by side, one indicator's evidence,
what changed, old links, invalid values dropped, French."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.indexes.evidence import load_evidence
from dashboard.indexes.load import load_indexes
from dashboard.routes import EDITIONS
from dashboard.ui.text import md
from tests.app.conftest import open_expanders, run_page, url_values

PAGE = "pages/6_Transparency.py"
DONE = {"developer": ["meta", "ibm"], "indicator": "external-data-access", "edition": "2025-12"}


def figures(at: AppTest) -> dict[str, dict]:  # type: ignore[type-arg]
    specs = [json.loads(el.proto.spec) for el in at.get("plotly_chart")]
    return {s["layout"]["title"]["text"].replace("<br>", " "): s for s in specs}


def text(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def report(developer: str, indicator: str, edition: str = "2025-12") -> dict[str, object]:
    rows = load_evidence().rows
    found = rows[(rows["edition"] == edition) & (rows["developer_slug"] == developer)
                 & (rows["indicator_slug"] == indicator)]  # fmt: skip
    return dict(found.iloc[0])


def test_meta_and_ibm_side_by_side_show_both_justifications_and_totals() -> None:
    at = run_page(PAGE, **DONE)
    assert not at.exception and not at.error
    shown = text(at)
    for slug in ("meta", "ibm"):
        assert md(report(slug, "external-data-access")["justification"]) in shown
    assert "**Meta**: Alliance member \\(in our list\\) — 31 of 100 indicators met" in shown
    assert "**IBM**: Alliance member \\(in our list\\) — 95 of 100 indicators met" in shown
    assert md(report("ibm", "external-data-access")["definition"]) in shown
    totals = at.table[0].value
    assert list(totals.iloc[-1]) == [31, 95], "the last row of the domain table is the total"
    scores = at.dataframe[0].value
    assert len(scores) == 100 and list(scores.columns) == ["indicator", "subdomain", "meta", "ibm"]
    assert url_values(at, "developer") == ["meta", "ibm"] and url_values(at, "indicator") == ["external-data-access"]


def test_a_developer_outside_our_list_is_described_as_such() -> None:
    at = run_page(PAGE, developer="xai")
    assert "**xAI**: Not in our member list" in text(at)


@pytest.mark.parametrize("edition", ["2024-05", "2025-12"])
def test_every_indicator_of_a_report_edition_can_be_chosen(edition: str) -> None:
    at = run_page(PAGE, edition=edition, developer="meta")
    rows = load_evidence().rows
    assert set(at.selectbox(key="w_indicator").options) == set(rows.loc[rows["edition"] == edition, "indicator"])


def test_unknown_developers_and_indicators_are_dropped_with_a_notice() -> None:
    at = run_page(PAGE, developer=["meta", "<script>", "nobody"], indicator="vibes")
    assert not at.exception
    assert any("were not recognised" in c.value and "developer, indicator" in c.value for c in at.caption)
    assert url_values(at, "developer") == ["meta"] and "indicator" not in at.query_params


def test_at_most_four_developers_are_kept() -> None:
    at = run_page(PAGE, developer=["meta", "ibm", "openai", "google", "xai"])
    assert url_values(at, "developer") == ["meta", "ibm", "openai", "google"]
    assert list(at.dataframe[0].value.columns)[2:] == ["meta", "ibm", "openai", "google"]


def test_choosing_developers_and_an_indicator_writes_the_url() -> None:
    at = run_page(PAGE)
    at.multiselect(key="w_developer").set_value(["hugging-face", "bigcode"]).run()
    assert url_values(at, "developer") == ["hugging-face", "bigcode"]
    at.selectbox(key="w_indicator").set_value("compute-provider").run()
    assert url_values(at, "indicator") == ["compute-provider"]


def test_what_changed_lists_gains_and_losses_with_both_justifications() -> None:
    at = open_expanders(run_page(PAGE, developer="ibm"))
    shown = text(at)
    assert "gained (met in the later edition only)" in shown or "lost (met in the earlier edition only)" in shown
    rows = load_evidence().rows
    ibm = rows[rows["developer_slug"] == "ibm"].pivot(index="indicator_slug", columns="edition", values="score")
    changed = ibm.dropna()[ibm.dropna()["2024-05"] != ibm.dropna()["2025-12"]].index
    assert len(changed) > 0
    for slug in changed:
        for edition in ("2024-05", "2025-12"):
            justification = str(report("ibm", slug, edition)["justification"]) or "—"
            assert md(justification.split("\n")[0]) in shown


def test_the_2023_edition_links_the_scoring_pdfs() -> None:
    at = run_page(PAGE, edition="2023-10", developer="meta")
    assert "[Meta](https://github.com/stanford-crfm/fmti/blob/" in text(at)
    assert "w_indicator" not in [s.key for s in at.selectbox], "2023 has no report tables to choose from"


@pytest.mark.parametrize("edition", EDITIONS)
def test_each_edition_draws_its_domain_heatmap(edition: str) -> None:
    at = run_page(PAGE, edition=edition)
    assert not at.exception
    label = {"2023-10": "October 2023", "2024-05": "May 2024", "2025-12": "December 2025"}[edition]
    subdomains = figures(at)[f"Indicators met by subdomain, {label} (%)"]
    domains = figures(at)[f"Share of indicators met by domain, {label} (%)"]
    developers = load_indexes().fmti.query("edition == @edition")["developer"].nunique()
    assert len(subdomains["data"][0]["x"]) == len(domains["data"][0]["y"]) == developers
    assert url_values(at, "edition") == ([] if edition == EDITIONS[0] else [edition])


def test_totals_chart_marks_members() -> None:
    at = run_page(PAGE)
    totals = figures(at)["Transparency score (of 100) by edition"]
    member = [t for t in totals["data"] if t["name"] == "Alliance member (in our list)"]
    assert {d for t in member for d in t["y"]} == {"Meta", "Hugging Face", "Stability AI", "BigCode", "IBM"}


def test_every_chart_says_where_its_numbers_come_from_and_the_index_can_be_cited() -> None:
    at = run_page(PAGE, **DONE)
    blocks = [m.value for m in at.markdown if m.value.startswith("Source: ")]
    assert len(blocks) == 6 and all("What we changed: " in b and "f4500c5" in b for b in blocks)
    assert "Bommasani" in at.code[0].value


def test_an_old_open_vs_closed_link_with_an_edition_opens_this_page() -> None:
    at = run_page("pages/5_Open_vs_closed.py", edition="2024-05")
    assert at.title[0].value == "Transparency, indicator by indicator"
    assert url_values(at, "edition") == ["2024-05"]
    assert "Indicators met by subdomain, May 2024 (%)" in figures(at)


def test_the_page_in_french() -> None:
    at = run_page(PAGE, lang="fr", developer=["meta", "xai"], indicator="external-data-access")
    assert not at.exception
    shown = text(at)
    assert "**xAI**\u00a0: Absent de notre liste de membres" in shown
    assert "Justification de la note" in shown and at.title[0].value == "La transparence, indicateur par indicateur"
