"""`python -m dashboard validate` as a person runs it: exit codes, one line per problem, no traceback."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

from dashboard import paths
from tests.factories import member, university, write_yaml


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dashboard", *args], cwd=paths.ROOT, capture_output=True, text=True, timeout=120
    )


def test_shipped_file_validates_with_a_one_line_summary() -> None:
    result = run_cli("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    assert re.match(r"data/members\.yaml is valid: \d+ members \(57 at the launch, \d+ later\), ", lines[0])
    assert "countries, 5 sectors" in lines[0]


def test_valid_copy_prints_its_own_counts(tmp_path: Path) -> None:
    path = write_yaml(tmp_path / "m.yaml", [member(), university()])
    result = run_cli("validate", str(path))
    assert result.returncode == 0
    assert result.stdout.strip().endswith("2 members (2 at the launch, 0 later), 2 countries, 2 sectors")


def test_malformed_copy_exits_1_with_one_line_per_problem_and_no_traceback(tmp_path: Path) -> None:
    records = [member(secotr="company"), university(hq={"country": "XXX"}, sources=[])]
    path = write_yaml(tmp_path / "m.yaml", records)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    result = run_cli("validate", str(path))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert lines[0] == (
        f"{path}: record 'amd' (#1): field 'secotr': unknown field (did you mean 'sector'?); "
        "allowed: id, name, short_name, sector, category, membership, joined, joined_kind, joined_source, hq, part_of, "
        "website, founded, sources, notes, disagreements"
    )
    assert "field 'hq.country'" in lines[1] and "'XXX'" in lines[1]
    assert "field 'sources'" in lines[2]
    assert "Traceback" not in result.stdout + result.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("- id: amd\n  name: [oops\n", encoding="utf-8")
    result = run_cli("validate", str(path))
    assert result.returncode == 1
    assert result.stdout.startswith(f"{path}:3:1: YAML syntax error")
    assert "Traceback" not in result.stderr


def test_missing_file_exits_1(tmp_path: Path) -> None:
    result = run_cli("validate", str(tmp_path / "absent.yaml"))
    assert result.returncode == 1
    assert "file not found" in result.stdout


def test_directory_instead_of_file_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    result = run_cli("validate", str(tmp_path))
    assert result.returncode == 1
    assert "cannot be read" in result.stdout
    assert "Traceback" not in result.stderr


def test_filters_add_the_matching_counts_to_the_summary() -> None:
    result = run_cli("validate", "--sector", "academia", "--country", "CHE")
    assert result.returncode == 0
    assert result.stdout.strip().endswith(
        "; matching sector=academia country=CHE: 2 members (2 at the launch, 0 later), 1 country, 1 sector"
    )


def test_unknown_filter_values_are_ignored_with_a_note() -> None:
    result = run_cli("validate", "--country", "SGP", "--sector", "bogus")
    assert result.returncode == 0
    assert result.stdout.strip().endswith(
        "matching country=SGP: 1 member (1 at the launch, 0 later), 1 country, 1 sector"
    )
    assert "ignored unknown values for sector" in result.stderr


def test_unlisted_source_host_is_one_line_naming_file_record_and_field(tmp_path: Path) -> None:
    path = write_yaml(tmp_path / "m.yaml", [member(), university(sources=["https://wikimili.com/wiki/ETH_Zurich"])])
    result = run_cli("validate", str(path))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout.splitlines() == [
        f"{path}: record 'eth-zurich' (#2): field 'sources.0': host 'wikimili.com' is not on the accepted list in "
        "data/sources.yaml; cite the organisation itself, the Alliance, a paper, a licence or model card, a regulator, "
        "established news or Wikipedia"
    ]


def test_a_membership_date_counts_the_members_who_had_joined_by_then() -> None:
    result = run_cli("validate", "--asof", "2024-02-16", "--asof", "2023-12-13")
    assert result.returncode == 0
    assert "matching asof=2023-12-13: 58 members (57 at the launch, 1 later)" in result.stdout


def test_a_date_that_is_no_milestone_is_ignored_with_a_note() -> None:
    result = run_cli("validate", "--asof", "2024-13-40")
    assert result.returncode == 0
    assert "matching (no filter): 57 members (57 at the launch, 0 later)" in result.stdout
    assert "ignored unknown values for asof" in result.stderr
