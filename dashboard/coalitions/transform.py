"""Pure reshaping for the Coalitions page: who is in each coalition on a date, who is in both, the timeline
of changes, the absentees' fates and the index totals beside each side."""

from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from dashboard.members.export import safe_csv
from dashboard.members.filters import LIST_KEYS, FilterState, fold

ROSTER_COLUMNS: tuple[str, ...] = ("id", "name", "sector", "country", "region", "category", "since", "source")
SIDE_COLUMNS: tuple[str, ...] = (
    "id", "name", "sector", "country", "alliance", "forum", "alliance_since", "alliance_source", "forum_since",
    "forum_source",
)  # fmt: skip
TIMELINE_KINDS: tuple[str, ...] = ("launch", "announcement", "member_change")  # the Alliance's events kept


def precision(date: str) -> str:
    """How precise a date is: 'day', 'month' or 'year'."""
    return {10: "day", 7: "month", 4: "year"}[len(date)]


def period(date: str) -> tuple[str, str]:
    """The first and last day a date may mean: a day is itself, '2024-05' is May, '2024' is the whole year."""
    if len(date) == 10:
        return date, date
    if len(date) == 7:
        year, month = map(int, date.split("-"))
        return f"{date}-01", f"{date}-{calendar.monthrange(year, month)[1]:02d}"
    return f"{date}-01-01", f"{date}-12-31"


def in_effect(date: str) -> str:
    """The day from which a change counts in a comparison with a chosen date: the last day it may mean (we
    know a change dated '2024' happened in 2024, not when, so only from the end of 2024 is it sure)."""
    return period(date)[1]


def forum_changes(coalitions: pd.DataFrame, changes: pd.DataFrame, coalition: str) -> pd.DataFrame:
    """A coalition's founding and its dated changes: one row per organisation and change (org, change,
    date, source), founders first, each as 'joined' on the founding date."""
    row = coalitions.set_index("id").loc[coalition]
    founders = pd.DataFrame(
        {"org": list(row["founders"]), "change": "founded", "date": row["founded"], "source": row["founded_source"]}
    )
    later = changes.loc[changes["coalition"] == coalition, ["org", "change", "date", "source"]]
    return pd.concat([founders, later], ignore_index=True)


def members_on(history: pd.DataFrame, asof: str) -> pd.DataFrame:
    """From a coalition's history, the organisations in it on ``asof`` with the change that brought them in
    (org, date, source), in the order they came."""
    effective = history["date"].map(in_effect)
    counted = history.assign(effective=effective)[effective <= asof].sort_values("effective", kind="stable")
    last = counted.drop(columns="effective").drop_duplicates("org", keep="last")
    return last[last["change"] != "left"].reset_index(drop=True)


def forum_roster(
    history: pd.DataFrame, asof: str, members: pd.DataFrame, organisations: pd.DataFrame, region_of: Mapping[str, str]
) -> pd.DataFrame:
    """The organisations in a coalition on ``asof`` as roster rows (ROSTER_COLUMNS): names, sector and country
    from the member record when it is a member, else from the coalition file; ``since`` and ``source`` are
    those of the change that brought it in."""
    now = members_on(history, asof)
    known = _org_table(members, organisations, region_of).set_index("id")
    rows = known.reindex(now["org"]).reset_index(names="id")
    rows["since"], rows["source"] = list(now["date"]), list(now["source"])
    return rows.loc[:, list(ROSTER_COLUMNS)]


def _org_table(members: pd.DataFrame, organisations: pd.DataFrame, region_of: Mapping[str, str]) -> pd.DataFrame:
    own = organisations.assign(region=organisations["country"].map(region_of), category=None)
    ours = members.rename(columns={"name": "full_name", "short_name": "name"})
    columns = ["id", "name", "sector", "country", "region", "category"]
    return pd.concat([ours[columns], own[columns]], ignore_index=True)


