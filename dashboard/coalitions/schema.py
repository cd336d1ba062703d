"""The data model of data/coalitions.yaml: coalitions, their dated changes, the organisations outside our
member list, the absentees named at the launch, and the checks across records."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from dashboard.members.schema import Sector
from dashboard.records import Country, IsoDate, LocalParagraph, LocalText, Record, Slug, Sourced, Text, Url
from dashboard.validation import Problem

ALLIANCE = "ai-alliance"  # its membership comes from data/members.yaml, so its `changes` stay empty
PARTIAL_DATE_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def check_partial_date(value: str) -> str:
    """Accept a quoted date as precise as its source: "YYYY-MM-DD", "YYYY-MM" or "YYYY"."""
    if not PARTIAL_DATE_RE.fullmatch(value):
        raise ValueError(f'expected "YYYY-MM-DD", "YYYY-MM" or "YYYY", got {value!r}')
    year, month, day = (value.split("-") + ["01", "01"])[:3]
    try:
        dt.date(int(year), int(month), int(day))
    except ValueError:
        raise ValueError(f"expected a real calendar date, got {value!r}") from None
    return value


PartialDate = Annotated[str, AfterValidator(check_partial_date)]


class Change(Sourced):
    """One dated change in a coalition's membership; a date known only to the month or year says why."""

    org: Slug
    change: Literal["joined", "left"]
    date: PartialDate
    note: LocalText | None = None

    @model_validator(mode="after")
    def _partial_date_needs_a_note(self) -> Change:
        if len(self.date) < 10 and self.note is None:
            raise ValueError(f"date {self.date!r} is known only to the month or year: say why in a note {{en, fr}}")
        return self


class Coalition(Record):
    """One coalition: founding date and founders, its purpose, and its dated changes, each with a source."""

    id: Slug
    name: Text
    founded: IsoDate
    founded_source: Url
    founders: Annotated[list[Slug], Field(min_length=1)]
    purpose: LocalParagraph
    purpose_source: Url
    changes: list[Change] = Field(default_factory=list)


class Organisation(Record):
    """An organisation a coalition names that is not in our member list: its country, sector and sources."""

    id: Slug
    name: Text
    country: Country
    sector: Sector
    website: Url
    sources: Annotated[list[Url], Field(min_length=1)]


class Absentee(Record):
    """An organisation that launch coverage named as missing from the AI Alliance, with that article."""

    org: Slug
    named_by: Url
    named_on: IsoDate


class CoalitionsFile(Record):
    """The whole file."""

    coalitions: Annotated[list[Coalition], Field(min_length=2)]
    organisations: list[Organisation] = Field(default_factory=list)
    absentees: list[Absentee] = Field(default_factory=list)


def reference_problems(content: CoalitionsFile, member_ids: Collection[str], file: str) -> list[Problem]:
    """Every organisation ref resolves to a member id or to one of the file's organisations (never both);
    ids are unique; the AI Alliance is there with no changes of its own; a change is not before the founding."""
    own = [o.id for o in content.organisations]
    known = set(member_ids) | set(own)
    problems = [
        Problem(file, "organisation listed twice", f"'{o}'", "id") for o in sorted({o for o in own if own.count(o) > 1})
    ]
    problems += [
        Problem(file, "is a member id: use data/members.yaml for it and drop it here", f"'{o}'", "id")
        for o in own
        if o in member_ids
    ]
    ids = [c.id for c in content.coalitions]
    problems += [
        Problem(file, "coalition listed twice", f"'{c}'", "id") for c in sorted({c for c in ids if ids.count(c) > 1})
    ]
    if ALLIANCE not in ids:
        problems.append(Problem(file, f"expected the coalition {ALLIANCE!r}", None, "coalitions"))
    for c in content.coalitions:
        refs = [("founders", f) for f in c.founders] + [(f"changes.{i}.org", ch.org) for i, ch in enumerate(c.changes)]
        problems += [
            Problem(file, f"unknown organisation {ref!r}: not a member id nor in organisations", f"'{c.id}'", where)
            for where, ref in refs
            if ref not in known
        ]
        if c.id == ALLIANCE and c.changes:
            why = "the AI Alliance's membership comes from data/members.yaml: leave changes empty"
            problems.append(Problem(file, why, f"'{c.id}'", "changes"))
        problems += [
            Problem(
                file, f"change dated {ch.date} is before the founding ({c.founded})", f"'{c.id}'", f"changes.{i}.date"
            )
            for i, ch in enumerate(c.changes)
            if ch.date < c.founded[: len(ch.date)]
        ]
    problems += [
        Problem(file, f"unknown organisation {a.org!r}: not a member id nor in organisations", f"#{i}", "org")
        for i, a in enumerate(content.absentees, start=1)
        if a.org not in known
    ]
    return problems
