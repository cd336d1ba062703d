"""The Alliance's own record (data/alliance_site.yaml) held against our members: places, dates, announcements.

The record is imported from the Alliance's website repository by scripts/import_alliance_site.py; the table
that says which of our members each of its names means (data/alliance_names.yaml) is kept by hand. Our data
may disagree with the record (a map can be wrong), but only on purpose: a member that differs carries a
``disagreements`` entry with a sourced reason, and an entry that no longer matches a difference is an error
too, so the About page's list of disagreements is always the true one. No Streamlit here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field

from dashboard import paths
from dashboard.files import read_yaml
from dashboard.members.schema import Member
from dashboard.records import Country, IsoDate, Record, Slug, Text, Url
from dashboard.validation import DataError, Problem, record_problems

Sha = Annotated[str, Field(pattern=r"^[0-9a-f]{40}$")]


class Logo(Record):
    """One logo on the members page and the first commit whose list carried it."""

    name: Text
    image: Text
    first_commit: Sha
    first_date: IsoDate


class MembersPage(Record):
    file: Text
    logos: list[Logo]


class Placement(Record):
    """An organisation's label on the members map and the place label above it."""

    name: Text
    place: Text
    country: Country
    region: Text | None


class SiteMap(Record):
    """The members map at one commit: on the launch day, or the latest read."""

    role: Literal["launch", "latest"]
    file: Text
    commit: Sha
    date: IsoDate
    placements: list[Placement]

    @property
    def url(self) -> str:
        """The map as a page a reader can open."""
        return f"https://github.com/The-AI-Alliance/website/blob/{self.commit}/{self.file}"


class Announcement(Record):
    """A news post and the organisations its abstract names."""

    file: Text
    date: IsoDate
    title: Annotated[str, Field(min_length=1, max_length=500)]
    names: list[Text]


class AllianceSite(Record):
    """What scripts/import_alliance_site.py wrote: the record and where it was read."""

    repository: Url
    commit: Sha
    commit_date: Text
    licence: Text | None
    licence_note: Text
    launch: IsoDate
    members_page: MembersPage
    maps: Annotated[list[SiteMap], Field(min_length=1)]
    announcements: list[Announcement]

    def map(self, role: str) -> SiteMap | None:
        """The map of one role, if the record has it."""
        return next((m for m in self.maps if m.role == role), None)


class AllianceNames(Record):
    """The site's names (logo alt text, map labels, announcement names) -> our member ids."""

    names: dict[str, Slug]


@dataclass(frozen=True)
class AllianceRecord:
    """The imported record and how its names map to our members."""

    site: AllianceSite
    names: Mapping[str, str]


def load_alliance_record(path: Path = paths.ALLIANCE_SITE, names_path: Path = paths.ALLIANCE_NAMES) -> AllianceRecord:
    """Read and validate the imported record and the name table; raise DataError with every problem."""
    problems: list[Problem] = []
    site, found = record_problems(AllianceSite, read_yaml(path), paths.display(path), "(the Alliance's record)")
    problems += found
    names, found = record_problems(AllianceNames, read_yaml(names_path), paths.display(names_path), "(names)")
    problems += found
    if site is None or names is None or problems:
        raise DataError(problems)
    named = (
        {p.name for m in site.maps for p in m.placements}
        | {logo.name for logo in site.members_page.logos}
        | {name for a in site.announcements for name in a.names}
    )
    missing = sorted(name for name in named if name not in names.names)
    if missing:
        raise DataError([Problem(paths.display(names_path), f"the Alliance's record names {name!r}: add it with "
                                 "the member id it means", "(names)", "names") for name in missing])  # fmt: skip
    return AllianceRecord(site, names.names)


@dataclass(frozen=True)
class Finding:
    """One difference between a member and the Alliance's record."""

    member: str
    field: str  # hq.country, hq.region or joined
    alliance: str  # what the record says
    ours: str
    where: str  # which part of the record (a URL)


def _placement(member: Member, record: AllianceRecord) -> tuple[Placement, SiteMap] | None:
    """The map that applies: the launch map for a founder it shows, else the latest map."""
    roles = ("launch", "latest") if member.founding else ("latest",)
    for role in roles:
        site_map = record.site.map(role)
        if site_map is None:
            continue
        for placement in site_map.placements:
            if record.names.get(placement.name) == member.id:
                return placement, site_map
    return None


