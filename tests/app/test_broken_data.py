"""A data file broken while the app runs: one clear message on every page, navigation and About still
work, no traceback; once the file is fixed the same session recovers without a restart. Nothing writes
to the data folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import paths
from dashboard.routes import ROUTES
from tests.app.conftest import run_page, use_data_dir
from tests.broken import BREAKAGES, copy_data, fingerprint, restore


@pytest.fixture(scope="module", autouse=True)
def shipped_data_untouched() -> Iterator[None]:
    before = fingerprint(paths.ROOT / "data")
    yield
    assert fingerprint(paths.ROOT / "data") == before, "the app wrote to data/"


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = copy_data(paths.ROOT / "data", tmp_path / "data")
    use_data_dir(monkeypatch, copy)
    return copy


def assert_broken_page(at: AppTest, file: str) -> None:
    """One error naming the file, the validator's lines naming it too, every page link, no traceback."""
    assert not at.exception, at.exception
    assert len(at.error) == 1, [e.value for e in at.error]
    assert file in at.error[0].value
    lines = at.code[0].value.splitlines()
    assert lines and all(line.split(":", 1)[0].endswith(file) for line in lines), lines
    links = {str(link.proto.page) for link in at.sidebar.get("page_link")}
    assert len(links) == len(ROUTES)


@pytest.mark.parametrize("how", list(BREAKAGES))
def test_a_broken_member_file_is_named_on_every_page_and_the_session_recovers(folder: Path, how: str) -> None:
    target = folder / "members.yaml"
    original, before = target.read_bytes(), fingerprint(folder)
    at = run_page("streamlit_app.py")
    assert not at.error and at.metric, "a working page first"
    BREAKAGES[how](target)
    for script in [r.script for r in ROUTES]:
        at.switch_page(script).run()
        assert_broken_page(at, "members.yaml")
    assert [h.value for h in at.header] == ["Method", "How to send a correction"], "About keeps its data-free text"
    restore(target, original)
    at.switch_page("streamlit_app.py").run()
    assert not at.exception and not at.error
    assert at.metric[0].value == "57", "the same session shows the data again, no restart"
    assert fingerprint(folder) == before


@pytest.mark.parametrize("name", ["categories.yaml", "regions.yaml", "alliance.yaml"])
def test_each_reference_file_broken_is_named(folder: Path, name: str) -> None:
    BREAKAGES["malformed"](folder / name)
    at = run_page("pages/2_World_map.py")
    assert_broken_page(at, name)


@pytest.mark.parametrize("name", ["initiatives.yaml", "models.yaml"])
def test_a_broken_initiatives_file_stops_only_that_page(folder: Path, name: str) -> None:
    target = folder / name
    original = target.read_bytes()
    BREAKAGES["truncated"](target)
    at = run_page("pages/4_Initiatives.py")
    assert_broken_page(at, name)
    at.switch_page("pages/3_Sectors.py").run()
    assert not at.error and not at.exception
    restore(target, original)
    at.switch_page("pages/4_Initiatives.py").run()
    assert not at.error and not at.exception and at.header, "the page is back in the same session"
