"""Loading the two imported indexes and the member mapping into validated frames; no Streamlit here."""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd
from pydantic import BaseModel

from dashboard import paths
from dashboard.files import mapping_of, read_yaml
from dashboard.indexes.schema import (
    FmtiMeta,
    FmtiScore,
    IndexDeveloper,
    OpennessGrade,
    OpennessMeta,
    edition_problems,
    mapping_problems,
    total_problems,
)
from dashboard.members.load import load_members, load_sources
from dashboard.records import LocalText
from dashboard.sources import host_problems
from dashboard.validation import DataError, Problem, list_problems, record_problems

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Indexes:
    """Both indexes with their provenance, and which of their developers are members.

    ``fmti``: one row per edition, developer and indicator (score 0 or 1). ``openness``: one row per
    model and dimension (grade open/partial/closed, link). ``developers``: one row per mapped name:
    index, name, members (a tuple of member ids), source."""

    fmti: pd.DataFrame
    fmti_meta: FmtiMeta
    openness: pd.DataFrame
    openness_meta: OpennessMeta
    developers: pd.DataFrame
    terms: Mapping[str, LocalText] = field(default_factory=dict)  # FMTI domain/subdomain name -> every language


def _cell(value: str) -> Any:
    """A CSV cell as the schema expects it: empty is null, a bare 0 or 1 is a number."""
    if value == "":
        return None
    return int(value) if value in ("0", "1") else value


def read_table(model: type[M], path: Path, *, numeric: tuple[str, ...] = ()) -> tuple[list[M], list[Problem]]:
    """Every row of a CSV file validated against ``model``; rows are named by their line number."""
    name = paths.display(path)
    try:
        with Path(path).open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
    except FileNotFoundError:
        raise DataError([Problem(name, "file not found")]) from None
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise DataError([Problem(name, f"cannot be read as CSV ({exc})")]) from None
    records: list[M] = []
    problems: list[Problem] = []
    for position, row in enumerate(rows, start=2):  # line 1 is the header
        raw = {k: (_cell(v) if k in numeric else (v or None)) for k, v in row.items()}
        record, found = record_problems(model, raw, name, f"line {position}")
        problems += found
        if record is not None:
            records.append(record)
    if not rows:
        problems.append(Problem(name, "no rows"))
    return records, problems


def _meta(model: type[M], path: Path) -> tuple[M | None, list[Problem]]:
    return record_problems(model, read_yaml(path), paths.display(path), "(metadata)")


def _frame(records: list[M]) -> pd.DataFrame:
    return pd.DataFrame([r.model_dump() for r in records])


def load_indexes(
    *,
    fmti_scores: Path = paths.FMTI_SCORES,
    fmti_meta: Path = paths.FMTI_META,
    openness: Path = paths.OPENNESS_GRADES,
    openness_meta: Path = paths.OPENNESS_META,
    developers: Path = paths.INDEX_DEVELOPERS,
    member_ids: set[str] | None = None,
    sources_path: Path = paths.SOURCES,
    terms_path: Path = paths.FMTI_TERMS,
) -> Indexes:
    """Read and check everything; raise DataError with every problem found in any of the five files.

    The mapping's sources are ours, so they must be on the accepted list; the imported tables' links are the
    indexes' own evidence and their metadata names the repository read, so those are checked as URLs only."""
    scores, problems = read_table(FmtiScore, fmti_scores, numeric=("score",))
    grades, found = read_table(OpennessGrade, openness)
    problems += found
    fmeta, found = _meta(FmtiMeta, fmti_meta)
    problems += found
    ometa, found = _meta(OpennessMeta, openness_meta)
    problems += found
    raw = read_yaml(developers)
    mapped, found = list_problems(IndexDeveloper, raw, paths.display(developers), "developers")
    problems += found + host_problems(raw, paths.display(developers), load_sources(sources_path))
    fmti, grid = _frame(scores), _frame(grades)
    if fmeta is not None and not fmti.empty:
        problems += edition_problems(fmti, fmeta, paths.display(fmti_scores), paths.display(fmti_meta))
        problems += total_problems(fmti, fmeta, paths.display(fmti_scores))
    if not fmti.empty and not grid.empty:
        names = {"fmti": set(fmti["developer"]), "openness": set(grid["organisation"])}
        known = member_ids if member_ids is not None else set(load_members()["id"])
        problems += mapping_problems(mapped, names, known, paths.display(developers))
    terms, found = _terms(terms_path, fmti)
    problems += found
    if problems or fmeta is None or ometa is None:
        raise DataError(problems)
    table = pd.DataFrame([{**d.model_dump(), "members": tuple(d.members)} for d in mapped])
    return Indexes(fmti, fmeta, grid, ometa, table, terms)


def _terms(path: Path, fmti: pd.DataFrame) -> tuple[dict[str, LocalText], list[Problem]]:
    """Our translations of the FMTI's domain and subdomain names; every name the table uses must have one."""
    problems: list[Problem] = []
    try:
        terms = {str(k): LocalText(**v) for k, v in mapping_of(LocalText, path, "FMTI names to {en, fr}").items()}
    except DataError as exc:
        problems, raw = list(exc.problems), read_yaml(path)
        terms = {str(k): LocalText(en=str(k), fr=str(k)) for k in raw} if isinstance(raw, dict) else {}
    used = set(fmti["domain"]) | set(fmti["subdomain"]) if not fmti.empty else set()
    name = paths.display(path)
    missing = sorted(used - set(terms))
    return terms, problems + [Problem(name, f"no translation of {u!r}: add it to this file", f"'{u}'") for u in missing]
