"""The coalitions file loads through its checks; who is in each coalition on a date; the timeline figure."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml

from dashboard import paths
from dashboard.coalitions import transform as tr
from dashboard.coalitions.figures import coalition_timeline
from dashboard.coalitions.load import load_coalitions
from dashboard.members.filters import FilterState, fold
from dashboard.members.load import load_members
from dashboard.validation import DataError

FORUM = "frontier-model-forum"


@pytest.fixture(scope="module")
def members() -> pd.DataFrame:
    return load_members()


def _history() -> pd.DataFrame:
    content = load_coalitions()
    return tr.forum_changes(content.coalitions, content.changes, FORUM)


def _broken(tmp_path: Path, change: object) -> Path:
    raw = yaml.safe_load(paths.COALITIONS.read_text(encoding="utf-8"))
    change(raw)  # type: ignore[operator]
    path = tmp_path / "coalitions.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


def test_the_coalitions_file_loads_through_every_check() -> None:
    content = load_coalitions()
    assert set(content.coalitions["id"]) == {"ai-alliance", FORUM}
    assert set(content.absentees["org"]) == {"openai", "microsoft", "google", "amazon"}


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda r: r["coalitions"][1]["changes"][0].update(org="no-such-org"), "unknown organisation 'no-such-org'"),
        (lambda r: r["coalitions"][1]["changes"][0].pop("note"), "known only to the month or year"),
        (lambda r: r["coalitions"][1]["changes"][0].update(date="2024-13"), "real calendar date"),
        (lambda r: r["coalitions"][1]["changes"][0].update(source="https://example.com/x"), "not on the accepted list"),
        (lambda r: r["organisations"].append({**r["organisations"][0], "id": "meta"}), "is a member id"),
        (lambda r: r["coalitions"][0]["changes"].append(r["coalitions"][1]["changes"][0]), "leave changes empty"),
        (lambda r: r["coalitions"][1]["changes"][0].update(date="2022"), "before the founding"),
        (lambda r: r["absentees"][0].update(org="nobody"), "unknown organisation 'nobody'"),
    ],
)
def test_a_defect_in_the_file_is_named(tmp_path: Path, change: object, words: str) -> None:
    with pytest.raises(DataError) as caught:
        load_coalitions(_broken(tmp_path, change))
    assert words in str(caught.value), str(caught.value)


@pytest.mark.parametrize(
    ("date", "period", "precision"),
    [
        ("2024", ("2024-01-01", "2024-12-31"), "year"),
        ("2024-02", ("2024-02-01", "2024-02-29"), "month"),
        ("2023-07-26", ("2023-07-26", "2023-07-26"), "day"),
    ],
)
def test_a_date_means_the_whole_period_it_names(date: str, period: tuple[str, str], precision: str) -> None:
    assert tr.period(date) == period and tr.precision(date) == precision


@pytest.mark.parametrize(
    ("asof", "expected"),
    [
        ("2023-07-25", set()),
        ("2023-12-05", {"anthropic", "google", "microsoft", "openai"}),
        ("2024-06-30", {"anthropic", "google", "microsoft", "openai"}),  # joined in 2024: not sure before its end
        ("2024-12-31", {"anthropic", "google", "microsoft", "openai", "amazon", "meta"}),
    ],
)
def test_a_year_only_change_counts_from_the_end_of_that_year(asof: str, expected: set[str]) -> None:
    assert set(tr.members_on(_history(), asof)["org"]) == expected


def _side(members: pd.DataFrame, asof: str, state: FilterState | None = None) -> pd.DataFrame:
    state = state or FilterState()
    content = load_coalitions()
    alliance = tr.alliance_roster(members[members["joined"] <= asof], "https://example.org/launch")
    forum = tr.forum_roster(_history(), asof, members, content.organisations, {"USA": "north_america"})
    return tr.sides(tr.matching(alliance, state), tr.matching(forum, state))


def test_meta_is_in_the_alliance_only_at_the_launch_and_in_both_in_2025(members: pd.DataFrame) -> None:
    assert tr.in_both(_side(members, "2023-12-05")) == []
    later = _side(members, "2025-06-30")
    assert tr.in_both(later) == ["Meta"]
    assert later.iloc[0]["id"] == "meta" and later.iloc[0]["forum_since"] == "2024"


def test_filters_apply_to_both_sides(members: pd.DataFrame) -> None:
    side = _side(members, "2025-06-30", FilterState(q="goo"))
    assert list(side["name"]) == ["Google"] and not side["alliance"].any()
    academia = _side(members, "2025-06-30", FilterState(sector=("academia",)))
    assert not academia["forum"].any() and academia["alliance"].all()


def _sides_by_matching(alliance: pd.DataFrame, forum: pd.DataFrame) -> pd.DataFrame:
    """``sides`` as first written: every id matched against both rosters (plain, and slow at 100,000 members)."""
    a, f = alliance.set_index("id"), forum.set_index("id")
    ids = list(dict.fromkeys([*f.index, *a.index]))
    info = pd.concat([a, f])[~pd.concat([a, f]).index.duplicated()].reindex(ids)
    frame = pd.DataFrame({"id": ids, "name": info["name"].to_list(), "sector": info["sector"].to_list(),
                          "country": info["country"].to_list()})  # fmt: skip
    frame["alliance"], frame["forum"] = frame["id"].isin(a.index), frame["id"].isin(f.index)
    for side, rows in (("alliance", a), ("forum", f)):
        frame[f"{side}_since"] = frame["id"].map(rows["since"])
        frame[f"{side}_source"] = frame["id"].map(rows["source"])
    rank = (~frame["alliance"] | ~frame["forum"]).astype(int) + (~frame["forum"]).astype(int)
    order = frame.assign(rank=rank, key=frame["name"].map(fold)).sort_values(["rank", "key"], kind="stable")
    return order.loc[:, list(tr.SIDE_COLUMNS)].reset_index(drop=True)


@pytest.mark.parametrize("asof", ["2023-12-05", "2024-06-30", "2025-06-30", "2026-12-01"])
@pytest.mark.parametrize("state", [FilterState(), FilterState(sector=("company",)), FilterState(q="zzz")])
def test_both_sides_are_the_rows_a_plain_match_of_every_id_gives(
    members: pd.DataFrame, asof: str, state: FilterState
) -> None:
    content = load_coalitions()
    alliance = tr.matching(tr.alliance_roster(members[members["joined"] <= asof], "https://example.org/l"), state)
    forum = tr.matching(tr.forum_roster(_history(), asof, members, content.organisations, {"USA": "north_america"}),
                        state)  # fmt: skip
    got, expected = tr.sides(alliance, forum), _sides_by_matching(alliance, forum)
    for column in tr.SIDE_COLUMNS:
        assert got[column].fillna("").astype(str).tolist() == expected[column].fillna("").astype(str).tolist(), column


def test_the_absentees_fates_follow_the_date(members: pd.DataFrame) -> None:
    content = load_coalitions()
    names = {"amazon": "Amazon"}
    at_launch = tr.absentee_fates(content.absentees, members, _history(), names, "2023-12-05").set_index("org")
    assert at_launch.loc["amazon", "fate"] == "neither" and at_launch.loc["openai", "fate"] == "forum"
    assert at_launch.loc["openai", "forum_change"] == "founded"
    later = tr.absentee_fates(content.absentees, members, _history(), names, "2025-01-01").set_index("org")
    assert later.loc["amazon", "fate"] == "forum" and later.loc["amazon", "forum_since"] == "2024"


def test_scored_developers_sit_beside_their_coalitions() -> None:
    totals = pd.DataFrame({"edition": ["2023-10", "2024-05", "2023-10"], "developer": ["Meta", "Meta", "Cohere"],
                           "total": [54, 60, 34]})  # fmt: skip
    side = pd.DataFrame({"id": ["meta"], "alliance": [True], "forum": [True]})
    rows = tr.scored(totals, {"Meta": "meta", "Cohere": "cohere"}, side, ["2023-10", "2024-05", "2025-12"])
    assert list(rows["developer"]) == ["Meta"]
    assert rows.iloc[0][["2023-10", "2024-05"]].tolist() == [54, 60] and pd.isna(rows.iloc[0]["2025-12"])


def test_the_csv_makes_formula_like_names_text() -> None:
    side = pd.DataFrame([{c: None for c in tr.SIDE_COLUMNS} | {"name": "=cmd", "alliance": True, "forum": False}])
    text = tr.to_csv_bytes(side, {c: c for c in tr.CSV_COLUMNS}).decode("utf-8-sig")
    assert "'=cmd" in text and ",1," in text


def test_the_timeline_draws_a_lane_per_coalition_and_a_bar_for_a_year_only_date(members: pd.DataFrame) -> None:
    from dashboard.growth.load import load_events

    rows = tr.timeline(load_events(), _history(), {"meta": "Meta"}, alliance="ai-alliance", forum=FORUM)
    rows = rows.assign(number=range(1, len(rows) + 1), hover=rows["what"])
    fig = coalition_timeline(rows, lanes={"ai-alliance": "AI Alliance", FORUM: "Frontier Model Forum"},
                             launch="2023-12-05", asof="2025-01-01", names=dict.fromkeys(
                                 ("launch", "shown", "both", "period"), "x"), title="T", source="S")  # fmt: skip
    lanes = [t for t in fig.data if t.mode == "markers+text"]
    assert [t.name for t in lanes] == ["AI Alliance", "Frontier Model Forum"]
    bars = [t for t in fig.data if t.mode == "lines"]
    assert [tuple(b.x) for b in bars] == [("2024-01-01", "2024-12-31")]
    assert len(fig.layout.shapes) == 2  # the launch and the date shown


def test_the_file_path_follows_the_data_folder() -> None:
    assert paths.COALITIONS.parent == paths.DATA_DIR
