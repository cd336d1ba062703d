"""The Coalitions page: both sides on the date shown, who is in both, the absentees, in both languages."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.conftest import run_page

PAGE = "pages/7_Coalitions.py"


def text(at: AppTest) -> str:
    return "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info])


def test_at_the_launch_meta_is_in_the_alliance_only() -> None:
    at = run_page(PAGE)
    assert not at.exception
    assert "On 5 December 2023, no organisation shown was in both coalitions." in text(at)
    alliance, forum = (list(d.value["name"]) for d in at.dataframe[:2])
    assert "Meta" in alliance and "Meta" not in forum
    assert sorted(forum) == ["Anthropic", "Google", "Microsoft", "OpenAI"]
    assert "**Amazon**" in text(at) and "in neither coalition, as far as our sources show" in text(at)


def test_after_2024_meta_is_in_both_and_the_year_only_date_is_said() -> None:
    at = run_page(PAGE, asof="2026-04-08")
    assert not at.exception
    assert "On 8 April 2026, 1 organisation was in both coalitions: Meta." in text(at)
    forum = at.dataframe[1].value
    assert forum.set_index("name").loc["Meta", "since"] == "2024 (known only to the year)"
    assert "counts them as members from 31 December 2024" in text(at)
    scores = at.dataframe[2].value.set_index("developer")
    assert scores.loc["Meta", "coalition"] == "both"
    assert scores.loc["OpenAI", "coalition"] == "Frontier Model Forum only"


def test_every_fact_in_the_tables_links_its_source() -> None:
    at = run_page(PAGE, asof="2026-04-08")
    for roster in at.dataframe[:2]:
        assert roster.value["source"].str.startswith("https://").all()


def test_filters_apply_to_both_sides() -> None:
    at = run_page(PAGE, asof="2026-04-08", q="meta")
    assert not at.exception
    assert [list(d.value["name"]) for d in at.dataframe[:2]] == [["Meta"], ["Meta"]]


@pytest.mark.parametrize("asof", ["", "2026-04-08"])
def test_the_page_reads_in_french(asof: str) -> None:
    at = run_page(PAGE, lang="fr", **({"asof": asof} if asof else {}))
    assert not at.exception
    assert "appartenait aux deux coalitions\u00a0: Meta." in text(at) if asof else "aucune organisation" in text(at)
    assert "Qui manquait au lancement" in [h.value for h in at.header]
