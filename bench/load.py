"""Many readers at once: N concurrent browser sessions open every page and change filters, on loopback only.

Run with `make load` (N = 10, 20, 50, one round each) or, for example,
`python bench/load.py --sessions 10 --soak 600` (rounds of 10 sessions for at least ten minutes).
It starts its own server on 127.0.0.1 (and refuses any address that is not loopback), samples the
server's resident memory every second, and writes JSON and Markdown reports to artifacts/load/.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.e2e.conftest import (  # noqa: E402
    HARMLESS,
    LOCAL_HOSTS,
    RENDERED,
    STILLNESS_SCRIPT,
    Server,
    chromium,
    start_server,
    stop_server,
)

OUT = Path(__file__).resolve().parent.parent / "artifacts" / "load"
# Every page, some with filters or page keys in the link, as readers arrive from shared links.
VISITS = ("", "Members?sector=academia", "World_map?view=countries&region=europe", "Sectors", "Initiatives",
          "Open_vs_closed?require=weights", "About")  # fmt: skip
SEARCH_LABEL = "Search names"  # the sidebar's search box (dashboard/locales/en.yaml: filters.q)
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=localhost;127.0.0.1;[::1]"]  # fmt: skip


@dataclass
class Session:
    """One reader: how long each step took and what went wrong."""

    number: int
    steps: list[tuple[str, float]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def total(self) -> float:
        return sum(seconds for _, seconds in self.steps)


@dataclass
class Round:
    sessions: int
    started: float
    seconds: float
    rss_before_mb: float
    rss_after_mb: float
    results: list[Session]


class Memory:
    """Samples a process's resident set size (MB) every second in a background thread."""

    def __init__(self, pid: int) -> None:
        self.pid, self._stop = pid, threading.Event()
        self.samples: list[tuple[float, float]] = []  # (seconds since start, MB)
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def now(self) -> float:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def _run(self) -> None:
        start = time.monotonic()
        while not self._stop.wait(1.0):
            try:
                self.samples.append((round(time.monotonic() - start, 1), round(self.now(), 1)))
            except OSError:
                return

    def stop(self) -> None:
        self._stop.set()


async def _settle(page: Any, timeout_ms: float) -> None:
    await page.evaluate("window.__lastMutation = Date.now()")
    await page.wait_for_function(RENDERED, timeout=timeout_ms)


def _watch(page: Any, session: Session) -> None:
    """Console errors, requests that leave loopback and dialogs count as session errors."""

    def on_console(message: Any) -> None:
        if message.type == "error" and not any(h in message.text for h in HARMLESS):
            session.errors.append(f"console: {message.text[:200]}")

    def on_request(request: Any) -> None:
        if request.url.startswith("http") and (urlsplit(request.url).hostname or "") not in LOCAL_HOSTS:
            session.errors.append(f"request left loopback: {request.url}")

    page.on("console", on_console)
    page.on("request", on_request)
    page.on("dialog", lambda dialog: session.errors.append(f"dialog: {dialog.message}"))


async def reader(browser: Any, base: str, number: int, timeout_ms: float) -> Session:
    """Open every page, then search on the last one, as one fresh browser session."""
    session = Session(number)
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    await page.add_init_script(STILLNESS_SCRIPT)
    _watch(page, session)
    try:
        for path in VISITS:
            start = time.monotonic()
            await page.goto(f"{base}/{path}", wait_until="commit", timeout=timeout_ms)  # 50 browsers share 2 cores
            await _settle(page, timeout_ms)
            session.steps.append((path or "Overview", time.monotonic() - start))
            if await page.locator('[data-testid="stException"]').count():
                session.errors.append(f"exception box on {path or 'Overview'}")
        start = time.monotonic()
        await page.get_by_label(SEARCH_LABEL).fill("univ", timeout=timeout_ms)
        await page.get_by_label(SEARCH_LABEL).press("Enter", timeout=timeout_ms)
        await page.wait_for_function("() => location.search.includes('q=univ')", timeout=timeout_ms)
        await _settle(page, timeout_ms)
        session.steps.append(("search filter", time.monotonic() - start))
    except Exception as exc:  # a timeout or a crash is what this tool is here to count
        session.errors.append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
    finally:
        await context.close()
    return session


