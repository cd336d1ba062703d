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
