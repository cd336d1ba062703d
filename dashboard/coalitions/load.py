"""Loading data/coalitions.yaml into validated frames; no Streamlit here."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dashboard import paths
from dashboard.coalitions.schema import CoalitionsFile, reference_problems
from dashboard.files import read_yaml
from dashboard.members.load import load_members, load_sources
from dashboard.sources import host_problems
from dashboard.validation import DataError, record_problems


@dataclass(frozen=True)
class Coalitions:
    """The file as frames.

    ``coalitions``: one row per coalition (id, name, founded, founded_source, founders as a tuple, purpose as
    {en, fr}, purpose_source). ``changes``: one row per dated change (coalition, org, change, date as given,
    source, note as {en, fr} or None). ``organisations``: one row per organisation outside our member list (id,
    name, country, sector, website, sources). ``absentees``: one row per organisation named as missing at the
    launch (org, named_by, named_on)."""

    coalitions: pd.DataFrame
    changes: pd.DataFrame
    organisations: pd.DataFrame
    absentees: pd.DataFrame


def load_coalitions(
    path: Path = paths.COALITIONS, *, member_ids: Collection[str] | None = None, sources_path: Path = paths.SOURCES
) -> Coalitions:
    """Read and check the file: the schema, every URL against the accepted hosts, every organisation ref against
    the member ids (those of data/members.yaml when not given) and the file's organisations; raise DataError
    naming every problem."""
    name, raw = paths.display(path), read_yaml(path)
    content, problems = record_problems(CoalitionsFile, raw, name, "(file)")
    problems += host_problems(raw, name, load_sources(sources_path), "(file)")
    if content is not None:
        ids = set(load_members()["id"]) if member_ids is None else set(member_ids)
        problems += reference_problems(content, ids, name)
    if problems or content is None:
        raise DataError(problems)
    coalitions = pd.DataFrame(
        [{**c.model_dump(exclude={"changes"}), "founders": tuple(c.founders)} for c in content.coalitions]
    )
    changes = pd.DataFrame(
        [{"coalition": c.id, **ch.model_dump()} for c in content.coalitions for ch in c.changes],
        columns=["coalition", "org", "change", "date", "source", "note"],
    )
    organisations = pd.DataFrame(
        [o.model_dump() for o in content.organisations],
        columns=["id", "name", "country", "sector", "website", "sources"],
    )
    absentees = pd.DataFrame([a.model_dump() for a in content.absentees], columns=["org", "named_by", "named_on"])
    return Coalitions(coalitions, changes, organisations, absentees)
