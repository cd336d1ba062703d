"""A copy of the app whose static folder lost the map's shapes: the World map still shows the members."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

from dashboard import paths
from tests.e2e.conftest import Server, Watch, assert_clean, open_page, screenshot, start_server, stop_server

PROJECT = (paths.ENTRY.name, "pages", "dashboard", "data", ".streamlit")


@pytest.fixture(scope="module")
def no_shapes_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    root = tmp_path_factory.mktemp("app")
    for name in PROJECT:
        source = paths.ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, root / name)
    (root / "static").mkdir()  # served, but empty: the shapes are missing
    running = start_server(tmp_path_factory.mktemp("server"), root=root)
    yield running
    stop_server(running)


def test_the_map_without_shapes_shows_points_and_a_notice(
    no_shapes_server: Server, watched: tuple[object, Watch]
) -> None:
    page, watch = watched
    open_page(page, f"{no_shapes_server.url}/World_map?view=countries")
    warning = page.locator('[data-testid="stAlertContentWarning"]')  # type: ignore[attr-defined]
    assert warning.count() == 1 and "country shapes" in warning.inner_text()
    assert page.locator(".js-plotly-plot .scatterlayer path.point").count() > 40  # type: ignore[attr-defined]
    assert page.locator('[data-testid="stTable"]').count() == 1  # type: ignore[attr-defined]
    screenshot(page, "world-map-without-shapes")
    assert_clean(page, watch)
