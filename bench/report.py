"""The benchmark's results as Markdown tables, each time also as a ratio to its floor."""

from __future__ import annotations

from typing import Any

from dashboard.routes import ROUTES


def _ms(s: dict[str, Any]) -> str:
    return f"{s['median']:,} ({s['min']:,}–{s['max']:,})"


def _ratio(value: float, floor: float | None) -> str:
    return f"{value / floor:.2f}×" if floor else "–"


def _floors(r: dict[str, Any]) -> list[str]:
    floors = r.get("floors", {})
    lines = ["| floor | cold ms | warm ms, median (min–max) | requests | KB | JS chunks |", "|---|--:|--:|--:|--:|--:|"]
    for name in ("hello", "chart", "charts3", "charts6", "chrome"):
        if name in floors:
            f = floors[name]
            lines.append(f"| {name} | {f['cold_ms']:,} | {_ms(f['warm'])} | {f['requests']} | {f['kilobytes']:,} "
                         f"| {f['js_chunks']} |")  # fmt: skip
    if "filter_update" in floors:
        lines.append(f"| filter change (one filter, one chart) | | {_ms(floors['filter_update'])} | | | |")
    if "filter_update3" in floors:
        lines.append(f"| filter change (one filter, three charts) | | {_ms(floors['filter_update3'])} | | | |")
    if "filter_update" in floors.get("chrome", {}):
        lines.append(f"| filter change (chrome: our sidebar, one chart) | | {_ms(floors['chrome']['filter_update'])} "
                     "| | | |")  # fmt: skip
    return lines


def _same_charts(floors: dict[str, Any], charts: int) -> float | None:
    """The warm median of the floor that draws as many charts as a page (0, 1, 3 or 6); None for other counts."""
    name = {0: "hello", 1: "chart", 3: "charts3", 6: "charts6"}.get(charts)
    return floors.get(name, {}).get("warm", {}).get("median") if name else None


