"""Pure frame-to-frame steps behind the charts, figures and downloads; no Streamlit, no Plotly."""

from __future__ import annotations

import io
import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

OTHER = "__other__"  # the key of the grouped remainder in a top-N count
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
EXPORT_COLUMNS: tuple[str, ...] = (
    "id", "name", "short_name", "sector", "category", "category_label", "membership", "joined", "joined_kind",
    "joined_source", "city", "hq_region",
    "country", "country_name", "region", "lat", "lon", "precision", "part_of", "website", "founded", "sources", "notes",
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


def _neutralise(value: object) -> object:
    """Make a spreadsheet show a cell as text instead of running it as a formula. A text that already starts
    with an apostrophe gets one too, so a reader can always undo it by removing exactly one."""
    if isinstance(value, str) and value.startswith((*FORMULA_STARTS, "'")):
        return "'" + value
    return value


def export_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The columns offered for download, one row per member, sources as a list."""
    return frame.loc[:, list(EXPORT_COLUMNS)].reset_index(drop=True)


def to_csv_bytes(frame: pd.DataFrame, headers: Mapping[str, str] | None = None) -> bytes:
    """CSV (UTF-8 with BOM for spreadsheets, CRLF line ends); sources joined by ' | '; formula-like cells
    neutralised.

    ``headers`` renames the columns (the reader's language); values stay as they are (numbers with a
    decimal point, codes and slugs), so the file reads the same in every tool."""
    table = export_frame(frame).copy()
    table["sources"] = table["sources"].map(" | ".join)
    table = table.astype(object).where(table.notna(), None)
    table = table.map(_neutralise).rename(columns=dict(headers or {}))
    buffer = io.StringIO()
    # RFC 4180 line ends: the writer then quotes any text holding a CR or LF, so a stray CR in a note
    # cannot split a row (with "\n" alone a bare CR was written unquoted and read back as a line break).
    table.to_csv(buffer, index=False, lineterminator="\r\n")
    return buffer.getvalue().encode("utf-8-sig")


def to_json_bytes(frame: pd.DataFrame) -> bytes:
    """A JSON list of member objects, nulls as null, sources as a list."""
    table = export_frame(frame).astype(object)
    records = [{k: (None if _is_missing(v) else v) for k, v in row.items()} for row in table.to_dict("records")]
    return json.dumps(records, ensure_ascii=False, indent=1).encode("utf-8")


def _is_missing(value: object) -> bool:
    return not isinstance(value, list) and bool(pd.isna(value))


# ---------------------------------------------------------------- map and sectors

SPREAD_DEGREES = 0.5  # how far apart members sharing one city are drawn, so each can be hovered
MAX_MAP_POINTS = 2_000  # above this, the points map groups members into cells (one marker per cell and sector)
CELL_DEGREES = 2.0  # the size of such a cell: about one city region at the world view
CELL_NAMES = 5  # members named in a cell's hover; the rest are counted
MAX_TREEMAP_MEMBERS = 500  # above this, the treemap stops at categories (thousands of tiles cannot be read)
MAX_NAMES = 40  # names listed per country in the map's table and hover; the rest are counted


def names_text(names: Sequence[str], limit: int = MAX_NAMES) -> str:
    """Names in alphabetical order, joined; beyond ``limit``, the first ones and how many more ('…, +12')."""
    ordered = sorted(names, key=str.casefold)
    if len(ordered) <= limit:
        return ", ".join(ordered)
    return ", ".join(ordered[:limit]) + f", … +{len(ordered) - limit:,}"


def map_cells(frame: pd.DataFrame, degrees: float = CELL_DEGREES, names: int = CELL_NAMES) -> pd.DataFrame:
    """Placed members grouped per sector into square cells of ``degrees``: one row per cell and sector with the
    mean position, the count, the first member's id and country (what a click on the cell selects), and the
    first ``names`` short names (``here``), largest cells first."""
    placed = frame.dropna(subset=["lat", "lon"])
    row, col = ((placed["lat"] + 90) // degrees).astype(int), ((placed["lon"] + 180) // degrees).astype(int)
    cell = row.astype(str) + "," + col.astype(str)
    cells = placed.assign(cell=cell).groupby(["sector", "cell"], sort=False).agg(
        lat=("lat", "mean"), lon=("lon", "mean"), count=("id", "size"), id=("id", "first"),
        country=("country", "first"), here=("short_name", lambda s: list(s.iloc[:names])),
    )  # fmt: skip
    return cells.reset_index().drop(columns="cell").sort_values("count", ascending=False, kind="stable")


def map_points(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per member with coordinates; members sharing a location are spread on a small
    sunflower around it (``plot_lat``/``plot_lon``) and list each other (``here``, ``here_count``)."""
    placed = frame.dropna(subset=["lat", "lon"]).copy()
    key = placed["lat"].round(3).astype(str) + "," + placed["lon"].round(3).astype(str)
    placed["here_count"] = key.map(key.value_counts()).astype(int)
    placed["here"] = key.map(placed.groupby(key)["short_name"].agg(list))
    rank = placed.groupby(key).cumcount()
    golden = 2.399963  # the golden angle in radians: an even spread for any number of points
    radius = SPREAD_DEGREES * (rank**0.5) * (placed["here_count"] > 1)
    placed["plot_lat"] = placed["lat"] + radius * rank.map(lambda i: math.sin(i * golden))
    placed["plot_lon"] = placed["lon"] + radius * rank.map(lambda i: math.cos(i * golden))
    return placed.reset_index(drop=True)


def count_by_country(frame: pd.DataFrame) -> pd.DataFrame:
    """Per country: code, name, number of members and their names, largest first."""
    located = frame.dropna(subset=["country"])
    grouped = located.groupby(["country", "country_name"]).agg(count=("id", "size"), members=("short_name", names_text))
    grouped = grouped.reset_index().sort_values(["count", "country_name"], ascending=[False, True])
    return grouped.reset_index(drop=True)


def locate_countries(frame: pd.DataFrame) -> pd.DataFrame:
    """Per country with placed members: the mean member position (for a marker where the map has no shape)."""
    placed = frame.dropna(subset=["lat", "lon", "country"])
    return placed.groupby("country", as_index=False).agg(lat=("lat", "mean"), lon=("lon", "mean"))


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
    founding = frame["joined_kind"] == "founding"
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
