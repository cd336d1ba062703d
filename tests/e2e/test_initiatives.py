"""Open vs closed in a real browser: ticking criteria updates the URL and the models; old links still land."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from dashboard.models.load import load_initiatives
from tests.e2e.conftest import Server, Watch, assert_clean, open_page, screenshot, settle


def tick(page: object, label: str) -> None:
    page.get_by_role("button", name=label).click()  # type: ignore[attr-defined]
    settle(page)


def ours(page: object, testid: str) -> str:
    """The answer for our own grades (the openness index's answer says 'graded models')."""
    alerts = page.locator(f'[data-testid="{testid}"]').all_inner_texts()  # type: ignore[attr-defined]
    return next(a for a in alerts if a.startswith("Requiring") and "graded models" not in a)


def test_ticking_criteria_updates_the_url_and_the_qualifying_models(
    server: Server, watched: tuple[object, Watch]
) -> None:
    page, watch = watched
    _, models = load_initiatives()
    open_page(page, f"{server.url}/Open_vs_closed")
    tick(page, "Downloadable weights")
    assert parse_qs(urlsplit(page.url).query) == {"require": ["weights"]}  # type: ignore[attr-defined]
    open_weights = [m.name for m in models if m.dimensions.weights.value == "open"]
    message = ours(page, "stAlertContentSuccess")
    assert f"{len(open_weights)} of {len(models)} models count as open" in message
    assert all(name in message for name in open_weights)

    tick(page, "Released training code")
    assert parse_qs(urlsplit(page.url).query) == {"require": ["weights", "code"]}  # type: ignore[attr-defined]
    both = [m.name for m in models if m.dimensions.weights.value == m.dimensions.training_code.value == "open"]
    message = ours(page, "stAlert")
    if both:  # computed from the shipped grades, whichever way they fall
        assert all(name in message for name in both) and f"{len(both)} of {len(models)}" in message
    else:
        assert f"none of the {len(models)} models" in message

    page.go_back()  # type: ignore[attr-defined]
    settle(page)
    assert parse_qs(urlsplit(page.url).query) == {"require": ["weights"]}  # type: ignore[attr-defined]
    screenshot(page, "initiatives-weights")
    assert_clean(page, watch)


def test_an_old_initiatives_link_lands_on_the_new_page_with_the_criterion_ticked(
    server: Server, watched: tuple[object, Watch]
) -> None:
    page, watch = watched
    open_page(page, f"{server.url}/Initiatives?require=weights")
    assert urlsplit(page.url).path.endswith("/Open_vs_closed")  # type: ignore[attr-defined]
    assert parse_qs(urlsplit(page.url).query) == {"require": ["weights"]}  # type: ignore[attr-defined]
    assert ours(page, "stAlertContentSuccess").startswith("Requiring Downloadable weights:")
    screenshot(page, "open-vs-closed-from-old-link")
    assert_clean(page, watch)
