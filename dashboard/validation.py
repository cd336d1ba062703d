"""Validation machinery: one-line problems, the error that carries them, and per-record checks.

Every problem names the file, the record (its id and position, or the position alone) and the field,
so a maintainer can fix a data file from the message alone. All problems are collected before raising.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar, get_args
from urllib.parse import urlsplit

import pycountry
from pydantic import BaseModel, TypeAdapter, ValidationError

ISO3_RE = re.compile(r"^[A-Z]{3}$")
_UNSAFE_URL_CHARS = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file, printable as one line."""

    file: str
    message: str
    record: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.record is not None:
            where += f": record {self.record}"
        if self.field:
            where += f": field '{self.field}'"
        return f"{where}: {self.message}"


class DataError(Exception):
    """Raised by a loader with every problem found in a data file."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def is_http_url(value: object) -> bool:
    """True for an absolute http(s) URL with a dotted host and no whitespace or control characters.

    The schema accepts only these, and every link the app draws checks again, so a value that reaches a
    page by another way (an older file, a future loader) is shown as text rather than made a link."""
    if not isinstance(value, str) or _UNSAFE_URL_CHARS.search(value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and "." in parts.netloc


def check_url(value: str) -> str:
    """Accept only absolute http(s) URLs with a dotted host and no whitespace."""
    if not is_http_url(value):
        raise ValueError(f"expected an absolute http(s) URL, got {value!r}")
    return value


def check_iso_date(value: str) -> str:
    """Accept a quoted ISO 8601 calendar date (YYYY-MM-DD)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError(f'expected an ISO 8601 date such as "2023-12-05", got {value!r}')
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"expected a real calendar date, got {value!r}") from None
    return value


def check_country(value: str) -> str:
    """Accept an upper-case ISO 3166-1 alpha-3 code that pycountry knows."""
    if not ISO3_RE.fullmatch(value) or pycountry.countries.get(alpha_3=value) is None:
        raise ValueError(f'expected an ISO 3166-1 alpha-3 country code such as "CHE", got {value!r}')
    return value


def _yaml_trap(value: Any) -> str | None:
    """Explain a value that YAML 1.1 produced from an unquoted scalar."""
    if isinstance(value, bool):
        word = "NO, no, off or false" if value is False else "YES, yes, on or true"
        return f"got boolean {str(value).lower()}: YAML 1.1 reads an unquoted {word} as a boolean; quote the value"
    if isinstance(value, (dt.date, dt.datetime)):
        return f'got an unquoted date ({value.isoformat()}); quote it as "{value.isoformat()}"'
    return None


def _field_name(loc: tuple[int | str, ...]) -> str:
    """The field as a dotted path; an empty key (``'': x`` in the YAML) is named so a reader can find it."""
    name = ".".join(str(part) if str(part) else "(empty key)" for part in loc)
    return name or "(record)"


def _message(error: Mapping[str, Any], known: Sequence[str]) -> str:
    kind, value = error["type"], error.get("input")
    trap = _yaml_trap(value) if kind not in ("missing", "extra_forbidden") else None
    if trap:
        return trap
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        name = str(error["loc"][-1])
        close = difflib.get_close_matches(name, known, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return f"unknown field{hint}; allowed: {', '.join(known)}"
    if kind == "literal_error":
        return f"expected {error['ctx']['expected']}; got {value!r}"
    if kind == "string_pattern_mismatch":
        return f"expected a lower-case slug (letters, digits, '-' or '_'); got {value!r}"
    if kind == "value_error":
        return str(error["ctx"]["error"])
    return f"{error['msg'][0].lower()}{error['msg'][1:]}; got {value!r}"


def _known_fields(model: type[BaseModel], loc: tuple[int | str, ...]) -> list[str]:
    """The field names allowed at ``loc`` (for 'did you mean' hints), descending into nested models."""
    current: type[BaseModel] = model
    for part in loc[:-1]:
        if not isinstance(part, str) or part not in current.model_fields:
            continue
        annotation = current.model_fields[part].annotation
        nested = [a for a in (annotation, *get_args(annotation)) if isinstance(a, type) and issubclass(a, BaseModel)]
        if nested:
            current = nested[0]
    return list(current.model_fields)


def record_problems(model: type[M], raw: Any, file: str, record: str) -> tuple[M | None, list[Problem]]:
    """Validate one raw record against ``model``; return it (or None) and every problem, one per field."""
    if not isinstance(raw, dict):
        return None, [Problem(file, f"expected a mapping of fields, got {type(raw).__name__}", record)]
    try:
        return model.model_validate(raw), []
    except ValidationError as exc:
        return None, [
            Problem(file, _message(e, _known_fields(model, tuple(e["loc"]))), record, _field_name(tuple(e["loc"])))
            for e in exc.errors()
        ]


def list_problems(model: type[M], raw: Any, file: str, what: str) -> tuple[list[M], list[Problem]]:
    """Validate a top-level list of records; ids must be unique. Returns the valid ones and every problem.

    The whole list is validated in one call (pydantic-core's loop, not one Python call per record); only a list
    with a problem in it is gone through record by record, which names each problem (file, record, field) as
    before. Either way the records are the same models."""
    if not isinstance(raw, list) or not raw:
        shape = "an empty file" if raw is None else f"a {type(raw).__name__}" if raw != [] else "an empty list"
        return [], [Problem(file, f"top level: expected a non-empty list of {what}, got {shape}")]
    checked: Iterator[tuple[int, Any, M | None, list[Problem]]]
    try:
        valid = _list_of(model).validate_python(raw)
        checked = ((n, item, record, []) for n, (item, record) in enumerate(zip(raw, valid, strict=True), start=1))
    except ValidationError:
        checked = (
            (n, item, *record_problems(model, item, file, record_label(item, n))) for n, item in enumerate(raw, 1)
        )
    records: list[M] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for position, item, record, found in checked:
        problems.extend(found)
        ident = getattr(record, "id", None)
        if isinstance(ident, str) and ident in seen:
            problems.append(
                Problem(file, f"duplicate id; first used by record #{seen[ident]}", record_label(item, position), "id")
            )
        if record is not None:
            seen.setdefault(str(ident), position)
            records.append(record)
    return records, problems


@cache
def _list_of(model: type[BaseModel]) -> TypeAdapter[Any]:
    return TypeAdapter(list[model])  # type: ignore[valid-type]


def record_label(raw: Any, position: int) -> str:
    """Name a record by its id when it has a usable one, else by its 1-based position."""
    ident = raw.get("id") if isinstance(raw, dict) else None
    if isinstance(ident, str) and ident.strip():
        return f"'{ident[:80]}' (#{position})"
    return f"#{position}"
