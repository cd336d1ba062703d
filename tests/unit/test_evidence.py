"""The Transparency Index's evidence: loaded as written, every report row reachable through the page's views."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from dashboard import paths
from dashboard.indexes import reports
from dashboard.indexes.evidence import TEXTS, load_evidence
from dashboard.ui.transparency import quote, references
from dashboard.validation import DataError


def test_every_report_row_is_reachable_and_its_text_matches_the_imported_file() -> None:
    rows = load_evidence().rows
    with (paths.DATA_DIR / "fmti_evidence.csv").open(encoding="utf-8", newline="") as f:
        raw = list(csv.DictReader(f))
    assert len(raw) == len(rows) == 2700
    for edition in ("2024-05", "2025-12"):
        mine = [r for r in raw if r["edition"] == edition]
        slugs = list(dict.fromkeys(r["developer_slug"] for r in mine))
        chosen = reports.indicators(rows, edition)
        for indicator in chosen:
            by_four = [slugs[i : i + reports.MAX_DEVELOPERS] for i in range(0, len(slugs), reports.MAX_DEVELOPERS)]
            shown = [
                r
                for group in by_four
                for r in reports.indicator_evidence(rows, edition, indicator, group).to_dict("records")
            ]
            expected = [r for r in mine if r["indicator_slug"] == indicator]
            assert len(shown) == len(expected) == len(slugs)
            for got, want in zip(shown, sorted(expected, key=lambda r: slugs.index(r["developer_slug"])), strict=True):
                assert all(got[k] == want[k] for k in TEXTS), (edition, indicator, got["developer_slug"])
                assert got["score"] == int(want["score"])
        assert len(chosen) == len({r["indicator_slug"] for r in mine}) == 100


def test_a_table_with_a_bad_row_is_reported_by_line_and_field(tmp_path: Path) -> None:
    source = paths.DATA_DIR / "fmti_evidence.csv"
    lines = source.read_text(encoding="utf-8").split("\n")
    lines[1] = lines[1].replace("2024-05", "2024-06", 1)
    (tmp_path / "fmti_evidence.csv").write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_evidence(tmp_path / "fmti_evidence.csv", paths.DATA_DIR / "fmti_evidence.yaml")
    assert any(p.record == "line 2" and p.field == "edition" for p in caught.value.problems)


def test_ibm_gains_and_meta_loses_between_the_report_editions() -> None:
    rows = load_evidence().rows
    assert reports.comparable(rows, "meta", "2024-05", "2025-12") == 11
    assert set(reports.changes(rows, "meta", "2024-05", "2025-12")["change"]) == {"lost"}


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("<img src=x>\n**b**", "\\<img src=x\\>  \n\\*\\*b\\*\\*"),
        ("see https://example.org/a.", "see [https\\://example\\.org/a](https://example.org/a)\\."),
        ("javascript:alert(1)", "javascript\\:alert\\(1\\)"),
    ],
)
def test_report_text_is_escaped_and_only_http_urls_become_links(text: str, shown: str) -> None:
    assert references(text) == shown
    assert "](" not in quote(text)
