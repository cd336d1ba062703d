"""Counts and shapes of the member frame for the pages: by sector, country, category; headline; About's tallies."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from dashboard.members.filters import is_founding

OTHER = "__other__"  # the key of the grouped remainder in a top-N count


def count_by(frame: pd.DataFrame, column: str, order: Sequence[str] | None = None) -> pd.DataFrame:
    """Members per value of ``column`` (columns ``column``, ``count``), largest first or in ``order``."""
    counts = frame[column].dropna().value_counts()
    if order is not None:
        counts = counts.reindex([v for v in order if v in counts.index])
    else:
        counts = counts.sort_index().sort_values(ascending=False, kind="stable")
    return counts.rename("count").rename_axis(column).reset_index()


def top_with_rest(frame: pd.DataFrame, column: str, n: int) -> pd.DataFrame:
    """The ``n`` most frequent values of ``column`` and one ``OTHER`` row for the rest (if any)."""
    counts = count_by(frame, column)
    if len(counts) <= n + 1:
        return counts
    rest = pd.DataFrame({column: [OTHER], "count": [int(counts["count"].iloc[n:].sum())]})
    return pd.concat([counts.iloc[:n], rest], ignore_index=True)


def count_by_category(frame: pd.DataFrame, sector_order: Sequence[str]) -> pd.DataFrame:
    """Members per category with its label and sector, grouped by sector in ``sector_order``, largest first."""
    grouped = frame.groupby(["sector", "category", "category_label"]).size().rename("count").reset_index()
    grouped = grouped.sort_values(["count", "category_label"], ascending=[False, True])
    return in_sector_order(grouped, sector_order).reset_index(drop=True)


@dataclass(frozen=True)
class Headline:
    """The figures at the top of the Overview, for one filtered frame."""

    members: int
    countries: int
    sectors: int
    companies: int
    universities: int

    @property
    def others(self) -> int:
        return self.members - self.companies - self.universities

    def share(self, part: int) -> float:
        return part / self.members if self.members else 0.0


def headline(frame: pd.DataFrame) -> Headline:
    """Counts of members, countries and sectors, and how many are companies or universities."""
    return Headline(
        members=len(frame),
        countries=int(frame["country"].nunique()),
        sectors=int(frame["sector"].nunique()),
        companies=int((frame["sector"] == "company").sum()),
        universities=int((frame["sector"] == "academia").sum()),
    )


def pairs_text(pairs: Sequence[tuple[str, int]], number: Callable[[int], str] = str) -> str:
    """``[("Academia", 18), ("Company", 22)]`` -> ``"Academia 18, Company 22"``; counts written by ``number``."""
    return ", ".join(f"{label} {number(count)}" for label, count in pairs)


def labelled_pairs(counts: pd.DataFrame, column: str, labels: Mapping[str, str]) -> list[tuple[str, int]]:
    """(label, count) for each row of a count frame, for text alternatives."""
    return [(labels.get(str(v), str(v)), int(c)) for v, c in zip(counts[column], counts["count"], strict=True)]


MAX_TREEMAP_MEMBERS = 500  # above this, the treemap stops at categories (thousands of tiles cannot be read)
MAX_NAMES = 40  # names listed per country in the map's table and hover; the rest are counted


def names_text(names: Sequence[str], limit: int = MAX_NAMES) -> str:
    """Names in alphabetical order, joined; beyond ``limit``, the first ones and how many more ('…, +12')."""
    ordered = sorted(names, key=str.casefold)
    if len(ordered) <= limit:
        return ", ".join(ordered)
    return ", ".join(ordered[:limit]) + f", … +{len(ordered) - limit:,}"


def sector_region_matrix(frame: pd.DataFrame, sectors: Sequence[str], regions: Sequence[str]) -> pd.DataFrame:
    """Counts with sectors as rows and regions as columns, both in the given order, present ones only."""
    table = pd.crosstab(frame["sector"], frame["region"])
    rows = [s for s in sectors if s in table.index]
    cols = [r for r in regions if r in table.columns]
    return table.reindex(index=rows, columns=cols, fill_value=0)


def sector_shares(frame: pd.DataFrame, sectors: Sequence[str], regions: Sequence[str]) -> pd.DataFrame:
    """Long frame (region, sector, count, share): each region's sector mix, shares summing to 1 per region."""
    matrix = sector_region_matrix(frame, sectors, regions)
    long = matrix.stack().rename("count").reset_index()
    long["share"] = long["count"] / long.groupby("region")["count"].transform("sum")
    return long[long["count"] > 0].reset_index(drop=True)


