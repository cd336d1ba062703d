"""The shipped data files: they load through the real loaders and their founding records are the launch list."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

from dashboard import paths
from dashboard.members.load import load_alliance, load_categories, load_members, load_regions, load_sources

# The 57 organisations listed under "Partners and collaborators include:" in the launch press release
# of 5 December 2023, as the release names them.
LAUNCH_LIST = [
    "A*STAR", "Aitomatic", "AMD", "Anyscale", "Cerebras", "CERN", "Cleveland Clinic", "Cornell University",
    "Dartmouth", "Dell Technologies", "Ecole Polytechnique Federale de Lausanne", "ETH Zurich", "Fast.ai",
    "Fenrir, Inc.", "FPT Software", "Hebrew University of Jerusalem", "Hugging Face", "IBM", "ICTP",
    "Imperial College London", "IIT Bombay", "INSAIT", "Intel", "Keio University", "LangChain", "LlamaIndex",
    "Linux Foundation", "Mass Open Cloud Alliance", "Meta", "MBZUAI", "MLCommons", "NASA",
    "National Science Foundation", "New York University", "NumFOCUS", "OpenTeams", "Oracle", "Partnership on AI",
    "Quansight", "Red Hat", "Rensselaer Polytechnic Institute", "Roadzen", "Sakana AI", "SB Intuitions",
    "ServiceNow", "Silo AI", "Simons Foundation", "Sony Group", "Stability AI", "Together AI", "TU Munich",
    "UC Berkeley College of Computing, Data Science, and Society", "University of Illinois Urbana-Champaign",
    "The University of Notre Dame", "The University of Texas at Austin", "The University of Tokyo", "Yale University",
]  # fmt: skip

# Where the release's wording differs from both the official name and the short name in the data.
ALIASES = {"National Science Foundation": "U.S. National Science Foundation"}


def normalize(name: str) -> str:
    """Case, accents, punctuation, a leading 'The' and corporate suffixes do not matter."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"[,.]?\s+(inc|ltd|llc|corp|corporation|k\.k)\.?$", "", text)
    return re.sub(r"[^a-z0-9*]+", " ", text).strip()


@pytest.fixture(scope="module")
def members() -> pd.DataFrame:
    """The founding records (later members are checked in test_growth_data.py)."""
    everyone = load_members()
    return everyone[everyone["joined_kind"] == "founding"].reset_index(drop=True)


def test_shipped_file_validates(members: pd.DataFrame) -> None:
    assert len(members) == 57


def test_it_holds_exactly_the_launch_list(members: pd.DataFrame) -> None:
    names = {normalize(n): i for i, n in enumerate(members["name"])}
    short = {normalize(n): i for i, n in enumerate(members["short_name"])}
    matched = {}
    for listed in LAUNCH_LIST:
        key = normalize(ALIASES.get(listed, listed))
        hits = {names.get(key), short.get(key)} - {None}
        assert len(hits) == 1, f"{listed!r} matches {len(hits)} records"
        matched[listed] = hits.pop()
    assert sorted(matched.values()) == list(range(57)), "some record matches no name in the launch list"


def test_every_record_has_a_source_and_the_press_release_first(members: pd.DataFrame) -> None:
    alliance = load_alliance()
    assert all(len(s) >= 1 for s in members["sources"])
    assert all(s[0] == alliance.press_release_urls[0] for s in members["sources"])


def test_every_country_has_a_region(members: pd.DataFrame) -> None:
    regions = load_regions()
    countries = set(members["country"].dropna())
    assert countries, "no countries at all"
    assert countries <= set(regions.of_country)


def test_a_record_without_coordinates_says_why(members: pd.DataFrame) -> None:
    unplaced = members[members["lat"].isna()]
    assert unplaced["notes"].notna().all()


def test_every_category_in_use_is_defined_and_every_defined_one_is_used() -> None:
    categories = load_categories()
    assert set(load_members()["category"]) == set(categories.sector)


def test_launch_facts_load_and_name_real_members(members: pd.DataFrame) -> None:
    alliance = load_alliance()
    assert alliance.launch_date.value == "2023-12-05"
    assert set(alliance.co_launchers.value) <= set(members["id"])
    assert set(members["joined"]) == {alliance.launch_date.value}


def test_data_files_quote_country_codes() -> None:
    text = paths.MEMBERS.read_text(encoding="utf-8")
    assert not re.search(r"country: [A-Z]{3}\s*$", text, flags=re.M)


URL_RE = re.compile(r"https?://[^\s\"'<>),]+")


# Imported tables keep the links their authors gave as evidence for each grade (carried over with attribution);
# the accepted list governs the sources we cite ourselves, including the metadata naming those tables' origin.
IMPORTED_TABLES = {"fmti_scores.csv", "fmti_evidence.csv", "openness_index.csv"}
OUR_FILES = sorted(p for p in paths.DATA_DIR.iterdir() if p.is_file() and p.name not in IMPORTED_TABLES)


def test_only_the_imported_tables_are_left_out_of_the_source_check() -> None:
    assert {p.name for p in paths.DATA_DIR.glob("*.csv")} == IMPORTED_TABLES


@pytest.mark.parametrize("path", OUR_FILES, ids=lambda p: p.name)
def test_every_url_in_our_data_files_is_on_the_accepted_list(path: Path) -> None:
    hosts = load_sources()
    text = path.read_text(encoding="utf-8")
    refused = {url: reason for url in URL_RE.findall(text) if (reason := hosts.refusal(url)) is not None}
    assert not refused, "\n".join(f"{url}: {reason}" for url, reason in refused.items())
