"""Many readers at once: N concurrent sessions open every page and change filters, on loopback only.

Run with `make load` (N = 10, 20, 50, one round each) or, for example,
`python bench/load.py --sessions 10 --soak 600` (rounds of 10 sessions for at least ten minutes).
It starts its own server on 127.0.0.1 (and refuses any address that is not loopback), samples the
server's resident memory every second, and writes JSON and Markdown reports to artifacts/load/.

Two clients: `--client browser` (the default) drives headless Chromium, so each step includes drawing the
page; `--client protocol` speaks Streamlit's own websocket protocol, one session per reader, and times each
step from the rerun request to the server's script_finished. On a small machine 50 browsers exhaust the CPU
by themselves; 50 protocol sessions load the server instead.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import statistics
import sys
import threading
import time
import tracemalloc
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState, ContextInfo
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.RootContainer_pb2 import RootContainer
from streamlit.proto.WidgetStates_pb2 import WidgetState, WidgetStates
from websockets.asyncio.client import connect  # a dependency of streamlit itself
from websockets.typing import Origin, Subprotocol

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.traced_server import rss_mb  # noqa: E402
from harness.browser import HARMLESS, LOCAL_HOSTS, RENDERED, STILLNESS_SCRIPT, chromium  # noqa: E402
from harness.server import Server, start_server, stop_server  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "artifacts" / "load"
# Every page, some with filters or page keys in the link, as readers arrive from shared links.
VISITS = ("", "Members?sector=academia", "World_map?view=countries&region=europe", "Sectors", "Initiatives",
          "Open_vs_closed?require=weights", "About")  # fmt: skip
SEARCH_LABEL = "Search names"
# Seconds between rounds, before the server's memory is read again. Streamlit keeps a session whose socket has
# closed for server.disconnectedSessionTTL (120 s), so a reading taken sooner still holds the last round's
# sessions: use --rest 130 to see what memory comes back to between rounds.
REST = 5.0  # the sidebar's search box (dashboard/locales/en.yaml: filters.q)
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
    trace: dict[str, Any] = field(default_factory=dict)  # the traced server's figures after the round (--trace)


class Memory:
    """Samples a process's resident set size (MB) every second in a background thread."""

    def __init__(self, pid: int) -> None:
        self.pid, self._stop = pid, threading.Event()
        self.samples: list[tuple[float, float]] = []  # (seconds since start, MB)
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def now(self) -> float:
        return rss_mb(self.pid).get("rss_mb", 0.0)

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


async def one_round(base: str, sessions: int, memory: Memory, timeout_ms: float, rest: float = REST) -> Round:
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=chromium(), args=LAUNCH_ARGS)
        before, started = memory.now(), time.monotonic()
        results = await asyncio.gather(*(reader(browser, base, n, timeout_ms) for n in range(sessions)))
        seconds = time.monotonic() - started
        await browser.close()
    await asyncio.sleep(rest)  # the closed sessions outlive their sockets by server.disconnectedSessionTTL
    return Round(sessions, started, seconds, round(before, 1), round(memory.now(), 1), list(results))


class Tracer:
    """Asks a server started by bench/traced_server.py for a heap snapshot (SIGUSR1) and waits until it is written."""

    def __init__(self, pid: int, out: Path) -> None:
        self.pid, self.out, self.taken = pid, out, 0

    def take(self, timeout: float = 600.0) -> dict[str, Any]:
        self.taken += 1
        os.kill(self.pid, signal.SIGUSR1)
        mark = self.out / f"snapshot-{self.taken:03d}.json"
        deadline = time.monotonic() + timeout
        while not mark.exists():
            if time.monotonic() > deadline:
                raise TimeoutError(f"no heap snapshot in {mark.parent} within {timeout:g} s")
            time.sleep(0.5)
        return {"snapshot": self.taken, **json.loads(mark.read_text(encoding="utf-8"))}


def _frames(stat: tracemalloc.StatisticDiff, depth: int = 4) -> str:
    return " ← ".join(f"{Path(f.filename).name}:{f.lineno}" for f in list(stat.traceback)[:depth])


