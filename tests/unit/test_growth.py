"""Membership over time: the step frame, the event marks, reported totals, the sentence's figures, the figure."""

from __future__ import annotations

import pandas as pd

from dashboard.growth import transform as growth
from dashboard.growth.figures import membership_timeline

NAMES = {"line": "Members", "events": "Events", "reported": "Reported", "shown": "shown"}


def members() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["a", "b", "c", "d", "e"],
            "joined": ["2023-12-05", "2023-12-05", "2024-01-04", "2024-02-08", "2024-02-08"],
            "joined_kind": ["founding", "founding", "listed", "announced", "announced"],
        }
    )


def events() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["launch", "news", "wg", "total"],
            "date": ["2023-12-05", "2024-02-08", "2024-02-08", "2024-12-01"],
            "kind": ["launch", "announcement", "working_group", "reported_total"],
            "title": ["Launch", "New members", "A working group", "Reported"],
            "members": [("a", "b"), ("d", "e"), (), ()],
            "named": [2, 2, 0, 0],
            "count": pd.array([2, 25, None, 140], dtype="Int64"),
            "count_wording": ["over 1", "25+", None, "more than 140 members"],
            "source": ["https://a.example"] * 4,
        }
    )


def test_members_over_time_is_a_running_total_per_join_date() -> None:
    steps = growth.members_over_time(members(), until="2024-12-01")
    assert steps.to_dict("list") == {
        "date": ["2023-12-05", "2024-01-04", "2024-02-08", "2024-12-01"],
        "added": [2, 1, 2, 0],
        "count": [2, 3, 5, 5],
    }


def test_event_marks_sit_on_the_line_one_per_date() -> None:
    steps = growth.members_over_time(members())
    marks = growth.event_marks(events(), steps)
    assert list(marks["date"]) == ["2023-12-05", "2024-02-08"]
    assert list(marks["y"]) == [2, 5]
    assert marks["title"].iloc[1] == "New members<br>A working group"
    assert list(marks["number"]) == [1, 2]


def test_reported_totals_are_kept_apart_from_the_line() -> None:
    totals = growth.reported_totals(events())
    assert totals["count"].tolist() == [140]
    assert "reported_total" not in set(growth.event_marks(events(), growth.members_over_time(members()))["kind"])


def test_growth_counts_later_members_and_the_latest_reported_total_by_the_date() -> None:
    g = growth.growth(members(), events(), asof="2099-01-01")
    assert (g.later, g.first, g.last, g.total) == (3, "2024-01-04", "2024-02-08", 5)
    assert (g.reported, g.reported_date) == (140, "2024-12-01")
    early = growth.growth(members(), events(), asof="2024-01-04")
    assert (early.later, early.total, early.reported) == (1, 3, None)


def test_cohort_counts() -> None:
    assert growth.cohort_counts(members()) == {"founding": 2, "later": 3}


def test_timeline_draws_a_step_line_labelled_events_and_distinct_reported_points() -> None:
    steps = growth.members_over_time(members(), until="2024-12-01")
    marks = growth.event_marks(events(), steps)
    fig = membership_timeline(steps, marks, growth.reported_totals(events()), asof="2024-01-04", title="Growth",
                              source="Source: x", axis="Members", names=NAMES)  # fmt: skip
    line, points, reported = fig.data
    assert line.type == "scatter" and line.mode == "lines" and line.line.shape == "hv"
    assert list(line.y) == [2, 3, 5, 5]
    assert points.mode == "markers+text" and list(points.text) == ["1", "2"]
    assert list(points.customdata) == ["Launch", "New members<br>A working group"]
    assert reported.marker.symbol == "diamond-open" and list(reported.y) == [140]
    assert reported.marker.color != line.line.color
    assert [t.name for t in fig.data] == ["Members", "Events", "Reported"]
    assert fig.layout.title.text == "Growth" and fig.layout.yaxis.title.text == "Members"
    assert fig.layout.shapes[0].x0 == "2024-01-04"


def test_timeline_without_reported_totals_has_two_traces() -> None:
    steps = growth.members_over_time(members())
    fig = membership_timeline(steps, growth.event_marks(events(), steps), growth.reported_totals(events()).iloc[0:0],
                              asof="2023-12-05", title="t", source="s", axis="a", names=NAMES)  # fmt: skip
    assert len(fig.data) == 2
