"""The benchmark's measurements: floors, pages, a filter change, script time, scale, memory."""

from __future__ import annotations

import cProfile
import pstats
import statistics
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench import browser as web
from bench.generate import write_dataset
from bench.traced_server import rss_mb as resident
from dashboard import paths
from dashboard.routes import ROUTES
from harness.server import WARM, Server, start_server, stop_server

FLOORS = Path(__file__).resolve().parent / "floors"
# The one-line app, one small chart, and as many small charts as our busiest pages draw (3 and 6): a page's
# warm load is also compared with the floor that draws as many charts, to tell the cost of drawing N Plotly
# charts (which any app pays) from the cost of everything else on the page.
FLOOR_APPS = ("hello", "chart", "charts3", "charts6")


START_CEILING = 1_800.0  # seconds: a first warm start at 100,000 members reads, validates and runs every page


def spread(values: list[float]) -> dict[str, float]:
    """Median, min and max (milliseconds, rounded) of repeated measurements."""
    return {"median": round(statistics.median(values)), "min": round(min(values)), "max": round(max(values)),
            "n": len(values)}  # fmt: skip


def rss_mb(server: Server) -> float:
    """The server process's resident memory in MB, from /proc."""
    return resident(server.process.pid).get("rss_mb", 0.0)


@contextmanager
def running(
    tmp: Path,
    entry: Path | None = None,
    data: Path | None = None,
    root: Path = paths.ROOT,
    warm: bool = False,
    env: dict[str, str] | None = None,
) -> Iterator[Server]:
    """A server for the floors (plain ``streamlit run``), or the app as deployed (``warm``: every page runs
    once before the server listens, dashboard/ui/serve.py)."""
    launcher = WARM if warm else ("-m", "streamlit")
    server = start_server(tmp, entry=entry, data_dir=data, root=root, launcher=launcher, env=env,
                          health_timeout=START_CEILING)  # fmt: skip
    try:
        yield server
    finally:
        stop_server(server)


def url(server: Server, url_path: str) -> str:
    return f"{server.url}/{url_path}"


def _cold_and_warm(browser: Any, address: str, reps: int) -> dict[str, Any]:
    """The first load after the server started (inventory of what it downloaded and drew), then ``reps`` loads
    in the same context, one more with the JavaScript profiler on (not counted in the times), and ``reps``
    loads each in a new context (a new reader, as the first one was: ``fresh``), to set the first load against."""
    context = web.new_context(browser)
    try:
        cold = web.load(context, address, inventory=True)
        warm = [web.load(context, address) for _ in range(reps)]
        profile = web.main_thread_profile(context, address)
    finally:
        context.close()
    fresh = [_fresh_load(browser, address) for _ in range(reps)]
    errors = cold.pop("errors") + sum(w["errors"] for w in warm + fresh)
    return {"cold_ms": round(cold.pop("ms")), "warm": spread([w["ms"] for w in warm]),
            "fresh": spread([f["ms"] for f in fresh]), "errors": errors, "main_thread_ms": profile,
            **cold}  # fmt: skip


def _fresh_load(browser: Any, address: str) -> dict[str, Any]:
    context = web.new_context(browser)
    try:
        return web.load(context, address)
    finally:
        context.close()


def _updates(browser: Any, address: str, reps: int, control: str | None = None) -> dict[str, float]:
    """A sidebar filter change, or with ``control`` a press of the page's own pill of that label, ``reps`` times."""
    context = web.new_context(browser)
    try:
        if control is None:
            return spread([web.change_filter(context, address) for _ in range(reps)])
        return spread([web.change_control(context, address, control) for _ in range(reps)])
    finally:
        context.close()


# A page's own control for each page that has one (a pill): its sections rerun alone (dashboard.ui.section).
CONTROLS = {"world_map": "Countries", "open_vs_closed": "Downloadable weights", "transparency": "May 2024"}


