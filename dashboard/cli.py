"""The command line: ``python -m dashboard validate [PATH]``; no Streamlit here."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from dashboard import paths
from dashboard.data import load_alliance, load_members
from dashboard.schema import DataError, Problem


def summary(frame: pd.DataFrame) -> str:
    """One line: how many members, countries and sectors a frame holds."""
    return f"{len(frame)} members, {frame['country'].nunique()} countries, {frame['sector'].nunique()} sectors"


def _co_launcher_problems(known_ids: set[str]) -> list[Problem]:
    alliance = load_alliance()
    return [
        Problem(paths.display(paths.ALLIANCE), f"co-launcher {ident!r} is not a member id", "(launch facts)")
        for ident in alliance.co_launchers.value
        if ident not in known_ids
    ]


def validate(path: Path) -> int:
    """Validate a member file (and, for the shipped one, the launch facts); print and return the exit code."""
    try:
        frame = load_members(path)
        if path.resolve() == paths.MEMBERS.resolve():
            problems = _co_launcher_problems(set(frame["id"]))
            if problems:
                raise DataError(problems)
    except DataError as exc:
        for problem in exc.problems:
            print(problem)
        print(f"{len(exc.problems)} problem(s) found; nothing was changed.", file=sys.stderr)
        return 1
    print(f"{paths.display(path)} is valid: {summary(frame)}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; never lets a traceback reach the terminal."""
    parser = argparse.ArgumentParser(prog="python -m dashboard", description="AI Alliance Explorer tools")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check a member file and print a summary")
    check.add_argument("path", nargs="?", type=Path, default=paths.MEMBERS, help="default: data/members.yaml")
    args = parser.parse_args(argv)
    try:
        return validate(args.path)
    except Exception as exc:  # a last guard: the message, never a traceback
        print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
