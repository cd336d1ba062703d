"""The imported indexes: the shipped files load, totals match the published ones, bad rows are named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml

from dashboard import paths
from dashboard.indexes import transform as tr
from dashboard.indexes.load import Indexes, load_indexes
from dashboard.indexes.schema import INDEX_DIMENSIONS
from dashboard.members.load import load_members
from dashboard.routes import EDITIONS
from dashboard.validation import DataError

FILES = ("FMTI_SCORES", "FMTI_META", "OPENNESS_GRADES", "OPENNESS_META", "INDEX_DEVELOPERS")
KWARGS = ("fmti_scores", "fmti_meta", "openness", "openness_meta", "developers")


@pytest.fixture(scope="module")
def shipped() -> Indexes:
    return load_indexes()


def copies(tmp: Path) -> dict[str, Path]:
    """The shipped files copied to tmp, as keyword arguments of load_indexes."""
    out = {}
    for attr, kw in zip(FILES, KWARGS, strict=True):
        source = getattr(paths, attr)
        out[kw] = Path(shutil.copy(source, tmp / source.name))
    return out


def problems(files: dict[str, Path]) -> list[str]:
    with pytest.raises(DataError) as exc:
        load_indexes(**files)  # type: ignore[arg-type]
    return [str(p) for p in exc.value.problems]


def test_shipped_files_load_with_every_edition_dated_and_sourced(shipped: Indexes) -> None:
    assert sorted(shipped.fmti["edition"].unique()) == sorted(EDITIONS)
    assert all(
        e.date and e.source.startswith("https://github.com/stanford-crfm/fmti/") for e in shipped.fmti_meta.editions
    )
    assert shipped.fmti_meta.licence == "CC BY 4.0" and shipped.openness_meta.licence == "Apache-2.0"
    assert shipped.fmti.groupby(["edition", "developer"]).size().eq(100).all()
    assert shipped.openness.groupby("model").size().eq(14).all()


def test_published_totals_equal_the_sums_of_our_rows(shipped: Indexes) -> None:
    sums = shipped.fmti.groupby(["edition", "developer"])["score"].sum()
    checked = 0
    for edition in shipped.fmti_meta.editions:
        for developer, total in (edition.published_totals or {}).items():
            assert sums[(edition.id, developer)] == total
            checked += 1
    assert checked == 24  # ten developers in 2023, fourteen in 2024; the 2025 file publishes no totals


def test_every_mapped_member_exists_and_joint_developers_name_each_member(shipped: Indexes) -> None:
    ids = set(load_members()["id"])
    assert {m for ms in shipped.developers["members"] for m in ms} <= ids
    bigcode = shipped.developers.set_index("name").loc["BigCode", "members"]
    assert bigcode == ("hugging-face", "servicenow")


def test_a_changed_score_is_named_by_line_and_breaks_the_published_total(tmp_path: Path) -> None:
    files = copies(tmp_path)
    lines = files["fmti_scores"].read_text(encoding="utf-8").splitlines()
    assert lines[1] == "2023-10,Meta,,Data size,Upstream,Data,1"
    lines[1] = "2023-10,Meta,,Data size,Upstream,Data,0"
    lines[2] = lines[2].replace("Upstream", "Sideways")
    files["fmti_scores"].write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = problems(files)
    assert any("fmti_scores.csv: record line 3: field 'domain'" in p for p in found), found
    assert any("'2023-10' 'Meta'" in p and "rows add up to 53, the index publishes 54" in p for p in found), found


def test_an_unknown_member_id_and_a_misspelt_developer_are_named(tmp_path: Path) -> None:
    files = copies(tmp_path)
    raw = yaml.safe_load(files["developers"].read_text(encoding="utf-8"))
    raw[0]["members"] = ["meta-platforms"]
    raw[1]["name"] = "Huging Face"
    files["developers"].write_text(yaml.safe_dump(raw), encoding="utf-8")
    found = problems(files)
    assert any("record 'Meta' (#1): field 'members': unknown member id 'meta-platforms'" in p for p in found), found
    assert any("'Huging Face' (#2): field 'name': no developer of that name in the fmti data" in p for p in found)


def test_an_edition_without_date_or_source_is_reported(tmp_path: Path) -> None:
    files = copies(tmp_path)
    raw = yaml.safe_load(files["fmti_meta"].read_text(encoding="utf-8"))
    del raw["editions"][0]["source"]
    raw["editions"][1]["date"] = "May 2024"
    files["fmti_meta"].write_text(yaml.safe_dump(raw), encoding="utf-8")
    found = problems(files)
    assert any("field 'editions.0.source': required field is missing" in p for p in found), found
    assert any("field 'editions.1.date'" in p for p in found), found


def test_a_grade_outside_the_three_and_a_bad_link_are_reported(tmp_path: Path) -> None:
    files = copies(tmp_path)
    text = files["openness"].read_text(encoding="utf-8").splitlines()
    text[1] = text[1].replace(",partial,", ",sort of,").replace("https://", "javascript:")
    files["openness"].write_text("\n".join(text) + "\n", encoding="utf-8")
    found = problems(files)
    assert any("openness_index.csv: record line 2: field 'grade'" in p for p in found), found
    assert any("openness_index.csv: record line 2: field 'link'" in p for p in found), found


def scores(rows: list[tuple[str, str, str, str, int]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["edition", "developer", "domain", "subdomain", "score"])


def test_totals_means_and_repeats_follow_the_shown_members() -> None:
    frame = scores([("2023-10", "A", "Model", "Risks", 1), ("2023-10", "B", "Model", "Risks", 0),
                    ("2024-05", "A", "Model", "Risks", 1), ("2024-05", "C", "Model", "Risks", 1)])  # fmt: skip
    devs = pd.DataFrame({"index": ["fmti"], "name": ["A"], "members": [("a-id",)]})
    shown = tr.member_names(devs, "fmti", {"a-id"})
    totals = tr.fmti_totals(frame, shown)
    assert list(totals.itertuples(index=False)) == [("2023-10", "A", 1, True), ("2023-10", "B", 0, False),
                                                    ("2024-05", "A", 1, True), ("2024-05", "C", 1, False)]  # fmt: skip
    assert list(tr.repeated(totals)["developer"]) == ["A", "A"]
    means = tr.group_means(totals)
    assert means[["edition", "member", "mean", "n"]].values.tolist()[0] == ["2023-10", True, 1.0, 1]
    assert tr.member_names(devs, "fmti", {"someone-else"}) == {}
    assert not tr.fmti_totals(frame, {})["member"].any()


def test_domain_scores_are_percentages_in_domain_order() -> None:
    frame = scores([("2025-12", "A", "Downstream", "Impact", 1), ("2025-12", "A", "Upstream", "Data", 1),
                    ("2025-12", "A", "Upstream", "Data", 0)])  # fmt: skip
    cells = tr.domain_scores(frame, "2025-12")
    assert cells[["subdomain", "percent"]].values.tolist() == [["Data", 50], ["Impact", 100]]


@pytest.mark.parametrize(
    ("required", "expected"),
    [((), {"Open", "Half"}), (("weights",), {"Open"}), (("weights", "licence"), set()), (("code",), {"Open", "Half"})],
)
def test_what_counts_as_open_reads_the_index_dimensions(required: tuple[str, ...], expected: set[str]) -> None:
    rows = []
    for model, weights in (("Open", "open"), ("Half", "partial")):
        for dim in INDEX_DIMENSIONS:
            grade = weights if dim in ("llmweights", "rlweights") else "closed" if dim == "license" else "open"
            rows.append({"model": model, "organisation": "Org", "base_model": None, "dimension": dim, "grade": grade})
    grid = tr.openness_grid(pd.DataFrame(rows), {}, required)
    assert set(grid.loc[grid["qualifies"], "model"]) == expected


def test_members_models_come_first_in_the_grid(shipped: Indexes) -> None:
    members = tr.member_names(shipped.developers, "openness", {"meta"})
    grid = tr.openness_grid(shipped.openness, members, ())
    assert set(grid.loc[: sum(grid["member"]) - 1, "organisation"]) == {"Facebook Research"}
    assert not grid.loc[sum(grid["member"]) :, "member"].any()


def test_a_mapping_source_off_the_accepted_list_is_refused(tmp_path: Path) -> None:
    files = copies(tmp_path)
    raw = yaml.safe_load(files["developers"].read_text(encoding="utf-8"))
    raw[0]["source"] = "https://wikimili.com/en/Meta_Platforms"
    files["developers"].write_text(yaml.safe_dump(raw), encoding="utf-8")
    found = problems(files)
    assert any("record #1: field 'source': host 'wikimili.com' is not on the accepted list" in p for p in found)


def test_every_fmti_domain_and_subdomain_has_a_french_name(shipped: Indexes) -> None:
    used = set(shipped.fmti["domain"]) | set(shipped.fmti["subdomain"])
    assert used <= set(shipped.terms)
    assert shipped.terms["Upstream"].fr == "Amont"


def test_a_missing_or_half_translated_fmti_name_is_reported(tmp_path: Path) -> None:
    files = copies(tmp_path)
    terms = yaml.safe_load(paths.FMTI_TERMS.read_text(encoding="utf-8"))
    del terms["Compute"]
    terms["Risks"] = {"en": "Risks"}
    path = tmp_path / "fmti_terms.yaml"
    path.write_text(yaml.safe_dump(terms, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError) as exc:
        load_indexes(**files, terms_path=path)  # type: ignore[arg-type]
    found = [str(p) for p in exc.value.problems]
    assert any("'Risks'" in p and "fr" in p for p in found), found
    assert any("no translation of 'Compute'" in p for p in found), found
