"""The command line: ``python -m dashboard validate [PATH]``; no Streamlit here."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from dashboard import paths
from dashboard.files import read_yaml
from dashboard.growth.load import load_events
from dashboard.indexes.load import load_indexes
from dashboard.members import filters
from dashboard.members.filters import is_founding
from dashboard.members.load import load_alliance, load_member_records, load_members
from dashboard.members.record import coverage, load_alliance_record, record_check_problems
from dashboard.members.schema import SECTORS
from dashboard.models.load import load_initiatives
from dashboard.validation import DataError, Problem


def summary(frame: pd.DataFrame) -> str:
    """One line: how many members, countries and sectors a frame holds."""
    counts = {"member": len(frame), "country": frame["country"].nunique(), "sector": frame["sector"].nunique()}
    plural = {"member": "members", "country": "countries", "sector": "sectors"}
    parts = [f"{n} {word if n == 1 else plural[word]}" for word, n in counts.items()]
    founding = int((is_founding(frame)).sum())
    parts[0] += f" ({founding} at the launch, {len(frame) - founding} later)"
    return ", ".join(parts)


def _companion_problems(known_ids: set[str]) -> list[Problem]:
    """Problems in the files that go with the shipped member file: launch facts, membership events,
    initiatives, models and the imported indexes with their member mapping."""
    problems: list[Problem] = []
    try:
        alliance = load_alliance()
        problems += [
            Problem(paths.display(paths.ALLIANCE), f"co-launcher {ident!r} is not a member id", "(launch facts)")
            for ident in alliance.co_launchers.value
            if ident not in known_ids
        ]
    except DataError as exc:
        problems += exc.problems
    try:
        load_events()  # the events must name members of the member file
    except DataError as exc:
        problems += exc.problems
    try:
        members = load_member_records()
        problems += record_check_problems(members, load_alliance_record(), paths.display(paths.MEMBERS))
    except DataError as exc:
        problems += [p for p in exc.problems if p not in problems]
    for check in (load_initiatives, load_indexes):
        try:
            check(member_ids=known_ids)
        except DataError as exc:
            problems += exc.problems
    return problems


def _raw_ids(path: Path) -> set[str]:
    """The ids a member file names, even when it does not validate (for checking the files that refer to it)."""
    try:
        raw = read_yaml(path)
    except DataError:
        return set()
    return {str(r["id"]) for r in raw if isinstance(r, dict) and "id" in r} if isinstance(raw, list) else set()


def _filtered_summary(frame: pd.DataFrame, given: dict[str, list[str]]) -> str:
    """'; matching sector=academia: 18 members, ...' for the same filters the app reads from a URL."""
    if not any(given.values()):
        return ""
    options = filters.options_from(frame, sector_order=SECTORS, region_order=sorted(set(frame["region"].dropna())))
    state, dropped = filters.from_query(given, options)
    if dropped:
        print(f"note: ignored unknown values for {', '.join(dropped)}", file=sys.stderr)
    shown = " ".join(f"{k}={v}" for k, values in filters.to_query(state).items() for v in values) or "(no filter)"
    return f"; matching {shown}: {summary(filters.apply(frame, state))}"


def validate(path: Path, given: dict[str, list[str]] | None = None) -> int:
    """Validate a member file (and, for the shipped one, the launch facts, events, initiatives and models); print
    and return the exit code.

    ``given`` holds filters as a URL would (``{"sector": ["academia"]}``); their counts are added to the summary."""
    problems: list[Problem] = []
    frame: pd.DataFrame | None = None
    try:
        frame = load_members(path)
    except DataError as exc:
        problems += exc.problems
    if path.resolve() == paths.MEMBERS.resolve():
        problems += _companion_problems(set(frame["id"]) if frame is not None else _raw_ids(path))
    if problems or frame is None:
        for problem in problems:
            print(problem)
        print(f"{len(problems)} problem(s) found; nothing was changed.", file=sys.stderr)
        return 1
    print(f"{paths.display(path)} is valid: {summary(frame)}{_filtered_summary(frame, given or {})}")
    return 0


def record() -> int:
    """``python -m dashboard record``: how the shipped members stand against the Alliance's own record, and
    every disagreement with its reason. Exit 1 with one line per problem when a check fails."""
    try:
        members, alliance_record = load_member_records(), load_alliance_record()
    except DataError as exc:
        for problem in exc.problems:
            print(problem)
        return 1
    problems = record_check_problems(members, alliance_record, paths.display(paths.MEMBERS))
    for problem in problems:
        print(problem)
    c = coverage(members, alliance_record)
    print(
        f"held against the Alliance's record (commit {alliance_record.site.commit[:7]}): {c.founders_placed} of the "
        f"{c.founders_on_map} founders its maps show have a country; {c.later_placed} of {c.later} later members "
        f"are placed and {c.later_with_website} have a website"
    )
    disagreements = [(m.id, d) for m in members for d in m.disagreements]
    print(f"{len(disagreements)} disagreement(s) with the record, each kept with its reason:")
    for ident, d in disagreements:
        print(f"  {ident}: {d.field}: the record says {d.alliance!r}; ours follows {d.source}: {d.reason.en}")
    return 1 if problems else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; never lets a traceback reach the terminal."""
    parser = argparse.ArgumentParser(prog="python -m dashboard", description="AI Alliance Explorer tools")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check a member file and print a summary")
    check.add_argument("path", nargs="?", type=Path, default=paths.MEMBERS, help="default: data/members.yaml")
    for key in filters.KEYS:
        hint = f"also count the members matching {key}=VALUE, as in the app's URL (repeatable)"
        check.add_argument(f"--{key}", action="append", default=[], metavar="VALUE", help=hint)
    commands.add_parser("record", help="hold the members against the Alliance's own record and list disagreements")
    args = parser.parse_args(argv)
    try:
        if args.command == "record":
            return record()
        return validate(args.path, {key: getattr(args, key) for key in filters.KEYS})
    except Exception as exc:  # a last guard: the message, never a traceback
        print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
