"""The Transparency Index's evidence: every developer report's rows, validated, with the import's provenance.

Written by scripts/import_fmti.py into data/fmti_evidence.csv and data/fmti_evidence.yaml. The text columns are
the index's own free text, kept as written: whoever shows them must show them as text. No Streamlit here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

import pandas as pd
from pydantic import Field

from dashboard import paths
from dashboard.files import read_yaml
from dashboard.indexes.load import read_table
from dashboard.indexes.schema import Domain, Name, Provenance
from dashboard.records import Record, Slug, Url
from dashboard.validation import DataError, Problem, record_problems

ReportEdition = Literal["2024-05", "2025-12"]  # the editions published with developer reports in CSV
Free = Annotated[str, Field(min_length=1, max_length=20000)]  # the index's free text, as written
TEXTS: tuple[str, ...] = ("definition", "notes", "disclosure", "justification", "references")


class EvidenceRow(Record):
    """One indicator of one developer's report in one edition: the indicator's definition, what the developer
    disclosed, why the index scored it so, the references, and the score (1 when disclosed)."""

    edition: ReportEdition
    developer: Name
    developer_slug: Slug
    indicator: Name
    indicator_slug: Slug
    domain: Domain
    subdomain: Name
    definition: Free
    notes: Free | None
    disclosure: Free | None
    justification: Free | None
    references: Free | None
    new_disclosure: Literal["Yes", "No"] | None
    score: Literal[0, 1]


class EvidenceDeveloper(Record):
    name: Name
    slug: Slug


class EvidenceEdition(Record):
    """An edition as imported: its developers (name and URL slug) and the files the rows come from."""

    id: Literal["2023-10", "2024-05", "2025-12"]
    source: Url
    indicator_file: Url | None = None
    developers: Annotated[list[EvidenceDeveloper], Field(min_length=1)]
    reports: dict[str, Url] | None
    scoring_pdfs: dict[str, Url] | None = None
    developers_without_report: list[str] = []
    indicators_missing_from_reports: dict[str, list[str]] = {}
    indicator_names_in_reports: dict[str, str] = {}


class EvidenceMeta(Provenance):
    table: Name
    rows: dict[ReportEdition, Annotated[int, Field(ge=1)]]
    text_note: Free
    editions: Annotated[list[EvidenceEdition], Field(min_length=1)]


@dataclass(frozen=True)
class Evidence:
    """``rows``: one row per edition, developer and indicator (the EvidenceRow fields; empty text is ''),
    in the file's order. ``meta``: provenance, developers per edition, report and 2023 PDF links."""

    rows: pd.DataFrame
    meta: EvidenceMeta

    def developers(self) -> dict[str, str]:
        """Every developer slug of every edition -> its name (the latest edition's spelling)."""
        return {d.slug: d.name for e in sorted(self.meta.editions, key=lambda e: e.id) for d in e.developers}

    def edition(self, edition: str) -> EvidenceEdition:
        return next(e for e in self.meta.editions if e.id == edition)


def evidence_files() -> tuple[Path, Path]:
    """The table and its metadata (read at call time, so a test or a server can move the data folder)."""
    return paths.DATA_DIR / "fmti_evidence.csv", paths.DATA_DIR / "fmti_evidence.yaml"


def load_evidence(table: Path | None = None, meta_path: Path | None = None) -> Evidence:
    """Read and check the evidence table and its metadata; raise DataError with every problem found."""
    default_table, default_meta = evidence_files()
    table, meta_path = table or default_table, meta_path or default_meta
    records, problems = read_table(EvidenceRow, table, numeric=("score",))
    meta_name = paths.display(meta_path)
    meta, found = record_problems(EvidenceMeta, read_yaml(meta_path), meta_name, "(metadata)")
    problems += found
    rows = pd.DataFrame([r.model_dump() for r in records])
    if not rows.empty:
        rows[list(TEXTS)] = rows[list(TEXTS)].fillna("")
        problems += _row_problems(rows, paths.display(table))
    if meta is not None and not rows.empty:
        problems += _meta_problems(rows, meta, meta_name)
    if problems or meta is None:
        raise DataError(problems)
    return Evidence(rows, meta)


def _row_problems(rows: pd.DataFrame, file: str) -> list[Problem]:
    keys = ["edition", "developer_slug", "indicator_slug"]
    twice = rows[rows.duplicated(keys)]
    return [Problem(file, "indicator reported twice", f"'{e}' '{d}' '{i}'", "indicator_slug")
            for e, d, i in twice[keys].itertuples(index=False)]  # fmt: skip


def _meta_problems(rows: pd.DataFrame, meta: EvidenceMeta, file: str) -> list[Problem]:
    """The metadata's row counts and developer slugs are the table's."""
    problems = []
    counts = rows["edition"].value_counts()
    for edition, expected in meta.rows.items():
        if counts.get(edition, 0) != expected:
            problems.append(Problem(file, f"{expected} rows announced, the table has {counts.get(edition, 0)}",
                                    f"'{edition}'", "rows"))  # fmt: skip
    described = {(e.id, d.slug, d.name) for e in meta.editions for d in e.developers}
    used = set(rows[["edition", "developer_slug", "developer"]].itertuples(index=False, name=None))
    problems += [Problem(file, "developer of the table not described", f"'{e}' '{s}' ({n})", "developers")
                 for e, s, n in sorted(used - described)]  # fmt: skip
    return problems
