"""Generated datasets for the scale benchmark: the shipped 57 members plus made-up organisations.

The made-up members follow the schema with plausible values: a real sector and category pair, the
headquarters city and country of a shipped member with the coordinates moved a little, a founding year,
the other fields (sources, join date) of that shipped member. They are written to a temporary folder
(never into data/), with copies of the other data files; the app reads them when EXPLORER_DATA_DIR points there.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

import yaml

from dashboard import paths

WORDS = (
    "Aurora", "Basalt", "Cedar", "Delta", "Ember", "Fjord", "Granite", "Harbor", "Iris", "Juniper", "Kestrel",
    "Lumen", "Meridian", "Nimbus", "Orchid", "Prairie", "Quartz", "Summit", "Tundra", "Vertex", "Willow", "Zephyr",
)  # fmt: skip
SUFFIX = {
    "company": ("Labs", "Systems", "Technologies", "AI"),
    "academia": ("University", "Institute of Technology", "College"),
    "research_institute": ("Research Centre", "Computing Lab", "AI Institute"),
    "government": ("Science Agency", "Research Council"),
    "nonprofit": ("Foundation", "Consortium", "Initiative"),
}


def _needs_note(record: dict[str, Any]) -> bool:
    """A missing headquarters field or website must be explained in the notes (the schema checks it)."""
    return record.get("website") is None or any(v is None for v in record["hq"].values())


def _made_up(i: int, rng: random.Random, template: dict[str, Any], categories: dict[str, Any]) -> dict[str, Any]:
    """A copy of a shipped record (so every field the schema asks for is there) with a new identity."""
    category = rng.choice(sorted(categories))
    sector = categories[category]["sector"]
    name = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {rng.choice(SUFFIX[sector])} {i}"
    hq = dict(template["hq"])
    if hq.get("lat") is not None:
        hq["lat"] = round(max(-89.0, min(89.0, hq["lat"] + rng.uniform(-0.8, 0.8))), 4)
        hq["lon"] = round(max(-179.0, min(179.0, hq["lon"] + rng.uniform(-0.8, 0.8))), 4)
    record = dict(template)
    if record.get("joined_kind") == "announced":  # an announcement names its members; made-up ones join at the launch
        record.update(joined="2023-12-05", joined_kind="founding", joined_source=None)
    record.update(
        id=f"generated-{i}", name=name, short_name=name, sector=sector, category=category, membership=None, hq=hq,
        founded=rng.choice([None, rng.randint(1850, 2024)]),
        notes=template["notes"] if rng.random() < 0.1 or _needs_note(template) else None,
    )  # fmt: skip
    return record


def members(size: int, *, seed: int = 12) -> list[dict[str, Any]]:
    """The shipped members (all of them when ``size`` is at least their number, else the first ``size``: the
    57 named at the launch come first) and made-up ones."""
    shipped = yaml.load(paths.MEMBERS.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    categories = yaml.load(paths.CATEGORIES.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    rng = random.Random(seed)
    made = [_made_up(i, rng, rng.choice(shipped), categories) for i in range(max(0, size - len(shipped)))]
    return list(shipped[:size]) + made


def _events_for(kept: set[str]) -> list[dict[str, Any]]:
    """The shipped events, naming only members the dataset has (a dataset smaller than the shipped one
    leaves out the later members an announcement names; the validator refuses an unknown id, and an
    announcement that names nobody)."""
    events = yaml.load(paths.EVENTS.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    for event in events:
        if event.get("members"):
            event["members"] = [m for m in event["members"] if m in kept]
    return [e for e in events if e.get("members") != []]  # an announcement none of whose members is left


def write_dataset(size: int, folder: Path) -> Path:
    """A complete data folder with ``size`` members; returns it (for EXPLORER_DATA_DIR)."""
    folder.mkdir(parents=True, exist_ok=True)
    for source in paths.DATA_DIR.iterdir():
        if source.is_file() and source.name not in ("members.yaml", "events.yaml"):
            shutil.copy(source, folder / source.name)
    records = members(size)
    dump = {"Dumper": yaml.CSafeDumper, "allow_unicode": True, "sort_keys": False, "width": 1000}
    (folder / "members.yaml").write_text(yaml.dump(records, **dump), encoding="utf-8")  # type: ignore[call-overload]
    events = _events_for({r["id"] for r in records})
    (folder / "events.yaml").write_text(yaml.dump(events, **dump), encoding="utf-8")  # type: ignore[call-overload]
    return folder
