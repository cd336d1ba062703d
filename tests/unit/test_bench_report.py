"""The benchmark's budget table: each budget against the floor of the same run, met or not."""

from __future__ import annotations

from bench import report


def _spread(ms: int) -> dict[str, int]:
    return {"median": ms, "min": ms, "max": ms, "n": 5}


def test_budgets_are_ratios_to_the_floor_of_the_same_run() -> None:
    results = {
        "floors": {"filter_update": _spread(200)},
        "pages": {
            "world_map": {
                "filter_update": _spread(250),
                "control_update": _spread(300),
                "cold_ms": 2_000,
                "fresh": _spread(1_900),
            },  # fmt: skip
        },
        "scale": {"100000": {"restart": {"served_s": 6.1, "first_page_s": 8.2, "rss_mb": 1_100.0}}},
    }
    lines = report._budgets(results)
    text = "\n".join(lines)
    assert "| world_map | 1.25× (250 ms) | 1.3× | met |" in text
    assert "| world_map | 1.50× (300 ms) | 1.3× | **not met** |" in text
    assert "| world_map | 1.05× (2,000 ÷ 1,900 ms) | 1.2× | met |" in text
    assert "first page served (drawn at 8.2 s) | 100,000 members | 6.1 s | 10.0 s | met |" in text
    assert "| 100,000 members | 1,100.0 MB | 1,024 MB | **not met** |" in text
