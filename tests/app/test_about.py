"""About the data: every number is computed from the files, the caveats follow the filters."""

from __future__ import annotations

from dashboard.formats import date
from dashboard.members.filters import FilterState, apply
from dashboard.members.load import load_alliance, load_members
from tests.app.conftest import run_page


def test_about_states_the_version_and_counts_from_the_data() -> None:
    members, alliance = apply(load_members(), FilterState()), load_alliance()  # a link without asof: the launch
    at = run_page("pages/8_About.py")
    assert not at.exception
    links = [u for urls in members["sources"] for u in urls]
    first = at.markdown[0].value
    version = date(alliance.data_version, "en")
    assert f"**{version}**" in first and f"{len(members)} organisations" in first
    assert f"{len(links)} source links ({len(set(links))} distinct pages)" in first
    citations = [c.value for c in at.code]
    assert any(f"version {alliance.data_version}" in c and "CC BY 4.0" in c for c in citations), citations
    assert any(c.startswith("@misc{") for c in citations), "BibTeX too"
    assert any(b.label == "Download the data package (ZIP)" for b in at.get("download_button")), "the data package"


def test_caveats_follow_the_filters() -> None:
    at = run_page("pages/8_About.py", country="JPN")
    japan = apply(load_members(), FilterState(country=("JPN",)))
    expected = int(japan["notes"].notna().sum())
    assert any(f"{expected} of the {len(japan)} records shown carry a note" in m.value for m in at.markdown)
    assert len(at.table[0].value) == expected