def floors(browser: Any, tmp: Path, reps: int) -> dict[str, Any]:
    """The one-line app, the one-chart app and the one-filter-one-chart app's update, each on its own server."""
    result: dict[str, Any] = {}
    for name in FLOOR_APPS:
        with running(tmp, FLOORS / f"{name}.py") as server:
            result[name] = _cold_and_warm(browser, url(server, ""), reps)
    with running(tmp, FLOORS / "filter.py") as server:
        result["filter_update"] = _updates(browser, url(server, ""), reps)
    with running(tmp, FLOORS / "filter3.py") as server:  # the same change redrawing three charts
        result["filter_update3"] = _updates(browser, url(server, ""), reps)
    with chrome_app(tmp) as root, running(tmp, root=root) as server:  # our sidebar and one chart
        result["chrome"] = _cold_and_warm(browser, url(server, ""), reps)
        result["chrome"]["filter_update"] = _updates(browser, url(server, ""), reps)
    return result


@contextmanager
def chrome_app(tmp: Path) -> Iterator[Path]:
    """A copy of the app whose main page is the chrome floor: links to the app's own folders, so the
    sidebar's page links find pages/ and the set-up reads the shipped data."""
    root = tmp / "chrome-app"
    root.mkdir(exist_ok=True)
    for name in (".streamlit", "dashboard", "data", "pages", "static"):
        if not (root / name).exists():
            (root / name).symlink_to(paths.ROOT / name)
    (root / paths.ENTRY.name).write_text((FLOORS / "chrome.py").read_text(encoding="utf-8"), encoding="utf-8")
    yield root


def pages(browser: Any, tmp: Path, reps: int, data: Path | None = None) -> dict[str, Any]:
    """Every page on a freshly started server: the cold first load, warm loads, and a filter change."""
    result: dict[str, Any] = {}
    for r in ROUTES:
        with running(tmp, data=data, warm=True) as server:
            result[r.key] = _cold_and_warm(browser, url(server, r.url_path), reps)
            result[r.key]["filter_update"] = _updates(browser, url(server, r.url_path), reps)
            if r.key in CONTROLS:
                result[r.key]["control_update"] = _updates(browser, url(server, r.url_path), reps, CONTROLS[r.key])
            print(f"  {r.key}: warm {result[r.key]['warm']['median']} ms", flush=True)
    return result


def scale(browser: Any, tmp: Path, reps: int, sizes: list[int]) -> dict[str, Any]:
    """Each page's warm load with generated datasets; the first load after start includes reading the data."""
    result: dict[str, Any] = {}
    for size in sizes:
        started = time.monotonic()
        data = write_dataset(size, tmp / f"data-{size}")
        row: dict[str, Any] = {"generate_s": round(time.monotonic() - started, 1)}
        # A cache folder of its own: the first start reads and validates the files and writes the snapshot.
        env = {"EXPLORER_CACHE_DIR": str(tmp / f"cache-{size}")}
        started = time.monotonic()
        with running(tmp, data=data, warm=True, env=env) as server:
            row["start_s"] = round(time.monotonic() - started, 1)
            context = web.new_context(browser)
            try:
                row["first_load_ms"] = _timed_loads(context, url(server, ""), 1)["median"]
                for r in ROUTES:
                    row[r.key] = _timed_loads(context, url(server, r.url_path), reps)
            finally:
                context.close()
            row["rss_mb"] = rss_mb(server)
        row["restart"] = _restart(browser, tmp, data, env)
        result[str(size)] = row
        print(f"  {size:,} members: " + ", ".join(f"{r.key} {row[r.key]['median']}" for r in ROUTES), flush=True)
    return result


def _restart(browser: Any, tmp: Path, data: Path, env: dict[str, str]) -> dict[str, Any]:
    """A restart with the data unchanged (the snapshot there), in seconds from the process start: until it answers
    healthy (it warms first); until it has served a new reader's first page (the browser received the end of
    that page's script run), less the time the reader's browser spent loading Streamlit's own frontend before it
    asked for the run (the same for any Streamlit app, not the server's); until that page has drawn. And the
    server's memory then."""
    started = time.monotonic()
    with running(tmp, data=data, warm=True, env=env) as server:
        healthy = time.monotonic() - started
        context = web.new_context(browser)
        try:
            first = web.served(context, url(server, ""))
        finally:
            context.close()
        row = {"healthy_s": round(healthy, 2), "first_page_s": round(first["drawn_at"] - started, 1),
               "first_load_ms": round(first["ms"]), "rss_mb": rss_mb(server), "errors": first["errors"]}  # fmt: skip
        if first["served_at"] is not None and first["asked_at"] is not None:
            frontend = first["asked_at"] - first["navigated_at"]
            row |= {"served_s": round(first["served_at"] - started - frontend, 2), "frontend_s": round(frontend, 2)}
        return row


