"""A reader on the site while a maintainer saves a broken member file, then fixes it (temp copy of data/)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard import paths
from tests.broken import BREAKAGES, copy_data, fingerprint, restore
from tests.e2e.conftest import Server, Watch, assert_clean, open_page, screenshot, settle, start_server, stop_server


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_data(paths.ROOT / "data", tmp_path_factory.mktemp("copy") / "data")


@pytest.fixture(scope="module")
def copy_server(tmp_path_factory: pytest.TempPathFactory, folder: Path) -> Iterator[Server]:
    running = start_server(tmp_path_factory.mktemp("server"), data_dir=folder)
    yield running
    stop_server(running)


def go(page: object, label: str) -> None:
    """Follow a sidebar link, as a reader would."""
    page.locator('[data-testid="stSidebar"] a', has_text=label).first.click()  # type: ignore[attr-defined]
    settle(page)


def test_a_reader_sees_the_broken_file_named_and_the_site_recovers(
    copy_server: Server, folder: Path, watched: tuple[object, Watch]
) -> None:
    page, watch = watched
    shipped, target = fingerprint(paths.ROOT / "data"), folder / "members.yaml"
    original = target.read_bytes()
    open_page(page, f"{copy_server.url}/Members?sector=academia")
    assert page.locator('[data-testid="stDataFrame"]').count() == 1  # type: ignore[attr-defined]

    BREAKAGES["truncated"](target)
    go(page, "Sectors")
    alert = page.locator('[data-testid="stAlertContentError"]')  # type: ignore[attr-defined]
    assert alert.count() == 1 and "members.yaml" in alert.inner_text()
    assert "YAML syntax error" in page.locator('[data-testid="stCode"]').inner_text()  # type: ignore[attr-defined]
    go(page, "About the data")
    assert page.get_by_role("heading", name="How to send a correction").count() == 1  # type: ignore[attr-defined]
    screenshot(page, "broken-data-about")
    assert page.locator('[data-testid="stException"]').count() == 0  # type: ignore[attr-defined]

    restore(target, original)
    go(page, "World map")
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0  # type: ignore[attr-defined]
    assert page.locator(".js-plotly-plot").count() >= 1  # type: ignore[attr-defined]
    assert_clean(page, watch)
    assert fingerprint(paths.ROOT / "data") == shipped, "the app wrote to data/"
