"""AppTest helpers: run a page with query parameters, switch pages as our own navigation does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import paths

TIMEOUT = 60


def run_page(script: str, **params: list[str] | str) -> AppTest:
    """Run one page with these query parameters, as a deep link would.

    AppTest only resolves page links from the entry script, so other pages are reached by a switch
    after a first run of the entry script, with the parameters set just before the switch."""
    at = AppTest.from_file(str(paths.ENTRY), default_timeout=TIMEOUT)
    if script != "streamlit_app.py":
        at.run()
        at.query_params.clear()
        at.switch_page(script)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def metric(at: AppTest, label: str) -> str:
    return next(str(m.value) for m in at.metric if m.label == label)


@pytest.fixture()
def overview() -> AppTest:
    return run_page("streamlit_app.py")


def url_values(at: AppTest, key: str) -> list[str]:
    """A query parameter as a list, however AppTest stores it."""
    value = at.query_params.get(key, [])
    return [value] if isinstance(value, str) else list(value)


def use_data_dir(monkeypatch: pytest.MonkeyPatch, directory: Path) -> None:
    """Point the app (run in this process by AppTest) at another data directory, as EXPLORER_DATA_DIR does
    for a server: every path in dashboard.paths under data/ moves; the cache is keyed on the file paths and
    stamps, so the shipped data's entries are not reused."""
    shipped = paths.DATA_DIR
    for name, value in list(vars(paths).items()):
        if isinstance(value, Path) and value.parent == shipped:
            monkeypatch.setattr(paths, name, directory / value.name)
    monkeypatch.setattr(paths, "DATA_DIR", directory)


def share_blocks(at: AppTest) -> list[str]:
    """Open the sidebar's share box (drawn only when open, as a reader's click would): its link and embed code."""
    at.session_state["share_box"] = True
    at.run()
    return [str(c.value) for c in at.sidebar.code]


def share_link(at: AppTest) -> str:
    return share_blocks(at)[0]


def expanders(at: AppTest) -> list[Any]:
    """Every expander on the page, the sidebar's included."""
    found: list[Any] = []

    def walk(node: Any) -> None:
        for child in getattr(node, "children", {}).values():
            if getattr(child, "type", "") == "expander":
                found.append(child)
            walk(child)

    walk(at._tree)
    return found


def open_expanders(at: AppTest) -> AppTest:
    """Open every expander that draws its content on request, as a reader's clicks would, and rerun.
    Such an expander is a widget: its id ends with the key the app gave it ("$$ID-<hash>-<key>")."""
    for box in expanders(at):
        if box.proto.id:
            at.session_state[box.proto.id.split("-", 2)[-1]] = True
    return at.run()
