"""Pure frame-to-frame steps behind the charts, figures and downloads; no Streamlit, no Plotly."""

from __future__ import annotations

import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

OTHER = "__other__"  # the key of the grouped remainder in a top-N count
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
EXPORT_COLUMNS: tuple[str, ...] = (
    "id", "name", "short_name", "sector", "category", "category_label", "membership", "joined", "city",
    "country", "country_name", "region", "lat", "lon", "website", "founded", "sources", "notes",
)  # fmt: skip


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
    rank = {s: i for i, s in enumerate(sector_order)}
    grouped["_rank"] = grouped["sector"].map(rank)
    grouped = grouped.sort_values(["_rank", "count", "category_label"], ascending=[True, False, True])
    return grouped.drop(columns="_rank").reset_index(drop=True)


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


def pairs_text(pairs: Sequence[tuple[str, int]]) -> str:
    """``[("Academia", 18), ("Company", 22)]`` -> ``"Academia 18, Company 22"``."""
    return ", ".join(f"{label} {count}" for label, count in pairs)


def labelled_pairs(counts: pd.DataFrame, column: str, labels: Mapping[str, str]) -> list[tuple[str, int]]:
    """(label, count) for each row of a count frame, for text alternatives."""
    return [(labels.get(str(v), str(v)), int(c)) for v, c in zip(counts[column], counts["count"], strict=True)]


def _neutralise(value: object) -> object:
    """Make a spreadsheet show a cell as text instead of running it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def export_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The columns offered for download, one row per member, sources as a list."""
    return frame.loc[:, list(EXPORT_COLUMNS)].reset_index(drop=True)


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV (UTF-8 with BOM for spreadsheets); sources joined by ' | '; formula-like cells neutralised."""
    table = export_frame(frame).copy()
    table["sources"] = table["sources"].map(" | ".join)
    table = table.astype(object).where(table.notna(), None)
    table = table.map(_neutralise)
    buffer = io.StringIO()
    table.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8-sig")


def to_json_bytes(frame: pd.DataFrame) -> bytes:
    """A JSON list of member objects, nulls as null, sources as a list."""
    table = export_frame(frame).astype(object)
    records = [{k: (None if _is_missing(v) else v) for k, v in row.items()} for row in table.to_dict("records")]
    return json.dumps(records, ensure_ascii=False, indent=1).encode("utf-8")


def _is_missing(value: object) -> bool:
    return not isinstance(value, list) and bool(pd.isna(value))
