"""Shapes for the map: points spread where members share a place, cells, counts by country, shapes on file."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd

from dashboard.members.transform import names_text

# ---------------------------------------------------------------- map and sectors

SPREAD_DEGREES = 0.5  # how far apart members sharing one city are drawn, so each can be hovered
MAX_MAP_POINTS = 2_000  # above this, the points map groups members into cells (one marker per cell and sector)
CELL_DEGREES = 2.0  # the size of such a cell: about one city region at the world view
CELL_NAMES = 5  # members named in a cell's hover; the rest are counted


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


def topology_countries(path: Path) -> frozenset[str]:
    """The ISO 3166-1 alpha-3 codes that have a shape in a Plotly topojson file (empty if unreadable)."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        geometries = raw["objects"]["countries"]["geometries"]
    except (OSError, ValueError, KeyError, TypeError):
        return frozenset()
    return frozenset(str(g["id"]) for g in geometries if isinstance(g, dict) and g.get("id"))
