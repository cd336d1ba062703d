"""Reading data files: YAML with safe_load, every failure turned into a problem naming the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from dashboard import paths
from dashboard.validation import DataError, Problem, record_problems

# libyaml's safe loader parses the same YAML 1.1 about ten times faster than the pure-Python one.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    """Parse one YAML file with ``safe_load``; turn every failure into a DataError naming the file."""
    name = paths.display(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError([Problem(name, "file not found")]) from None
    except UnicodeDecodeError as exc:
        raise DataError([Problem(name, f"not UTF-8 text (byte {exc.start})")]) from None
    except OSError as exc:
        raise DataError([Problem(name, f"cannot be read ({exc.strerror})")]) from None
    try:
        return yaml.load(text, Loader=SAFE_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{name}:{mark.line + 1}:{mark.column + 1}" if mark else name
        what = exc.problem or exc.context or "invalid YAML"
        raise DataError([Problem(where, f"YAML syntax error: {what}")]) from None
    except yaml.YAMLError as exc:
        raise DataError([Problem(name, f"YAML error: {exc}")]) from None


def mapping_of(model: type[BaseModel], path: Path, what: str) -> dict[str, Any]:
    """A file that maps keys to records of one model; every record is checked."""
    raw = read_yaml(path)
    name = paths.display(path)
    if not isinstance(raw, dict) or not raw:
        raise DataError([Problem(name, f"top level: expected a mapping of {what}, got {type(raw).__name__}")])
    problems = [p for key, value in raw.items() for p in record_problems(model, value, name, f"'{key}'")[1]]
    if problems:
        raise DataError(problems)
    return raw


def stamp(path: Path) -> tuple[int, int]:
    """A file's version for a cache key: its modification time (ns) and size, (0, -1) when it is gone."""
    try:
        info = Path(path).stat()
    except OSError:
        return (0, -1)
    return (info.st_mtime_ns, info.st_size)
