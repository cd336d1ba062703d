"""The member schema and loader: good records load, every kind of bad input is named exactly."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml

from dashboard.members.load import load_members
from dashboard.validation import DataError
from tests.factories import member, university, write_yaml

Records = list[dict[str, Any]]


def test_valid_records_load_with_derived_columns(tmp_path: Path) -> None:
    frame = load_members(write_yaml(tmp_path / "m.yaml", [member(), university()]))
    assert list(frame["id"]) == ["amd", "eth-zurich"]
    assert list(frame["country_name"]) == ["United States", "Switzerland"]
    assert list(frame["region"]) == ["north_america", "europe"]
    assert frame.loc[1, "category_label"] == "University"
    assert frame.loc[0, "lat"] == pytest.approx(37.3541)
    assert frame.loc[0, "sources"] == ["https://en.wikipedia.org/wiki/AMD"]


def test_null_founded_and_notes_are_allowed(tmp_path: Path) -> None:
    frame = load_members(write_yaml(tmp_path / "m.yaml", [member(founded=None, notes="year not found")]))
    assert frame.loc[0, "founded"] is pd.NA
    assert frame.loc[0, "notes"] == "year not found"


def _edit(fn: Callable[[Records], None]) -> Callable[[Records], Records]:
    def apply(records: Records) -> Records:
        records = copy.deepcopy(records)
        fn(records)
        return records

    return apply


def _set(path: str, value: Any) -> Callable[[Records], Records]:
    """Set a (dotted) field of the second record."""

    def fn(records: Records) -> None:
        target = records[1]
        *parents, last = path.split(".")
        for part in parents:
            target = target[part]
        target[last] = value

    return _edit(fn)


def _drop(name: str) -> Callable[[Records], Records]:
    return _edit(lambda records: records[1].pop(name))


def _rename(old: str, new: str) -> Callable[[Records], Records]:
    return _edit(lambda records: records[1].__setitem__(new, records[1].pop(old)))


# (case id, edit of the two valid records or of their YAML text, record named, field named, words in the message)
STRUCTURED: list[tuple[str, Callable[[Records], Records], str, str, str]] = [
    ("missing required field", _drop("sector"), "'eth-zurich' (#2)", "sector", "required field is missing"),
    ("unknown field (typo)", _rename("sector", "secotr"), "'eth-zurich' (#2)", "secotr", "did you mean 'sector'"),
    ("unknown field inside hq", _set("hq.citty", "Zurich"), "'eth-zurich' (#2)", "hq.citty", "did you mean 'city'"),
    ("wrong type: founded as text", _set("founded", "1855"), "'eth-zurich' (#2)", "founded", "valid integer"),
    ("wrong type: latitude as text", _set("hq.lat", "47.3"), "'eth-zurich' (#2)", "hq.lat", "valid number"),
    ("wrong type: sources not a list", _set("sources", "https://ethz.ch"), "'eth-zurich' (#2)", "sources", "list"),
    ("sector outside the enum", _set("sector", "university"), "'eth-zurich' (#2)", "sector", "'company'"),
    ("membership outside the enum", _set("membership", "sponsor"), "'eth-zurich' (#2)", "membership", "'collaborator'"),
    ("invalid ISO alpha-3 code", _set("hq.country", "XXX"), "'eth-zurich' (#2)", "hq.country", "ISO 3166-1 alpha-3"),
    ("alpha-2 instead of alpha-3", _set("hq.country", "CH"), "'eth-zurich' (#2)", "hq.country", "alpha-3"),
    ("lower-case country code", _set("hq.country", "che"), "'eth-zurich' (#2)", "hq.country", "alpha-3"),
    ("country with no region", _set("hq.country", "ATA"), "'eth-zurich' (#2)", "hq.country", "no region"),
    ("latitude above 90", _set("hq.lat", 91.0), "'eth-zurich' (#2)", "hq.lat", "less than or equal to 90"),
    ("longitude below -180", _set("hq.lon", -181.5), "'eth-zurich' (#2)", "hq.lon", "greater than or equal to -180"),
    ("duplicate id", _set("id", "amd"), "'amd' (#2)", "id", "duplicate id"),
    ("duplicate name", _set("name", "advanced micro devices,  inc."), "'eth-zurich' (#2)", "name", "duplicate name"),
    ("malformed website", _set("website", "ethz.ch"), "'eth-zurich' (#2)", "website", "http(s) URL"),
    (
        "malformed source URL",
        _set("sources", ["https://ok.example.org", "htp:/x"]),
        "'eth-zurich' (#2)",
        "sources.1",
        "http(s) URL",
    ),  # fmt: skip
    ("date not ISO 8601", _set("joined", "5 Dec 2023"), "'eth-zurich' (#2)", "joined", "ISO 8601"),
    ("impossible date", _set("joined", "2023-02-30"), "'eth-zurich' (#2)", "joined", "real calendar date"),
    ("empty sources", _set("sources", []), "'eth-zurich' (#2)", "sources", "at least 1"),
    ("id that is not a slug", _set("id", "ETH Zürich"), "'ETH Zürich' (#2)", "id", "slug"),
    ("missing id names the position", _drop("id"), "#2", "id", "required field is missing"),
    ("record that is not a mapping", _edit(lambda r: r.__setitem__(1, "ETH Zurich")), "#2", "", "expected a mapping"),
    ("unknown category", _set("category", "robotics"), "'eth-zurich' (#2)", "category", "unknown category"),
    (
        "category of another sector",
        _set("category", "space_agency"),
        "'eth-zurich' (#2)",
        "category",
        "belongs to sector 'government'",
    ),  # fmt: skip
    ("empty name", _set("name", ""), "'eth-zurich' (#2)", "name", "at least 1 character"),
    (
        "unknown headquarters without a note",
        _set("hq", {"city": None, "country": None, "lat": None, "lon": None}),
        "'eth-zurich' (#2)",
        "notes",
        "explain where",
    ),  # fmt: skip
    (
        "a country-only place without a note",
        _set("hq", {"city": None, "country": "CHE", "lat": None, "lon": None, "precision": "country"}),
        "'eth-zurich' (#2)",
        "notes",
        "explain why hq.city is null",
    ),  # fmt: skip
    ("a city without precision", _set("hq.precision", None), "'eth-zurich' (#2)", "hq", "hq.precision is required"),
    ("precision 'city' without a city", _set("hq.city", None), "'eth-zurich' (#2)", "hq", "needs hq.city"),
    (
        "a region with a city",
        _set(
            "hq", {"city": "Zurich", "region": "Zurich", "country": "CHE", "lat": 47.3, "lon": 8.5, "precision": "city"}
        ),
        "'eth-zurich' (#2)",
        "hq",
        "goes with precision 'region'",
    ),  # fmt: skip
    (
        "a region-only place with typed coordinates",
        _set(
            "hq", {"city": None, "region": "Texas", "country": "USA", "lat": 30.2, "lon": -97.7, "precision": "region"}
        ),
        "'eth-zurich' (#2)",
        "hq",
        "names no city",
    ),  # fmt: skip
    (
        "a region the map has no point for",
        _set(
            "hq", {"city": None, "region": "Zurich", "country": "CHE", "lat": None, "lon": None, "precision": "region"}
        ),
        "'eth-zurich' (#2)",
        "hq.region",
        "no representative point",
    ),  # fmt: skip
    ("part of an unknown member", _set("part_of", "nobody"), "'eth-zurich' (#2)", "part_of", "another member id"),
    ("part of itself", _set("part_of", "eth-zurich"), "'eth-zurich' (#2)", "part_of", "another member id"),
    (
        "notes in one language only",
        _set("notes", {"en": "A note."}),
        "'eth-zurich' (#2)",
        "notes.fr",
        "required field is missing",
    ),  # fmt: skip
    ("latitude without longitude", _set("hq.lon", None), "'eth-zurich' (#2)", "hq", "both be given or both be null"),
    ("founded in the future", _set("founded", 3020), "'eth-zurich' (#2)", "founded", "less than or equal to 2100"),
    ("an empty key", _set("", "x"), "'eth-zurich' (#2)", "(empty key)", "unknown field"),
]


@pytest.mark.parametrize(
    ("edit", "record", "field", "words"), [c[1:] for c in STRUCTURED], ids=[c[0] for c in STRUCTURED]
)
def test_bad_record_is_named_with_its_field(
    tmp_path: Path, edit: Callable[[Records], Records], record: str, field: str, words: str
) -> None:
    path = write_yaml(tmp_path / "members.yaml", edit([member(), university()]))
    with pytest.raises(DataError) as caught:
        load_members(path)
    lines = str(caught.value).splitlines()
    prefix = f"{path}: record {record}" + (f": field '{field}'" if field else "")
    matching = [line for line in lines if line.startswith(prefix)]
    assert matching, f"no line starts with {prefix!r}: {lines}"
    assert any(words in line for line in matching), lines


# Errors that live in the YAML text itself: (case id, text replacement or whole text, expected line pattern)
TEXTUAL: list[tuple[str, Callable[[str], str], str]] = [
    ("YAML syntax error with line and column", lambda t: t + "- id: [unclosed\n", r":\d+:\d+: YAML syntax error"),
    (
        "unquoted NO read as false",
        lambda t: t.replace("country: CHE", "country: NO"),
        r"record 'eth-zurich' \(#2\): field 'hq.country': got boolean false: YAML 1.1",
    ),  # fmt: skip
    (
        "unquoted date",
        lambda t: t.replace("joined: '2023-12-05'", "joined: 2023-12-05"),
        r"record 'amd' \(#1\): field 'joined': got an unquoted date",
    ),  # fmt: skip
    (
        "top level is a mapping",
        lambda t: "members:\n" + t,
        r": top level: expected a non-empty list of member records, got a dict",
    ),
    ("empty file", lambda t: "", r": top level: expected a non-empty list of member records, got an empty file"),
    ("empty list", lambda t: "[]\n", r": top level: expected a non-empty list of member records, got an empty list"),
    ("tab indentation", lambda t: t.replace("  city: Zurich", "\tcity: Zurich"), r":\d+:\d+: YAML syntax error"),
]


@pytest.mark.parametrize(("change", "pattern"), [c[1:] for c in TEXTUAL], ids=[c[0] for c in TEXTUAL])
def test_bad_yaml_text_is_reported_on_one_line(tmp_path: Path, change: Callable[[str], str], pattern: str) -> None:
    text = yaml.safe_dump([member(), university()], sort_keys=False)
    path = tmp_path / "members.yaml"
    path.write_text(change(text), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_members(path)
    assert any(re.search(pattern, line) for line in str(caught.value).splitlines()), str(caught.value)


def test_unknown_headquarters_with_a_note_loads_without_a_region(tmp_path: Path) -> None:
    unknown = {"city": None, "country": None, "lat": None, "lon": None}
    records = [member(), university(hq=unknown, notes="no source gives a base city")]
    frame = load_members(write_yaml(tmp_path / "m.yaml", records))
    assert frame[["country", "region", "city"]].iloc[1].isna().all()
    assert frame["lat"].isna().tolist() == [False, True]


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    records = [member(sector="bogus"), university(hq={"lat": 120.0}, website="nope")]
    with pytest.raises(DataError) as caught:
        load_members(write_yaml(tmp_path / "m.yaml", records))
    fields = {p.field for p in caught.value.problems}
    assert fields == {"sector", "hq.lat", "website"}
    assert len(str(caught.value).splitlines()) == 3


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="nope.yaml: file not found"):
        load_members(tmp_path / "nope.yaml")


def test_binary_file_is_reported_not_decoded(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(DataError, match="not UTF-8"):
        load_members(path)


def test_yaml_tags_are_not_executed(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("- !!python/object/apply:os.system ['echo pwned']\n", encoding="utf-8")
    with pytest.raises(DataError, match="YAML syntax error"):
        load_members(path)


@pytest.mark.parametrize(
    ("file", "entry", "field"),
    [("categories", {"university": {"sector": "academia", "label": {"en": "University"}}}, "label.fr"),
     ("categories", {"university": {"sector": "academia", "label": "University"}}, "label"),
     ("regions", {"europe": {"label": {"en": "Europe", "fr": ""}, "countries": ["CHE"]}}, "label.fr")],
)  # fmt: skip
def test_a_missing_french_label_is_a_validation_error(tmp_path: Path, file: str, entry: Any, field: str) -> None:
    from dashboard.members.load import load_categories, load_regions

    loader = {"categories": load_categories, "regions": load_regions}[file]
    with pytest.raises(DataError) as caught:
        loader(write_yaml(tmp_path / f"{file}.yaml", entry))
    assert any(p.field == field for p in caught.value.problems), str(caught.value)


def test_french_display_columns_keep_slugs_and_codes() -> None:
    from dashboard.members.load import load_categories, load_regions, localise_members

    english = load_members()
    french = localise_members(english, "fr", load_categories(), load_regions())
    swiss = french[french["country"] == "CHE"].iloc[0]
    assert swiss["country_name"] == "Suisse" and swiss["region_label"] == "Europe"
    assert set(french.loc[french["category"] == "university", "category_label"]) == {"Université"}
    assert french[["id", "sector", "category", "country", "region"]].equals(english[["id", "sector", "category",
            "country", "region"]])  # fmt: skip
