"""Snapshots of validated, derived data, so a restart (or a second replica) skips parsing and validating files
that have not changed.

A snapshot is keyed by a hash of the data files' contents and of the code that reads them, so a changed file, or
a changed loader, is read and validated again as on a first start; it is written to a cache directory (never
into data/): ``EXPLORER_CACHE_DIR``, else ``$XDG_CACHE_HOME/ai-alliance-explorer``, else ``~/.cache/...``. When
that directory cannot be written (a read-only container), nothing is cached and nothing fails. Only files this
process wrote itself are read back."""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import TypeVar

from dashboard import paths

T = TypeVar("T")
_log = logging.getLogger(__name__)
# The code whose output a snapshot holds: any change to it makes every snapshot stale.
CODE = Path(__file__).resolve().parent


def cache_dir() -> Path:
    """Where snapshots go (see the module's docstring); never inside the data folder."""
    given = os.environ.get("EXPLORER_CACHE_DIR")
    if given:
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "ai-alliance-explorer"


@cache
def _code_hash() -> str:
    digest = hashlib.sha256()
    for path in sorted(CODE.rglob("*.py")):
        if "ui" not in path.relative_to(CODE).parts:
            digest.update(path.read_bytes())
    return digest.hexdigest()


def key(files: Iterable[Path], *parts: str) -> str:
    """A hash of the files' contents (a missing file counts as empty), the code, and any other ``parts``."""
    digest = hashlib.sha256(_code_hash().encode())
    for part in parts:
        digest.update(part.encode())
    for path in files:
        digest.update(str(path.name).encode())
        try:
            with Path(path).open("rb") as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    digest.update(block)
        except OSError:
            digest.update(b"\0missing")
    return digest.hexdigest()[:24]


def digest(values: Iterable[str]) -> str:
    """A hash of a set of strings (member ids, say) as a key part: the same for the same set, in any order."""
    return hashlib.sha256("\n".join(sorted(values)).encode()).hexdigest()


def cached(name: str, files: Iterable[Path], build: Callable[[], T], *parts: str) -> T:
    """``build()``'s result, from a snapshot when one exists for these files' contents, else built and saved.

    A build that raises (a broken file) saves nothing, so the next start reads the files again."""
    files = tuple(files)
    found = load(name, files, *parts)
    if found is not MISSING:
        return found  # type: ignore[return-value]
    value = build()
    save(name, files, value, *parts)
    return value


MISSING = object()  # what ``load`` gives when there is no snapshot for these files


def _target(name: str, files: Iterable[Path], *parts: str) -> Path:
    folder = cache_dir()
    if paths.DATA_DIR in (folder, *folder.parents):
        raise ValueError(f"the snapshot cache {folder} may not be inside the data folder {paths.DATA_DIR}")
    return folder / f"{name}-{key(files, *parts)}.pickle"


def load(name: str, files: Iterable[Path], *parts: str) -> object:
    """The snapshot ``name`` taken of these files' contents (and ``parts``), or ``MISSING``."""
    try:
        with _target(name, files, *parts).open("rb") as f:
            return pickle.load(f)  # noqa: S301 - a file this program wrote, in its own cache directory
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return MISSING


def save(name: str, files: Iterable[Path], value: object, *parts: str) -> None:
    """Keep ``value`` as the snapshot ``name`` of these files' contents; the older snapshots of ``name`` go."""
    target = _target(name, files, *parts)
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{name}-", delete=False) as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(out.name, target)
        for old in folder.glob(f"{name}-*.pickle"):  # one snapshot per kind: the older ones are stale
            if old != target:
                old.unlink(missing_ok=True)
    except OSError as exc:  # a read-only file system: run without snapshots
        _log.info("no snapshot written to %s: %s", folder, exc)
