"""Warm before ready: ``python -m dashboard.ui.serve run streamlit_app.py [streamlit's options]``.

The same command line as ``streamlit run``, with one step added after the options are read and before the
server listens: every page runs once at its default view in this process (Streamlit's own AppTest runner), so
the data is read, validated and derived, and each page's default figures are built (or, unchanged since the last
start, read back: dashboard/charts/kept.py), into the caches the server shares with its readers
(``st.cache_data``/``st.cache_resource`` live in the process, not in a session). Until then the port is closed:
the container's health check, the Kubernetes readiness probe and the proxy (which sends a reader to another
replica while a port refuses) all wait for it, so the first reader of a shared link waits no longer than the next.

A page that fails while warming is logged and the server starts anyway: the reader then gets the page's own
message (a broken data file is explained on every page), never a server that does not come up.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from dashboard import paths
from dashboard.routes import ROUTES
from dashboard.server import memory

_log = logging.getLogger("dashboard.ui.serve")  # by name: run with -m, __name__ is "__main__"
# Streamlit's warnings while pages run outside a server ("No runtime found", "missing ScriptRunContext"): expected
# here, and a warning per cached function would bury the lines that matter.
QUIET = ("streamlit.runtime.caching.cache_data_api", "streamlit.runtime.scriptrunner_utils.script_run_context")
WARM_TIMEOUT = 600  # seconds per page: a ceiling for a first start on a large dataset, never a wait


PAGES = tuple(r.script for r in ROUTES if r.script != paths.ENTRY.name)  # the entry page runs first anyway


def _errors_only(record: logging.LogRecord) -> bool:
    return record.levelno >= logging.ERROR


def warm(entry: Path = paths.ENTRY, pages: Sequence[str] = PAGES) -> list[str]:
    """Run the entry page and every other page once at its default view; the problems met, one line each."""
    from streamlit.testing.v1 import AppTest

    from dashboard.charts import kept

    with quiet(), kept.recording():
        problems = _run_pages(AppTest.from_file(str(entry), default_timeout=WARM_TIMEOUT), entry, pages)
    # The test runner held the pages' runs (at 100,000 members, most of a gigabyte, in reference cycles): collect
    # them, and give the freed memory back to the system before the server starts.
    gc.collect()
    memory.trim()
    return problems


@contextmanager
def quiet() -> Iterator[None]:
    """Streamlit's warnings about running outside a server left out (errors still shown)."""
    for name in QUIET:
        logging.getLogger(name).addFilter(_errors_only)
    try:
        yield
    finally:
        for name in QUIET:
            logging.getLogger(name).removeFilter(_errors_only)


def _run_pages(at: Any, entry: Path, pages: Sequence[str]) -> list[str]:
    problems: list[str] = []
    for script in (None, *pages):
        started = time.perf_counter()
        try:
            if script is not None:
                at.query_params.clear()
                at.switch_page(script)
            at.run()
        except Exception as exc:  # noqa: BLE001 - a page that fails to warm must not keep the server down
            problems.append(f"{script or entry.name}: {type(exc).__name__}: {exc}")
            continue
        shown = [e.value for e in at.exception]
        if shown:
            problems.append(f"{script or entry.name}: {shown[0]}")
        _log.info("warmed %s in %.2f s", script or entry.name, time.perf_counter() - started)
    return problems


def warm_then(run: Callable[..., Any]) -> Callable[..., Any]:
    """``run`` (Streamlit's bootstrap.run, which creates the server and listens) with the warm-up before it."""

    def warmed_run(main_script_path: str, *args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        problems = warm(Path(main_script_path).resolve())
        for problem in problems:
            _log.warning("while warming: %s", problem)
        _log.info("warm in %.1f s; the server starts listening", time.perf_counter() - started)
        return run(main_script_path, *args, **kwargs)

    return warmed_run


def log_to_stderr() -> None:
    """The app's own log lines (dashboard.*) on stderr, at EXPLORER_LOG_LEVEL (INFO unless set; DEBUG also
    names every figure built, which the warm-up test reads)."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("dashboard")
    root.addHandler(handler)
    level = os.environ.get("EXPLORER_LOG_LEVEL", "INFO").upper()
    root.setLevel(level if level in ("DEBUG", "INFO", "WARNING", "ERROR") else "INFO")


def main(argv: Sequence[str] | None = None) -> None:
    log_to_stderr()
    from streamlit.web import bootstrap, cli

    # Streamlit's command line reads its options and then calls bootstrap.run; the warm-up goes in between, so
    # it sees the same configuration (base path, data folder, theme) as the server it warms.
    bootstrap.run = warm_then(bootstrap.run)
    sys.argv = ["streamlit", *(sys.argv[1:] if argv is None else argv)]
    cli.main()


if __name__ == "__main__":
    main()