def hierarchy(frame: pd.DataFrame, *, members: bool = True) -> pd.DataFrame:
    """Rows for a treemap: ids, parents, labels, values and sector, sector -> category (-> member)."""
    rows: list[dict[str, object]] = []
    for sector, by_sector in frame.groupby("sector", sort=False):
        rows.append(
            {"id": sector, "parent": "", "label": sector, "value": len(by_sector), "sector": sector, "kind": "sector"}
        )
        for (category, label), by_cat in by_sector.groupby(["category", "category_label"], sort=False):
            cid = f"{sector}/{category}"
            rows.append(
                {
                    "id": cid,
                    "parent": sector,
                    "label": label,
                    "value": len(by_cat),
                    "sector": sector,
                    "kind": "category",
                }
            )
            for _, member in by_cat.iterrows() if members else ():
                rows.append({"id": f"{cid}/{member['id']}", "parent": cid, "label": member["short_name"], "value": 1,
                             "sector": sector, "kind": "member"})  # fmt: skip
    return pd.DataFrame(rows, columns=["id", "parent", "label", "value", "sector", "kind"])


def in_sector_order(frame: pd.DataFrame, sectors: Sequence[str]) -> pd.DataFrame:
    """Rows sorted by sector in the given order (stable), so legends and groups follow it."""
    rank = {s: i for i, s in enumerate(sectors)}
    return frame.sort_values("sector", key=lambda col: col.map(rank), kind="stable")


# ---------------------------------------------------------------- about the data


def with_notes(frame: pd.DataFrame) -> pd.DataFrame:
    """Members whose record carries a caveat (name, notes), in the file's order."""
    return frame.loc[frame["notes"].notna(), ["name", "notes"]].reset_index(drop=True)


def source_counts(frame: pd.DataFrame) -> tuple[int, int]:
    """How many source links the records cite, and how many distinct pages that is."""
    links = [url for urls in frame["sources"] for url in urls]
    return len(links), len(set(links))


def unknown_counts(frame: pd.DataFrame) -> dict[str, int]:
    """How many records leave a fact null: founding year, headquarters city, coordinates."""
    return {
        "founded": int(frame["founded"].isna().sum()),
        "city": int(frame["city"].isna().sum()),
        "coordinates": int(frame["lat"].isna().sum()),
    }


def placement_counts(frame: pd.DataFrame) -> dict[str, int]:
    """How many founders and later members have a place, and how many of those only a region or a country."""
    founding = is_founding(frame)
    placed = frame["country"].notna()
    return {
        "founders": int(founding.sum()),
        "founders_placed": int((founding & placed).sum()),
        "later": int((~founding).sum()),
        "later_placed": int((~founding & placed).sum()),
        "imprecise": int(frame["precision"].isin(["region", "country"]).sum()),
        "units": int(frame["part_of"].notna().sum()),
    }


def disagreement_rows(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per recorded disagreement with the Alliance's record: member, field, what the record says, our
    reason (in ``lang``) and its source."""
    rows = [
        {"name": name, "field": d["field"], "alliance": d["alliance"], "source": d["source"],
         "reason": d["reason"].get(lang, d["reason"]["en"])}
        for name, found in zip(frame["name"], frame["disagreements"], strict=True)
        for d in found
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=["name", "field", "alliance", "reason", "source"])


def joined_counts(frame: pd.DataFrame) -> dict[str, int]:
    """How many records date their joining each way: founding, announced, listed."""
    counts = frame["joined_kind"].value_counts()
    return {kind: int(counts.get(kind, 0)) for kind in ("founding", "announced", "listed")}
