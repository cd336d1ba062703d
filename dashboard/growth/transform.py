"""Membership over time: pure frame-to-frame steps behind the growth chart and its sentence; no Streamlit."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.members.filters import is_founding

ON_LINE = ("launch", "announcement", "working_group", "member_change")  # events marked on the step line


def members_over_time(members: pd.DataFrame, *, until: str | None = None) -> pd.DataFrame:
    """One row per join date (date, added, count): how many joined that day and the running total.

    ``until`` (a later date) adds a last row with no one added, so the line runs on to it."""
    added = members.groupby("joined").size().rename("added").rename_axis("date").reset_index()
    added = added.sort_values("date").reset_index(drop=True)
    added["count"] = added["added"].cumsum()
    if until and (added.empty or until > added["date"].iloc[-1]):
        last = int(added["count"].iloc[-1]) if not added.empty else 0
        added = pd.concat([added, pd.DataFrame({"date": [until], "added": [0], "count": [last]})], ignore_index=True)
    return added


def count_on(steps: pd.DataFrame, date: str) -> int:
    """The running total on ``date`` (0 before the first step)."""
    before = steps[steps["date"] <= date]
    return int(before["count"].iloc[-1]) if not before.empty else 0


def event_marks(events: pd.DataFrame, steps: pd.DataFrame) -> pd.DataFrame:
    """Events drawn on the step line (date, y, title, kind, named, count, number): one row per date, titles
    joined, numbered in date order."""
    on_line = events[events["kind"].isin(ON_LINE)]
    marks = on_line.groupby("date", sort=True).agg(
        title=("title", "<br>".join), kind=("kind", "first"), named=("named", "sum"),
        count=("count", "max"),
    )  # fmt: skip
    marks = marks.reset_index()
    marks["y"] = [count_on(steps, d) for d in marks["date"]]
    marks["number"] = range(1, len(marks) + 1)  # the chart shows numbers; the list of events repeats them
    return marks


def reported_totals(events: pd.DataFrame) -> pd.DataFrame:
    """Totals the Alliance reported later with no public roster behind them (date, count, count_wording, source)."""
    totals = events[events["kind"] == "reported_total"]
    return totals.loc[:, ["date", "count", "count_wording", "source"]].reset_index(drop=True)


@dataclass(frozen=True)
class Growth:
    """The figures of the growth sentence, computed from the data."""

    later: int  # organisations that joined after the launch, by the date shown
    first: str | None  # the first and last later join dates
    last: str | None
    total: int  # everyone, by the date shown
    reported: int | None  # the latest reported total and its date and words, if any
    reported_date: str | None
    reported_wording: str | None


def growth(members: pd.DataFrame, events: pd.DataFrame, *, asof: str) -> Growth:
    """How many joined after the launch by ``asof``, between which dates, and the latest reported total by then."""
    shown = members[members["joined"] <= asof]
    later = shown[~is_founding(shown)]
    totals = reported_totals(events)
    totals = totals[totals["date"] <= asof]
    latest = totals.iloc[-1] if not totals.empty else None
    return Growth(
        later=len(later),
        first=str(later["joined"].min()) if len(later) else None,
        last=str(later["joined"].max()) if len(later) else None,
        total=len(shown),
        reported=int(latest["count"]) if latest is not None else None,
        reported_date=str(latest["date"]) if latest is not None else None,
        reported_wording=str(latest["count_wording"]) if latest is not None else None,
    )


def cohort_counts(members: pd.DataFrame) -> dict[str, int]:
    """How many founding and how many later members a frame holds."""
    founding = int((is_founding(members)).sum())
    return {"founding": founding, "later": len(members) - founding}
