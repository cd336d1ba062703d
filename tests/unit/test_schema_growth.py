"""The join-date fields and the events file: good records load, each kind of mistake is named by file, record, field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from dashboard.growth.load import load_events
from dashboard.members.load import load_members
from dashboard.validation import DataError
from tests.factories import member, university, write_yaml

ANNOUNCEMENT = "https://github.com/The-AI-Alliance/website/blob/06307d7/src/page-content/news/blogPost2.tsx"
COMMIT = "https://github.com/The-AI-Alliance/website/commit/2ffeda3b8d0ddb8c4f3c7c7fb2a84357407eb44b"


def later(**overrides: Any) -> dict[str, Any]:
    """A valid later member: announced on 8 February 2024."""
    fields: dict[str, Any] = {"joined": "2024-02-08", "joined_kind": "announced", "joined_source": ANNOUNCEMENT}
    return university(**{**fields, **overrides})


def event(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "news", "date": "2024-02-08", "kind": "announcement",
        "title": {"en": "New members", "fr": "Nouveaux membres"}, "members": ["eth-zurich"], "count": 1,
        "count_wording": "one new member", "source": ANNOUNCEMENT,
    }  # fmt: skip
    return {**base, **overrides}


LAUNCH = {
    "id": "launch",
    "date": "2023-12-05",
    "kind": "launch",
    "title": {"en": "Launch", "fr": "Lancement"},
    "source": "https://newsroom.ibm.com/launch",
}


def test_a_founding_record_needs_no_new_field_and_a_later_one_loads(tmp_path: Path) -> None:
    frame = load_members(write_yaml(tmp_path / "m.yaml", [member(), later()]))
    assert list(frame["joined_kind"]) == ["founding", "announced"]
    assert pd.isna(frame.loc[0, "joined_source"]) and frame.loc[1, "joined_source"] == ANNOUNCEMENT


@pytest.mark.parametrize(
    ("record", "field", "message"),
    [
        (later(joined_source=None), "joined_source", "required for a member whose joined_kind is 'announced'"),
        (later(joined_kind="listed", joined_source=ANNOUNCEMENT), "joined_source", "commit that added the member"),
        (later(joined="2023-12-05"), "joined", "must have joined after the launch"),
        (later(joined_kind="signed"), "joined_kind", "expected 'founding', 'announced' or 'listed'"),
        (later(joined="8 Feb 2024"), "joined", "ISO 8601"),
        (later(website=None), "notes", "why website is null"),
    ],
)
def test_bad_join_fields_are_named(tmp_path: Path, record: dict[str, Any], field: str, message: str) -> None:
    with pytest.raises(DataError) as caught:
        load_members(write_yaml(tmp_path / "m.yaml", [member(), record]))
    lines = [str(p) for p in caught.value.problems]
    assert any(f"field '{field}'" in line and message in line for line in lines), lines


def test_a_listed_record_with_its_commit_loads(tmp_path: Path) -> None:
    frame = load_members(write_yaml(tmp_path / "m.yaml", [member(), later(joined_kind="listed", joined_source=COMMIT)]))
    assert frame.loc[1, "joined_kind"] == "listed"


def _events(tmp_path: Path, records: list[dict[str, Any]]) -> Any:
    members = write_yaml(tmp_path / "m.yaml", [member(), later()])
    return load_events(write_yaml(tmp_path / "e.yaml", records), members_path=members)


def test_events_load_in_date_order_with_the_number_named(tmp_path: Path) -> None:
    frame = _events(tmp_path, [event(), LAUNCH])
    assert list(frame["id"]) == ["launch", "news"]
    assert list(frame["named"]) == [0, 1] and frame.loc[1, "count"] == 1


@pytest.mark.parametrize(
    ("records", "field", "message"),
    [
        ([LAUNCH, event(members=["eth-zurich", "nobody"])], "members", "unknown member id 'nobody'"),
        ([LAUNCH, event(count=None)], "(record)", "give count and count_wording"),
        ([LAUNCH, event(members=[])], "(record)", "give their ids in members"),
        ([LAUNCH, event(), event(id="t", kind="reported_total")], "(record)", "leave members empty"),
        ([LAUNCH, event(date="2024-02-30")], "date", "real calendar date"),
        ([LAUNCH, event(source="example.org")], "source", "absolute http(s) URL"),
        ([LAUNCH, event(source="https://wikimili.com/wiki/AI_Alliance")], "source", "not on the accepted list"),
        ([event()], None, "exactly one event of kind 'launch'"),
        ([LAUNCH, event(date="2024-02-09")], "members", "no announcement event of that date and source names"),
    ],
)
def test_bad_events_are_named(tmp_path: Path, records: list[dict[str, Any]], field: str | None, message: str) -> None:
    with pytest.raises(DataError) as caught:
        _events(tmp_path, records)
    problems = caught.value.problems
    assert any(p.field == field and message in p.message for p in problems), [str(p) for p in problems]
