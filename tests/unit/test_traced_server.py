"""The traced server's figures (bench/traced_server.py), read in this process: resident memory, glibc's heap,
Python's arenas, and a snapshot written on SIGUSR1."""

from __future__ import annotations

import json
import os
import signal
import sys
import tracemalloc
from pathlib import Path

import pytest

from bench import traced_server


def test_resident_memory_is_anonymous_plus_file_backed() -> None:
    rss = traced_server.rss_mb()
    assert set(rss) == {"rss_mb", "rss_anon_mb", "rss_file_mb"}
    assert rss["rss_mb"] == pytest.approx(rss["rss_anon_mb"] + rss["rss_file_mb"], abs=1.0)


def test_python_arenas_hold_the_live_blocks() -> None:
    figures = traced_server.pymalloc()
    assert set(figures) == {"arenas", "in_use", "free_blocks", "free_pools"}
    assert 0 < figures["in_use"] <= figures["arenas"]


def test_glibc_heap_figures_where_there_is_glibc() -> None:
    figures = traced_server.heap()
    if figures:
        assert figures["in_use"] > 0 and figures["free"] >= 0 and figures["arena"] > 0


@pytest.mark.skipif(not hasattr(signal, "SIGUSR1"), reason="no SIGUSR1 here")
@pytest.mark.parametrize("frames", ["0", "1"])
def test_sigusr1_writes_a_snapshot_and_its_figures(
    frames: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With tracing on, a snapshot beside the figures; Python's arena figures only without it (tracemalloc wraps
    the allocator, and sys._debugmallocstats then has nothing to say)."""
    monkeypatch.setenv("EXPLORER_TRACE_FRAMES", frames)
    before = signal.getsignal(signal.SIGUSR1)
    stderr = os.dup(2)
    try:
        traced_server.install(tmp_path)
        os.kill(os.getpid(), signal.SIGUSR1)  # the handler runs before the next bytecode
        facts = json.loads((tmp_path / "snapshot-001.json").read_text(encoding="utf-8"))
    finally:
        tracemalloc.stop()
        signal.signal(signal.SIGUSR1, before)
        os.close(stderr)
    assert facts["objects"] > 0 and facts["rss_mb"] > 0 and "MainThread" in facts["threads"]
    if frames == "0":
        assert facts["pymalloc_mb"]["in_use"] > 0 and facts["traced_mb"] == 0
        assert not (tmp_path / "snapshot-001.pickle").exists()
    else:
        assert (tmp_path / "snapshot-001.pickle").stat().st_size > 0
    sys.stderr.write("")  # the C stderr is back: this write must not fail


def test_arrow_pool_figures_once_pyarrow_is_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "pyarrow", raising=False)
    assert traced_server.arrow() == {}
    monkeypatch.undo()
    import pyarrow

    figures = traced_server.arrow()
    assert figures["backend"] == pyarrow.default_memory_pool().backend_name
    assert figures["allocated_mb"] >= 0
    assert figures.get("committed_mb", 0.0) >= 0  # mimalloc prints it once it has committed an arena


def test_the_load_tools_report_reads_figures_without_snapshots(tmp_path: Path) -> None:
    """EXPLORER_TRACE_FRAMES=0 leaves only the .json figures: the table, and no list of allocation sites."""
    from bench.load import trace_report

    for n, rss in enumerate((70.8, 205.3), 1):
        facts = {"rss_mb": rss, "rss_anon_mb": rss - 12, "rss_file_mb": 12, "traced_mb": 0.0, "objects": 90000 * n,
                 "heap_mb": {"in_use": 17.0, "free": 1.5}, "pymalloc_mb": {"arenas": 38.0, "in_use": 36.9},
                 "arrow": {"backend": "system", "allocated_mb": 0.8} if n == 2 else {}, "sessions": 0}  # fmt: skip
        (tmp_path / f"snapshot-{n:03d}.json").write_text(json.dumps(facts), encoding="utf-8")
    text = trace_report(tmp_path, first=2, last=2)
    assert "| 1 | 70.8 | 58.8 | 12 | 17.0 | 1.5 | 38.0 | 36.9 |  | 0.0 | 0 | 90000 |" in text
    assert "| 2 | 205.3 |" in text and "| 0.8 |" in text
    assert "Allocation sites" not in text