def trace_report(out: Path, first: int, last: int, top: int = 15) -> str:
    """What grew between two snapshots: the figures read with each, then the allocation sites that grew most."""
    facts = [json.loads((out / f"snapshot-{n:03d}.json").read_text(encoding="utf-8")) for n in range(1, last + 1)]
    if not (out / f"snapshot-{last:03d}.pickle").exists():  # EXPLORER_TRACE_FRAMES=0: the figures only
        first = last = 0
    lines = ["Memory in MB. RSS is anonymous (heaps, arenas) plus file-backed (the libraries' code); glibc's heap and "
             "Python's arenas each hold blocks in use and freed space they keep; the Arrow pool is what pyarrow's "
             "allocator holds (what mimalloc has committed; with the system allocator, what is allocated).", "",
             "| snapshot | RSS | anon | file | glibc in use | glibc free | Python arenas | in Python blocks "
             "| Arrow pool | traced | sessions | objects |", "|---" * 12 + "|"]  # fmt: skip
    for n, f in enumerate(facts, 1):
        h, p, a = f.get("heap_mb", {}), f.get("pymalloc_mb", {}), f.get("arrow", {})
        pool = a.get("committed_mb", a.get("allocated_mb", ""))
        cells = [n, f["rss_mb"], f.get("rss_anon_mb", ""), f.get("rss_file_mb", ""), h.get("in_use", ""),
                 h.get("free", ""), p.get("arenas", ""), p.get("in_use", ""), pool,
                 f["traced_mb"], f.get("sessions", ""), f["objects"]]  # fmt: skip
        lines.append("| " + " | ".join(map(str, cells)) + " |")
    if first == last:
        return "\n".join(lines) + "\n"
    keep = [tracemalloc.Filter(False, tracemalloc.__file__), tracemalloc.Filter(False, "<frozen importlib._bootstrap>")]
    old, new = (tracemalloc.Snapshot.load(str(out / f"snapshot-{n:03d}.pickle")).filter_traces(keep)
                for n in (first, last))  # fmt: skip
    diff = new.compare_to(old, "traceback")
    lines += ["", f"Allocation sites that grew most from snapshot {first} to {last} "
              f"(net {sum(d.size_diff for d in diff) / 2**20:+.1f} MB traced):", ""]  # fmt: skip
    for stat in diff[:top]:
        lines.append(f"- {stat.size_diff / 2**20:+.2f} MB ({stat.count_diff:+d} blocks): {_frames(stat)}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- the protocol client

STREAM = "/_stcore/stream"
# What the frontend offers: the protocol, then its XSRF cookie or this placeholder (then the last session's id on
# a reconnect). The server selects the first entry; with XSRF protection on it checks the token against the
# _streamlit_xsrf cookie only before it reads a login cookie, so a session without a login needs neither.
SUBPROTOCOLS = [Subprotocol("streamlit"), Subprotocol("PLACEHOLDER_AUTH_TOKEN")]
MAX_MESSAGE = 200 * 2**20  # the server's own limit (server.maxMessageSize, 200 MB by default)
SEARCH_VALUE = "univ"


class MessageCache:
    """The frontend's cache of large elements. Each rerun request lists the hashes it holds, and the server sends a
    reference (ref_hash) in place of any cacheable message with one of them: the client shows the copy it kept.
    Like the frontend, it forgets a message that no run has used for more than max_cached_message_age runs."""

    def __init__(self) -> None:
        self.runs = 0
        self._kept: dict[str, tuple[ForwardMsg, int]] = {}  # hash -> (message, run that last used it)

    def hashes(self) -> list[str]:
        return list(self._kept)

    def take(self, msg: ForwardMsg) -> ForwardMsg:
        """The message to act on: a reference becomes the kept copy, at the reference's place (its metadata)."""
        if msg.WhichOneof("type") == "ref_hash":
            if msg.ref_hash not in self._kept:
                raise LookupError(f"the server referred to a message this client does not hold: {msg.ref_hash}")
            kept = self._kept[msg.ref_hash][0]
            self._kept[msg.ref_hash] = (kept, self.runs)
            full = ForwardMsg()
            full.CopyFrom(kept)
            full.metadata.CopyFrom(msg.metadata)
            return full
        if msg.metadata.cacheable and msg.hash:
            self._kept[msg.hash] = (msg, self.runs)
        return msg

    def end_run(self, max_age: int) -> None:
        self.runs += 1
        self._kept = {h: (m, run) for h, (m, run) in self._kept.items() if self.runs - run <= max_age}


def rerun_request(*, page_hash: str = "", page_name: str = "", query: str = "", widgets: Sequence[WidgetState] = (),
                  cached: Sequence[str] = (), url: str = "") -> bytes:  # fmt: skip
    """A rerun_script BackMsg with the fields the frontend fills (its sendRerunBackMsg): the page by its hash, or
    by its URL path while the client knows no hashes yet; the URL's query string; widget states; cached hashes."""
    state = ClientState(
        query_string=query, page_script_hash=page_hash, page_name=page_name,
        widget_states=WidgetStates(widgets=widgets), cached_message_hashes=cached,
        context_info=ContextInfo(timezone="UTC", timezone_offset=0, locale="en-US", url=url, is_embedded=False,
                                 color_scheme="light"),
    )  # fmt: skip
    return BackMsg(rerun_script=state).SerializeToString()


def exception_text(msg: ForwardMsg) -> str | None:
    """'Type: message' when ``msg`` draws an exception box (what the browser client finds as stException)."""
    if msg.WhichOneof("type") != "delta" or msg.delta.WhichOneof("type") != "new_element":
        return None
    if msg.delta.new_element.WhichOneof("type") != "exception":
        return None
    box = msg.delta.new_element.exception
    return f"{box.type or 'Exception'}: {(box.message.splitlines() or [''])[0][:200]}"


def widget_id(deltas: list[ForwardMsg], label: str) -> str | None:
    """The id of the sidebar's text input labelled ``label`` among one run's deltas (its id differs per page)."""
    found = None
    for msg in deltas:
        path = msg.metadata.delta_path
        element = msg.delta.new_element
        in_sidebar = bool(path) and path[0] == RootContainer.SIDEBAR
        if in_sidebar and element.WhichOneof("type") == "text_input" and element.text_input.label == label:
            found = element.text_input.id
    return found


class Stream:
    """One Streamlit session spoken to over its websocket as the frontend speaks to it: a rerun request, then
    ForwardMsgs until the run's script_finished. It keeps what the frontend keeps between runs: the page hashes
    (from the navigation message), the page shown, the URL's query string (which the app rewrites) and the cache."""

    def __init__(self, socket: Any, base: str) -> None:
        self.socket, self.base, self.cache = socket, base, MessageCache()
        self.pages: dict[str, str] = {}  # URL path -> page_script_hash
        self.page_hash, self.path, self.query = "", "", ""
        self.max_age = 2  # NewSession.config.max_cached_message_age (global.maxCachedMessageAge)
        self.deltas: list[ForwardMsg] = []  # the last run's

    async def visit(self, path: str, query: str) -> list[str]:
        """Open a page with this query string, as a page link does: by its hash once the server named it."""
        self.path, self.query = path, query
        page_hash = self.pages.get(path, "")
        return await self.rerun(page_hash=page_hash, page_name="" if page_hash else path)

    async def change(self, widget: str, value: str) -> list[str]:
        """Type ``value`` into a text input on the page shown. Only that widget's state is sent: the app seeds its
        filter widgets from its own session copy on every run, so the others keep their values."""
        return await self.rerun(page_hash=self.page_hash, widgets=[WidgetState(id=widget, string_value=value)])

    async def rerun(
        self, *, page_hash: str = "", page_name: str = "", widgets: Sequence[WidgetState] = ()
    ) -> list[str]:
        url = f"{self.base}/{self.path}" + (f"?{self.query}" if self.query else "")
        await self.socket.send(rerun_request(page_hash=page_hash, page_name=page_name, query=self.query,
                                             widgets=widgets, cached=self.cache.hashes(), url=url))  # fmt: skip
        return await self.read_run()

    async def read_run(self) -> list[str]:
        """Read until the run requested has finished; what went wrong in it (nothing for a clean run)."""
        problems: list[str] = []
        while True:
            data = await self.socket.recv()
            if not isinstance(data, bytes):
                raise TypeError("a text frame: Streamlit sends binary protobuf only")
            msg = self.cache.take(ForwardMsg.FromString(data))
            kind = msg.WhichOneof("type")
            if kind == "new_session":  # a run starts: what the page showed before is replaced
                self.deltas = []
                self.page_hash = msg.new_session.page_script_hash
                self.max_age = msg.new_session.config.max_cached_message_age or self.max_age
            elif kind == "navigation":
                self.pages = {p.url_pathname: p.page_script_hash for p in msg.navigation.app_pages}
                self.page_hash = msg.navigation.page_script_hash or self.page_hash
            elif kind == "page_info_changed":
                self.query = msg.page_info_changed.query_string
            elif kind == "page_not_found":
                problems.append(f"page not found: {msg.page_not_found.page_name!r}")
            elif kind == "session_event" and msg.session_event.WhichOneof("type") == "script_compilation_exception":
                problems.append(f"compile error: {msg.session_event.script_compilation_exception.message[:200]}")
            elif kind == "delta":
                self.deltas.append(msg)
                if text := exception_text(msg):
                    problems.append(f"exception box: {text}")
            elif kind == "script_finished":
                status = msg.script_finished
                # Another run follows one that ended early; a fragment's run is not the one requested.
                if status in (ForwardMsg.FINISHED_EARLY_FOR_RERUN, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY):
                    continue
                self.cache.end_run(self.max_age)
                if status != ForwardMsg.FINISHED_SUCCESSFULLY:
                    problems.append(f"script finished with {ForwardMsg.ScriptFinishedStatus.Name(status)}")
                return problems
            # Anything else (session status, page config, page profile, logo, ...) changes nothing measured here.


async def talker(base: str, number: int, timeout_s: float) -> Session:
    """Open every page, then search on the last one, as one Streamlit session over the websocket."""
    session, step = Session(number), "connect"
    try:
        async with connect(
            base.replace("http", "ws", 1) + STREAM, origin=Origin(base), subprotocols=SUBPROTOCOLS,
            proxy=None, max_size=MAX_MESSAGE, open_timeout=timeout_s,  # no proxy: loopback only
        ) as socket:  # fmt: skip
            stream = Stream(socket, base)
            for visit in VISITS:
                step = visit or "Overview"
                path, _, query = visit.partition("?")
                start = time.monotonic()
                async with asyncio.timeout(timeout_s):
                    problems = await stream.visit(path, query)
                session.steps.append((step, time.monotonic() - start))
                session.errors += [f"{step}: {p}" for p in problems]
            step = "search filter"
            box = widget_id(stream.deltas, SEARCH_LABEL)
            if box is None:
                raise LookupError(f"no {SEARCH_LABEL!r} box in the sidebar")
            start = time.monotonic()
            async with asyncio.timeout(timeout_s):
                problems = await stream.change(box, SEARCH_VALUE)
            session.steps.append((step, time.monotonic() - start))
            if f"q={SEARCH_VALUE}" not in stream.query.split("&"):  # what the browser client waits for in the URL
                problems.append(f"the search is not in the URL: {stream.query!r}")
            session.errors += [f"{step}: {p}" for p in problems]
    except Exception as exc:  # a timeout, a closed socket or a refused handshake is what this tool is here to count
        detail = f"no end within {timeout_s:g} s" if isinstance(exc, TimeoutError) else str(exc)
        session.errors.append(f"{step}: {type(exc).__name__}: {(detail.splitlines() or [''])[0][:200]}")
    return session


async def protocol_round(base: str, sessions: int, memory: Memory, timeout_ms: float, rest: float = REST) -> Round:
    before, started = memory.now(), time.monotonic()
    results = await asyncio.gather(*(talker(base, n, timeout_ms / 1000) for n in range(sessions)))
    seconds = time.monotonic() - started
    await asyncio.sleep(rest)  # the closed sessions outlive their sockets by server.disconnectedSessionTTL
    return Round(sessions, started, seconds, round(before, 1), round(memory.now(), 1), list(results))


ROUNDS = {"browser": one_round, "protocol": protocol_round}


def run(base: str, pid: int, plan: list[int], soak: float = 0.0, timeout_ms: float = 240_000, rest: float = REST,
        client: str = "browser", tracer: Tracer | None = None) -> dict[str, Any]:  # fmt: skip
    """Each N in ``plan`` once, then rounds of the last N until ``soak`` seconds have passed; with a ``tracer``, a
    heap snapshot after every round (and one before the first)."""
    one = ROUNDS[client]
    memory = Memory(pid)
    start = tracer.take() if tracer else {}
    rounds: list[Round] = []
    soak_end = None
    while len(rounds) < len(plan) or (soak and time.monotonic() < (soak_end or 0.0)):
        n = plan[min(len(rounds), len(plan) - 1)]
        rounds.append(asyncio.run(one(base, n, memory, timeout_ms, rest)))
        if tracer:
            rounds[-1].trace = tracer.take()
        if len(rounds) == len(plan):
            soak_end = time.monotonic() + soak
    memory.stop()
    return {"url": base, "client": client, "step_timeout_s": timeout_ms / 1000, "rest_s": rest,
            "rounds": [_summary(r) for r in rounds], "rss_mb": memory.samples,
            **({"trace_start": start} if tracer else {})}  # fmt: skip


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
        **({"trace": r.trace} if r.trace else {}),
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


def stem_for(sessions: list[int], soak: float, client: str) -> str:
    """The reports' name: load-10-20-50 for the browser client (as before), load-protocol-10-20-50 for the other."""
    kind = "" if client == "browser" else f"{client}-"
    return f"load-{kind}{'-'.join(map(str, sessions))}{'-soak' if soak else ''}"


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
    parser.add_argument("--client", choices=tuple(ROUNDS), default="browser", help="Chromium or the websocket")
    parser.add_argument("--timeout", type=float, default=240.0, help="seconds one step may take (per session)")
    parser.add_argument("--rest", type=float, default=REST, help="seconds between rounds before reading memory")
    parser.add_argument("--trace", type=Path, help="run the server under tracemalloc, snapshots in this folder")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if max(args.sessions) > args.max_sessions or args.soak > 3600:
        parser.error(f"at most {args.max_sessions} sessions and one hour of soak")
    if not 0 <= args.rest <= 600:
        parser.error("a rest of 0 to 600 seconds between rounds")
    if not 0 < args.timeout <= 3600:
        parser.error("a step timeout of more than 0 seconds and at most one hour")
    args.out.mkdir(parents=True, exist_ok=True)
    traced = (str(Path(__file__).with_name("traced_server.py")), str(args.trace.resolve())) if args.trace else ()
    for stale in args.trace.glob("snapshot-*") if args.trace else ():  # an earlier run's would be read as this one's
        stale.unlink()
    server: Server = start_server(args.out, launcher=traced or ("-m", "streamlit"))
    try:
        tracer = Tracer(server.process.pid, args.trace) if args.trace else None
        report = run(_loopback(server.url), server.process.pid, args.sessions, args.soak,
                     timeout_ms=args.timeout * 1000, rest=args.rest, client=args.client, tracer=tracer)  # fmt: skip
    finally:
        stop_server(server)
    stem = stem_for(args.sessions, args.soak, args.client)
    (args.out / f"{stem}.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    (args.out / f"{stem}.md").write_text(markdown(report), encoding="utf-8")
    print(markdown(report))
    if args.trace:  # what stayed from the first round of the last N (or the first round) to the last round
        last = 1 + len(report["rounds"])
        text = trace_report(args.trace, first=1 + len(args.sessions) if last > 1 + len(args.sessions) else 2, last=last)
        (args.out / f"{stem}-trace.md").write_text(text, encoding="utf-8")
        print(text)
    return 1 if any(r["failed_sessions"] for r in report["rounds"]) else 0


if __name__ == "__main__":
    raise SystemExit(main())
