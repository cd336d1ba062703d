"""The models domain's data model: the Initiatives page's content and our own grades of models."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Annotated, Literal

from pydantic import Field, field_validator

from dashboard.records import Grade, IsoDate, LocalParagraph, LocalText, Record, Slug, Sourced, Text, Url
from dashboard.validation import Problem, check_iso_date

# ---------------------------------------------------------------- initiatives (data/initiatives.yaml, models.yaml)

GRADIENT: tuple[str, ...] = ("fully_closed", "gradual_staged", "hosted", "api", "downloadable", "fully_open")
Gradient = Literal["fully_closed", "gradual_staged", "hosted", "api", "downloadable", "fully_open"]
DIMENSIONS: tuple[str, ...] = (
    "weights", "training_data", "training_code", "licence", "commercial_use", "derivatives", "documentation", "access",
)  # fmt: skip
AccessMode = Literal["download", "api", "hosted_app"]


class Judgement(Sourced):
    """How open one dimension of a model's release was, why, and where that is documented."""

    value: Grade
    note: LocalText


class Dimensions(Record):
    weights: Judgement
    training_data: Judgement
    training_code: Judgement
    licence: Judgement
    commercial_use: Judgement
    derivatives: Judgement
    documentation: Judgement
    access: Judgement


class Model(Record):
    """One large language model as released by December 2023."""

    id: Slug
    name: Text
    developer: Text
    developer_member_id: Slug | None
    release_date: IsoDate
    release_source: Url
    gradient: Gradient
    gradient_note: LocalText
    gradient_source: Url
    dimensions: Dimensions
    licence_name: LocalText
    access_modes: Annotated[list[AccessMode], Field(min_length=1)]
    notes: LocalParagraph | None  # null, never empty


class FocusArea(Sourced):
    """One of the six objectives in the launch press release, summarised, with documented members."""

    id: Slug
    title: LocalText
    summary: LocalParagraph
    members: list[Slug]
    evidence: dict[str, Text] = Field(default_factory=dict)


class Event(Sourced):
    """A dated event; the date may be a year, a month or a day (quoted)."""

    date: str
    event: LocalParagraph

    @field_validator("date")
    @classmethod
    def _partial_date(cls, value: str) -> str:
        if re.fullmatch(r"\d{4}", value) or re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", value):
            return value
        return check_iso_date(value)


class Point(Sourced):
    point: LocalParagraph


class GradientLevel(Sourced):
    id: Gradient
    label: LocalText
    description: LocalText


class Initiatives(Record):
    """Everything on the Initiatives page that is not a model: sourced, validated like the members."""

    focus_areas: Annotated[list[FocusArea], Field(min_length=1)]
    gradient: Annotated[list[GradientLevel], Field(min_length=len(GRADIENT), max_length=len(GRADIENT))]
    arguments_open: Annotated[list[Point], Field(min_length=1)]
    arguments_closed: Annotated[list[Point], Field(min_length=1)]
    membership_quote: Text
    membership_source: Url
    analogy: Annotated[list[Point], Field(min_length=1)]
    timeline: Annotated[list[Event], Field(min_length=1)]
    outcome: Annotated[list[Point], Field(min_length=1)]


def reference_problems(
    initiatives: Initiatives, models: Sequence[Model], member_ids: set[str], file: str, models_file: str
) -> list[Problem]:
    """Member ids named by focus areas and models must exist; the gradient must list every level once, in order."""
    page = "(page content)"
    problems = [
        Problem(file, f"unknown member id {ident!r}", page, f"focus_areas.{i}.members")
        for i, area in enumerate(initiatives.focus_areas)
        for ident in [*area.members, *area.evidence]
        if ident not in member_ids
    ]
    problems += [
        Problem(models_file, f"unknown member id {m.developer_member_id!r}", f"'{m.id}' (#{i})", "developer_member_id")
        for i, m in enumerate(models, start=1)
        if m.developer_member_id is not None and m.developer_member_id not in member_ids
    ]
    if tuple(level.id for level in initiatives.gradient) != GRADIENT:
        problems.append(Problem(file, f"expected the levels in this order: {', '.join(GRADIENT)}", page, "gradient"))
    return problems
