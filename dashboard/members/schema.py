"""The data model of members and the launch facts: fields, enums and the checks across records."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Annotated, Literal

from pydantic import Field, model_validator

from dashboard.records import Country, IsoDate, LocalParagraph, LocalText, Record, Slug, Sourced, Text, Url
from dashboard.validation import Problem

SECTORS: tuple[str, ...] = ("company", "academia", "research_institute", "government", "nonprofit")

Sector = Literal["company", "academia", "research_institute", "government", "nonprofit"]
Membership = Literal["founding_member", "collaborator"]
# How a join date is known: named at the launch; named in an Alliance announcement (its date and URL);
# or first shown on the Alliance's members page (the date, in UTC, of the commit that added the logo).
JOINED_KINDS: tuple[str, ...] = ("founding", "announced", "listed")
JoinedKind = Literal["founding", "announced", "listed"]
COMMIT_URL_RE = re.compile(r"^https://github\.com/[\w.-]+/[\w.-]+/commit/[0-9a-f]{7,40}$")


# How precisely a source places the headquarters: a city it names; only a first-level region (a US state);
# only the country. A city's coordinates are typed (GeoNames); a region's or a country's are derived from the
# map's own shapes (dashboard/places.py), so nothing imprecise is ever drawn as if it were a city.
PRECISIONS: tuple[str, ...] = ("city", "region", "country")
Precision = Literal["city", "region", "country"]


class Headquarters(Record):
    """Where the organisation was headquartered at the launch, as precisely as a source says; null where none does."""

    city: Text | None
    region: Text | None = None  # a first-level subdivision ("California"), given only where no source names a city
    country: Country | None
    lat: Annotated[float, Field(ge=-90, le=90)] | None
    lon: Annotated[float, Field(ge=-180, le=180)] | None
    precision: Precision | None = None
    source: Url | None = None  # the page that names the place, where it is not the first of the record's sources

    @property
    def located(self) -> bool:
        """True when the record has coordinates of its own (a city)."""
        return self.lat is not None and self.lon is not None

    @model_validator(mode="after")
    def _coordinates_come_in_pairs(self) -> Headquarters:
        if (self.lat is None) != (self.lon is None):
            raise ValueError("lat and lon must both be given or both be null")
        if self.located and self.country is None:
            raise ValueError("coordinates without a country: give hq.country or null the coordinates")
        return self

    @model_validator(mode="after")
    def _precision_matches_the_fields(self) -> Headquarters:
        has_city, has_region = self.city is not None, self.region is not None
        if self.country is None:
            if self.precision is not None or has_city or has_region:
                raise ValueError("a place without a country: give hq.country, or null hq.city, hq.region and "
                                 "hq.precision")  # fmt: skip
            return self
        if self.precision is None:
            raise ValueError("hq.precision is required with a country: city, region or country")
        if self.precision == "city" and (not has_city or not self.located):
            raise ValueError("precision 'city' needs hq.city and its coordinates (hq.lat, hq.lon)")
        if self.precision != "city" and (has_city or self.located):
            raise ValueError(f"precision {self.precision!r} names no city: null hq.city, hq.lat and hq.lon (the map "
                             "places it at the region's or country's representative point)")  # fmt: skip
        if has_region != (self.precision == "region"):
            raise ValueError("hq.region goes with precision 'region' and only with it")
        return self


# What the Alliance's own record says can disagree with ours; the disagreement is kept, with its reason.
RecordField = Literal["hq.country", "hq.region", "joined"]


class Disagreement(Sourced):
    """Where our record differs from the Alliance's own (data/alliance_site.yaml), and why; ``source`` supports ours."""

    field: RecordField
    alliance: Text  # what the Alliance's record says, in its words
    reason: LocalParagraph


class Member(Record):
    """One organisation: named at the launch, or shown or announced as a member later."""

    id: Slug
    name: Text
    short_name: Text
    sector: Sector
    category: Slug
    membership: Membership | None
    joined: IsoDate
    # Both default, so a launch record needs neither; a later member must say how its date is known.
    joined_kind: JoinedKind = "founding"
    joined_source: Url | None = None
    hq: Headquarters
    part_of: Slug | None = None  # the member this organisation is a unit of (an institute of a member university)
    website: Url | None  # null only with a note saying why
    founded: Annotated[int, Field(ge=1000, le=2100)] | None
    sources: Annotated[list[Url], Field(min_length=1)]
    notes: LocalParagraph | None  # null, never empty; in every language like all reader-facing text
    disagreements: list[Disagreement] = Field(default_factory=list)

    @property
    def founding(self) -> bool:
        """Named at the launch (the founding cohort), rather than shown or announced later."""
        return self.joined_kind == "founding"


