"""A list of records is validated in one call; a list with a problem is gone through record by record, so the
problems named are those of validating each record on its own, in the same order."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from dashboard import paths
from dashboard.files import read_yaml
from dashboard.members.schema import Member
from dashboard.validation import Problem, list_problems, record_label, record_problems


def _each_on_its_own(raw: list[Any], file: str) -> tuple[list[Member], list[Problem]]:
    """The record-by-record reading, as list_problems did it for every list before."""
    records, problems, seen = [], [], {}
    for position, item in enumerate(raw, start=1):
        record, found = record_problems(Member, item, file, record_label(item, position))
        problems += found
        ident = getattr(record, "id", None)
        if isinstance(ident, str) and ident in seen:
            problems.append(Problem(file, f"duplicate id; first used by record #{seen[ident]}",
                                    record_label(item, position), "id"))  # fmt: skip
        if record is not None:
            seen.setdefault(str(ident), position)
            records.append(record)
    return records, problems


@pytest.fixture(scope="module")
def raw() -> list[Any]:
    return read_yaml(paths.MEMBERS)


def _break(raw: list[Any], change: Any) -> list[Any]:
    broken = copy.deepcopy(raw)
    change(broken)
    return broken


@pytest.mark.parametrize(
    "change",
    [
        lambda r: None,
        lambda r: r[3].update(sector="nowhere"),
        lambda r: r.append(copy.deepcopy(r[0])),  # every field valid, the id twice
        lambda r: (r[1].pop("name"), r[5].update(website="ftp://x"), r.insert(2, "not a mapping")),
        lambda r: (r[0].update(id=r[1]["id"]), r[1].update(joined="2023-02-30")),
    ],
)
def test_one_call_gives_the_records_and_problems_of_validating_each_record(raw: list[Any], change: Any) -> None:
    data = _break(raw, change)
    got = list_problems(Member, data, "members.yaml", "member records")
    assert got == _each_on_its_own(data, "members.yaml")
    assert bool(got[1]) == (data != raw), "a broken list names its problems; the shipped one has none"
