"""Cached data: each file loaded and validated once per change, shared by every session; keyed by file stamps."""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import paths
from dashboard.files import stamp
from dashboard.growth.load import load_checked_events, localise_events
from dashboard.i18n import DEFAULT_LANG
from dashboard.members import filters
from dashboard.members.filters import Options, is_founding
from dashboard.members.load import (
    Categories,
    Regions,
    load_alliance,
    load_categories,
    load_members,
    load_regions,
    localise_members,
)
from dashboard.members.record import AllianceRecord, load_alliance_record
from dashboard.members.schema import SECTORS, Alliance

# ---------------------------------------------------------------- cached data

_log = logging.getLogger(__name__)


def file_stamp(*files: Path) -> tuple[tuple[int, int], ...]:
    """What the cache is keyed on: each file's modification time (ns) and size, (0, -1) when it is gone.

    A maintainer who saves a file changes its stamp, so the next run reloads it; a load that fails is not
    cached, so every run retries until the file is valid again, and the pages recover without a restart.
    The cached functions take it as ``stamp``, never ``_stamp``: st.cache_data leaves parameters whose
    name starts with an underscore out of the key, which would keep serving the old data."""
    return tuple(stamp(path) for path in files)


# The member frame and the events are kept as resources, not data: st.cache_data pickles what it keeps and
# unpickles it on every hit (at 100,000 members, seconds each time, and a second copy in memory). Both are
# read-only here (pandas copies on write), and each comes from a snapshot when no file has changed.
@st.cache_resource(show_spinner=False, max_entries=8)
def _cached_members(files: tuple[str, str, str], stamp: tuple[tuple[int, int], ...]) -> pd.DataFrame:
    members, categories, regions = map(Path, files)
    started = time.perf_counter()
    frame = load_members(members, categories_path=categories, regions_path=regions)
    _log.info("read %d member records from %s in %.2f s", len(frame), members, time.perf_counter() - started)
    return frame


@st.cache_data(show_spinner=False, max_entries=8)
def _cached_refs(
    files: tuple[str, str, str], stamp: tuple[tuple[int, int], ...]
) -> tuple[Alliance, Categories, Regions]:
    alliance, categories, regions = map(Path, files)
    return load_alliance(alliance), load_categories(categories), load_regions(regions)


@st.cache_resource(show_spinner=False, max_entries=8)
def _cached_events(files: tuple[str, str, str, str], stamp: tuple[tuple[int, int], ...]) -> pd.DataFrame:
    events, members, categories, regions = map(Path, files)
    return load_checked_events(events, members_path=members, categories_path=categories, regions_path=regions)


def _country_names(members: pd.DataFrame) -> dict[str, str]:
    pairs = members.dropna(subset=["country"]).drop_duplicates("country")
    return dict(zip(pairs["country"], pairs["country_name"], strict=True))


@dataclass(frozen=True)
class Data:
    """Everything the pages read, loaded once per file change; display columns in the reader's language."""

    members: pd.DataFrame
    alliance: Alliance
    categories: Categories
    regions: Regions
    events: pd.DataFrame  # the dated membership events, one row each in date order

    country_names: Mapping[str, str]  # ISO code -> common name in the reader's language, for the codes in the data

    @property
    def founding(self) -> pd.DataFrame:
        """The organisations named at the launch."""
        return self.members[is_founding(self.members)]

    # Derived once per data version (the Data object itself is shared by every session and run).
    @cached_property
    def options(self) -> Options:
        return filters.options_from(
            self.members, sector_order=SECTORS, region_order=list(self.regions.label), dates=self.events["date"]
        )

    @cached_property
    def ids(self) -> frozenset[str]:
        return frozenset(self.members["id"])


@st.cache_resource(show_spinner=False, max_entries=8)
def _shared(files: tuple[str, ...], stamp: tuple[tuple[int, int], ...], lang: str) -> Data:
    """One read-only Data per version of the files and language, shared instead of copied on every run (pandas
    copies on write, so a page that changes a frame it got from here changes only its own copy)."""
    members_file, alliance_file, categories_file, regions_file, events_file = files
    alliance, categories, regions = _cached_refs((alliance_file, categories_file, regions_file), stamp)
    members = _cached_members((members_file, categories_file, regions_file), stamp)
    members = localise_members(members, lang, categories, regions)
    events = localise_events(_cached_events((events_file, members_file, categories_file, regions_file), stamp), lang)
    return Data(members, alliance, categories, regions, events, _country_names(members))


@st.cache_data(show_spinner=False, max_entries=4)
def _cached_record(files: tuple[str, str], stamp: tuple[tuple[int, int], ...]) -> AllianceRecord:
    site, names = map(Path, files)
    return load_alliance_record(site, names)


def load_record() -> AllianceRecord:
    """The Alliance's own record as imported (About page); raises DataError naming every problem."""
    site, names = paths.ALLIANCE_SITE, paths.ALLIANCE_NAMES
    return _cached_record((str(site), str(names)), file_stamp(site, names))


def load_data(lang: str = DEFAULT_LANG) -> Data:
    """The validated datasets, with category, country and region names and event titles in ``lang``;
    raises DataError naming every problem."""
    files = (paths.MEMBERS, paths.ALLIANCE, paths.CATEGORIES, paths.REGIONS, paths.EVENTS)
    return _shared(tuple(map(str, files)), file_stamp(*files, paths.SOURCES), lang)
