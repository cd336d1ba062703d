"""Loading the members, their reference tables and the launch facts into validated frames; no Streamlit here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard import formats, paths, snapshot
from dashboard.files import mapping_of, read_yaml
from dashboard.members.schema import Alliance, Category, Member, Region, cross_record_problems
from dashboard.places import Places, load_places
from dashboard.records import LANGUAGES
from dashboard.sources import AcceptedHosts, accepted_hosts, host_problems
from dashboard.validation import DataError, Problem, list_problems, record_problems

MEMBER_COLUMNS: tuple[str, ...] = (
    "id", "name", "short_name", "sector", "category", "category_label", "membership", "joined",
    "joined_kind", "joined_source", "city", "hq_region", "country", "country_name", "region", "region_label", "lat",
    "lon", "precision", "hq_source", "part_of", "website", "founded", "sources", "notes", "notes_text",
    "disagreements",
)  # fmt: skip


def _labels(raw: Mapping[str, Any]) -> dict[str, dict[str, str]]:
    """language -> slug -> label, from entries whose ``label`` holds one text per language."""
    return {lang: {slug: entry["label"][lang] for slug, entry in raw.items()} for lang in LANGUAGES}


@dataclass(frozen=True)
class Labelled:
    """A reference table's labels: language -> slug -> label, in the file's order."""

    labels: Mapping[str, Mapping[str, str]]

    @property
    def label(self) -> Mapping[str, str]:
        """The English labels."""
        return self.labels["en"]


@dataclass(frozen=True)
class Categories(Labelled):
    """Category slug -> sector, with the labels of every category."""

    sector: Mapping[str, str]


def load_categories(path: Path = paths.CATEGORIES) -> Categories:
    """Read the category table; one entry per category slug."""
    raw = mapping_of(Category, path, "category slugs to {sector, label: {en, fr}}")
    return Categories(_labels(raw), {k: v["sector"] for k, v in raw.items()})


@dataclass(frozen=True)
class Regions(Labelled):
    """Country code -> region slug, with the labels of every region."""

    of_country: Mapping[str, str]


def load_regions(path: Path = paths.REGIONS) -> Regions:
    """Read the region table; a country may belong to one region only."""
    raw = mapping_of(Region, path, "region slugs to {label: {en, fr}, countries}")
    of_country: dict[str, str] = {}
    problems = []
    for region, entry in raw.items():
        for code in entry["countries"]:
            if code in of_country:
                problems.append(
                    Problem(paths.display(path), f"country {code} is also in '{of_country[code]}'", f"'{region}'")
                )
            of_country[code] = region
    if problems:
        raise DataError(problems)
    return Regions(_labels(raw), of_country)


def country_name(code: str) -> str:
    """The common English name of an ISO 3166-1 alpha-3 code (``VNM`` -> ``Vietnam``)."""
    return formats.country_name(code, "en")


def load_sources(path: Path = paths.SOURCES) -> AcceptedHosts:
    """Read the accepted source hosts; one row per host (data/sources.yaml)."""
    return accepted_hosts(read_yaml(path), paths.display(path))


def validate_members(
    raw: Any, file: str, categories: Categories, regions: Regions, hosts: AcceptedHosts | None = None
) -> list[Member]:
    """Validate the parsed member file (and, given ``hosts``, every URL in it); raise one DataError listing
    every problem."""
    members, problems = list_problems(Member, raw, file, "member records")
    if hosts is not None:
        problems.extend(host_problems(raw, file, hosts))
    problems.extend(cross_record_problems(members, file, categories.sector, regions.of_country))
    places = load_places()
    if places.countries:  # without the map's shapes (a lost static folder) nothing can be checked, or drawn there
        problems.extend(placement_problems(members, file, places))
    if problems:
        raise DataError(problems)
    return members


def placement_problems(members: list[Member], file: str, places: Places) -> list[Problem]:
    """A member known only to a region or a country must have a representative point to be drawn at."""
    return [
        Problem(file, f"no representative point for {m.hq.region or m.hq.country!r} on the map's shapes (regions are "
                "known for US states only)", f"'{m.id}' (#{i})", "hq.region" if m.hq.region else "hq.country")
        for i, m in enumerate(members, start=1)
        if m.hq.precision in ("region", "country") and places.point(str(m.hq.country), m.hq.region) is None
    ]  # fmt: skip


def members_frame(
    members: list[Member], categories: Categories, regions: Regions, places: Places | None = None
) -> pd.DataFrame:
    """One row per organisation, headquarters flattened and derived columns added; a member known only to a
    region or a country gets that place's representative point as its coordinates."""
    places = places or load_places()
    names = {code: country_name(code) for code in {m.hq.country for m in members} if code}
    rows = []
    for m in members:
        row = m.model_dump(exclude={"hq", "notes", "disagreements"})
        hq = m.hq.model_dump()
        row.update(hq_region=hq.pop("region"), hq_source=hq.pop("source"), **hq)
        if m.hq.precision in ("region", "country"):
            row["lat"], row["lon"] = places.point(str(m.hq.country), m.hq.region) or (None, None)
        row["notes_text"] = m.notes.model_dump() if m.notes else None
        row["notes"] = m.notes.en if m.notes else None
        row["disagreements"] = tuple(d.model_dump() for d in m.disagreements)
        row["category_label"] = categories.label[m.category]
        code = m.hq.country
        row["country_name"] = names[code] if code else None
        row["region"] = regions.of_country[code] if code else None
        row["region_label"] = regions.label[row["region"]] if code else None
        rows.append(row)
    frame = pd.DataFrame(rows, columns=list(MEMBER_COLUMNS))
    frame["founded"] = frame["founded"].astype("Int64")
    return frame


