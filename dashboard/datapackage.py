"""The data package a reader downloads: every table we publish as CSV, a metadata file per table, and a README.

Built on request (a ZIP in memory, never written to disk). Our own tables (members, events) are written from the
validated frames; the imported index tables are copied byte for byte from data/, as imported, with their source,
commit, licence and citation from the metadata the importers wrote. No Streamlit here."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard import paths
from dashboard.files import read_yaml
from dashboard.members.export import EXPORT_COLUMNS, safe_csv, to_csv_bytes

DATA_LICENCE = "CC BY 4.0"
DATA_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
CODE_LICENCE = "MIT"
TITLE = "AI Alliance Explorer dataset"
EVENT_COLUMNS = ("id", "date", "kind", "title", "members", "count", "count_wording", "source", "notes")


@dataclass(frozen=True)
class Table:
    """One CSV of the package and what its metadata says."""

    name: str
    data: bytes
    columns: tuple[str, ...]
    description: str
    source: str
    licence: str
    citation: str
    changes: str  # what we did to it: nothing, a filter, an aggregation


def citation(version: str, url: str, accessed: str) -> str:
    """How to cite our own data, as text."""
    return (
        f"AI Alliance Explorer contributors. {TITLE}, version {version}. {url} (accessed {accessed}). {DATA_LICENCE}."
    )


def bibtex(version: str, url: str, accessed: str) -> str:
    """How to cite our own data, as BibTeX."""
    return (
        f"@misc{{ai_alliance_explorer_{version.replace('-', '')},\n"
        f"  author = {{{{AI Alliance Explorer contributors}}}},\n"
        f"  title = {{{{{TITLE}}}}},\n"
        f"  version = {{{version}}},\n"
        f"  howpublished = {{\\url{{{url}}}}},\n"
        f"  note = {{Accessed {accessed}. Licence: {DATA_LICENCE}}},\n"
        f"  year = {{{version[:4]}}}\n"
        "}"
    )


def _meta(path: Path) -> dict[str, Any]:
    raw = read_yaml(path)
    return raw if isinstance(raw, dict) else {}


def tables(members: pd.DataFrame, events: pd.DataFrame, *, citation_text: str) -> list[Table]:
    """Every table the package holds, ours first, then the indexes as imported."""
    fmti, openness = _meta(paths.FMTI_META), _meta(paths.OPENNESS_META)
    event_rows = events.assign(members=events["members"].map(" | ".join))[list(EVENT_COLUMNS)]
    ours = dict(source="this project's data/ folder, each record with its own sources", licence=DATA_LICENCE,
                citation=citation_text, changes="none: the validated records as published")  # fmt: skip

    def imported(meta: dict[str, Any], note: str) -> dict[str, str]:
        source = (
            f"{meta.get('source_repository', '')} at commit {meta.get('commit', '')} ({meta.get('commit_date', '')})"
        )
        return dict(source=source, licence=str(meta.get("licence", "")), citation=str(meta.get("citation", "")),
                    changes=note)  # fmt: skip

    out = [
        Table(
            "members.csv",
            to_csv_bytes(members),
            EXPORT_COLUMNS,
            "One organisation per row: named at the launch or a member later, with its headquarters and sources "
            "(joined by ' | ').",
            **ours,
        ),  # fmt: skip
        Table(
            "events.csv",
            safe_csv(event_rows),
            EVENT_COLUMNS,
            "One dated event in the membership per row (launch, announcement, working group, change, reported "
            "total); members as our ids joined by ' | '.",
            **ours,
        ),  # fmt: skip
    ]
    for name, meta, description, note in (
        ("fmti_scores.csv", fmti, "One indicator of one developer in one edition of the Foundation Model Transparency "
         "Index: score 0 or 1.", "none: the index's scores in a tidy table, as imported"),
        ("fmti_evidence.csv", fmti, "One indicator of one developer in the 2024 and 2025 editions, with the index's "
         "definition, the developer's disclosure, the authors' justification and references.",
         "none: the index's report rows as imported; the text is the authors' own"),
        ("openness_index.csv", openness, "One dimension of one instruction-tuned model in the openness index: grade "
         "open, partial or closed, and its link.", "none: the index's grades in a tidy table, as imported"),
    ):  # fmt: skip
        path = paths.DATA_DIR / name
        if path.is_file():
            data = path.read_bytes()
            columns = tuple(data.decode("utf-8-sig").split("\n", 1)[0].strip().split(","))
            out.append(Table(name, data, columns, description, **imported(meta, note)))
    return out


def readme(version: str, listed: list[Table]) -> str:
    """The package's README: what each file is, the licences, how to cite."""
    lines = [f"{TITLE}, version {version}", "", "Files:"]
    lines += [f"- {t.name}: {t.description} Licence: {t.licence}." for t in listed]
    lines += ["- metadata/<table>.json: each table's columns, source, licence, citation, version and what we changed.",
              "", f"Our own tables (members.csv, events.csv) are {DATA_LICENCE} ({DATA_LICENCE_URL}); the code of the "
              f"app is {CODE_LICENCE}. The imported index tables keep their own licences and citations, given in their "
              "metadata: cite the index as well as this dataset.",
              "", "CSV files are UTF-8 with a byte-order mark; cells that would start like a spreadsheet formula in "
              "members.csv begin with an apostrophe."]  # fmt: skip
    return "\n".join(lines) + "\n"


def package(members: pd.DataFrame, events: pd.DataFrame, *, version: str, url: str, accessed: str) -> bytes:
    """The ZIP: every table, its metadata, and the README."""
    listed = tables(members, events, citation_text=citation(version, url, accessed))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for table in listed:
            archive.writestr(table.name, table.data)
            meta = {"table": table.name, "description": table.description, "columns": list(table.columns),
                    "units": "counts are whole numbers; score is 0 or 1; dates are ISO 8601",
                    "source": table.source, "licence": table.licence, "citation": table.citation,
                    "version": version, "accessed": accessed, "changes": table.changes}  # fmt: skip
            stem = table.name.removesuffix(".csv")
            archive.writestr(f"metadata/{stem}.json", json.dumps(meta, ensure_ascii=False, indent=1) + "\n")
        archive.writestr("README.txt", readme(version, listed))
    return buffer.getvalue()
