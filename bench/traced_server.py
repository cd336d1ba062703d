"""`streamlit run …` with Python's allocation tracing on, for finding what holds memory between load rounds.

    python bench/traced_server.py OUT_DIR run streamlit_app.py --server.port 8501 …

Everything after OUT_DIR goes to Streamlit's own command line. On SIGUSR1 the server collects garbage, then writes
OUT_DIR/snapshot-NNN.pickle (a tracemalloc snapshot) and OUT_DIR/snapshot-NNN.json: resident memory, the bytes
Python traces, glibc's heap figures (bytes in use and bytes freed but kept), the number of Streamlit sessions and
of live objects. `bench/load.py --trace DIR` starts the server this way and asks for one after every round; the
difference between in-use and kept-free memory tells a leak from an allocator that keeps freed pages.
Tracing slows the server several times over: use it to explain a figure, never to measure one. With
EXPLORER_TRACE_FRAMES=0 nothing is traced and only the .json figures are written.
"""

from __future__ import annotations

import ctypes
import gc
import json
import os
import re
import signal
import sys
import tempfile
import threading
import tracemalloc
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

FRAMES = 8  # stack frames kept per allocation; EXPLORER_TRACE_FRAMES=0 writes the figures only, at no cost


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks",
                 "keepcost")]  # fmt: skip


def heap() -> dict[str, float]:
    """glibc's mallinfo2 in MB: ``in_use`` (allocated), ``free`` (freed but still held), ``mmap`` (large blocks)."""
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallinfo2.restype = _MallInfo2
        info = libc.mallinfo2()
    except (OSError, AttributeError):  # not glibc, or older than 2.33
        return {}
    mb = 1024 * 1024
    return {"in_use": round(info.uordblks / mb, 1), "free": round(info.fordblks / mb, 1),
            "mmap": round(info.hblkhd / mb, 1), "arena": round(info.arena / mb, 1)}  # fmt: skip


def rss_mb(pid: int | str = "self") -> dict[str, float]:
    """A process's resident memory in MB (this one by default): all of it (VmRSS), anonymous (heaps, Python's
    arenas, stacks) and file-backed (the code of Python, numpy, pandas, pyarrow…, the same for every process that
    loads them). The benchmark and the load tool read other processes' with it; OSError once the process is gone."""
    keys = {"VmRSS:": "rss_mb", "RssAnon:": "rss_anon_mb", "RssFile:": "rss_file_mb"}
    rows = (line.split() for line in Path(f"/proc/{pid}/status").read_text().splitlines())
    return {keys[row[0]]: round(int(row[1]) / 1024, 1) for row in rows if row and row[0] in keys}


def _c_stderr(call: Callable[[], object]) -> str:
    """What ``call`` prints to the C library's stderr (file descriptor 2), which Python's sys.stderr does not see."""
    with tempfile.TemporaryFile() as sink:
        sys.stderr.flush()
        saved = os.dup(2)
        try:
            os.dup2(sink.fileno(), 2)
            call()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        sink.seek(0)
        return sink.read().decode("utf-8", "replace")


UNITS = {"B": 1 / 2**20, "KiB": 1 / 1024, "MiB": 1.0, "GiB": 1024.0}


def pymalloc() -> dict[str, float]:
    """Python's small-object allocator in MB (from sys._debugmallocstats, which prints to the C stderr): its arenas,
    the bytes in live blocks, and the free bytes inside arenas it cannot give back while one block in them lives.
    Empty while tracemalloc runs: it wraps the allocator, and the statistics then have nothing to say."""
    text = _c_stderr(sys._debugmallocstats)
    figures = {}
    for name, pattern in (("arenas", r"arenas \* \d+ bytes/arena\s+=\s+([\d,]+)"),
                          ("in_use", r"# bytes in allocated blocks\s+=\s+([\d,]+)"),
                          ("free_blocks", r"# bytes in available blocks\s+=\s+([\d,]+)"),
                          ("free_pools", r"unused pools \* \d+ bytes\s+=\s+([\d,]+)")):  # fmt: skip
        found = re.search(pattern, text)
        if found:
            figures[name] = round(int(found.group(1).replace(",", "")) / 2**20, 1)
    return figures


def arrow() -> dict[str, Any]:
    """pyarrow's memory pool (Streamlit sends data frames as Arrow), once something has loaded pyarrow: its
    allocator, the bytes it has handed out now, the most it ever had, and (mimalloc) what it holds from the system."""
    pa = sys.modules.get("pyarrow")
    if pa is None:
        return {}
    pool = pa.default_memory_pool()
    figures = {"backend": pool.backend_name, "allocated_mb": round(pool.bytes_allocated() / 2**20, 1),
               "peak_mb": round(pool.max_memory() / 2**20, 1)}  # fmt: skip
    # mimalloc's own statistics: the memory it has committed now (peak, total, current), freed blocks included
    found = re.search(r"committed\s*:\s*\S+ \S+\s+\S+ \S+\s+([\d.]+) (B|KiB|MiB|GiB)", _c_stderr(pool.print_stats))
    if found:
        figures["committed_mb"] = round(float(found.group(1)) * UNITS[found.group(2)], 1)
    return figures


def object_types(top: int = 25) -> dict[str, int]:
    """How many objects the garbage collector tracks, by type, for the most common types."""
    return dict(Counter(type(o).__qualname__ for o in gc.get_objects()).most_common(top))


def sessions() -> dict[str, int]:
    try:
        from streamlit.runtime import Runtime

        manager: Any = Runtime.instance()._session_mgr  # no public accessor; read-only use
        return {"sessions": manager.num_sessions(), "active_sessions": manager.num_active_sessions()}
    except Exception:  # before the runtime exists
        return {}


def install(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    frames = int(os.environ.get("EXPLORER_TRACE_FRAMES", FRAMES))
    if frames:
        tracemalloc.start(frames)
    taken = 0

    def snapshot(signum: int, frame: Any) -> None:  # noqa: ARG001 - a signal handler's signature
        nonlocal taken
        taken += 1
        gc.collect()
        stem = out / f"snapshot-{taken:03d}"
        traced, peak = tracemalloc.get_traced_memory()
        facts = {**rss_mb(), "pymalloc_mb": pymalloc(), "traced_mb": round(traced / 2**20, 1),
                 "traced_peak_mb": round(peak / 2**20, 1), "heap_mb": heap(), "arrow": arrow(),
                 "objects": len(gc.get_objects()), "object_types": object_types(), **sessions(),
                 "threads": sorted({t.name for t in threading.enumerate()})}  # fmt: skip
        if frames:
            tracemalloc.take_snapshot().dump(str(stem.with_suffix(".part")))
            stem.with_suffix(".part").rename(stem.with_suffix(".pickle"))
        stem.with_suffix(".json").write_text(json.dumps(facts), encoding="utf-8")  # written last: the ready mark

    signal.signal(signal.SIGUSR1, snapshot)


def main() -> None:
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    install(Path(sys.argv[1]))
    sys.argv = ["streamlit", *sys.argv[2:]]
    from streamlit.web.cli import main as streamlit_main

    streamlit_main(prog_name="streamlit")


if __name__ == "__main__":
    main()