def localise_members(frame: pd.DataFrame, lang: str, categories: Categories, regions: Regions) -> pd.DataFrame:
    """The same rows with the display columns (category, country and region names) in ``lang``;
    slugs, codes and names of organisations are unchanged."""
    if lang == "en":
        return frame
    names = {code: formats.country_name(code, lang) for code in frame["country"].dropna().unique()}
    return frame.assign(
        category_label=frame["category"].map(categories.labels[lang]),
        country_name=frame["country"].map(names),
        region_label=frame["region"].map(regions.labels[lang]),
        notes=frame["notes_text"].map(lambda text: text[lang] if isinstance(text, dict) else None),
    )


def load_members(
    path: Path = paths.MEMBERS,
    *,
    categories_path: Path = paths.CATEGORIES,
    regions_path: Path = paths.REGIONS,
    sources_path: Path = paths.SOURCES,
) -> pd.DataFrame:
    """Load and validate the member file: one row per organisation, at the launch or later.

    Raises DataError with every problem (file, record, field, expectation) when anything is wrong.
    """
    files = (path, categories_path, regions_path, sources_path, paths.WORLD_TOPOLOGY, paths.USA_TOPOLOGY)

    def build() -> pd.DataFrame:
        categories, regions = load_categories(categories_path), load_regions(regions_path)
        members = load_member_records(path, categories_path=categories_path, regions_path=regions_path,
                                      sources_path=sources_path)  # fmt: skip
        return members_frame(members, categories, regions)

    return snapshot.cached("members-frame", files, build)


def load_member_records(
    path: Path = paths.MEMBERS,
    *,
    categories_path: Path = paths.CATEGORIES,
    regions_path: Path = paths.REGIONS,
    sources_path: Path = paths.SOURCES,
) -> list[Member]:
    """The member file as validated records (for the frame, and for checks that need more than the frame); from a
    snapshot when no file has changed since it was taken (dashboard/snapshot.py)."""
    files = (path, categories_path, regions_path, sources_path, paths.WORLD_TOPOLOGY, paths.USA_TOPOLOGY)

    def build() -> list[Member]:
        categories, regions = load_categories(categories_path), load_regions(regions_path)
        return validate_members(read_yaml(path), paths.display(path), categories, regions, load_sources(sources_path))

    return snapshot.cached("member-records", files, build)


def reference_tables() -> tuple[Categories, Regions]:
    return load_categories(), load_regions()


def load_alliance(path: Path = paths.ALLIANCE, *, sources_path: Path = paths.SOURCES) -> Alliance:
    """Read the launch facts (one mapping of sourced values)."""
    raw = read_yaml(path)
    name = paths.display(path)
    if not isinstance(raw, dict):
        raise DataError([Problem(name, f"top level: expected a mapping, got {type(raw).__name__}")])
    alliance, problems = record_problems(Alliance, raw, name, "(launch facts)")
    problems += host_problems(raw, name, load_sources(sources_path), "(launch facts)")
    if alliance is None or problems:
        raise DataError(problems)
    return alliance
