"""The data model: field names, enums and the checks on every record of every dataset, in one place.

Pydantic v2 rather than pandera: the records arrive as nested YAML mappings (``hq`` holds city,
country and coordinates), and pydantic validates them *before* they become a flat frame, with an
error location (``hq.country``) per problem, ``extra="forbid"`` to catch typos such as ``secotr``,
and strict types so that YAML 1.1 surprises (``NO`` read as ``false``, an unquoted date) are
reported instead of silently coerced. pandera checks columns of a frame, which has no place for a
misspelt key or a nested mapping, so its messages would name columns we had to invent.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from dashboard.validation import Problem, check_country, check_iso_date, check_url

SECTORS: tuple[str, ...] = ("company", "academia", "research_institute", "government", "nonprofit")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")

Sector = Literal["company", "academia", "research_institute", "government", "nonprofit"]
Membership = Literal["founding_member", "collaborator"]
# How a join date is known: named at the launch; named in an Alliance announcement (its date and URL);
# or first shown on the Alliance's members page (the date, in UTC, of the commit that added the logo).
JOINED_KINDS: tuple[str, ...] = ("founding", "announced", "listed")
JoinedKind = Literal["founding", "announced", "listed"]
COMMIT_URL_RE = re.compile(r"^https://github\.com/[\w.-]+/[\w.-]+/commit/[0-9a-f]{7,40}$")
Slug = Annotated[str, Field(pattern=SLUG_RE.pattern, min_length=1, max_length=80)]
Text = Annotated[str, Field(min_length=1, max_length=500)]


# Reusable field types: each carries its own check, so a model never repeats a validator.
Url = Annotated[str, Field(max_length=2000), AfterValidator(check_url)]
IsoDate = Annotated[str, AfterValidator(check_iso_date)]
Country = Annotated[str, AfterValidator(check_country)]


class Record(BaseModel):
    """Shared settings: unknown keys are errors, types are strict (no silent coercion)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# Text that readers see comes in every language of the app, side by side: `label: {en: ..., fr: ...}`.
# A missing language is a validation error (`label.fr: Field required`), never a silent fallback.
LANGUAGES: tuple[str, ...] = ("en", "fr")


class LocalText(Record):
    """A short text (a label, a title, a point) in every language of the app."""

    en: Text
    fr: Text

    def get(self, lang: str) -> str:
        """The text in ``lang`` (English for a language the data does not carry)."""
        return str(getattr(self, lang if lang in LANGUAGES else "en"))


