"""Ways a maintainer can break a data file while the app runs, and a fingerprint of a data folder."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path


def _malformed(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n  - id: [unclosed\n", encoding="utf-8")


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _truncated(path: Path) -> None:
    data = path.read_bytes()
    cut = data[: len(data) // 2]
    path.write_bytes(cut[: cut.rfind(b"\n")] + b"\n  hq: {city: Zur")  # stops inside a record


def _binary(path: Path) -> None:
    path.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe" * 8)


def _unreadable(path: Path) -> None:
    # chmod 000 does not stop root (which CI runs as), so a directory takes the file's place: open() fails.
    path.unlink()
    path.mkdir()


def _missing(path: Path) -> None:
    path.unlink()


BREAKAGES: dict[str, Callable[[Path], None]] = {
    "malformed": _malformed,
    "empty": _empty,
    "truncated": _truncated,
    "binary": _binary,
    "unreadable": _unreadable,
    "missing": _missing,
}


def restore(path: Path, original: bytes) -> None:
    """Put the good file back, whatever stands in its place."""
    if path.is_dir():
        path.rmdir()
    path.write_bytes(original)


def fingerprint(folder: Path) -> str:
    """One hash over every file's name and content in a folder (to show that nothing wrote to it)."""
    digest = hashlib.sha256()
    for file in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(file.relative_to(folder)).encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()


def copy_data(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target