def _pages(r: dict[str, Any]) -> list[str]:
    floors = r.get("floors", {})
    chart = floors.get("chart", {}).get("warm", {}).get("median")
    update = floors.get("filter_update", {}).get("median")
    update3 = floors.get("filter_update3", {}).get("median")
    chrome = floors.get("chrome", {})
    chrome_warm = chrome.get("warm", {}).get("median")
    chrome_update = chrome.get("filter_update", {}).get("median")
    lines = [
        "| page | cold ms | warm ms, median (min–max) | warm ÷ chart floor | ÷ floor with as many charts "
        "| ÷ chrome floor | filter change ms | ÷ floor update | ÷ three-chart floor update | ÷ chrome floor update "
        "| requests | KB (JS chunks) | charts | elements | errors |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for route in ROUTES:
        p = r["pages"].get(route.key)
        if not p:
            continue
        u = p["filter_update"]
        lines.append(
            f"| {route.key} | {p['cold_ms']:,} | {_ms(p['warm'])} | {_ratio(p['warm']['median'], chart)} "
            f"| {_ratio(p['warm']['median'], _same_charts(floors, p['charts']))} "
            f"| {_ratio(p['warm']['median'], chrome_warm)} | {_ms(u)} "
            f"| {_ratio(u['median'], update)} | {_ratio(u['median'], update3) if p['charts'] == 3 else '–'} "
            f"| {_ratio(u['median'], chrome_update)} "
            f"| {p['requests']} | {p['kilobytes']:,} ({p['js_chunks']}) "
            f"| {p['charts']} | {sum(p['kinds'].values())} | {p['errors']} |"
        )
    return lines


def _main_thread(r: dict[str, Any]) -> list[str]:
    """One profiled warm load per floor and page: JavaScript self time by script file (Plotly's chunk,
    React, Markdown, ...), the largest first."""
    lines = ["| view | main-thread JavaScript ms | largest parts (ms) |", "|---|--:|---|"]
    rows = [(name, f) for name, f in r.get("floors", {}).items() if "main_thread_ms" in f]
    rows += [(key, p) for key, p in r.get("pages", {}).items() if "main_thread_ms" in p]
    for name, view in rows:
        parts = dict(view["main_thread_ms"])
        total = parts.pop("total")
        largest = ", ".join(f"{k.split('.')[0]} {v:,}" for k, v in parts.items())
        lines.append(f"| {name} | {total:,} | {largest} |")
    return lines


def _scale(r: dict[str, Any]) -> list[str]:
    sizes = list(r["scale"])
    head = "| page | " + " | ".join(f"{int(s):,} members" for s in sizes) + " | 10,000 ÷ 57 |"
    lines = [head, "|---|" + "--:|" * (len(sizes) + 1)]
    for route in ROUTES:
        cells = [_ms(r["scale"][s][route.key]) for s in sizes]
        base, big = r["scale"].get("57", {}).get(route.key), r["scale"].get("10000", {}).get(route.key)
        growth = _ratio(big["median"], base["median"]) if base and big else "–"
        lines.append(f"| {route.key} | " + " | ".join(cells) + f" | {growth} |")
    for label, key in (("first start: seconds until healthy (reads, validates, warms)", "start_s"),
                       ("first load after that start, ms", "first_load_ms"), ("server RSS MB", "rss_mb")):  # fmt: skip
        lines.append(f"| {label} | " + " | ".join(f"{r['scale'][s].get(key, '–'):,}" for s in sizes) + " | |")
    restarts = [r["scale"][s].get("restart", {}) for s in sizes]
    for label, key in (("restart, data unchanged: seconds until healthy", "healthy_s"),
                       ("restart: seconds until it has served a reader's first page (less the frontend's load)",
                        "served_s"),
                       ("the reader's browser loading Streamlit's frontend before it asks for the page", "frontend_s"),
                       ("restart: seconds until that page has drawn", "first_page_s"),
                       ("restart: server RSS MB after that page", "rss_mb")):  # fmt: skip
        lines.append(f"| {label} | " + " | ".join(f"{x.get(key, '–'):,}" for x in restarts) + " | |")
    for label, key in (("errors shown", "errors"), ("loads that timed out", "timeouts")):
        counts = [sum(r["scale"][s][route.key].get(key, 0) for route in ROUTES) for s in sizes]
        lines.append(f"| {label} | " + " | ".join(map(str, counts)) + " | |")
    return lines


# The budgets: (what, limit). Ratios are to floors measured in the same run.
FILTER_BUDGET, CONTROL_BUDGET, FIRST_BUDGET = 1.3, 1.3, 1.2
RESTART_BUDGET_S = {"10000": 3.0, "100000": 10.0}
RESTART_MEMORY_MB = {"100000": 1024.0}


def _verdict(ok: bool) -> str:
    return "met" if ok else "**not met**"


def _budgets(r: dict[str, Any]) -> list[str]:
    """Every budget with what was measured, its limit, and whether this run met it."""
    lines = ["| budget | page or size | measured | limit | |", "|---|---|--:|--:|---|"]
    floor = r.get("floors", {}).get("filter_update", {}).get("median")
    for route in ROUTES:
        p = r.get("pages", {}).get(route.key)
        if not p:
            continue
        if floor:
            ratio = p["filter_update"]["median"] / floor
            lines.append(f"| sidebar filter change ÷ one-filter-one-chart floor ({floor:,} ms) | {route.key} "
                         f"| {ratio:.2f}× ({p['filter_update']['median']:,} ms) | {FILTER_BUDGET}× "
                         f"| {_verdict(ratio <= FILTER_BUDGET)} |")  # fmt: skip
        if floor and "control_update" in p:
            ratio = p["control_update"]["median"] / floor
            lines.append(f"| page's own control ÷ the same floor | {route.key} "
                         f"| {ratio:.2f}× ({p['control_update']['median']:,} ms) | {CONTROL_BUDGET}× "
                         f"| {_verdict(ratio <= CONTROL_BUDGET)} |")  # fmt: skip
        if "fresh" in p:
            ratio = p["cold_ms"] / p["fresh"]["median"]
            lines.append(f"| first load after a start ÷ a later reader's first load | {route.key} "
                         f"| {ratio:.2f}× ({p['cold_ms']:,} ÷ {p['fresh']['median']:,} ms) | {FIRST_BUDGET}× "
                         f"| {_verdict(ratio <= FIRST_BUDGET)} |")  # fmt: skip
    for size, row in r.get("scale", {}).items():
        restart = row.get("restart")
        if not restart:
            continue
        served = restart.get("served_s")
        if size in RESTART_BUDGET_S and served is not None:
            limit = RESTART_BUDGET_S[size]
            lines.append(
                f"| restart with unchanged data: first page served (drawn at {restart['first_page_s']} s) "
                f"| {int(size):,} members | {served} s | {limit} s | {_verdict(served < limit)} |"
            )
        if size in RESTART_MEMORY_MB:
            limit = RESTART_MEMORY_MB[size]
            lines.append(
                f"| restart: server memory after the first page | {int(size):,} members "
                f"| {restart['rss_mb']:,} MB | {limit:,.0f} MB | {_verdict(restart['rss_mb'] < limit)} |"
            )
    return lines


def _script(r: dict[str, Any]) -> list[str]:
    lines = ["| page | first run ms | warm ms, median (min–max) | most cumulative time (one warm run) |",
             "|---|--:|--:|---|"]  # fmt: skip
    for route in ROUTES:
        s = r["script"][route.key]
        lines.append(f"| {route.key} | {s['first_ms']:,} | {_ms(s['warm'])} | {'<br>'.join(s['profile'][:4])} |")
    return lines


def _memory(r: dict[str, Any]) -> list[str]:
    m = r["memory"]
    c = m["concurrent"]
    after = ", ".join(f"{k} {v}" for k, v in m["after_page_mb"].items())
    return [
        "| server RSS | MB |", "|---|--:|", f"| after start | {m['after_start_mb']} |",
        f"| after each page | {after} |",
        f"| {c['sessions']} sessions at once: peak | {c['peak_rss_mb']} |",
        f"| {c['sessions']} sessions: rendered / errors / seconds for all | {c['rendered']} / {c['errors']} "
        f"/ {c['all_rendered_s']} |",
        f"| after the sessions | {m['after_sessions_mb']} |",
    ]  # fmt: skip


def markdown(r: dict[str, Any]) -> str:
    m = r["machine"]
    out = [f"Machine: {m['nproc']} CPUs, {m['memory_gb']} GB, {m['chromium']}, Python {m['python']}, "
           f"Streamlit {m['streamlit']}, Plotly {m['plotly']}; load average at start {m['load_average'][0]:.1f}. "
           f"{r['reps']} repetitions per median."]  # fmt: skip
    for name, render in (("floors", _floors), ("pages", _pages), ("script", _script), ("scale", _scale),
                         ("memory", _memory)):  # fmt: skip
        if name in r:
            out += ["", f"### {name}", "", *render(r)]
    if "pages" in r or "scale" in r:
        out += ["", "### budgets", "", *_budgets(r)]
    if any("main_thread_ms" in v for v in (*r.get("floors", {}).values(), *r.get("pages", {}).values())):
        out += ["", "### where a warm load's browser time goes", "", *_main_thread(r)]
    return "\n".join(out)
