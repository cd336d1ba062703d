"""Give memory that readers' runs freed back to the system, so a long-running server's size follows its readers.

glibc's allocator keeps freed blocks inside its heaps for reuse, and returns only the free space at the very top
of a heap. A server that builds and sends several megabytes per page run (data frames, figures, protobuf
messages) leaves its heaps full of free holes when the readers leave: the memory is free to Python but still
counted in the process's resident size. pyarrow (pandas' strings, Streamlit's data frames) has its own pool,
mimalloc, which keeps what a finished thread freed until the main thread asks for it back, and the main thread is
the server's event loop: so pyarrow is moved to the system allocator too. ``malloc_trim(0)`` then hands every
wholly free page back. One thread per process calls it every ``EXPLORER_TRIM_SECONDS`` (15 by default; 0 turns
trimming off and leaves pyarrow's pool as it is). Elsewhere than glibc it does nothing. `bench/load.py --trace`
shows the allocators' figures between load rounds.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import logging
import math
import os
import sys
import threading
import time
from collections.abc import Callable

TRIM_ENV = "EXPLORER_TRIM_SECONDS"
TRIM_SECONDS = 15.0  # a trim takes 5–30 ms (more when there is much to give back), without the GIL

_log = logging.getLogger(__name__)
_lock = threading.Lock()
_thread: threading.Thread | None = None
_warned: set[str] = set()


def _libc_trim() -> Callable[[int], int] | None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):  # not glibc (musl, macOS, Windows)
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim


_TRIM = _libc_trim()


def trim() -> bool:
    """Return the allocators' wholly free pages to the system: pyarrow's own pool, where an operator chose one
    (ARROW_DEFAULT_MEMORY_POOL) and something has loaded pyarrow, then glibc's heaps. True when glibc released some
    memory. The system pool is left to the glibc trim: its release_unused() is that same malloc_trim."""
    arrow = sys.modules.get("pyarrow")
    if arrow is not None:
        with contextlib.suppress(Exception):  # an older pyarrow without it, or a pool that cannot
            pool = arrow.default_memory_pool()
            if pool.backend_name != "system":
                pool.release_unused()
    return bool(_TRIM and _TRIM(0))


def interval(environ: dict[str, str] | os._Environ[str] = os.environ) -> float:
    """Seconds between trims from the environment; 0 (off) for anything but a positive, finite number of seconds."""
    raw = environ.get(TRIM_ENV, "")
    if not raw.strip():
        return TRIM_SECONDS
    try:
        seconds = float(raw)
    except ValueError:
        seconds = math.nan
    if math.isfinite(seconds) and seconds > 0:
        return seconds
    if raw.strip() != "0" and raw not in _warned:  # said once, not on every page run
        _warned.add(raw)
        _log.warning("%s=%r is not a positive number of seconds; trimming is off", TRIM_ENV, raw)
    return 0.0


def arrow_on_system_allocator() -> bool:
    """Send pyarrow's new allocations to the system allocator, whose freed memory ``trim`` can give back from any
    thread. pyarrow's own mimalloc pool gives back what an exited thread freed only when asked from the process's
    main thread, which in a server belongs to the event loop; Streamlit runs every script run in a thread of its
    own, so that memory stayed. An operator's ARROW_DEFAULT_MEMORY_POOL is left alone. True when switched."""
    if os.environ.get("ARROW_DEFAULT_MEMORY_POOL"):
        return False
    try:
        import pyarrow
    except ImportError:
        return False
    if pyarrow.default_memory_pool().backend_name != "system":
        pyarrow.set_memory_pool(pyarrow.system_memory_pool())
    return True


def start_trimmer(every: float | None = None) -> threading.Thread | None:
    """Start the process's one trimming thread (once; later calls return it); None when off or unavailable.
    Once started, pyarrow allocates from the system allocator (``arrow_on_system_allocator``)."""
    global _thread
    seconds = interval() if every is None else every
    if _TRIM is None or seconds <= 0:
        return None
    with _lock:
        if _thread is None:
            arrow_on_system_allocator()
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_loop, args=(seconds,), name="explorer-malloc-trim", daemon=True)
            _thread.start()
        return _thread


def _loop(seconds: float) -> None:
    while True:
        time.sleep(seconds)
        trim()
