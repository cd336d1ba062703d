"""The allocator trimmer: its setting, that it runs once per process, and that trimming is harmless."""

from __future__ import annotations

import sys
import threading
import types

import pytest

from dashboard.server import memory


@pytest.mark.parametrize(
    ("raw", "seconds"),
    [("", memory.TRIM_SECONDS), ("  ", memory.TRIM_SECONDS), ("30", 30.0), ("0.5", 0.5), ("0", 0.0),
     ("-5", 0.0), ("nan", 0.0), ("inf", 0.0), ("soon", 0.0)],
)  # fmt: skip
def test_interval_reads_the_environment_and_turns_off_on_nonsense(raw: str, seconds: float) -> None:
    assert memory.interval({memory.TRIM_ENV: raw}) == seconds


def test_a_bad_setting_is_reported_once(caplog: pytest.LogCaptureFixture) -> None:
    for _ in range(3):
        assert memory.interval({memory.TRIM_ENV: "every minute"}) == 0.0
    assert [r.getMessage() for r in caplog.records].count(
        "EXPLORER_TRIM_SECONDS='every minute' is not a positive number of seconds; trimming is off"
    ) == 1
    assert memory.interval({memory.TRIM_ENV: "0"}) == 0.0 and len(caplog.records) == 1, "0 is a choice, not a mistake"


def test_interval_defaults_when_unset() -> None:
    assert memory.interval({}) == memory.TRIM_SECONDS


def test_trim_returns_a_bool_and_leaves_memory_usable() -> None:
    blocks = [bytearray(64 * 1024) for _ in range(200)]
    del blocks
    assert memory.trim() in (True, False)
    assert len(bytearray(1024 * 1024)) == 1024 * 1024


def test_off_starts_nothing() -> None:
    assert memory.start_trimmer(0) is None


@pytest.mark.skipif(memory._TRIM is None, reason="not glibc: nothing to trim")
def test_one_thread_per_process() -> None:
    first = memory.start_trimmer(3600)
    assert first is not None and first.is_alive() and first.daemon
    assert memory.start_trimmer(3600) is first
    assert [t for t in threading.enumerate() if t.name == "explorer-malloc-trim"] == [first]


def test_trim_also_empties_pyarrows_pool_once_pyarrow_is_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    released: list[bool] = []

    class Pool:
        backend_name = "mimalloc"

        def release_unused(self) -> None:
            released.append(True)

    fake = types.SimpleNamespace(default_memory_pool=Pool)
    monkeypatch.setitem(sys.modules, "pyarrow", fake)
    memory.trim()
    assert released == [True]


def test_the_system_pool_is_left_to_the_glibc_trim(monkeypatch: pytest.MonkeyPatch) -> None:
    released: list[bool] = []

    class Pool:
        backend_name = "system"

        def release_unused(self) -> None:
            released.append(True)

    monkeypatch.setitem(sys.modules, "pyarrow", types.SimpleNamespace(default_memory_pool=Pool))
    memory.trim()
    assert released == []


def test_a_pool_that_cannot_release_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", types.SimpleNamespace(default_memory_pool=object))
    assert memory.trim() in (True, False)


def test_pyarrow_moves_to_the_system_allocator_unless_the_operator_chose(monkeypatch: pytest.MonkeyPatch) -> None:
    import pyarrow

    monkeypatch.setenv("ARROW_DEFAULT_MEMORY_POOL", "mimalloc")
    assert memory.arrow_on_system_allocator() is False
    monkeypatch.delenv("ARROW_DEFAULT_MEMORY_POOL")
    assert memory.arrow_on_system_allocator() is True
    assert pyarrow.default_memory_pool().backend_name == "system"
    assert pyarrow.array(["a", "b"]).to_pylist() == ["a", "b"]
