"""Time the work behind one page view (load + validate, filter, count, build figures, export).

Run with `python bench/run.py --only micro`. Prints the median of repeated runs in milliseconds; no test depends on it.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere

from dashboard.maps import figures as map_figures
from dashboard.maps import transform as maps_transform
from dashboard.members import export as members_export
from dashboard.members import figures
from dashboard.members import transform as members_transform
from dashboard.members.filters import FilterState, apply
from dashboard.members.load import load_members
from dashboard.members.schema import SECTORS
from dashboard.models.load import load_initiatives
from dashboard.models.transform import models_frame

REPEAT = 20


def median_ms(fn: Callable[[], object], repeat: int = REPEAT) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    members = load_members()
    _, models = load_initiatives()
    state = FilterState(sector=("academia",), region=("europe", "north_america"), q="univ")
    cases: dict[str, Callable[[], object]] = {
        "load and validate members.yaml": load_members,
        "load and validate initiatives + models": load_initiatives,
        "apply a 3-part filter": lambda: apply(members, state),
        "overview: counts + 2 bar charts": lambda: (
            figures.sector_bar(
                members_transform.count_by(members, "sector", SECTORS), labels={}, title="t", source="s", axis="a"
            ),
            figures.country_bar(
                members_transform.top_with_rest(members, "country", 8), labels={}, title="t", source="s", axis="a"
            ),
        ),
        "map: points figure": lambda: map_figures.member_points_map(
            maps_transform.map_points(members),
            sector_labels={},
            title="t",
            source="s",
            preset="world",
            here_label="{count}",
        ),
        "sectors: treemap + matrix": lambda: (
            figures.sector_treemap(members_transform.hierarchy(members), sector_labels={}, title="t", source="s"),
            members_transform.sector_region_matrix(members, SECTORS, sorted(set(members["region"].dropna()))),
        ),
        "initiatives: models table": lambda: models_frame(models, ["weights", "licence"]),
        "members: CSV export": lambda: members_export.to_csv_bytes(members),
    }
    width = max(map(len, cases))
    for name, fn in cases.items():
        print(f"{name:<{width}}  {median_ms(fn):8.2f} ms")


if __name__ == "__main__":
    main()
