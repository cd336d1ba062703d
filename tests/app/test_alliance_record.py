"""The Alliance's record on the pages: founders placed, imprecise places said so, units counted, disagreements."""

from __future__ import annotations

import json
import re

from tests.app.conftest import run_page

LATER = "2024-02-16"  # every member in the data had joined by then


def plain(markdown: str) -> str:
    """Markdown text with its escapes removed, as a reader sees it."""
    return re.sub(r"\\(.)", r"\1", markdown)


def _points(at: object) -> dict[str, str]:
    """id -> hover place of every member point on the map."""
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)  # type: ignore[attr-defined]
    return {row[0]: row[2] for t in spec["data"] if t.get("customdata") for row in t["customdata"]}


def test_the_overview_has_no_founder_without_a_country() -> None:
    at = run_page("streamlit_app.py")
    assert not at.exception
    assert not any("with no country" in str(m.proto.delta) for m in at.metric)


def test_the_map_places_founders_known_only_to_their_state_and_says_so() -> None:
    at = run_page("pages/2_World_map.py", view="points")
    places = _points(at)
    for ident in ("aitomatic", "anyscale", "langchain", "mlcommons", "together-ai", "openteams", "quansight"):
        assert ident in places, ident
    assert places["aitomatic"] == "Somewhere in California, United States (per the Alliance's members map)"
    assert places["sb-intuitions"].startswith("Somewhere in Japan")
    assert places["fast-ai"].startswith("Somewhere in Australia"), "the launch map names no city"
    assert places["ibm"] == "Armonk, United States"
    assert any("⊙" in c.value for c in at.caption), "the dotted marker is explained"
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert "Region or country only" in {t.get("name") for t in spec["data"]}


def test_every_later_member_is_on_the_map() -> None:
    at = run_page("pages/2_World_map.py", view="points", asof=LATER)
    assert len(_points(at)) == 86
    assert not any("Not on the map" in c.value for c in at.caption)


def test_french_hovers_name_the_region_in_french() -> None:
    at = run_page("pages/2_World_map.py", view="points", lang="fr")
    assert _points(at)["aitomatic"].startswith("Emplacement approximatif\u00a0: Californie, États-Unis")


def test_a_unit_of_a_member_is_marked_and_counted_as_such() -> None:
    at = run_page("pages/1_Members.py", asof=LATER, member="sci-institute-utah")
    assert not at.exception
    assert any("1 is a unit of another member (SCI Institute (Utah))" in plain(c.value) for c in at.caption)
    assert "part_of" in at.dataframe[0].value.columns
    detail = plain("\n".join(m.value for m in at.markdown))
    assert "**Part of**: University of Utah" in detail
    overview = run_page("streamlit_app.py", asof=LATER)
    assert any("of which 1 is a unit of another member" in str(m.proto.delta) for m in overview.metric)
    launch = run_page("pages/1_Members.py")
    assert "part_of" not in launch.dataframe[0].value.columns or launch.dataframe[0].value["part_of"].isna().all()


def test_a_member_placed_by_the_map_shows_its_source_and_no_coordinates_of_its_own() -> None:
    at = run_page("pages/1_Members.py", member="quansight")
    detail = plain("\n".join(m.value for m in at.markdown))
    assert "**Headquarters**: Somewhere in Texas, United States (per the Alliance's members map)" in detail
    assert "**Coordinates**: none of its own: drawn at the centre of Texas, United States" in detail
    assert "membersMap.svg" in detail


def test_notes_are_shown_in_french_to_a_french_reader() -> None:
    at = run_page("pages/1_Members.py", member="fast-ai", lang="fr")
    detail = plain("\n".join(m.value for m in at.markdown))
    assert "La carte du lancement de l’Alliance place fast.ai en Australie" in detail
    about = run_page("pages/8_About.py", lang="fr")
    assert not any("rédigées en anglais" in c.value for c in about.caption)


def test_the_about_page_says_what_was_checked_and_lists_the_disagreements() -> None:
    at = run_page("pages/8_About.py")
    assert not at.exception
    text = "\n".join(m.value for m in at.markdown)
    assert "Held against the Alliance's own record" in [h.value for h in at.header]
    assert "57 founders" in text or "of the 57 founders" in text
    assert "Disagreements with the Alliance's record: none." in text