def _timed_loads(context: Any, address: str, reps: int) -> dict[str, Any]:
    """Warm loads of one page; a load that never finishes counts as a timeout instead of ending the run."""
    times, errors, timeouts = [], 0, 0
    for _ in range(reps):
        try:
            loaded = web.load(context, address)
        except Exception:  # noqa: BLE001 - Playwright's TimeoutError; recorded, and the run goes on
            timeouts += 1
            continue
        times.append(loaded["ms"])
        errors += loaded["errors"]
    shown = spread(times) if times else {"median": 0, "min": 0, "max": 0, "n": 0}
    return shown | {"errors": errors, "timeouts": timeouts}


def memory(browser: Any, tmp: Path, sessions: int) -> dict[str, Any]:
    """Server RSS after start, after each page, and while ``sessions`` browser sessions load pages at once."""
    with running(tmp) as server:
        result: dict[str, Any] = {"after_start_mb": rss_mb(server), "after_page_mb": {}}
        context = web.new_context(browser)
        try:
            for r in ROUTES:
                web.load(context, url(server, r.url_path))
                result["after_page_mb"][r.key] = rss_mb(server)
        finally:
            context.close()
        peak = [0.0]
        stop = threading.Event()

        def sample() -> None:
            while not stop.is_set():
                peak[0] = max(peak[0], rss_mb(server))
                time.sleep(0.2)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        urls = [url(server, ROUTES[i % len(ROUTES)].url_path) for i in range(sessions)]
        try:
            result["concurrent"] = web.concurrent(browser, urls)
        finally:
            stop.set()
            sampler.join()
        result["concurrent"]["peak_rss_mb"] = peak[0]
        result["after_sessions_mb"] = rss_mb(server)
    return result


def _profile(run: Callable[[], object], top: int) -> list[str]:
    """Where one run's time goes: the functions of this project with the most cumulative time.

    AppTest runs the script in its own thread, so the profiler is switched on inside new threads."""
    profiler = cProfile.Profile()
    thread_run = threading.Thread.run

    def profiled(thread: threading.Thread) -> None:
        profiler.enable()
        try:
            thread_run(thread)
        finally:
            profiler.disable()

    threading.Thread.run = profiled  # type: ignore[method-assign]
    try:
        run()
    finally:
        threading.Thread.run = thread_run  # type: ignore[method-assign]
    profiler.create_stats()
    stats = pstats.Stats(profiler)
    rows = []
    root = str(paths.ROOT)
    for (file, line, name), (_, calls, _, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        where = Path(file).relative_to(root) if file.startswith(root) and "site-packages" not in file else None
        if where and where.parts[0] != "bench" and name != "<module>":  # the project's own code, not a venv
            rows.append((cumulative, f"{where}:{line} {name} ({calls}x)"))
    rows.sort(reverse=True)
    return [f"{seconds * 1000:.0f} ms {where}" for seconds, where in rows[:top]]


def script(reps: int, top: int = 8) -> dict[str, Any]:
    """Each page's script run without a browser (AppTest; the first run in a process also imports and reads
    the data), then repeated runs of the same page, and a profile of one of them."""
    from streamlit.testing.v1 import AppTest

    result: dict[str, Any] = {}
    for r in ROUTES:
        started = time.perf_counter()
        at = AppTest.from_file(str(paths.ENTRY), default_timeout=300)
        at.run()
        if r.script != "streamlit_app.py":
            at.switch_page(r.script).run()
        first = (time.perf_counter() - started) * 1000
        times = []
        for _ in range(reps):
            started = time.perf_counter()
            at.run()
            times.append((time.perf_counter() - started) * 1000)
        result[r.key] = {"first_ms": round(first), "warm": spread(times), "profile": _profile(at.run, top)}
    return result
