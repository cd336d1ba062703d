"""The membership date (asof): parsed from the URL, left out at its default, applied to the joined column."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.members.filters import FilterState, Options, apply, from_query, joined_by, options_from, to_query

DATES = ("2023-12-05", "2024-01-04", "2024-02-08")
OPTIONS = Options(sector=(), region=(), country=(), category=(), asof=DATES)


def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["ibm", "meta", "wandb", "anaconda"],
            "name": ["IBM", "Meta", "Weights & Biases", "Anaconda"],
            "short_name": ["IBM", "Meta", "W&B", "Anaconda"],
            "sector": ["company"] * 4,
            "region": ["north_america"] * 4,
            "country": ["USA"] * 4,
            "category": ["x"] * 4,
            "joined": ["2023-12-05", "2023-12-05", "2024-01-04", "2024-02-08"],
            "joined_kind": ["founding", "founding", "listed", "announced"],
        }
    )


@pytest.mark.parametrize(
    ("given", "asof", "dropped"),
    [
        ([], "", []),
        (["2024-01-04"], "2024-01-04", []),
        (["2024-02-08"], "2024-02-08", []),
        (["2023-12-05"], "", []),  # the launch is the default: normalised away
        ([" 2024-01-04 "], "2024-01-04", []),
        (["2024-01-05"], "2024-01-05", []),  # any day, not only a milestone
        (["2024-03-01"], "2024-03-01", []),
        (["2026-12-04"], "2026-12-04", []),  # today
        (["2026-12-05"], "", ["asof"]),  # after today
        (["2023-12-04"], "", ["asof"]),  # before the launch
        (["20240105"], "", ["asof"]),  # not written the ISO way the app writes it
        (["2024-02-30"], "", ["asof"]),
        (["2024-13-01"], "", ["asof"]),
        (["yesterday"], "", ["asof"]),
        (["<script>"], "", ["asof"]),
        (["2024-01-04", "2024-02-08"], "2024-02-08", []),  # the last one wins, as for the search
    ],
)
def test_asof_in_the_url_parses_to_a_day_from_the_launch_to_today(
    given: list[str], asof: str, dropped: list[str]
) -> None:
    assert from_query({"asof": given}, OPTIONS, today="2026-12-04") == (FilterState(asof=asof), dropped)


@pytest.mark.parametrize(
    ("asof", "ids"),
    [
        ("", ["ibm", "meta"]),
        ("2024-01-04", ["ibm", "meta", "wandb"]),
        ("2024-02-08", ["ibm", "meta", "wandb", "anaconda"]),
    ],
)
def test_apply_shows_the_members_who_had_joined_by_the_date(asof: str, ids: list[str]) -> None:
    assert list(apply(frame(), FilterState(asof=asof))["id"]) == ids
    assert list(frame()[joined_by(frame(), asof)]["id"]) == ids


def test_the_default_date_stays_out_of_the_url_and_a_later_one_round_trips() -> None:
    assert to_query(FilterState()) == {}
    state = FilterState(sector=("company",), asof="2024-01-04")
    assert to_query(state) == {"sector": ["company"], "asof": ["2024-01-04"]}
    assert from_query(to_query(state), Options(("company",), (), (), (), DATES)) == (state, [])


def test_the_date_combines_with_the_other_filters_and_resets_alone() -> None:
    state = FilterState(q="w&b", asof="2024-02-08")
    assert list(apply(frame(), state)["id"]) == ["wandb"]
    assert state.without("asof") == FilterState(q="w&b")
    assert not state.is_default and FilterState(asof="").is_default


def test_options_offer_the_launch_then_every_join_and_event_date_in_order() -> None:
    options = options_from(frame(), sector_order=["company"], region_order=["north_america"],
                           dates=["2024-08-09", "2023-01-01"])  # fmt: skip
    assert options.asof == ("2023-12-05", "2024-01-04", "2024-02-08", "2024-08-09")
