"""Filter state <-> query parameters, and applying filters to a frame."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.members.filters import (
    MAX_QUERY,
    FilterState,
    Options,
    apply,
    clean_query,
    facet_counts,
    from_query,
    to_query,
)

OPTIONS = Options(
    sector=("company", "academia", "nonprofit"),
    region=("north_america", "europe"),
    country=("CHE", "DEU", "USA"),
    category=("semiconductors_hardware", "university"),
)


def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["amd", "eth", "epfl", "tum", "lf"],
            "name": ["Advanced Micro Devices", "ETH Zurich", "École polytechnique fédérale", "TU München", "Linux F"],
            "short_name": ["AMD", "ETH", "EPFL", "TUM", "LF"],
            "sector": ["company", "academia", "academia", "academia", "nonprofit"],
            "region": ["north_america", "europe", "europe", "europe", "north_america"],
            "country": ["USA", "CHE", "CHE", "DEU", "USA"],
            "category": ["semiconductors_hardware", "university", "university", "university", "foundation"],
            "joined": ["2023-12-05"] * 5,
            "joined_kind": ["founding"] * 5,
        }
    )


@pytest.mark.parametrize(
    ("params", "state", "dropped"),
    [
        ({}, FilterState(), []),
        ({"sector": ["academia"]}, FilterState(sector=("academia",)), []),
        ({"sector": ["nonprofit", "academia", "academia"]}, FilterState(sector=("academia", "nonprofit")), []),
        ({"sector": ["bogus"]}, FilterState(), ["sector"]),
        ({"sector": ["academia", "bogus"]}, FilterState(sector=("academia",)), ["sector"]),
        ({"country": ["che"]}, FilterState(country=("CHE",)), []),
        ({"country": ["XXX"]}, FilterState(), ["country"]),
        ({"region": ["europe"], "q": ["  eth  "]}, FilterState(region=("europe",), q="eth"), []),
        ({"q": ["x" * 10_000]}, FilterState(q="x" * MAX_QUERY), ["q"]),
        ({"q": ["a\x00b\u202ec"]}, FilterState(q="a b c"), []),
        ({"category": ["university"], "unknown": ["1"]}, FilterState(category=("university",)), []),
    ],
)
def test_query_parameters_parse_to_state(params: dict[str, list[str]], state: FilterState, dropped: list[str]) -> None:
    assert from_query(params, OPTIONS) == (state, dropped)


@pytest.mark.parametrize(
    "state",
    [
        FilterState(),
        FilterState(sector=("company", "academia")),
        FilterState(region=("europe",), country=("CHE", "DEU"), q="école"),
        FilterState(category=("university",), q="a b"),
    ],
)
def test_state_round_trips_through_the_url(state: FilterState) -> None:
    assert from_query(to_query(state), OPTIONS) == (state, [])


def test_defaults_are_left_out_of_the_url() -> None:
    assert to_query(FilterState()) == {}
    assert to_query(FilterState(sector=("academia",))) == {"sector": ["academia"]}


@pytest.mark.parametrize(
    ("state", "ids"),
    [
        (FilterState(), ["amd", "eth", "epfl", "tum", "lf"]),
        (FilterState(sector=("academia",)), ["eth", "epfl", "tum"]),
        (FilterState(sector=("academia",), country=("CHE",)), ["eth", "epfl"]),
        (FilterState(sector=("company", "nonprofit")), ["amd", "lf"]),
        (FilterState(region=("europe",), category=("university",)), ["eth", "epfl", "tum"]),
        (FilterState(q="ecole"), ["epfl"]),
        (FilterState(q="MÜNCHEN"), ["tum"]),
        (FilterState(q="amd"), ["amd"]),
        (FilterState(q="zzz"), []),
        (FilterState(q=".*"), []),
        (FilterState(sector=("academia",), country=("USA",)), []),
    ],
)
def test_apply_keeps_rows_matching_every_filter(state: FilterState, ids: list[str]) -> None:
    assert list(apply(frame(), state)["id"]) == ids


def test_facet_counts_ignore_the_filter_they_describe() -> None:
    state = FilterState(sector=("academia",), country=("CHE",))
    assert facet_counts(frame(), state, "sector") == {"academia": 2}
    assert facet_counts(frame(), state, "country") == {"CHE": 2, "DEU": 1}


def test_clean_query_reports_truncation() -> None:
    assert clean_query("y" * (MAX_QUERY + 1)) == ("y" * MAX_QUERY, True)
    assert clean_query("tab\tand\nnewline") == ("tab and newline", False)
