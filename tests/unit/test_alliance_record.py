"""Our members held against the Alliance's own record: the shipped files agree, and a planted difference fails."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dashboard import paths
from dashboard.members.load import load_alliance, load_member_records
from dashboard.members.record import AllianceRecord, coverage, load_alliance_record, record_check_problems
from dashboard.members.schema import Disagreement, Headquarters, Member
from dashboard.records import LocalParagraph
from dashboard.validation import DataError

FILE = "data/members.yaml"


@pytest.fixture(scope="module")
def members() -> list[Member]:
    return load_member_records()


@pytest.fixture(scope="module")
def record() -> AllianceRecord:
    return load_alliance_record()


def _replace(members: list[Member], ident: str, **changes: object) -> list[Member]:
    return [m.model_copy(update=changes) if m.id == ident else m for m in members]


def test_the_shipped_members_agree_with_the_alliance_record(members: list[Member], record: AllianceRecord) -> None:
    assert record_check_problems(members, record, FILE) == []


def test_every_founder_the_launch_map_places_has_that_country(members: list[Member], record: AllianceRecord) -> None:
    launch = record.site.map("launch")
    assert launch is not None and launch.date == record.site.launch
    by_id = {m.id: m for m in members}
    for placement in launch.placements:
        member = by_id[record.names[placement.name]]
        assert member.hq.country == placement.country, (member.id, placement.place)


def test_nearly_every_later_member_is_placed_and_linked(members: list[Member], record: AllianceRecord) -> None:
    found = coverage(members, record)
    assert found.founders_placed == found.founders_on_map
    assert found.later == 29 and found.later_placed >= 27 and found.later_with_website >= 27


def test_a_country_that_differs_from_the_map_fails_until_its_reason_is_recorded(
    members: list[Member], record: AllianceRecord
) -> None:
    moved = Headquarters(city=None, country="CAN", lat=None, lon=None, precision="country")
    changed = _replace(members, "aitomatic", hq=moved)
    problems = record_check_problems(changed, record, FILE)
    assert [(p.record, p.field) for p in problems] == [("'aitomatic' (#2)", "hq.country")]
    assert "U.S. - California" in problems[0].message and "disagreements" in problems[0].message
    reason = Disagreement(
        field="hq.country", alliance="U.S. - California", source="https://www.aitomatic.com",
        reason=LocalParagraph(en="It moved.", fr="Elle a déménagé."),
    )  # fmt: skip
    kept = _replace(changed, "aitomatic", disagreements=[reason])
    assert record_check_problems(kept, record, FILE) == []
    stale = _replace(members, "aitomatic", disagreements=[reason])
    assert [p.field for p in record_check_problems(stale, record, FILE)] == ["disagreements (hq.country)"]


def test_a_region_that_differs_from_the_map_fails(members: list[Member], record: AllianceRecord) -> None:
    texas = Headquarters(city=None, region="Texas", country="USA", lat=None, lon=None, precision="region")
    problems = record_check_problems(_replace(members, "langchain", hq=texas), record, FILE)
    assert [p.field for p in problems] == ["hq.region"]


def test_a_listed_date_must_be_the_logo_s_first_commit(members: list[Member], record: AllianceRecord) -> None:
    problems = record_check_problems(_replace(members, "uber", joined="2024-01-19"), record, FILE)
    assert [p.field for p in problems] == ["joined"] and "2024-01-18" in problems[0].message


def test_an_announced_member_must_be_named_by_its_announcement(members: list[Member], record: AllianceRecord) -> None:
    source = next(m.joined_source for m in members if m.id == "anaconda")
    changed = _replace(members, "sci-institute-utah", joined_kind="announced", joined_source=source)
    problems = record_check_problems(changed, record, FILE)
    assert [p.field for p in problems] == ["joined"] and "not named by" in problems[0].message


def test_a_name_in_the_record_that_maps_to_no_member_is_named(tmp_path: Path) -> None:
    names = yaml.safe_load(paths.ALLIANCE_NAMES.read_text(encoding="utf-8"))
    del names["names"]["Slowflake"]
    copy = tmp_path / "alliance_names.yaml"
    copy.write_text(yaml.safe_dump(names, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError, match="names 'Slowflake': add it"):
        load_alliance_record(paths.ALLIANCE_SITE, copy)


def test_the_launch_facts_cite_the_imported_launch_map(record: AllianceRecord) -> None:
    launch = record.site.map("launch")
    assert launch is not None and load_alliance().launch_map_url == launch.url
