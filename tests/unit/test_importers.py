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
} | {
    # Reports as the index publishes them: 2024 with CRLF line ends and its own column order (one report heads its
    # first column otherwise, one file is named with a dash), 2025 with Justification before References.
    "May2024/reports/Meta_fmtransparencyreport_May2024.csv": "Indicator,Definition,Notes,Disclosure,References,Score,"
    'Justification,New disclosure?\r\nData size,Is it disclosed?,,"  <script>alert(1)</script> **2T** tokens\r\n'
    '[see](javascript:alert(1)) \U0001f916  ",javascript:alert(1),1,"=cmd|\' /C calc\'!A0",Yes\r\n',
    "May2024/reports/Stability AI_fmtransparencyreport-May2024.csv": "Downstream applications,Definition,Notes,"
    "Disclosure,References,Score,Justification,New disclosure?\r\nData size,Is it disclosed?,,Yes,,1,,No\r\n"
    "Capabilities description,Is it described?,,<b>Yes</b>,https://example.org/card,1,,No\r\n",
    "Dec2025/reports/IBM_fmtransparencyreport_Dec2025.csv": "Indicator,Definition,Notes,Disclosure,Justification,"
    'References,Score\n"Data acquisition\nmethods",What methods?,,Crawling.,Disclosed.,,1\nReports,Any?,,Yes.,Ok.,,1\n',
    "Dec2025/reports/xAI_fmtransparencyreport_Dec2025.csv": "\ufeffIndicator,Definition,Notes,Disclosure,"
    'Justification,References,Score\n"Data acquisition\nmethods",What methods?,,,Not disclosed.,,0\n'
    "Reports,Any?,,,None.,,0\n",
    "October2023/scoring/Meta 2023 FMTI Scores.pdf": "%PDF-1.4 placeholder",
    "October2023/scoring/OpenAI 2023 FMTI Scores.pdf": "%PDF-1.4 placeholder",
    "October2023/scoring/README.md": "Scores per developer.",
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


def run_fmti(root: Path, files: dict[str, str], form: str = "work") -> Path:
    """Import a fixture repository (work tree or bare clone) into root/out; return that folder."""
    work, bare = repository(root, files)
    out = root / "out"
    out.mkdir()
    import_fmti.run(work if form == "work" else bare, out)
    return out


@pytest.mark.parametrize("form", ["work", "bare"])
def test_fmti_evidence_keeps_the_index_text_for_every_developer_and_indicator(tmp_path: Path, form: str) -> None:
    out = run_fmti(tmp_path, FMTI_FILES, form)
    rows = read_csv(out / "fmti_evidence.csv")
    assert [(r["edition"], r["developer"], r["indicator_slug"]) for r in rows] == [
        ("2024-05", "Meta", "data-size"), ("2024-05", "Meta", "capabilities-description"),
        ("2024-05", "Stability AI", "data-size"), ("2024-05", "Stability AI", "capabilities-description"),
        ("2025-12", "IBM", "data-acquisition-methods"), ("2025-12", "IBM", "reports"),
        ("2025-12", "xAI", "data-acquisition-methods"), ("2025-12", "xAI", "reports"),
    ]  # fmt: skip
    meta = rows[0]
    assert meta["disclosure"] == "<script>alert(1)</script> **2T** tokens\n[see](javascript:alert(1)) \U0001f916"
    assert (meta["references"], meta["justification"]) == ("javascript:alert(1)", "=cmd|' /C calc'!A0")
    assert (meta["developer_slug"], meta["domain"], meta["subdomain"]) == ("meta", "Upstream", "Data")
    assert (meta["definition"], meta["new_disclosure"], meta["score"]) == ("Is it disclosed?", "Yes", "1")
    # Meta's report has no row for the second indicator: the index's definition, no evidence, the table's score.
    lacking = rows[1]
    assert (lacking["disclosure"], lacking["justification"], lacking["references"], lacking["new_disclosure"]) == (
        "", "", "", "")  # fmt: skip
    assert (lacking["definition"], lacking["score"]) == ("Is it described?", "0")
    assert rows[3]["disclosure"] == "<b>Yes</b>" and rows[2]["developer_slug"] == "stability-ai"
    ibm = rows[4]
    assert ibm["indicator"] == "Data acquisition\nmethods" and ibm["subdomain"] == "Data Acquisition"
    assert (ibm["disclosure"], ibm["justification"], ibm["new_disclosure"]) == ("Crawling.", "Disclosed.", "")
    assert rows[7]["score"] == "0" and rows[7]["justification"] == "None."
    scores = {(r["edition"], r["developer"], r["indicator"]): r["score"] for r in read_csv(out / "fmti_scores.csv")}
    assert all(scores[(r["edition"], r["developer"], r["indicator"])] == r["score"] for r in rows)


def test_fmti_evidence_metadata_lists_developers_reports_and_the_2023_pdfs(tmp_path: Path) -> None:
    out = run_fmti(tmp_path, FMTI_FILES)
    info = yaml.safe_load((out / "fmti_evidence.yaml").read_text(encoding="utf-8"))
    sha = info["commit"]
    assert len(sha) == 40 and info["licence"] == "CC BY 4.0" and "Bommasani" in info["citation"]
    assert info["rows"] == {"2024-05": 4, "2025-12": 4}
    editions = {e["id"]: e for e in info["editions"]}
    assert editions["2023-10"]["developers"] == [{"name": "Meta", "slug": "meta"}, {"name": "OpenAI", "slug": "openai"}]
    blob = f"https://github.com/stanford-crfm/fmti/blob/{sha}"
    assert editions["2023-10"]["scoring_pdfs"] == {
        "Meta": f"{blob}/October2023/scoring/Meta%202023%20FMTI%20Scores.pdf",
        "OpenAI": f"{blob}/October2023/scoring/OpenAI%202023%20FMTI%20Scores.pdf",
    }
    may = editions["2024-05"]
    assert [d["slug"] for d in may["developers"]] == ["meta", "stability-ai"]
    assert may["reports"]["Stability AI"] == f"{blob}/May2024/reports/Stability%20AI_fmtransparencyreport-May2024.csv"
    assert may["indicators_missing_from_reports"] == {"Meta": ["Capabilities description"]}
    assert may["developers_without_report"] == [] and may["indicator_names_in_reports"] == {}
    assert [d["slug"] for d in editions["2025-12"]["developers"]] == ["ibm", "xai"]


def test_fmti_reports_are_matched_to_the_scores_names(tmp_path: Path) -> None:
    files = FMTI_FILES | {
        "May2024/May2024_scores.csv": "Indicator,BigCode,Meta,Stability\nData size,1,1,1\nCapabilities,1,0,1\n",
        "May2024/reports/BigCode:Hugging Face:ServiceNow_fmtransparencyreport_May2024.csv": "Indicator,Definition,"
        "Notes,Disclosure,References,Score,Justification\nCapabilities description,,,Stated.,,1,\n",
        "Dec2025/Dec2025_scores.csv": 'Indicator,AI21 Labs,IBM,xAI\n"Data acquisition\nmethods",1,1,0\nReports,0,1,0\n',
        "Dec2025/reports/AI21_Labs_fmtransparencyreport_Dec2025.csv": "Indicator,Definition,Notes,Disclosure,"
        "Justification,References,Score\nReports,Any?,,No.,None.,,0\n",
    }
    out = run_fmti(tmp_path, files)
    rows = {(r["developer"], r["indicator"]): r for r in read_csv(out / "fmti_evidence.csv")}
    bigcode = rows[("BigCode", "Capabilities")]
    assert (bigcode["developer_slug"], bigcode["indicator_slug"], bigcode["disclosure"]) == (
        "bigcode", "capabilities", "Stated.")  # fmt: skip
    assert rows[("AI21 Labs", "Reports")]["developer_slug"] == "ai21-labs"
    info = yaml.safe_load((out / "fmti_evidence.yaml").read_text(encoding="utf-8"))
    may = next(e for e in info["editions"] if e["id"] == "2024-05")
    assert may["indicator_names_in_reports"] == {"Capabilities": "Capabilities description"}
    assert "BigCode%3AHugging%20Face%3AServiceNow" in may["reports"]["BigCode"]


def test_fmti_stops_when_a_report_and_the_scores_disagree(tmp_path: Path) -> None:
    files = FMTI_FILES | {
        "Dec2025/reports/xAI_fmtransparencyreport_Dec2025.csv": "Indicator,Definition,Notes,Disclosure,"
        "Justification,References,Score\nReports,Any?,,Yes.,Disclosed.,,1\n"
    }
    work, _ = repository(tmp_path, files)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(SystemExit, match=r"'Reports' is scored '1' in the report but 0 in Dec2025/Dec2025_scores.csv"):
        import_fmti.run(work, out)
    assert not list(out.iterdir()), "nothing is written when the evidence and the scores disagree"


REPORT_HEAD = "Indicator,Disclosure,Justification,References,Score\n"
XAI_REPORT = "Dec2025/reports/xAI_fmtransparencyreport_Dec2025.csv"
TWO_IBMS = 'Indicator,IBM,Ibm,xAI\n"Data acquisition\nmethods",1,1,0\nReports,1,1,0\n'
UNPLACEABLE = [
    ({"Dec2025/reports/Grok_fmtransparencyreport_Dec2025.csv": REPORT_HEAD + "Reports,,,,0\n"}, "no developer 'Grok'"),
    ({XAI_REPORT: REPORT_HEAD + "Secret sauce,,,,0\n"}, "indicator 'Secret sauce' is not one"),
    ({XAI_REPORT: "Indicator,Disclosure,Score\nReports,,0\n"}, "no justification, references column"),
    ({"October2023/scoring/Cohere 2023 FMTI Scores.pdf": "%PDF"}, "no developer 'Cohere'"),
    ({"October2023/scoring/Meta scores.pdf": "%PDF"}, "not named like a scoring PDF"),
    ({"Dec2025/Dec2025_scores.csv": TWO_IBMS}, "developers: 'IBM' and 'Ibm' both have the slug 'ibm'"),
]


@pytest.mark.parametrize(("changed", "message"), UNPLACEABLE)
def test_fmti_stops_on_reports_it_cannot_place(tmp_path: Path, changed: dict[str, str], message: str) -> None:
    work, _ = repository(tmp_path, FMTI_FILES | changed)
    with pytest.raises(SystemExit, match=message):
        import_fmti.run(work, tmp_path)


def test_fmti_slugs_are_lower_case_ascii() -> None:
    names = ["Hugging Face", "Stability AI", "BigCode", "xAI", "AI21 Labs", "Compute provider", "Café crème"]
    assert [import_fmti.slug(n) for n in names] == [
        "hugging-face", "stability-ai", "bigcode", "xai", "ai21-labs", "compute-provider", "cafe-creme"]  # fmt: skip
    assert import_fmti.slug("External data access\n") == "external-data-access"
    with pytest.raises(SystemExit, match="both have the slug 'meta'"):
        import_fmti.slugs(["Meta", "META"], "developers")


def test_fmti_reimport_is_byte_for_byte_the_same_from_a_work_tree_and_a_bare_clone(tmp_path: Path) -> None:
    work, bare = repository(tmp_path, FMTI_FILES)
    written = {}
    for run, checkout in enumerate((work, bare, work)):
        out = tmp_path / f"out{run}"
        out.mkdir()
        import_fmti.run(checkout, out)
        written[run] = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    names = ["fmti.yaml", "fmti_evidence.csv", "fmti_evidence.yaml", "fmti_scores.csv"]
    assert sorted(written[0]) == names
    assert written[0] == written[1] == written[2]
    evidence = written[0]["fmti_evidence.csv"]
    assert b"\r" not in evidence and evidence.endswith(b"\n")
    assert evidence.decode("utf-8").splitlines()[0] == ",".join(import_fmti.EVIDENCE_COLUMNS)


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
