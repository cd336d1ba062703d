"""The data model of membership over time: dated events (data/events.yaml) and their cross-checks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Literal

from pydantic import Field, model_validator

from dashboard.members.schema import Member
from dashboard.records import IsoDate, LocalText, Slug, Sourced, Text
from dashboard.validation import Problem

# ---------------------------------------------------------------- membership over time (data/events.yaml)

MILESTONE_KINDS: tuple[str, ...] = ("launch", "announcement", "working_group", "member_change", "reported_total")
MilestoneKind = Literal["launch", "announcement", "working_group", "member_change", "reported_total"]


class Milestone(Sourced):
    """One dated event in the Alliance's membership: the launch, an announcement of new members, a working
    group launched, a change among members, or a later total reported with no public roster behind it."""

    id: Slug
    date: IsoDate
    kind: MilestoneKind
    title: LocalText
    members: list[Slug] = Field(default_factory=list)  # the member ids the event names
    count: Annotated[int, Field(ge=1)] | None = None  # the number it states (a lower bound where worded so)
    count_wording: Text | None = None  # the words that state it, quoted
    notes: Annotated[str, Field(max_length=2000)] | None = None

    @model_validator(mode="after")
    def _what_each_kind_needs(self) -> Milestone:
        if self.kind in ("announcement", "reported_total") and (self.count is None or self.count_wording is None):
            raise ValueError(f"a {self.kind} event states a number: give count and count_wording")
        if self.kind in ("announcement", "member_change") and not self.members:
            raise ValueError(f"a {self.kind} event names members: give their ids in members")
        if self.kind == "reported_total" and self.members:
            raise ValueError("a reported total has no roster behind it: leave members empty")
        return self


def milestone_problems(events: Sequence[Milestone], members: Sequence[Member], file: str) -> list[Problem]:
    """Events name known members; one launch; an announced member is named by an announcement of its date."""
    by_id = {m.id: m for m in members}
    problems = [
        Problem(file, f"unknown member id {ident!r}", f"'{e.id}' (#{i})", "members")
        for i, e in enumerate(events, start=1)
        for ident in e.members
        if ident not in by_id
    ]
    if sum(e.kind == "launch" for e in events) != 1:
        problems.append(Problem(file, "expected exactly one event of kind 'launch'"))
    named = {(ident, e.date, e.source) for e in events if e.kind == "announcement" for ident in e.members}
    problems += [
        Problem(
            file,
            f"member {m.id!r} is dated by an announcement ({m.joined}, {m.joined_source}) that no "
            "announcement event of that date and source names",
            f"'{m.id}'",
            "members",
        )  # fmt: skip
        for m in members
        if m.joined_kind == "announced" and (m.id, m.joined, m.joined_source) not in named
    ]
    return problems
