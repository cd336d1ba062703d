"""Initiatives and Open vs closed: criteria in the URL, old links redirected, filters on the cards, sources shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard import paths
from dashboard.models.load import load_initiatives
from tests.app.conftest import open_expanders, run_page, share_link, url_values

OPEN = "pages/5_Open_vs_closed.py"


def test_an_old_initiatives_link_with_criteria_opens_the_new_page_with_them() -> None:
    at = run_page("pages/4_Initiatives.py", require=["weights", "code"], sector="academia")
    assert not at.exception
    assert at.title[0].value == "Open and closed AI"
    assert url_values(at, "require") == ["weights", "code"]
    assert url_values(at, "sector") == ["academia"]
    assert at.success or at.warning


def test_the_initiatives_page_without_criteria_stays_put() -> None:
    at = run_page("pages/4_Initiatives.py")
    assert at.title[0].value == "What the Alliance set out to do"
    assert not at.get("plotly_chart")


def test_ticked_criteria_round_trip_and_list_the_qualifying_models() -> None:
    at = run_page(OPEN, require=["licence", "weights"])
    assert not at.exception
    assert url_values(at, "require") == ["weights", "licence"]
    _, models = load_initiatives()
    expected = [m.name for m in models if m.dimensions.weights.value == "open" and m.dimensions.licence.value == "open"]
    ours = [s.value for s in at.success if "graded models" not in s.value]  # our grades, not the index's
    if expected:  # the answer is computed from the shipped grades, whichever way they fall
        assert all(name in ours[0] for name in expected)
        assert f"{len(expected)} of {len(models)} models" in ours[0]
    else:
        assert not ours and any(f"none of the {len(models)} models" in w.value for w in at.warning)
    assert "require=weights&require=licence" in share_link(at)


def test_unknown_criteria_are_dropped_with_a_notice() -> None:
    at = run_page(OPEN, require=["weights", "vibes"])
    assert url_values(at, "require") == ["weights"]
    assert any("were not recognised" in c.value for c in at.caption)


def test_no_criterion_means_every_model_passes() -> None:
    _, models = load_initiatives()
    at = run_page(OPEN)
    assert any(f"all {len(models)} models pass" in i.value for i in at.info)


def test_sector_filter_narrows_the_members_on_the_focus_cards() -> None:
    everyone = run_page("pages/4_Initiatives.py")
    academia = run_page("pages/4_Initiatives.py", sector="academia")
    text = lambda at: "\n".join(m.value for m in at.markdown)  # noqa: E731
    assert "MLCommons" in text(everyone) and "MLCommons" not in text(academia)
    assert "Yale" in text(academia)
    assert any("hidden by the current filters" in c.value for c in academia.caption)


def test_every_model_judgement_and_date_has_its_source_on_the_page() -> None:
    initiatives, models = load_initiatives()
    opened = open_expanders(run_page(OPEN))  # each model's details are drawn when the reader opens them
    text = "\n".join(m.value for m in opened.markdown)
    for m in models:
        for name in ("weights", "training_data", "licence", "access"):
            assert f"({getattr(m.dimensions, name).source})" in text
    history = "\n".join(m.value for m in run_page("pages/4_Initiatives.py").markdown)
    for event in initiatives.timeline:
        assert f"({event.source})" in history


def test_a_broken_models_file_is_a_message_naming_the_cause(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    broken = tmp_path / "models.yaml"
    broken.write_text("- id: gpt-4\n  name: GPT-4\n  gradient: semi\n", encoding="utf-8")
    monkeypatch.setattr(paths, "MODELS", broken)
    at = run_page(OPEN)
    assert not at.exception
    assert any("could not be loaded" in e.value for e in at.error)
    assert "field 'gradient'" in at.code[0].value and "models.yaml" in at.code[0].value