def place_findings(member: Member, record: AllianceRecord) -> list[Finding]:
    """Country, and region where we give only a region, against the map."""
    found = _placement(member, record)
    if found is None:
        return []
    placement, site_map = found
    out = []
    if member.hq.country != placement.country:
        out.append(Finding(member.id, "hq.country", placement.place, str(member.hq.country), site_map.url))
    elif member.hq.precision == "region" and placement.region and member.hq.region != placement.region:
        out.append(Finding(member.id, "hq.region", placement.place, str(member.hq.region), site_map.url))
    return out


def date_findings(member: Member, record: AllianceRecord) -> list[Finding]:
    """A listed member's date is its logo's first commit; an announced member is named by its announcement."""
    source = member.joined_source or ""
    if member.joined_kind == "listed":
        logos = [logo for logo in record.site.members_page.logos if record.names.get(logo.name) == member.id]
        if not logos:
            return [Finding(member.id, "joined", "no logo on the members page", member.joined, source)]
        logo = min(logos, key=lambda lg: lg.first_date)
        if logo.first_date != member.joined or not source.endswith(logo.first_commit):
            said = f"logo first shown on {logo.first_date} (commit {logo.first_commit[:7]})"
            return [Finding(member.id, "joined", said, member.joined, source)]
    if member.joined_kind == "announced":
        posts = [a for a in record.site.announcements if source.endswith(a.file)]
        if not posts or member.id not in {record.names.get(n) for n in posts[0].names}:
            said = f"not named by {posts[0].file}" if posts else "no announcement in the record at that address"
            return [Finding(member.id, "joined", said, member.joined, source)]
    return []


def findings(members: Sequence[Member], record: AllianceRecord) -> list[Finding]:
    """Every difference between our members and the Alliance's record, in the member file's order."""
    return [f for m in members for f in (*place_findings(m, record), *date_findings(m, record))]


def record_check_problems(members: Sequence[Member], record: AllianceRecord, file: str) -> list[Problem]:
    """A difference not recorded in the member's ``disagreements`` fails, and so does a recorded one that is
    no longer a difference; every name in the name table must be a member."""
    by_id = {m.id: m for m in members}
    problems = [
        Problem(paths.display(paths.ALLIANCE_NAMES), f"{name!r} maps to unknown member id {ident!r}", "(names)")
        for name, ident in record.names.items()
        if ident not in by_id
    ]
    found = {(f.member, f.field): f for f in findings(members, record)}
    for position, member in enumerate(members, start=1):
        label = f"'{member.id}' (#{position})"
        recorded = {d.field for d in member.disagreements}
        for (ident, field), finding in found.items():
            if ident == member.id and field not in recorded:
                problems.append(Problem(file, f"the Alliance's record says {finding.alliance!r} ({finding.where}); "
                                        f"ours is {finding.ours!r}: fix the record, or add a disagreements entry "
                                        "with the reason and its source", label, field))  # fmt: skip
        problems += [
            Problem(file, "a disagreement is recorded but the Alliance's record agrees: remove it", label,
                    f"disagreements ({field})")
            for field in recorded
            if (member.id, field) not in found
        ]  # fmt: skip
    return problems


@dataclass(frozen=True)
class Coverage:
    """How far our members agree with the record: founders the launch map places, and how many we place."""

    founders_on_map: int
    founders_placed: int
    later: int
    later_placed: int
    later_with_website: int


def coverage(members: Sequence[Member], record: AllianceRecord) -> Coverage:
    """Counts for the validator's summary and the closing of a data review."""
    founders = [m for m in members if m.founding]
    later = [m for m in members if not m.founding]
    on_map = [m for m in founders if _placement(m, record) is not None]
    return Coverage(
        founders_on_map=len(on_map),
        founders_placed=sum(m.hq.country is not None for m in on_map),
        later=len(later),
        later_placed=sum(m.hq.country is not None for m in later),
        later_with_website=sum(m.website is not None for m in later),
    )