def alliance_roster(members: pd.DataFrame, launch_source: str) -> pd.DataFrame:
    """The (already filtered) members as roster rows: ``since`` the join date, ``source`` the one that dates it
    (the launch announcement for the founding members)."""
    rows = members.rename(columns={"name": "full_name", "short_name": "name", "joined": "since"})
    rows = rows.assign(source=members["joined_source"].fillna(launch_source))
    return rows.loc[:, list(ROSTER_COLUMNS)].reset_index(drop=True)


def matching(roster: pd.DataFrame, state: FilterState) -> pd.DataFrame:
    """The roster rows that match the reader's sector, region, country, category and search filters (an
    organisation outside our member list has no category, so a category filter leaves it out)."""
    mask = pd.Series(True, index=roster.index)
    for key in LIST_KEYS:
        chosen = getattr(state, key)
        if chosen:
            mask &= roster[key].isin(chosen)
    if state.q:
        mask &= roster["name"].map(fold).str.contains(fold(state.q), regex=False)
    return roster[mask].reset_index(drop=True)


def sides(alliance: pd.DataFrame, forum: pd.DataFrame) -> pd.DataFrame:
    """One row per organisation in either roster (SIDE_COLUMNS): whether it is in each, since when and the
    source; those in both first, then the Forum's, then the Alliance's, each by name.

    Built as the Forum's few rows (a member's own record names it) and the Alliance's others, looked up by
    position: matching every member id against every other (isin, map) took seconds at 100,000 members."""
    a, f = alliance.set_index("id"), forum.set_index("id")
    at = a.index.get_indexer(f.index)  # each Forum organisation's row among the Alliance's; -1 when not a member
    shared, info = at >= 0, ["name", "sector", "country"]
    forum_rows = f[info].copy()
    forum_rows.loc[shared, info] = a.iloc[at[shared]][info].to_numpy()
    forum_rows = forum_rows.assign(
        alliance=shared, forum=True, alliance_since=a["since"].reindex(f.index).to_numpy(),
        alliance_source=a["source"].reindex(f.index).to_numpy(), forum_since=f["since"].to_numpy(),
        forum_source=f["source"].to_numpy(), rank=np.where(shared, 0, 1),
    )  # fmt: skip
    only = np.ones(len(a), dtype=bool)
    only[at[shared]] = False
    none = pd.Series(pd.NA, index=a.index[only], dtype="str")
    alliance_rows = a.loc[only, info].assign(
        alliance=True, forum=False, alliance_since=a.loc[only, "since"], alliance_source=a.loc[only, "source"],
        forum_since=none, forum_source=none, rank=2,
    )  # fmt: skip
    frame = pd.concat([forum_rows, alliance_rows]).reset_index(names="id")
    order = frame.assign(key=frame["name"].map(fold)).sort_values(["rank", "key"], kind="stable")
    return order.loc[:, list(SIDE_COLUMNS)].reset_index(drop=True)


def in_both(side: pd.DataFrame) -> list[str]:
    """The names of the organisations in both coalitions, by name."""
    return sorted(side.loc[side["alliance"] & side["forum"], "name"], key=fold)


def timeline(
    events: pd.DataFrame, history: pd.DataFrame, names: Mapping[str, str], *, alliance: str, forum: str
) -> pd.DataFrame:
    """Both coalitions' membership changes, one row per date and change: coalition, date (as given), start and
    end (the period it may mean), precision, kind, what (an event's title, or the organisations' names),
    source; by date. The Alliance's rows are its launch and dated member events."""
    kept = events[events["kind"].isin(TIMELINE_KINDS)]
    rows = [
        {"coalition": alliance, "date": d, "kind": k, "what": w, "source": s}
        for d, k, w, s in kept[["date", "kind", "title", "source"]].itertuples(index=False)
    ]
    for (date, change), group in history.groupby(["date", "change"], sort=False):
        orgs = ", ".join(names.get(o, o) for o in group["org"])
        rows.append({"coalition": forum, "date": date, "kind": change, "what": orgs, "source": group["source"].iloc[0]})
    frame = pd.DataFrame(rows, columns=["coalition", "date", "kind", "what", "source"])
    frame["start"] = frame["date"].map(lambda d: period(d)[0])
    frame["end"] = frame["date"].map(in_effect)
    frame["precision"] = frame["date"].map(precision)
    return frame.sort_values(["end", "coalition"], kind="stable").reset_index(drop=True)


