"""The data model: field names, enums and every check on a member record, in one place.

Pydantic v2 rather than pandera: the records arrive as nested YAML mappings (``hq`` holds city,
country and coordinates), and pydantic validates them *before* they become a flat frame, with an
error location (``hq.country``) per problem, ``extra="forbid"`` to catch typos such as ``secotr``,
and strict types so that YAML 1.1 surprises (``NO`` read as ``false``, an unquoted date) are
reported instead of silently coerced. pandera checks columns of a frame, which has no place for a
misspelt key or a nested mapping, so its messages would name columns we had to invent.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

import pycountry
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

SECTORS: tuple[str, ...] = ("company", "academia", "research_institute", "government", "nonprofit")
MEMBERSHIPS: tuple[str, ...] = ("founding_member", "collaborator")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
ISO3_RE = re.compile(r"^[A-Z]{3}$")

Sector = Literal["company", "academia", "research_institute", "government", "nonprofit"]
Membership = Literal["founding_member", "collaborator"]
Slug = Annotated[str, Field(pattern=SLUG_RE.pattern, min_length=1, max_length=80)]
Text = Annotated[str, Field(min_length=1, max_length=500)]


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


def check_url(value: str) -> str:
    """Accept only absolute http(s) URLs with a dotted host and no whitespace."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or "." not in parts.netloc or re.search(r"\s", value):
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


Url = Annotated[str, Field(max_length=2000)]


class Record(BaseModel):
    """Shared settings: unknown keys are errors, types are strict (no silent coercion)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Headquarters(Record):
    """Where the organisation was headquartered at the launch; null where no source says."""

    city: Text | None
    country: str | None
    lat: Annotated[float, Field(ge=-90, le=90)] | None
    lon: Annotated[float, Field(ge=-180, le=180)] | None

    @property
    def located(self) -> bool:
        """True when the record can be placed on a map."""
        return self.lat is not None and self.lon is not None

    @model_validator(mode="after")
    def _coordinates_come_in_pairs(self) -> Headquarters:
        if (self.lat is None) != (self.lon is None):
            raise ValueError("lat and lon must both be given or both be null")
        if self.located and self.country is None:
            raise ValueError("coordinates without a country: give hq.country or null the coordinates")
        return self

    @field_validator("country")
    @classmethod
    def _country_code(cls, value: str | None) -> str | None:
        return None if value is None else check_country(value)


class Member(Record):
    """One organisation named at the launch."""

    id: Slug
    name: Text
    short_name: Text
    sector: Sector
    category: Slug
    membership: Membership | None
    joined: str
    hq: Headquarters
    website: Url
    founded: Annotated[int, Field(ge=1000, le=2100)] | None
    sources: Annotated[list[Url], Field(min_length=1)]
    notes: Annotated[str, Field(max_length=2000)] | None

    @field_validator("joined")
    @classmethod
    def _joined_is_iso(cls, value: str) -> str:
        return check_iso_date(value)

    @field_validator("website")
    @classmethod
    def _website_is_url(cls, value: str) -> str:
        return check_url(value)

    @field_validator("sources")
    @classmethod
    def _sources_are_urls(cls, value: list[str]) -> list[str]:
        for url in value:
            check_url(url)
        return value


FIELDS: tuple[str, ...] = tuple(Member.model_fields)
HQ_FIELDS: tuple[str, ...] = tuple(Headquarters.model_fields)


def _yaml_trap(value: Any) -> str | None:
    """Explain a value that YAML 1.1 produced from an unquoted scalar."""
    if isinstance(value, bool):
        word = "NO, no, off or false" if value is False else "YES, yes, on or true"
        return f"got boolean {str(value).lower()}: YAML 1.1 reads an unquoted {word} as a boolean; quote the value"
    if isinstance(value, (dt.date, dt.datetime)):
        return f'got an unquoted date ({value.isoformat()}); quote it as "{value.isoformat()}"'
    return None


def _field_name(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc) if loc else "(record)"


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


def member_problems(raw: Any, file: str, position: int) -> tuple[Member | None, list[Problem]]:
    """Validate one raw record; return the model (or None) and every problem in it."""
    record = _record_label(raw, position)
    if not isinstance(raw, dict):
        return None, [Problem(file, f"expected a mapping of fields, got {type(raw).__name__}", record)]
    try:
        return Member.model_validate(raw), []
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = tuple(error["loc"])
            known = HQ_FIELDS if loc[:1] == ("hq",) and len(loc) > 1 else FIELDS
            problems.append(Problem(file, _message(error, known), record, _field_name(loc)))
        return None, problems


def _record_label(raw: Any, position: int) -> str:
    """Name a record by its id when it has a usable one, else by its 1-based position."""
    ident = raw.get("id") if isinstance(raw, dict) else None
    if isinstance(ident, str) and ident.strip():
        return f"'{ident[:80]}' (#{position})"
    return f"#{position}"


def cross_record_problems(
    members: Sequence[Member], file: str, categories: Mapping[str, str], regions: Mapping[str, str]
) -> list[Problem]:
    """Checks that need more than one record, the reference tables, or two fields together."""
    problems: list[Problem] = []
    seen_ids: dict[str, int] = {}
    seen_names: dict[str, str] = {}
    for position, member in enumerate(members, start=1):
        label = f"'{member.id}' (#{position})"
        if member.id in seen_ids:
            problems.append(Problem(file, f"duplicate id; first used by record #{seen_ids[member.id]}", label, "id"))
        seen_ids.setdefault(member.id, position)
        key = " ".join(member.name.casefold().split())
        if key in seen_names:
            problems.append(Problem(file, f"duplicate name; also used by record '{seen_names[key]}'", label, "name"))
        seen_names.setdefault(key, member.id)
        if member.category not in categories:
            problems.append(
                Problem(
                    file, f"unknown category {member.category!r}; add it to data/categories.yaml", label, "category"
                )
            )
        elif categories[member.category] != member.sector:
            problems.append(
                Problem(
                    file,
                    f"category {member.category!r} belongs to sector {categories[member.category]!r}, "
                    f"not {member.sector!r}",
                    label,
                    "category",
                )
            )
        missing = [name for name in HQ_FIELDS if getattr(member.hq, name) is None]
        if missing and not member.notes:
            problems.append(
                Problem(file, f"required to explain why hq.{', hq.'.join(missing)} is null", label, "notes")
            )
        if member.hq.country is not None and member.hq.country not in regions:
            problems.append(
                Problem(file, f"country {member.hq.country!r} has no region in data/regions.yaml", label, "hq.country")
            )
    return problems
