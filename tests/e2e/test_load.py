"""The smallest load setting in CI: ten concurrent browser sessions, one round, no session errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

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
