"""Warm before ready (dashboard/ui/serve.py): every page runs once in the process before the server listens."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

from streamlit.web import cli

from dashboard import paths
from dashboard.routes import ROUTES
from dashboard.ui import serve


def test_every_page_but_the_entry_is_warmed_after_it() -> None:
    assert paths.ENTRY.name not in serve.PAGES
    assert set(serve.PAGES) | {paths.ENTRY.name} == {r.script for r in ROUTES}


def test_warming_runs_every_page_of_the_shipped_data_without_a_problem() -> None:
    assert serve.warm() == []


def test_a_page_that_fails_while_warming_is_reported_and_the_others_still_run(tmp_path: Path) -> None:
    entry = tmp_path / "app.py"
    entry.write_text("import streamlit as st\nst.write('entry')\n")
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "bad.py").write_text("raise RuntimeError('boom')\n")
    (tmp_path / "pages" / "good.py").write_text("import streamlit as st\nst.write('good')\n")
    problems = serve.warm(entry, ("pages/bad.py", "pages/good.py"))
    assert len(problems) == 1 and problems[0].startswith("pages/bad.py: ")


def test_the_server_is_started_only_after_the_warm_up(monkeypatch: Any) -> None:
    calls: list[str] = []
    monkeypatch.setattr(serve, "warm", lambda entry: calls.append(f"warm {Path(entry).name}") or [])
    started = serve.warm_then(lambda script, *args, **kwargs: calls.append(f"run {script}"))
    started("streamlit_app.py", False, [], {})
    assert calls == ["warm streamlit_app.py", "run streamlit_app.py"]


def test_streamlits_command_line_starts_the_server_through_bootstrap_run() -> None:
    """The warm-up is put in front of bootstrap.run, which `streamlit run` calls once its options are read:
    a Streamlit upgrade that starts the server another way must fail here, not silently serve cold."""
    assert "bootstrap.run(" in inspect.getsource(cli)
