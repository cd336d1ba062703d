"""Valid records built in code; each test changes only what it is about."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

BASE: dict[str, Any] = {
    "id": "amd",
    "name": "Advanced Micro Devices, Inc.",
    "short_name": "AMD",
    "sector": "company",
    "category": "semiconductors_hardware",
    "membership": None,
    "joined": "2023-12-05",
    "hq": {"city": "Santa Clara", "country": "USA", "lat": 37.3541, "lon": -121.9552, "precision": "city"},
    "website": "https://www.amd.com",
    "founded": 1969,
    "sources": ["https://en.wikipedia.org/wiki/AMD"],
    "notes": None,
}


def member(**overrides: Any) -> dict[str, Any]:
    """A valid member record; keyword arguments replace fields (``hq`` merges, and its precision follows what
    is left unless given; a plain-string ``notes`` stands for the same text in every language)."""
    record = copy.deepcopy(BASE)
    hq = overrides.pop("hq", None)
    record.update(overrides)
    if isinstance(record.get("notes"), str):
        record["notes"] = {"en": record["notes"], "fr": record["notes"]}
    if hq:
        record["hq"].update(hq)
        if "precision" not in hq:
            if hq.get("city", "") is None and "lat" not in hq:  # no city: no coordinates of its own either
                record["hq"].update(lat=None, lon=None)
            record["hq"]["precision"] = _precision(record["hq"])
    return record


def _precision(hq: dict[str, Any]) -> str | None:
    if hq.get("country") is None:
        return None
    return "city" if hq.get("city") is not None else "region" if hq.get("region") else "country"


def university(**overrides: Any) -> dict[str, Any]:
    """A second valid record of another sector and country."""
    fields: dict[str, Any] = {
        "id": "eth-zurich",
        "name": "ETH Zurich",
        "short_name": "ETH",
        "sector": "academia",
        "category": "university",
        "hq": {"city": "Zurich", "country": "CHE", "lat": 47.3763, "lon": 8.5477, "precision": "city"},
        "website": "https://ethz.ch",
        "founded": 1855,
        "sources": ["https://en.wikipedia.org/wiki/ETH_Zurich"],
    }
    hq = overrides.pop("hq", None)
    fields.update(overrides)
    record = member(**fields)
    if hq:
        record["hq"].update(hq)
        if "precision" not in hq:
            record["hq"]["precision"] = _precision(record["hq"])
    return record


def write_yaml(path: Path, records: Any) -> Path:
    """Dump records the way a maintainer would write them (dates and codes quoted)."""
    path.write_text(yaml.safe_dump(records, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path