class Category(Record):
    """One row of data/categories.yaml: the sector a category belongs to and its label in each language."""

    sector: Sector
    label: LocalText


class Region(Record):
    """One row of data/regions.yaml: a world region and the countries in it."""

    label: LocalText
    countries: Annotated[list[Country], Field(min_length=1)]


class SourcedText(Sourced):
    value: Text


class SourcedDate(Sourced):
    value: IsoDate


class SourcedIds(Sourced):
    value: Annotated[list[Slug], Field(min_length=1)]


class Change(Record):
    """One entry of the data changelog."""

    version: IsoDate
    summary: Text


class Alliance(Record):
    """Launch facts for the Overview (data/alliance.yaml), each with the source that states it."""

    name: SourcedText
    launch_date: SourcedDate
    co_launchers: SourcedIds
    count_wording: SourcedText
    member_list_heading: SourcedText
    press_release_title: SourcedText
    press_release_urls: Annotated[list[Url], Field(min_length=1)]
    launch_map_url: Url
    data_version: IsoDate
    changelog: Annotated[list[Change], Field(min_length=1)]


FIELDS: tuple[str, ...] = tuple(Member.model_fields)
HQ_FIELDS: tuple[str, ...] = tuple(Headquarters.model_fields)


def cross_record_problems(
    members: Sequence[Member], file: str, categories: Mapping[str, str], regions: Mapping[str, str]
) -> list[Problem]:
    """Checks that need more than one record, the reference tables, or two fields together."""
    problems: list[Problem] = joined_problems(members, file)
    seen_names: dict[str, str] = {}
    by_id = {m.id: m for m in members}
    for position, member in enumerate(members, start=1):
        label = f"'{member.id}' (#{position})"
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
        if member.website is None and not member.notes:
            problems.append(Problem(file, "required to explain why website is null", label, "notes"))
        if member.hq.precision in (None, "country", "region") and not member.notes:
            what = "where" if member.hq.precision is None else "why hq.city is null"
            problems.append(Problem(file, f"required to explain {what} (what was searched)", label, "notes"))
        problems += part_of_problems(member, by_id, file, label)
        if member.hq.country is not None and member.hq.country not in regions:
            problems.append(
                Problem(file, f"country {member.hq.country!r} has no region in data/regions.yaml", label, "hq.country")
            )
    return problems


def part_of_problems(member: Member, by_id: Mapping[str, Member], file: str, label: str) -> list[Problem]:
    """A unit names another member that exists and is not itself a unit (one level, no cycles)."""
    parent = member.part_of
    if parent is None:
        return []
    if parent == member.id or parent not in by_id:
        return [Problem(file, f"part_of must name another member id; got {parent!r}", label, "part_of")]
    if by_id[parent].part_of is not None:
        return [Problem(file, f"{parent!r} is itself part of {by_id[parent].part_of!r}: name the top member",
                        label, "part_of")]  # fmt: skip
    return []


def joined_problems(members: Sequence[Member], file: str) -> list[Problem]:
    """A later member says where its date comes from; it joined after every launch record; a commit is a commit."""
    problems: list[Problem] = []
    launch = max((m.joined for m in members if m.founding), default=None)
    for position, member in enumerate(members, start=1):
        label = f"'{member.id}' (#{position})"
        if member.founding:
            continue
        if member.joined_source is None:
            problems.append(Problem(file, f"required for a member whose joined_kind is {member.joined_kind!r}",
                                    label, "joined_source"))  # fmt: skip
        elif member.joined_kind == "listed" and not COMMIT_URL_RE.fullmatch(member.joined_source):
            problems.append(Problem(file, "a 'listed' date needs the URL of the commit that added the member "
                                    "(https://github.com/OWNER/REPO/commit/SHA)", label, "joined_source"))  # fmt: skip
        if launch is not None and member.joined <= launch:
            problems.append(Problem(file, f"a later member must have joined after the launch ({launch}); "
                                    f"got {member.joined}", label, "joined"))  # fmt: skip
    return problems
