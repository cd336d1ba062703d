"""Representative points for headquarters known only to a region (a US state) or a country.

A source that says "California" or "Australia" gives no coordinates, and inventing a city would overstate it.
So such a member is drawn at a point derived from the map's own shapes (Plotly's topojson files, Natural Earth
data): the centroid of the country's or state's largest polygon, with a marker of its own."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycountry

from dashboard import paths
from dashboard.files import stamp


@dataclass(frozen=True)
class Places:
    """Country code -> (lat, lon), and US state name -> (lat, lon)."""

    countries: dict[str, tuple[float, float]]
    us_states: dict[str, tuple[float, float]]

    def point(self, country: str, region: str | None) -> tuple[float, float] | None:
        """The representative point of a region of a country (US states only), or of the country; None if unknown."""
        if region is not None:
            return self.us_states.get(region) if country == "USA" else None
        return self.countries.get(country)


def _ring(
    arcs: list[list[list[int]]], indexes: list[int], scale: list[float], shift: list[float]
) -> list[tuple[float, float]]:
    """One ring of (lon, lat) from delta-encoded, quantised arcs (a negative index walks an arc backwards)."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        x = y = 0
        arc = []
        for dx, dy in arcs[index if index >= 0 else ~index]:
            x, y = x + dx, y + dy
            arc.append((x * scale[0] + shift[0], y * scale[1] + shift[1]))
        arc = arc if index >= 0 else arc[::-1]
        points.extend(arc if not points else arc[1:])
    return points


def _centroid(ring: list[tuple[float, float]]) -> tuple[float, float, float]:
    """(area, lat, lon) of a ring, by the shoelace formula on longitude and latitude."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if area == 0:
        return 0.0, ring[0][1], ring[0][0]
    return abs(area) / 2, cy / (3 * area), cx / (3 * area)


def _points(path: Path, layer: str) -> dict[str, tuple[float, float]]:
    """id -> (lat, lon): the centroid of each geometry's largest polygon; empty if the file is unreadable."""
    try:
        topology = json.loads(Path(path).read_text(encoding="utf-8"))
        geometries = topology["objects"][layer]["geometries"]
        arcs, transform = topology["arcs"], topology["transform"]
        scale, shift = transform["scale"], transform["translate"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    # An id can have several geometries (Spain's Canary Islands are one of their own): all are weighed together.
    outers: dict[str, list[tuple[float, float, float]]] = {}
    for g in geometries:
        kind, ident = g.get("type"), g.get("id")
        polygons = [g["arcs"]] if kind == "Polygon" else g.get("arcs", []) if kind == "MultiPolygon" else []
        if ident:
            outers.setdefault(str(ident), []).extend(
                _centroid(_ring(arcs, polygon[0], scale, shift)) for polygon in polygons if polygon
            )
    return {ident: (round(c[1], 2), round(c[2], 2)) for ident, found in outers.items() if found for c in [max(found)]}


def load_places(world: Path = paths.WORLD_TOPOLOGY, usa: Path = paths.USA_TOPOLOGY) -> Places:
    """The representative points; a state is keyed by its English name ('California'). Read once per version of
    the shape files: validating the members and building their frame both ask for them."""
    return _read_places(Path(world), Path(usa), stamp(world), stamp(usa))


@lru_cache(maxsize=4)
def _read_places(world: Path, usa: Path, *stamps: tuple[int, int]) -> Places:
    states = {}
    for code, point in _points(usa, "subunits").items():
        found = pycountry.subdivisions.get(code=f"US-{code}")
        if found is not None:
            states[found.name] = point
    return Places(_points(world, "countries"), states)
