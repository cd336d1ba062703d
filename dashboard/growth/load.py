"""Loading the dated membership events into a frame; no Streamlit here."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from dashboard import paths, snapshot
from dashboard.files import read_yaml
from dashboard.growth.schema import Milestone, milestone_problems
from dashboard.members.load import load_member_records, load_sources, reference_tables, validate_members
from dashboard.members.schema import Member
from dashboard.sources import host_problems
from dashboard.validation import DataError, list_problems

EVENT_COLUMNS: tuple[str, ...] = (
    "id", "date", "kind", "title", "members", "named", "count", "count_wording", "source", "notes",
)  # fmt: skip


def load_checked_events(
    path: Path = paths.EVENTS,
    *,
    members_path: Path = paths.MEMBERS,
    categories_path: Path = paths.CATEGORIES,
    regions_path: Path = paths.REGIONS,
    sources_path: Path = paths.SOURCES,
) -> pd.DataFrame:
    """``load_events`` checked against the validated member records, from a snapshot when none of the files has
    changed (dashboard/snapshot.py): a restart then needs neither the event file nor the member records."""
    files = (path, members_path, categories_path, regions_path, sources_path, paths.WORLD_TOPOLOGY, paths.USA_TOPOLOGY)

    def build() -> pd.DataFrame:
        records = load_member_records(members_path, categories_path=categories_path, regions_path=regions_path,
                                      sources_path=sources_path)  # fmt: skip
        return load_events(path, members=records, sources_path=sources_path)

    return snapshot.cached("events", files, build)


def load_events(
    path: Path = paths.EVENTS,
    *,
    members: Sequence[Member] | None = None,
    members_path: Path = paths.MEMBERS,
    sources_path: Path = paths.SOURCES,
) -> pd.DataFrame:
    """The dated membership events, one row each in date order; ``named`` is how many members it names.

    The members they name are checked against ``members``, already validated by the caller (else the member
    file is read and validated here), and every source URL against the accepted hosts."""
    name, hosts = paths.display(path), load_sources(sources_path)
    if members is None:
        members = validate_members(read_yaml(members_path), paths.display(members_path), *reference_tables(), hosts)
    raw = read_yaml(path)
    events, problems = list_problems(Milestone, raw, name, "events")
    problems += host_problems(raw, name, hosts) + milestone_problems(events, members, name)
    if problems:
        raise DataError(problems)
    frame = pd.DataFrame([e.model_dump() for e in events], columns=list(EVENT_COLUMNS))
    frame["titles"] = frame["title"]  # every language; ``title`` is the English, see localise_events
    frame["title"] = frame["titles"].map(lambda t: t["en"])
    frame["members"] = frame["members"].map(tuple)
    frame["named"] = frame["members"].map(len)
    frame["count"] = frame["count"].astype("Int64")
    return frame.sort_values(["date", "id"], kind="stable").reset_index(drop=True)


def localise_events(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The same events with ``title`` in ``lang``."""
    return frame if lang == "en" else frame.assign(title=frame["titles"].map(lambda t: t[lang]))
