"""Read files from a checkout of a public repository: a bare git directory or a work tree.

The importers under scripts/ use this so that they run the same on a fresh ``git clone`` and on a
``git clone --bare`` (or a mirror), and record which commit they read."""

from __future__ import annotations

import csv
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml


@dataclass(frozen=True)
class Commit:
    """The commit a checkout is at: full hash and committer date (ISO 8601)."""

    sha: str
    date: str


class Checkout:
    """Files of one repository at its current commit (HEAD), whichever form the checkout takes."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        if not self.path.is_dir():
            raise SystemExit(f"{self.path}: not a directory")
        self.bare = self._git("rev-parse", "--is-bare-repository", check=False) == "true"

    def _git(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            ["git", "-C", str(self.path), *args], capture_output=True, text=True, encoding="utf-8", check=False
        )
        if check and done.returncode != 0:
            raise SystemExit(f"{self.path}: git {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout.strip() if done.returncode == 0 else ""

    def read(self, name: str) -> str:
        """A text file (UTF-8, a leading byte-order mark removed)."""
        if self.bare:
            text = self._git("show", f"HEAD:{name}")
        else:
            file = self.path / name
            if not file.is_file():
                raise SystemExit(f"{self.path}: {name} not found; is this the right repository?")
            text = file.read_text(encoding="utf-8")
        return text.removeprefix("\ufeff")

    def files(self, folder: str) -> list[str]:
        """The paths of the files directly inside a folder, sorted."""
        if self.bare:
            listing = self._git("ls-tree", "--name-only", "HEAD", f"{folder.rstrip('/')}/").splitlines()
            return sorted(str(PurePosixPath(p)) for p in listing)
        return sorted(f"{folder}/{p.name}" for p in (self.path / folder).iterdir() if p.is_file())

    def history(self, name: str) -> list[Commit]:
        """The commits that changed a file, oldest first (needs git history: a clone, not a copy)."""
        lines = self._git("log", "--reverse", "--format=%H %cI", "--", name).splitlines()
        if not lines:
            raise SystemExit(f"{self.path}: no commit touches {name}; is this the right repository?")
        return [Commit(*line.split(" ", 1)) for line in lines]

    def read_at(self, sha: str, name: str) -> str:
        """A text file as it was at one commit."""
        return self._git("show", f"{sha}:{name}").removeprefix("\ufeff")

    def commit(self) -> Commit | None:
        """HEAD's hash and date, or None for a plain copy of the files without git history."""
        line = self._git("log", "-1", "--format=%H %cI", check=False)
        if not line:
            return None
        sha, date = line.split(" ", 1)
        return Commit(sha, date)


def write_import(
    table: Path, rows: list[dict[str, object]], columns: list[str], meta: Path, data: object, *, script: str
) -> None:
    """Write an imported table (CSV, one row per fact) and its metadata (YAML), both marked as generated."""
    with table.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    header = f"# Written by {script} from the repository below; do not edit by hand.\n"
    meta.write_text(header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110), encoding="utf-8")
