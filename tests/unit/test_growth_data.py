"""The later members and the membership events: dated, sourced, referring to known members; launch records intact."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from dashboard.growth.load import load_events
from dashboard.members.load import load_members
from dashboard.members.schema import COMMIT_URL_RE

# The 57 launch records as they stood before later members were added: id -> joined.
FOUNDING_IDS = [
    "a-star",
    "aitomatic",
    "amd",
    "anyscale",
    "cerebras",
    "cern",
    "cleveland-clinic",
    "cornell-university",
    "dartmouth-college",
    "dell-technologies",
    "epfl",
    "eth-zurich",
    "fast-ai",
    "fenrir",
    "fpt-software",
    "hebrew-university-of-jerusalem",
    "hugging-face",
    "ibm",
    "ictp",
    "imperial-college-london",
    "iit-bombay",
    "insait",
    "intel",
    "keio-university",
    "langchain",
    "llamaindex",
    "linux-foundation",
    "mass-open-cloud-alliance",
    "meta",
    "mbzuai",
    "mlcommons",
    "nasa",
    "national-science-foundation",
    "new-york-university",
    "numfocus",
    "openteams",
    "oracle",
    "partnership-on-ai",
    "quansight",
    "red-hat",
    "rensselaer-polytechnic-institute",
    "roadzen",
    "sakana-ai",
    "sb-intuitions",
    "servicenow",
    "silo-ai",
    "simons-foundation",
    "sony-group",
    "stability-ai",
    "together-ai",
    "technical-university-of-munich",
    "uc-berkeley-cdss",
    "university-of-illinois-urbana-champaign",
    "university-of-notre-dame",
    "university-of-texas-at-austin",
    "university-of-tokyo",
    "yale-university",
]
ALLIANCE = "https://github.com/The-AI-Alliance/website/"


@pytest.fixture(scope="module")
def members() -> pd.DataFrame:
    return load_members()


@pytest.fixture(scope="module")
def later(members: pd.DataFrame) -> pd.DataFrame:
    return members[members["joined_kind"] != "founding"]


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return load_events()


def test_the_57_founding_records_are_unchanged_in_id_and_date(members: pd.DataFrame) -> None:
    founding = members[members["joined_kind"] == "founding"]
    assert list(founding["id"]) == FOUNDING_IDS
    assert set(founding["joined"]) == {"2023-12-05"}
    assert founding["joined_source"].isna().all()
    assert list(members["id"][:57]) == FOUNDING_IDS, "later members are appended after the launch records"


def test_every_later_member_is_dated_after_the_launch_and_sourced(later: pd.DataFrame) -> None:
    assert len(later) > 0
    assert (later["joined"] > "2023-12-05").all()
    assert later["joined_source"].notna().all()
    for _, row in later.iterrows():
        assert row["joined_source"] in row["sources"], row["id"]
        assert any(url.startswith(ALLIANCE) for url in row["sources"]), row["id"]


@pytest.mark.parametrize("kind", ["listed"])
def test_a_listed_date_comes_from_a_commit_of_the_alliance_website(later: pd.DataFrame, kind: str) -> None:
    listed = later[later["joined_kind"] == kind]
    assert len(listed) > 0
    assert all(COMMIT_URL_RE.fullmatch(url) and url.startswith(ALLIANCE) for url in listed["joined_source"])


def test_every_null_fact_of_a_later_member_is_explained(later: pd.DataFrame) -> None:
    gaps = later[later["city"].isna() | later["website"].isna() | later["lat"].isna()]
    assert gaps["notes"].notna().all()


def test_events_name_only_known_members_and_are_in_date_order(events: pd.DataFrame, members: pd.DataFrame) -> None:
    known = set(members["id"])
    assert all(set(named) <= known for named in events["members"])
    assert list(events["date"]) == sorted(events["date"])
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in events["date"])


def test_the_launch_event_names_every_founding_record(events: pd.DataFrame) -> None:
    launch = events[events["kind"] == "launch"].iloc[0]
    assert launch["date"] == "2023-12-05"
    assert list(launch["members"]) == FOUNDING_IDS


def test_each_announcement_states_a_count_and_names_its_members(events: pd.DataFrame, later: pd.DataFrame) -> None:
    announcements = events[events["kind"] == "announcement"]
    assert len(announcements) >= 1
    assert announcements["count"].notna().all() and (announcements["named"] > 0).all()
    named = {ident for ids in announcements["members"] for ident in ids}
    assert set(later.loc[later["joined_kind"] == "announced", "id"]) <= named


def test_reported_totals_have_no_roster(events: pd.DataFrame) -> None:
    totals = events[events["kind"] == "reported_total"]
    assert (totals["named"] == 0).all() and totals["count"].notna().all()
