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

from dashboard import figures, map_figures, transform  # noqa: E402
from dashboard.data import load_initiatives, load_members  # noqa: E402
from dashboard.filters import FilterState, apply  # noqa: E402
from dashboard.openness import models_frame  # noqa: E402
from dashboard.schema import SECTORS  # noqa: E402

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
                transform.count_by(members, "sector", SECTORS), labels={}, title="t", source="s", axis="a"
            ),
            figures.country_bar(
                transform.top_with_rest(members, "country", 8), labels={}, title="t", source="s", axis="a"
            ),
        ),
        "map: points figure": lambda: map_figures.member_points_map(
            transform.map_points(members), sector_labels={}, title="t", source="s", preset="world", here_label="{count}"
        ),
        "sectors: treemap + matrix": lambda: (
            figures.sector_treemap(transform.hierarchy(members), sector_labels={}, title="t", source="s"),
            transform.sector_region_matrix(members, SECTORS, sorted(set(members["region"].dropna()))),
        ),
        "initiatives: models table": lambda: models_frame(models, ["weights", "licence"]),
        "members: CSV export": lambda: transform.to_csv_bytes(members),
    }
    width = max(map(len, cases))
    for name, fn in cases.items():
        print(f"{name:<{width}}  {median_ms(fn):8.2f} ms")


if __name__ == "__main__":
    main()
