"""Small git repositories built in a test: commits with chosen dates, and a bare clone (what a mirror looks like)."""

from __future__ import annotations

import subprocess
from pathlib import Path


def git(cwd: Path, *args: str, date: str = "2025-12-09T09:24:14-05:00") -> None:
    """Run git with a fixed identity and date, so a fixture is the same on every machine."""
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_DATE": date,
           "HOME": str(cwd), "PATH": "/usr/bin:/bin"}  # fmt: skip
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def commits(root: Path, history: list[tuple[str, dict[str, str]]]) -> tuple[Path, Path]:
    """A work tree with one commit per (date, files written) in order, and a bare clone of it."""
    work = root / "work"
    work.mkdir(parents=True, exist_ok=True)
    git(work, "init", "-q")
    for date, files in history:
        for name, text in files.items():
            (work / name).parent.mkdir(parents=True, exist_ok=True)
            (work / name).write_text(text, encoding="utf-8")
        git(work, "add", ".", date=date)
        git(work, "commit", "-q", "-m", f"at {date}", date=date)
    git(root, "clone", "-q", "--bare", str(work), str(root / "bare.git"))
    return work, root / "bare.git"


def repository(root: Path, files: dict[str, str]) -> tuple[Path, Path]:
    """A work tree with one commit, and a bare clone of it."""
    return commits(root, [("2025-12-09T09:24:14-05:00", files)])
