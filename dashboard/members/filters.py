"""Filter state: a frozen dataclass, its query-parameter form, and applying it to the member frame.

``asof`` is a membership date: the members who had joined by then. Any day from the launch to today is
accepted; the dated milestones are offered as quick picks. Its default (empty) is the launch, which shows the
founding records only, so a link made before the date existed keeps its meaning."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any

import pandas as pd

COHORTS: tuple[str, ...] = ("all", "founding", "later")  # members named at the launch, or joined later

MAX_QUERY = 100  # characters kept from a search; longer text is cut and a notice shown
LIST_KEYS: tuple[str, ...] = ("sector", "region", "country", "category")
KEYS: tuple[str, ...] = (*LIST_KEYS, "q", "asof")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")


@dataclass(frozen=True)
class FilterState:
    """What the reader has narrowed the members to; empty means all."""

    sector: tuple[str, ...] = ()
    region: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    category: tuple[str, ...] = ()
    q: str = ""
    asof: str = ""  # an ISO date after the launch; empty: the launch

    @property
    def is_default(self) -> bool:
        return self == FilterState()

    def without(self, key: str) -> FilterState:
        """The same state with one filter back at its default."""
        changes: dict[str, Any] = {key: "" if key in ("q", "asof") else ()}
        return replace(self, **changes)


@dataclass(frozen=True)
class Options:
    """The values each list filter accepts, in display order, as computed from the data."""

    sector: tuple[str, ...]
    region: tuple[str, ...]
    country: tuple[str, ...]
    category: tuple[str, ...]
    asof: tuple[str, ...] = ()  # the dated milestones, launch first: quick picks; any day from the first on is valid

    def of(self, key: str) -> tuple[str, ...]:
        return tuple(getattr(self, key))


def options_from(
    frame: pd.DataFrame, *, sector_order: Sequence[str], region_order: Sequence[str], dates: Iterable[str] = ()
) -> Options:
    """Accepted values: every sector, region, country and category that occurs in the data; as dates, the
    launch, every later join date and every event date (``dates``) from the launch on, in order."""
    present = {key: set(frame[key].dropna()) for key in LIST_KEYS}
    launch = launch_date(frame)
    milestones = {launch, *frame["joined"], *dates} if launch else set()
    return Options(
        sector=tuple(s for s in sector_order if s in present["sector"]),
        region=tuple(r for r in region_order if r in present["region"]),
        country=tuple(sorted(present["country"])),
        category=tuple(sorted(present["category"])),
        asof=tuple(sorted(d for d in milestones if d >= launch)),
    )


def launch_date(frame: pd.DataFrame) -> str:
    """The join date of the founding records ("" when there are none)."""
    founding = frame.loc[is_founding(frame), "joined"]
    return str(founding.max()) if not founding.empty else ""


def clean_query(text: str) -> tuple[str, bool]:
    """Search text without control characters, squeezed, at most MAX_QUERY long; and whether it was cut."""
    squeezed = " ".join(_CONTROL.sub(" ", text).split())
    return squeezed[:MAX_QUERY], len(squeezed) > MAX_QUERY


def _pick(values: Iterable[str], allowed: Sequence[str]) -> tuple[tuple[str, ...], bool]:
    """Allowed values in the options' order, without repeats; and whether anything was dropped."""
    given = list(values)
    kept = tuple(v for v in allowed if v in given)
    return kept, any(v not in allowed for v in given)


def from_query(
    params: Mapping[str, Sequence[str]], options: Options, *, today: str | None = None
) -> tuple[FilterState, list[str]]:
    """Parse query parameters; invalid values are dropped. Returns the state and the keys that had any.
    ``today`` (ISO, default: the server's date) is the latest membership date accepted."""
    dropped: list[str] = []
    values: dict[str, Any] = {}
    for key in LIST_KEYS:
        raw = [str(v).strip() for v in params.get(key, [])]
        if key == "country":
            raw = [v.upper() for v in raw]
        values[key], bad = _pick(raw, options.of(key))
        if bad:
            dropped.append(key)
    texts = list(params.get("q", []))
    q, cut = clean_query(str(texts[-1])) if texts else ("", False)
    if cut:
        dropped.append("q")
    values["q"] = q
    latest = today or dt.date.today().isoformat()
    values["asof"] = pick_date(params.get("asof", []), options.asof[0] if options.asof else "", latest, dropped)
    return FilterState(**values), dropped


def pick_date(given: Sequence[str], launch: str, today: str, dropped: list[str]) -> str:
    """The last date given if it is a real day from the launch to ``today``, else the default (noted in
    ``dropped``); the launch itself is the default and is left out."""
    if not given:
        return ""
    value = str(given[-1]).strip()
    try:
        day = dt.date.fromisoformat(value).isoformat()
    except ValueError:
        day = ""
    if not launch or day != value or not launch <= day <= today:
        dropped.append("asof")
        return ""
    return "" if day == launch else day


def to_query(state: FilterState) -> dict[str, list[str]]:
    """Query parameters for a state; defaults are left out, so the default view has a bare URL."""
    query: dict[str, list[str]] = {}
    for field in fields(FilterState):
        value = getattr(state, field.name)
        if value:
            query[field.name] = [value] if isinstance(value, str) else list(value)
    return query


def fold(text: str) -> str:
    """Lower case without accents, for matching 'ecole' to 'École'."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def is_founding(frame: pd.DataFrame) -> pd.Series:
    """Which rows were named at the launch (the founding cohort), rather than shown or announced later."""
    return frame["joined_kind"] == "founding"


def joined_by(frame: pd.DataFrame, asof: str) -> pd.Series:
    """Which rows had joined by ``asof``; the default (empty) is the launch: the founding records."""
    if not asof:
        return is_founding(frame)
    return frame["joined"] <= asof


def apply(frame: pd.DataFrame, state: FilterState) -> pd.DataFrame:
    """The rows that match every active filter (list filters: any of the values; search: in a name;
    the date: joined by then)."""
    return frame[match_mask(frame, state)]


def match_mask(frame: pd.DataFrame, state: FilterState) -> pd.Series:
    """Which rows ``apply`` keeps, as a mask (no rows copied)."""
    mask = joined_by(frame, state.asof)
    for key in LIST_KEYS:
        chosen = getattr(state, key)
        if chosen:
            mask &= frame[key].isin(chosen)
    if state.q:
        needle = fold(state.q)
        haystack = (frame["name"] + " " + frame["short_name"]).map(fold)
        mask &= haystack.str.contains(needle, regex=False)
    return mask


def facet_counts(frame: pd.DataFrame, state: FilterState, key: str) -> dict[str, int]:
    """For one filter, how many members each value would show given all the *other* filters."""
    others = frame[key][match_mask(frame, state.without(key))]  # one column, not every row of every column
    return {str(k): int(v) for k, v in others.value_counts().items()}
