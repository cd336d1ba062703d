"""The Initiatives datasets: schema checks on malformed records, 'what counts as open', the gradient figure."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from dashboard import paths
from dashboard.charts.theme import MEMBER_COLOR, OTHER_COLOR
from dashboard.members.load import load_alliance, load_members
from dashboard.models.figures import release_gradient
from dashboard.models.load import load_initiatives
from dashboard.models.schema import DIMENSIONS, GRADIENT, Model
from dashboard.models.transform import CRITERIA, models_frame, openness_score, qualifies
from dashboard.validation import DataError

MEMBER_IDS = set(load_members()["id"])
PAPER = "https://arxiv.org/abs/2302.04844"  # a source on the accepted list (data/sources.yaml)


def judgement(value: str = "open") -> dict[str, str]:
    return {"value": value, "note": {"en": "why", "fr": "pourquoi"}, "source": PAPER}


def model(**overrides: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": "m1", "name": "M1", "developer": "Dev", "developer_member_id": None, "release_date": "2023-07-18",
        "release_source": PAPER, "gradient": "downloadable", "gradient_note": {"en": "n", "fr": "n"},
        "gradient_source": PAPER, "dimensions": {d: judgement() for d in DIMENSIONS},
        "licence_name": {"en": "Apache 2.0", "fr": "Apache 2.0"}, "access_modes": ["download"], "notes": None,
    }  # fmt: skip
    record.update(overrides)
    return record


def shipped() -> dict[str, Any]:
    return yaml.safe_load(paths.INITIATIVES.read_text(encoding="utf-8"))


def write(tmp: Path, initiatives: Any, models: Any) -> tuple[Path, Path]:
    a, b = tmp / "initiatives.yaml", tmp / "models.yaml"
    a.write_text(yaml.safe_dump(initiatives, sort_keys=False), encoding="utf-8")
    b.write_text(yaml.safe_dump(models, sort_keys=False), encoding="utf-8")
    return a, b


def test_shipped_files_load_and_grade_both_co_launchers_flagships() -> None:
    initiatives, models = load_initiatives()
    assert models, "no graded models at all"
    assert set(load_alliance().co_launchers.value) <= {m.developer_member_id for m in models}
    assert len({m.id for m in models}) == len(models)
    assert len(initiatives.focus_areas) == 6
    assert [lvl.id for lvl in initiatives.gradient] == list(GRADIENT)
    assert {m.developer_member_id for m in models} - {None} <= MEMBER_IDS


def test_every_judgement_and_every_date_has_a_source() -> None:
    initiatives, models = load_initiatives()
    for m in models:
        assert m.release_source.startswith("http") and m.gradient_source.startswith("http")
        assert all(getattr(m.dimensions, d).source.startswith("http") for d in DIMENSIONS)
    assert all(e.source.startswith("http") for e in initiatives.timeline)
    assert all(a.source.startswith("http") for a in initiatives.focus_areas)


MALFORMED_MODELS = [
    ("grade outside open/partial/closed", lambda m: m["dimensions"]["weights"].update(value="most"),
     "dimensions.weights.value"),
    ("judgement without a source", lambda m: m["dimensions"]["licence"].pop("source"), "dimensions.licence.source"),
    ("unknown dimension (typo)", lambda m: m["dimensions"].update(wieghts=judgement()), "dimensions.wieghts"),
    ("missing dimension", lambda m: m["dimensions"].pop("access"), "dimensions.access"),
    ("gradient level not on the scale", lambda m: m.update(gradient="semi_open"), "gradient"),
    ("release date not ISO", lambda m: m.update(release_date="July 2023"), "release_date"),
    ("malformed source URL", lambda m: m.update(release_source="example.org"), "release_source"),
    ("unknown access mode", lambda m: m.update(access_modes=["torrent"]), "access_modes.0"),
    ("developer that is not a member id", lambda m: m.update(developer_member_id="openai"), "developer_member_id"),
    ("judgement note without French", lambda m: m["dimensions"]["weights"]["note"].pop("fr"),
     "dimensions.weights.note.fr"),
    ("notes as plain English text", lambda m: m.update(notes="Graded as released."), "notes"),
]  # fmt: skip


@pytest.mark.parametrize(("change", "field"), [c[1:] for c in MALFORMED_MODELS], ids=[c[0] for c in MALFORMED_MODELS])
def test_malformed_model_is_named_with_its_field(tmp_path: Path, change: Any, field: str) -> None:
    record = model()
    change(record)
    with pytest.raises(DataError) as caught:
        load_initiatives(*write(tmp_path, shipped(), [model(id="ok"), record]), member_ids=MEMBER_IDS)
    assert any(p.record == "'m1' (#2)" and p.field == field for p in caught.value.problems), str(caught.value)


MALFORMED_PAGE = [
    ("focus area naming an unknown member", lambda d: d["focus_areas"][0]["members"].append("openai"),
     "focus_areas.0.members"),
    ("focus area without a source", lambda d: d["focus_areas"][1].pop("source"), "focus_areas.1.source"),
    ("gradient levels out of order", lambda d: d["gradient"].reverse(), "gradient"),
    ("timeline date that is not a date", lambda d: d["timeline"][0].update(date="early 1991"), "timeline.0.date"),
    ("argument without a source", lambda d: d["arguments_open"][0].pop("source"), "arguments_open.0.source"),
    ("unknown top-level key", lambda d: d.update(focus_aeras=[]), "focus_aeras"),
    ("focus-area title without French", lambda d: d["focus_areas"][2]["title"].pop("fr"), "focus_areas.2.title.fr"),
    ("timeline event as plain English text", lambda d: d["timeline"][1].update(event="Founded"), "timeline.1.event"),
    ("empty French argument", lambda d: d["arguments_closed"][0]["point"].update(fr=""), "arguments_closed.0.point.fr"),
    ("label in an unknown language", lambda d: d["gradient"][0]["label"].update(de="Zu"), "gradient.0.label.de"),
]  # fmt: skip


@pytest.mark.parametrize(("change", "field"), [c[1:] for c in MALFORMED_PAGE], ids=[c[0] for c in MALFORMED_PAGE])
def test_malformed_page_content_is_named_with_its_field(tmp_path: Path, change: Any, field: str) -> None:
    content = copy.deepcopy(shipped())
    change(content)
    with pytest.raises(DataError) as caught:
        load_initiatives(*write(tmp_path, content, [model()]), member_ids=MEMBER_IDS)
    assert any(p.field == field for p in caught.value.problems), str(caught.value)


def built(**grades: str) -> Model:
    dims = {d: judgement("closed") for d in DIMENSIONS}
    for name, value in grades.items():
        dims[name] = judgement(value)
    return Model.model_validate(model(dimensions=dims))


@pytest.mark.parametrize(
    ("grades", "required", "expected"),
    [
        ({}, [], True),
        ({}, ["weights"], False),
        ({"weights": "open"}, ["weights"], True),
        ({"weights": "partial"}, ["weights"], False),
        ({"weights": "open", "licence": "partial"}, ["weights", "licence"], False),
        ({"weights": "open", "licence": "open"}, ["weights", "licence"], True),
        ({"weights": "open", "training_data": "open", "training_code": "open"}, ["weights", "data", "code"], True),
        ({"weights": "open", "training_data": "open"}, ["weights", "data", "code"], False),
        ({"documentation": "open"}, ["documentation"], True),
    ],
)
def test_what_counts_as_open(grades: dict[str, str], required: list[str], expected: bool) -> None:
    assert qualifies(built(**grades), required) is expected


def test_every_criterion_reads_a_release_dimension() -> None:
    assert set(CRITERIA.values()) <= set(DIMENSIONS)


def test_openness_score_and_sorting() -> None:
    assert openness_score(built()) == 0
    assert openness_score(built(weights="open", licence="partial")) == 3
    _, models = load_initiatives()
    frame = models_frame(models, ["weights"])
    assert list(frame["score"]) == sorted(frame["score"], reverse=True)
    assert set(frame.loc[frame["qualifies"], "name"]) == {
        m.name for m in models if m.dimensions.weights.value == "open"
    }


def test_gradient_figure_places_every_model_with_shape_and_colour() -> None:
    initiatives, models = load_initiatives()
    frame = models_frame(models, [])
    levels = {lvl.id: lvl.label.en for lvl in initiatives.gradient}
    fig = release_gradient(frame, levels=levels, title="t", source="s", member_label="member", other_label="other")
    assert [t.name for t in fig.data] == ["member", "other"]
    assert sum(len(t.y) for t in fig.data) == len(models)
    members = [m for m in models if m.developer_member_id is not None]
    assert list(fig.data[0].y) == [
        m.name for m in sorted(members, key=lambda m: (GRADIENT.index(m.gradient), m.release_date))
    ]
    assert (fig.data[0].marker.color, fig.data[0].marker.symbol) == (MEMBER_COLOR, "circle")
    assert (fig.data[1].marker.color, fig.data[1].marker.symbol) == (OTHER_COLOR, "diamond")
    assert [t.replace("<br>", " ") for t in fig.layout.xaxis.ticktext] == list(levels.values())
    placed = {name: x for trace in fig.data for name, x in zip(trace.y, trace.x, strict=True)}
    assert placed == {m.name: GRADIENT.index(m.gradient) for m in models}
