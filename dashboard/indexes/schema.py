"""The data model of the two imported indexes and of the mapping from their developers to members.

The tables (data/fmti_scores.csv, data/openness_index.csv) are written by scripts under scripts/; these
models check every row and the metadata beside them with the same machinery as the hand-kept files, so
a bad re-import is reported file:record:field before the app shows anything."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Literal

import pandas as pd
from pydantic import Field

from dashboard.records import Grade, Record, Slug, Text, Url
from dashboard.validation import Problem

EDITIONS: tuple[str, ...] = ("2025-12", "2024-05", "2023-10")  # Transparency Index editions, latest (default) first

Edition = Literal["2023-10", "2024-05", "2025-12"]
Domain = Literal["Upstream", "Model", "Downstream"]
# The openness index's fourteen dimensions, in its order (availability, documentation, access).
INDEX_DIMENSIONS: tuple[str, ...] = (
    "opencode", "llmdata", "llmweights", "rldata", "rlweights", "license", "code", "architecture",
    "preprint", "paper", "modelcard", "datasheet", "package", "api",
)  # fmt: skip
Dimension = Literal[
    "opencode", "llmdata", "llmweights", "rldata", "rlweights", "license", "code", "architecture",
    "preprint", "paper", "modelcard", "datasheet", "package", "api",
]  # fmt: skip
Sha = Annotated[str, Field(pattern=r"^[0-9a-f]{40}$")]
Name = Annotated[str, Field(min_length=1, max_length=300)]


class FmtiScore(Record):
    """One indicator of one developer in one edition: 1 when the developer discloses it."""

    edition: Edition
    developer: Name
    flagship_model: Name | None
    indicator: Name
    domain: Domain
    subdomain: Name
    score: Literal[0, 1]


class FmtiEdition(Record):
    """An edition: when it was published (year-month) and the folder of the repository it comes from."""

    id: Edition
    date: Annotated[str, Field(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")]
    source: Url
    indicators: Annotated[int, Field(ge=1)]
    published_totals: dict[str, Annotated[int, Field(ge=0)]] | None


class Provenance(Record):
    """Where an imported table comes from."""

    name: Text
    source_repository: Url
    commit: Sha | None
    commit_date: Text | None
    licence: Text
    licence_url: Url
    citation: Annotated[str, Field(min_length=1, max_length=1000)]


class FmtiMeta(Provenance):
    flagship_models_note: Text | None = None
    editions: Annotated[list[FmtiEdition], Field(min_length=1)]


class OpennessGrade(Record):
    """One dimension of one model in the openness index: its grade and the page it rests on."""

    model: Name
    organisation: Name
    base_model: Name | None
    dimension: Dimension
    grade: Grade
    link: Url | None


class OpennessMeta(Provenance):
    website: Url
    models: Annotated[int, Field(ge=1)]
    dimensions: list[Dimension]
    skipped_files: list[str]


class IndexDeveloper(Record):
    """A developer or organisation graded by an index that is (or includes) an Alliance member."""

    index: Literal["fmti", "openness"]
    name: Name
    members: Annotated[list[Slug], Field(min_length=1)]
    source: Url
    note: Text | None = None


def edition_problems(scores: pd.DataFrame, meta: FmtiMeta, file: str, meta_file: str) -> list[Problem]:
    """Every edition is described once, with its date and source; the app's editions are the data's."""
    described = [e.id for e in meta.editions]
    problems = [Problem(meta_file, "edition described twice", f"'{e}'", "editions") for e in set(described)
                if described.count(e) > 1]  # fmt: skip
    problems += [Problem(file, "edition has no date and source in the metadata", f"edition '{e}'", "edition")
                 for e in sorted(set(scores["edition"]) - set(described))]  # fmt: skip
    if set(described) != set(EDITIONS):
        problems.append(Problem(meta_file, f"expected the editions {', '.join(sorted(EDITIONS))}", None, "editions"))
    return problems


def total_problems(scores: pd.DataFrame, meta: FmtiMeta, file: str) -> list[Problem]:
    """Totals computed from the indicator rows equal the totals the index publishes, where it does."""
    computed = scores.groupby(["edition", "developer"])["score"].sum()
    problems: list[Problem] = []
    for edition in meta.editions:
        for developer, published in (edition.published_totals or {}).items():
            total = computed.get((edition.id, developer))
            if total != published:
                problems.append(Problem(file, f"rows add up to {total}, the index publishes {published}",
                                        f"'{edition.id}' '{developer}'", "score"))  # fmt: skip
    return problems


def mapping_problems(
    developers: list[IndexDeveloper], names: Mapping[str, set[str]], member_ids: set[str], file: str
) -> list[Problem]:
    """Mapped member ids exist; mapped names are spelt as the index spells them; no name is mapped twice."""
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for position, d in enumerate(developers, start=1):
        record = f"'{d.name}' (#{position})"
        problems += [Problem(file, f"unknown member id {m!r}", record, "members") for m in d.members
                     if m not in member_ids]  # fmt: skip
        if d.name not in names[d.index]:
            problems.append(Problem(file, f"no developer of that name in the {d.index} data", record, "name"))
        if (d.index, d.name) in seen:
            problems.append(Problem(file, "name mapped twice", record, "name"))
        seen.add((d.index, d.name))
    return problems