async def one_round(base: str, sessions: int, memory: Memory, timeout_ms: float) -> Round:
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=chromium(), args=LAUNCH_ARGS)
        before, started = memory.now(), time.monotonic()
        results = await asyncio.gather(*(reader(browser, base, n, timeout_ms) for n in range(sessions)))
        seconds = time.monotonic() - started
        await browser.close()
    await asyncio.sleep(5)  # let the server drop the closed sessions before reading memory again
    return Round(sessions, started, seconds, round(before, 1), round(memory.now(), 1), list(results))


def run(base: str, pid: int, plan: list[int], soak: float = 0.0, timeout_ms: float = 240_000) -> dict[str, Any]:
    """Each N in ``plan`` once, then rounds of the last N until ``soak`` seconds have passed."""
    memory = Memory(pid)
    rounds = [asyncio.run(one_round(base, n, memory, timeout_ms)) for n in plan]
    soak_end = time.monotonic() + soak
    while soak and time.monotonic() < soak_end:
        rounds.append(asyncio.run(one_round(base, plan[-1], memory, timeout_ms)))
    memory.stop()
    return {"url": base, "rounds": [_summary(r) for r in rounds], "rss_mb": memory.samples}


def _summary(r: Round) -> dict[str, Any]:
    steps: dict[str, list[float]] = {}
    for s in r.results:
        for name, seconds in s.steps:
            steps.setdefault(name, []).append(seconds)
    return {
        "sessions": r.sessions, "seconds": round(r.seconds, 1), "rss_before_mb": r.rss_before_mb,
        "rss_after_mb": r.rss_after_mb, "errors": [e for s in r.results for e in s.errors],
        "failed_sessions": sum(1 for s in r.results if s.errors),
        "steps": {k: {"median_s": round(statistics.median(v), 2), "max_s": round(max(v), 2), "n": len(v)}
                  for k, v in steps.items()},
        "session_totals_s": [round(s.total, 2) for s in r.results],
    }  # fmt: skip


def markdown(report: dict[str, Any]) -> str:
    lines = ["| N | seconds | failed sessions | median session (s) | slowest session (s) | RSS before → after (MB) |",
             "|---|---|---|---|---|---|"]  # fmt: skip
    for r in report["rounds"]:
        totals = r["session_totals_s"] or [0.0]
        lines.append(f"| {r['sessions']} | {r['seconds']} | {r['failed_sessions']} | {statistics.median(totals):.1f} "
                     f"| {max(totals):.1f} | {r['rss_before_mb']} → {r['rss_after_mb']} |")  # fmt: skip
    peak = max((mb for _, mb in report["rss_mb"]), default=0.0)
    lines += ["", f"Peak server RSS: {peak} MB. Per page (last round): median / max seconds:", ""]
    for name, s in report["rounds"][-1]["steps"].items():
        lines.append(f"- {name}: {s['median_s']} / {s['max_s']}")
    return "\n".join(lines) + "\n"


def _loopback(url: str) -> str:
    host = urlsplit(url).hostname or ""
    if host not in LOCAL_HOSTS:
        raise SystemExit(f"load tests run against loopback only, not {host!r}")
    return url.rstrip("/")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[10, 20, 50], help="N for each round")
    parser.add_argument(
        "--soak", type=float, default=0.0, help="then repeat rounds of the last N for this many seconds"
    )
    parser.add_argument("--max-sessions", type=int, default=50, help="refuse a larger N (bounded by design)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if max(args.sessions) > args.max_sessions or args.soak > 3600:
        parser.error(f"at most {args.max_sessions} sessions and one hour of soak")
    args.out.mkdir(parents=True, exist_ok=True)
    server: Server = start_server(args.out)
    try:
        report = run(_loopback(server.url), server.process.pid, args.sessions, args.soak)
    finally:
        stop_server(server)
    stem = f"load-{'-'.join(map(str, args.sessions))}{'-soak' if args.soak else ''}"
    (args.out / f"{stem}.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    (args.out / f"{stem}.md").write_text(markdown(report), encoding="utf-8")
    print(markdown(report))
    return 1 if any(r["failed_sessions"] for r in report["rounds"]) else 0


if __name__ == "__main__":
    raise SystemExit(main())
