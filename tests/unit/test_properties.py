"""Property-based tests: generated query strings, member records and exports (example counts kept small)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.growth.load import load_events
from dashboard.i18n import DEFAULT_LANG, languages, pick_language
from dashboard.members import export as transform
from dashboard.members import filters
from dashboard.members.load import load_categories, load_members, load_regions, members_frame, validate_members
from dashboard.members.schema import FIELDS, SECTORS
from dashboard.routes import ROUTES, parse_params
from dashboard.validation import DataError
from tests.factories import member

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MEMBERS = load_members()
OPTIONS = filters.options_from(
    MEMBERS, sector_order=SECTORS, region_order=list(load_regions().label), dates=load_events()["date"]
)
CATEGORIES, REGIONS = load_categories(), load_regions()
PAGE_KEYS = sorted({k for r in ROUTES for k in (*r.params, *r.multi)})
URL_KEYS = [*filters.KEYS, *PAGE_KEYS, "member", "lang"]
VALID = {k: list(OPTIONS.of(k)) for k in (*filters.LIST_KEYS, "asof")} | {
    k: list(v) for r in ROUTES for k, v in (*r.params.items(), *r.multi.items())
}

# A value from a query string: mostly hostile text, sometimes a valid value, its case changed, or padded.
text = st.text(st.characters(codec="utf-8"), max_size=120)
valid_value = st.sampled_from(sorted({v for vs in VALID.values() for v in vs}))
url_value = st.one_of(text, valid_value, valid_value.map(str.lower), valid_value.map(lambda v: f" {v} "))
query = st.dictionaries(st.sampled_from(URL_KEYS), st.lists(url_value, max_size=5), max_size=len(URL_KEYS))


@FAST
@given(query)
def test_any_query_gives_a_filter_state_of_accepted_values_only(params: dict[str, list[str]]) -> None:
    state, dropped = filters.from_query(params, OPTIONS)
    for key in filters.LIST_KEYS:
        assert set(getattr(state, key)) <= set(OPTIONS.of(key))
        assert len(set(getattr(state, key))) == len(getattr(state, key))
    assert state.asof == "" or state.asof in OPTIONS.asof, "a membership date is one of the milestones"
    assert len(state.q) <= filters.MAX_QUERY
    assert state.q == filters.clean_query(state.q)[0], "a search keeps no control characters"
    assert set(dropped) <= set(filters.KEYS)
    assert filters.from_query(filters.to_query(state), OPTIONS) == (state, []), "the URL form round-trips"


@FAST
@given(query)
def test_any_query_gives_each_page_only_accepted_values(params: dict[str, list[str]]) -> None:
    for page in ROUTES:
        values, chosen, dropped = parse_params(page, params)
        assert set(values) == set(page.params) and set(chosen) == set(page.multi)
        assert all(values[k] in page.params[k] for k in values)
        assert all(set(chosen[k]) <= set(page.multi[k]) for k in chosen)
        assert set(dropped) <= set(page.params) | set(page.multi)


@FAST
@given(st.lists(url_value, max_size=4))
def test_any_lang_value_gives_a_known_language(given_values: list[str]) -> None:
    lang, dropped = pick_language(given_values, languages())
    assert lang in languages()
    assert dropped == (bool(given_values) and given_values[-1] not in languages())
    assert not given_values or dropped or lang == given_values[-1] or lang == DEFAULT_LANG


# ---------------------------------------------------------------- generated member records

junk = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True), text,
    st.dates(), st.lists(text, max_size=3), st.dictionaries(text, text, max_size=2),
)  # fmt: skip
valid_field = st.sampled_from([member(), member(id="eth-zurich", sector="academia", category="university")])


@st.composite
def raw_record(draw: st.DrawFn) -> Any:
    """A record that is valid, then has some fields replaced by junk, removed, or unknown ones added."""
    record = dict(draw(valid_field))
    for name in draw(st.lists(st.sampled_from([*FIELDS, "hq.city", "hq.country", "hq.lat"]), max_size=4)):
        if "." in name:
            hq = record.get("hq")
            record["hq"] = {**(hq if isinstance(hq, dict) else {}), name.split(".")[1]: draw(junk)}
        else:
            record[name] = draw(junk)
    for name in draw(st.lists(st.sampled_from(FIELDS), max_size=2)):
        record.pop(name, None)
    if draw(st.booleans()):
        record[draw(st.sampled_from(["secotr", "website_url", "x"]))] = draw(junk)
    return draw(st.one_of(st.just(record), junk)) if draw(st.integers(0, 9)) == 0 else record


@FAST
@given(st.lists(raw_record(), min_size=1, max_size=3))
def test_a_generated_record_validates_or_names_file_record_and_field(records: list[Any]) -> None:
    try:
        validate_members(records, "members.yaml", CATEGORIES, REGIONS)
    except DataError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.file == "members.yaml"
            assert problem.record, str(problem)
            if isinstance(records[_position(problem.record) - 1], dict):
                assert problem.field, str(problem)
            assert str(problem).startswith("members.yaml: record ")


def _position(record: str) -> int:
    return int(record.rsplit("#", 1)[1].rstrip(")"))


# ---------------------------------------------------------------- exports

export_text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=40)
formula_text = st.sampled_from(["=", "+", "-", "@", "\t", "\r", "'", "'="]).flatmap(
    lambda start: export_text.map(lambda rest: start + rest)
)
field_text = st.one_of(export_text, formula_text)


@st.composite
def valid_members(draw: st.DrawFn) -> list[dict[str, Any]]:
    records = []
    for i in range(draw(st.integers(1, 4))):
        names = {"name": f"{i} {draw(field_text)}", "short_name": draw(field_text)}
        hq = {"city": draw(st.none() | field_text)}
        notes = draw(field_text if hq["city"] is None else st.none() | field_text)  # a null needs a note
        records.append(member(id=f"m{i}", notes=notes, hq=hq, **names))
    return records


def _from_csv(data: bytes) -> list[dict[str, str]]:
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    return [{k: v[1:] if v.startswith("'") else v for k, v in row.items()} for row in rows]


def _expected(frame: pd.DataFrame) -> list[dict[str, Any]]:
    table = transform.export_frame(frame).astype(object)
    return [{k: (None if transform._is_missing(v) else v) for k, v in row.items()} for row in table.to_dict("records")]


@FAST
@given(valid_members())
def test_exports_round_trip_and_no_text_cell_starts_like_a_formula(records: list[dict[str, Any]]) -> None:
    frame = members_frame(validate_members(records, "m.yaml", CATEGORIES, REGIONS), CATEGORIES, REGIONS)
    expected = _expected(frame)
    assert json.loads(transform.to_json_bytes(frame)) == expected
    data = transform.to_csv_bytes(frame)
    for row in csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")):
        for cell in row:
            assert not cell.startswith(transform.FORMULA_STARTS) or _is_number(cell), cell
    for got, want in zip(_from_csv(data), expected, strict=True):
        for key, value in want.items():
            assert got[key] == _csv_form(value), (key, got[key], value)


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _csv_form(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " | ".join(value)
    return str(value)
