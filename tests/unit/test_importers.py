"""The importers of the two public indexes, run on small fixtures shaped like each repository."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import yaml

from scripts import import_fmti, import_openness_index
from tests.gitrepo import repository

FMTI_FILES = {
    "October2023/October2023_scores.csv": "\ufeffDomain,Subdomain,Indicator,Meta,OpenAI,Total\n"
    "Upstream,Data,Data size,1,0,1\nModel,Capabilities,Capabilities description ,1,1,2\n,,Total,2,1,\n",
    "fmti-indicators.csv": "\ufeffDomain,Subdomain,Indicator,Definition\n"
    "Upstream,Data,Data size,Is it disclosed?\nModel,Capabilities,Capabilities description,Is it described?\n",
    "May2024/May2024_scores.csv": "Indicator,Meta,Stability\nData size,1,1\nCapabilities description,0,1\nTotal,1,2\n",
    "Dec2025/Dec2025_indicators.csv": "Domain,Subdomain,Indicator,Definition\n"
    'Upstream,Data Acquisition,"Data acquisition\nmethods",What methods?\nDownstream,Accountability ,Reports,Any?\n',
    "Dec2025/Dec2025_scores.csv": 'Indicator,IBM,xAI\n"Data acquisition\nmethods",1,0\nReports,1,0\n',
}
PROJECT = """project:
    name: Tiny Chat
    llmbase: Tiny
org:
    name: Tiny Lab
{grades}
"""


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("form", ["work", "bare"])
def test_fmti_rows_are_tidy_and_classified_for_every_edition(tmp_path: Path, form: str) -> None:
    work, bare = repository(tmp_path, FMTI_FILES)
    out = tmp_path / "out"
    out.mkdir()
    scores, meta = import_fmti.run(work if form == "work" else bare, out)
    rows = read_csv(scores)
    assert len(rows) == 4 + 4 + 4
    assert {r["developer"] for r in rows if r["edition"] == "2024-05"} == {"Meta", "Stability AI"}
    reports = next(r for r in rows if r["edition"] == "2025-12" and r["indicator"] == "Reports")
    assert (reports["domain"], reports["subdomain"], reports["score"]) == ("Downstream", "Accountability", "1")
    assert any(r["indicator"] == "Data acquisition\nmethods" for r in rows)
    info = yaml.safe_load(meta.read_text(encoding="utf-8"))
    assert info["licence"] == "CC BY 4.0" and len(info["commit"]) == 40
    assert info["commit_date"] == "2025-12-09T09:24:14-05:00"
    totals = {e["id"]: e["published_totals"] for e in info["editions"]}
    assert totals == {"2023-10": {"Meta": 2, "OpenAI": 1}, "2024-05": {"Meta": 1, "Stability AI": 2}, "2025-12": None}
    assert all(info["commit"] in e["source"] for e in info["editions"])


def test_fmti_stops_on_a_score_that_is_not_0_or_1(tmp_path: Path) -> None:
    files = FMTI_FILES | {"May2024/May2024_scores.csv": "Indicator,Meta\nData size,2\nCapabilities description,0\n"}
    work, _ = repository(tmp_path, files)
    with pytest.raises(SystemExit, match="score 2 is not 0 or 1"):
        import_fmti.run(work, tmp_path)


def test_fmti_stops_when_an_edition_and_its_indicator_file_disagree(tmp_path: Path) -> None:
    files = FMTI_FILES | {"Dec2025/Dec2025_scores.csv": "Indicator,IBM\nReports,1\n"}
    work, _ = repository(tmp_path, files)
    with pytest.raises(SystemExit, match="1 indicators, but Dec2025/Dec2025_indicators.csv has 2"):
        import_fmti.run(work, tmp_path)


def test_a_directory_that_is_not_the_repository_is_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="not found"):
        import_fmti.run(tmp_path, tmp_path)


def grades(**given: str) -> str:
    dims = import_openness_index.DIMENSIONS
    return "\n".join(f"{d}:\n    class: {given.get(d, 'closed')}\n    link: https://x.org/{d}" for d in dims)


@pytest.mark.parametrize("form", ["work", "bare"])
def test_openness_rows_have_a_grade_and_link_per_dimension(tmp_path: Path, form: str) -> None:
    files = {
        "projects/A_sample.yaml": PROJECT.replace("Tiny Chat", "") + grades(),
        "projects/tiny.yaml": PROJECT.format(grades=grades(llmweights="open", license="partial")),
        "projects/webui.yaml": "project:\n    name:\norg:\n    name: Someone\n",
        "projects/readme.md": "# criteria",
    }
    work, bare = repository(tmp_path, files)
    out = tmp_path / "out"
    out.mkdir()
    table, meta = import_openness_index.run(work if form == "work" else bare, out)
    rows = read_csv(table)
    assert len(rows) == 14 and {r["model"] for r in rows} == {"Tiny Chat"}
    by_dim = {r["dimension"]: r for r in rows}
    assert by_dim["llmweights"]["grade"] == "open" and by_dim["license"]["grade"] == "partial"
    assert by_dim["api"] == {"model": "Tiny Chat", "organisation": "Tiny Lab", "base_model": "Tiny",
                             "dimension": "api", "grade": "closed", "link": "https://x.org/api"}  # fmt: skip
    info = yaml.safe_load(meta.read_text(encoding="utf-8"))
    assert info["licence"] == "Apache-2.0" and info["models"] == 1
    assert info["skipped_files"] == ["projects/webui.yaml"]
    assert "Liesenfeld" in info["citation"]


def test_openness_stops_on_an_unknown_grade(tmp_path: Path) -> None:
    files = {"projects/tiny.yaml": PROJECT.format(grades=grades(api="sort-of"))}
    work, _ = repository(tmp_path, files)
    with pytest.raises(SystemExit, match="api: grade 'sort-of'"):
        import_openness_index.run(work, tmp_path)