def local_texts(value: object) -> Iterator[LocalText]:
    """Every LocalText inside a validated record or a list of records (the data files' reader-facing text)."""
    if isinstance(value, LocalText):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from local_texts(getattr(value, name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from local_texts(item)


class LocalParagraph(LocalText):
    """A longer text (a summary, an argument) in every language of the app."""

    en: Annotated[str, Field(min_length=1, max_length=2000)]
    fr: Annotated[str, Field(min_length=1, max_length=2000)]


class Sourced(Record):
    """A claim with the page that supports it."""

    source: Url


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


SourceKind = Literal[
    "organisation", "alliance", "paper", "licence_or_model_card", "government", "news", "encyclopedia", "code_host",
]  # fmt: skip
HOST_RE = re.compile(r"^[a-z0-9]+(?:[-.][a-z0-9]+)*\.[a-z]{2,}$")


class SourceHost(Record):
    """One accepted host of data/sources.yaml: whose it is, what kind of source, and how far it reaches."""

    host: Annotated[str, Field(pattern=HOST_RE.pattern, max_length=253)]
    kind: SourceKind
    owner: Text
    subdomains: bool = False
    paths: list[Annotated[str, Field(pattern=r"^/\S+/$")]] = Field(default_factory=list)


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
    launch = max((m.joined for m in members if m.joined_kind == "founding"), default=None)
    for position, member in enumerate(members, start=1):
        label = f"'{member.id}' (#{position})"
        if member.joined_kind == "founding":
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


# ---------------------------------------------------------------- initiatives (data/initiatives.yaml, models.yaml)

Grade = Literal["open", "partial", "closed"]
GRADIENT: tuple[str, ...] = ("fully_closed", "gradual_staged", "hosted", "api", "downloadable", "fully_open")
Gradient = Literal["fully_closed", "gradual_staged", "hosted", "api", "downloadable", "fully_open"]
DIMENSIONS: tuple[str, ...] = (
    "weights", "training_data", "training_code", "licence", "commercial_use", "derivatives", "documentation", "access",
)  # fmt: skip
AccessMode = Literal["download", "api", "hosted_app"]


class Judgement(Sourced):
    """How open one dimension of a model's release was, why, and where that is documented."""

    value: Grade
    note: LocalText


class Dimensions(Record):
    weights: Judgement
    training_data: Judgement
    training_code: Judgement
    licence: Judgement
    commercial_use: Judgement
    derivatives: Judgement
    documentation: Judgement
    access: Judgement


class Model(Record):
    """One large language model as released by December 2023."""

    id: Slug
    name: Text
    developer: Text
    developer_member_id: Slug | None
    release_date: IsoDate
    release_source: Url
    gradient: Gradient
    gradient_note: LocalText
    gradient_source: Url
    dimensions: Dimensions
    licence_name: LocalText
    access_modes: Annotated[list[AccessMode], Field(min_length=1)]
    notes: LocalParagraph | None  # null, never empty


class FocusArea(Sourced):
    """One of the six objectives in the launch press release, summarised, with documented members."""

    id: Slug
    title: LocalText
    summary: LocalParagraph
    members: list[Slug]
    evidence: dict[str, Text] = Field(default_factory=dict)


class Event(Sourced):
    """A dated event; the date may be a year, a month or a day (quoted)."""

    date: str
    event: LocalParagraph

    @field_validator("date")
    @classmethod
    def _partial_date(cls, value: str) -> str:
        if re.fullmatch(r"\d{4}", value) or re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", value):
            return value
        return check_iso_date(value)


class Point(Sourced):
    point: LocalParagraph


class GradientLevel(Sourced):
    id: Gradient
    label: LocalText
    description: LocalText


class Initiatives(Record):
    """Everything on the Initiatives page that is not a model: sourced, validated like the members."""

    focus_areas: Annotated[list[FocusArea], Field(min_length=1)]
    gradient: Annotated[list[GradientLevel], Field(min_length=len(GRADIENT), max_length=len(GRADIENT))]
    arguments_open: Annotated[list[Point], Field(min_length=1)]
    arguments_closed: Annotated[list[Point], Field(min_length=1)]
    membership_quote: Text
    membership_source: Url
    analogy: Annotated[list[Point], Field(min_length=1)]
    timeline: Annotated[list[Event], Field(min_length=1)]
    outcome: Annotated[list[Point], Field(min_length=1)]


def reference_problems(
    initiatives: Initiatives, models: Sequence[Model], member_ids: set[str], file: str, models_file: str
) -> list[Problem]:
    """Member ids named by focus areas and models must exist; the gradient must list every level once, in order."""
    page = "(page content)"
    problems = [
        Problem(file, f"unknown member id {ident!r}", page, f"focus_areas.{i}.members")
        for i, area in enumerate(initiatives.focus_areas)
        for ident in [*area.members, *area.evidence]
        if ident not in member_ids
    ]
    problems += [
        Problem(models_file, f"unknown member id {m.developer_member_id!r}", f"'{m.id}' (#{i})", "developer_member_id")
        for i, m in enumerate(models, start=1)
        if m.developer_member_id is not None and m.developer_member_id not in member_ids
    ]
    if tuple(level.id for level in initiatives.gradient) != GRADIENT:
        problems.append(Problem(file, f"expected the levels in this order: {', '.join(GRADIENT)}", page, "gradient"))
    return problems


# ---------------------------------------------------------------- membership over time (data/events.yaml)

MILESTONE_KINDS: tuple[str, ...] = ("launch", "announcement", "working_group", "member_change", "reported_total")
MilestoneKind = Literal["launch", "announcement", "working_group", "member_change", "reported_total"]


class Milestone(Sourced):
    """One dated event in the Alliance's membership: the launch, an announcement of new members, a working
    group launched, a change among members, or a later total reported with no public roster behind it."""

    id: Slug
    date: IsoDate
    kind: MilestoneKind
    title: LocalText
    members: list[Slug] = Field(default_factory=list)  # the member ids the event names
    count: Annotated[int, Field(ge=1)] | None = None  # the number it states (a lower bound where worded so)
    count_wording: Text | None = None  # the words that state it, quoted
    notes: Annotated[str, Field(max_length=2000)] | None = None

    @model_validator(mode="after")
    def _what_each_kind_needs(self) -> Milestone:
        if self.kind in ("announcement", "reported_total") and (self.count is None or self.count_wording is None):
            raise ValueError(f"a {self.kind} event states a number: give count and count_wording")
        if self.kind in ("announcement", "member_change") and not self.members:
            raise ValueError(f"a {self.kind} event names members: give their ids in members")
        if self.kind == "reported_total" and self.members:
            raise ValueError("a reported total has no roster behind it: leave members empty")
        return self


def milestone_problems(events: Sequence[Milestone], members: Sequence[Member], file: str) -> list[Problem]:
    """Events name known members; one launch; an announced member is named by an announcement of its date."""
    by_id = {m.id: m for m in members}
    problems = [
        Problem(file, f"unknown member id {ident!r}", f"'{e.id}' (#{i})", "members")
        for i, e in enumerate(events, start=1)
        for ident in e.members
        if ident not in by_id
    ]
    if sum(e.kind == "launch" for e in events) != 1:
        problems.append(Problem(file, "expected exactly one event of kind 'launch'"))
    named = {(ident, e.date, e.source) for e in events if e.kind == "announcement" for ident in e.members}
    problems += [
        Problem(
            file,
            f"member {m.id!r} is dated by an announcement ({m.joined}, {m.joined_source}) that no "
            "announcement event of that date and source names",
            f"'{m.id}'",
            "members",
        )  # fmt: skip
        for m in members
        if m.joined_kind == "announced" and (m.id, m.joined, m.joined_source) not in named
    ]
    return problems
