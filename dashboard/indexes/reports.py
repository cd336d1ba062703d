"""Pure reshaping of the developer reports for the Transparency page: side by side, one indicator, what changed."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from dashboard.indexes.transform import DOMAINS

MAX_DEVELOPERS = 4  # developers side by side: more no longer fits a phone


def reported(rows: pd.DataFrame, edition: str, slugs: Sequence[str]) -> list[str]:
    """The slugs among ``slugs`` (in that order) with a report in ``edition``."""
    present = set(rows.loc[rows["edition"] == edition, "developer_slug"])
    return [s for s in slugs if s in present]


def indicators(rows: pd.DataFrame, edition: str) -> dict[str, str]:
    """The edition's indicators, slug -> name, in the index's order (domain, then as listed)."""
    one = rows[rows["edition"] == edition].drop_duplicates("indicator_slug")
    one = one.assign(d=one["domain"].map(DOMAINS.index)).sort_values("d", kind="stable")
    return dict(zip(one["indicator_slug"], one["indicator"], strict=True))


def domain_totals(rows: pd.DataFrame, edition: str, slugs: Sequence[str]) -> pd.DataFrame:
    """Domains (rows, in the index's order, then 'Total') x developers (columns, by slug): indicators met."""
    mine = rows[(rows["edition"] == edition) & rows["developer_slug"].isin(list(slugs))]
    sums = mine.groupby(["domain", "developer_slug"])["score"].sum().unstack("developer_slug")
    sums = sums.reindex(index=[d for d in DOMAINS if d in sums.index], columns=list(slugs))
    sums.loc["Total"] = sums.sum()
    sums.index.name = "domain"
    return sums.astype(int).reset_index()


def indicator_scores(rows: pd.DataFrame, edition: str, slugs: Sequence[str]) -> pd.DataFrame:
    """One row per indicator of the edition (domain, subdomain, indicator, slug) with each developer's score
    (0 or 1) in a column named by its slug, in the index's order."""
    mine = rows[(rows["edition"] == edition) & rows["developer_slug"].isin(list(slugs))]
    wide = mine.pivot(index="indicator_slug", columns="developer_slug", values="score")
    order = list(indicators(rows, edition))
    names = rows[rows["edition"] == edition].drop_duplicates("indicator_slug").set_index("indicator_slug")
    table = names.loc[order, ["domain", "subdomain", "indicator"]].join(wide.reindex(columns=list(slugs)))
    return table.reset_index()


def indicator_evidence(rows: pd.DataFrame, edition: str, indicator: str, slugs: Sequence[str]) -> pd.DataFrame:
    """One indicator of one edition: a row per chosen developer (in ``slugs`` order) with its report's text."""
    mine = rows[(rows["edition"] == edition) & (rows["indicator_slug"] == indicator)]
    return (
        mine.set_index("developer_slug").reindex([s for s in slugs if s in set(mine["developer_slug"])]).reset_index()
    )


def changes(rows: pd.DataFrame, slug: str, before: str, after: str) -> pd.DataFrame:
    """One developer's indicators present in both editions (matched by slug) whose score changed: indicator,
    change ('gained' or 'lost'), and each edition's justification. Gains first, then in the index's order."""
    cols = ["indicator_slug", "indicator", "domain", "score", "justification"]
    old = rows.loc[(rows["edition"] == before) & (rows["developer_slug"] == slug), cols]
    new = rows.loc[(rows["edition"] == after) & (rows["developer_slug"] == slug), cols]
    both = new.merge(old, on="indicator_slug", suffixes=("", "_before"))
    both = both[both["score"] != both["score_before"]]
    both = both.assign(change=both["score"].map({1: "gained", 0: "lost"}))
    both = both.sort_values("change", kind="stable", key=lambda c: c.map({"gained": 0, "lost": 1}))
    return both.rename(columns={"justification": "justification_after"})[
        ["indicator_slug", "indicator", "change", "justification_before", "justification_after"]
    ].reset_index(drop=True)


def comparable(rows: pd.DataFrame, slug: str, before: str, after: str) -> int:
    """How many of the developer's indicators are in both editions under the same name."""
    mine = rows[rows["developer_slug"] == slug]
    earlier = set(mine.loc[mine["edition"] == before, "indicator_slug"])
    return len(earlier & set(mine.loc[mine["edition"] == after, "indicator_slug"]))