def absentee_fates(
    absentees: pd.DataFrame, members: pd.DataFrame, history: pd.DataFrame, names: Mapping[str, str], asof: str
) -> pd.DataFrame:
    """What had become of each organisation named as missing at the launch by ``asof``: org, name, named_by,
    named_on; ``alliance_since`` (its join date read from the member record, when it had joined by then);
    ``forum_change`` ('founded' or 'joined'), ``forum_since`` and ``forum_source`` when it was in the Forum;
    ``fate``: 'alliance', 'forum', 'both' or 'neither'."""
    joined = members.set_index("id")["joined"]
    forum = members_on(history, asof).set_index("org")
    rows = absentees.assign(name=absentees["org"].map(lambda o: names.get(o, o)))
    since = rows["org"].map(joined)
    rows["alliance_since"] = since.where(since.notna() & (since <= asof))
    rows["forum_change"] = rows["org"].map(forum["change"])
    rows["forum_since"] = rows["org"].map(forum["date"])
    rows["forum_source"] = rows["org"].map(forum["source"])
    a, f = rows["alliance_since"].notna(), rows["forum_since"].notna()
    rows["fate"] = [{(1, 1): "both", (1, 0): "alliance", (0, 1): "forum"}.get((int(x), int(y)), "neither")
                    for x, y in zip(a, f, strict=True)]  # fmt: skip
    return rows.reset_index(drop=True)


def scored(totals: pd.DataFrame, developer_orgs: Mapping[str, str], side: pd.DataFrame,
           editions: Sequence[str]) -> pd.DataFrame:  # fmt: skip
    """For each scored developer whose organisation is in ``side``: developer, id, alliance, forum and its
    total per edition (one column per edition, empty where it was not scored); the index's order by name."""
    rows = totals.assign(id=totals["developer"].map(developer_orgs)).dropna(subset=["id"])
    # The few scored organisations looked up in ``side``, not ``side`` (100,000 rows at scale) joined to them.
    found = pd.Index(side["id"]).get_indexer(pd.Index(rows["id"].unique()))
    flags = side.iloc[found[found >= 0]][["id", "alliance", "forum"]]
    rows = rows[rows["id"].isin(flags["id"])]
    wide = rows.pivot(index=["developer", "id"], columns="edition", values="total").reindex(columns=list(editions))
    wide = wide.reset_index().merge(flags, on="id", how="left")
    wide.columns.name = None
    for e in editions:
        wide[e] = wide[e].astype("Int64")
    order = wide.assign(key=wide["developer"].map(fold)).sort_values("key")
    return order.loc[:, ["developer", "id", "alliance", "forum", *editions]].reset_index(drop=True)


CSV_COLUMNS: tuple[str, ...] = (
    "name", "sector", "country", "alliance", "alliance_since", "alliance_source", "forum", "forum_since",
    "forum_source",
)  # fmt: skip


def to_csv_bytes(side: pd.DataFrame, headers: Mapping[str, str]) -> bytes:
    """The organisations of both sides as CSV (UTF-8 with BOM, CRLF line ends), yes/no as 1/0, formula-like
    cells made text; ``headers`` names the columns in the reader's language."""
    table = side.loc[:, list(CSV_COLUMNS)].copy()
    for key in ("alliance", "forum"):
        table[key] = table[key].astype(int)
    return safe_csv(table, headers)
