"""The smallest load setting in CI: ten concurrent sessions, one round, no session errors; once with browsers,
once with the client that speaks Streamlit's websocket protocol."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.load import VISITS
from dashboard import paths

pytestmark = pytest.mark.load
OUT = paths.ROOT / "artifacts" / "load"


def test_ten_concurrent_readers_open_every_page_without_an_error() -> None:
    cmd = [sys.executable, str(paths.ROOT / "bench" / "load.py"), "--sessions", "10", "--out", str(OUT)]
    done = subprocess.run(cmd, cwd=paths.ROOT, capture_output=True, text=True, timeout=1200)
    report = json.loads(Path(OUT / "load-10.json").read_text(encoding="utf-8"))
    (only,) = report["rounds"]
    assert only["sessions"] == 10 and len(only["session_totals_s"]) == 10
    assert only["failed_sessions"] == 0, only["errors"][:10]
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert all(s["n"] == 10 for s in only["steps"].values()), "every session finished every step"
    assert report["rss_mb"], "server memory was sampled"


def test_ten_concurrent_protocol_sessions_finish_every_run_without_an_error() -> None:
    """No browser: ten Streamlit sessions over the websocket, each page's run and the search run timed to its end."""
    cmd = [sys.executable, str(paths.ROOT / "bench" / "load.py"), "--client", "protocol", "--sessions", "10",
           "--timeout", "60", "--out", str(OUT)]  # fmt: skip
    done = subprocess.run(cmd, cwd=paths.ROOT, capture_output=True, text=True, timeout=300)
    report = json.loads(Path(OUT / "load-protocol-10.json").read_text(encoding="utf-8"))
    assert report["client"] == "protocol"
    (only,) = report["rounds"]
    assert only["sessions"] == 10 and len(only["session_totals_s"]) == 10
    assert only["failed_sessions"] == 0, only["errors"][:10]
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert list(only["steps"]) == [v or "Overview" for v in VISITS] + ["search filter"]
    assert all(s["n"] == 10 for s in only["steps"].values()), "every session finished every step"
    assert report["rss_mb"], "server memory was sampled"


def test_traced_server_reports_its_heap_after_every_round(tmp_path: Path) -> None:
    """`--trace`: the server runs under tracemalloc, and after each round the tool reads its heap figures and says
    which allocation sites grew; the app's memory trimmer runs in the server."""
    trace = tmp_path / "trace"
    cmd = [sys.executable, str(paths.ROOT / "bench" / "load.py"), "--client", "protocol", "--sessions", "2", "2",
           "--timeout", "120", "--rest", "0", "--trace", str(trace), "--out", str(tmp_path)]  # fmt: skip
    done = subprocess.run(cmd, cwd=paths.ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    report = json.loads((tmp_path / "load-protocol-2-2.json").read_text(encoding="utf-8"))
    start, *after = [report["trace_start"], *(r["trace"] for r in report["rounds"])]
    assert [f["snapshot"] for f in (start, *after)] == [1, 2, 3]
    assert start["sessions"] == 0 and all(f["sessions"] >= 2 for f in after), "sessions are counted"
    assert all(f["traced_mb"] > 0 and f["heap_mb"]["in_use"] > 0 for f in after)
    assert "explorer-malloc-trim" in after[-1]["threads"]
    assert sorted(p.name for p in trace.glob("*.pickle")) == [f"snapshot-00{n}.pickle" for n in (1, 2, 3)]
    text = (tmp_path / "load-protocol-2-2-trace.md").read_text(encoding="utf-8")
    assert "| glibc in use |" in text and "Allocation sites that grew most from snapshot 2 to 3" in text
