"""The data package: every published table reads back, with metadata naming its columns, source and licence."""

from __future__ import annotations

import io
import json
import zipfile

import pandas as pd

from dashboard import datapackage, paths
from dashboard.growth.load import load_events
from dashboard.members.load import load_members


def test_the_package_holds_every_table_with_its_metadata_and_a_readme() -> None:
    members, events = load_members(), load_events()
    data = datapackage.package(members, events, version="2026-12-04", url="https://example.org/", accessed="2026-12-04")
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = set(archive.namelist())
    tables = {"members.csv", "events.csv", "fmti_scores.csv", "fmti_evidence.csv", "openness_index.csv"}
    assert tables | {f"metadata/{t.removesuffix('.csv')}.json" for t in tables} | {"README.txt"} == names
    for table in tables:
        frame = pd.read_csv(io.BytesIO(archive.read(table)), encoding="utf-8-sig", keep_default_na=False)
        meta = json.loads(archive.read(f"metadata/{table.removesuffix('.csv')}.json"))
        assert list(frame.columns) == meta["columns"], table
        assert meta["licence"] and meta["citation"] and meta["source"] and meta["version"] == "2026-12-04"
    assert len(pd.read_csv(io.BytesIO(archive.read("members.csv")), encoding="utf-8-sig")) == len(members)
    assert len(pd.read_csv(io.BytesIO(archive.read("events.csv")), encoding="utf-8-sig")) == len(events)
    assert archive.read("fmti_evidence.csv") == (paths.DATA_DIR / "fmti_evidence.csv").read_bytes(), "as imported"
    scores = json.loads(archive.read("metadata/fmti_scores.json"))
    assert scores["licence"] == "CC BY 4.0" and "stanford-crfm/fmti" in scores["source"]
    assert json.loads(archive.read("metadata/members.json"))["licence"] == datapackage.DATA_LICENCE
    readme = archive.read("README.txt").decode()
    assert "CC BY 4.0" in readme and "MIT" in readme


def test_the_citation_names_the_version_the_address_and_the_licence() -> None:
    text = datapackage.citation("2026-12-04", "https://example.org/Members?sector=academia", "2026-12-05")
    assert "version 2026-12-04" in text and "Members?sector=academia" in text and "CC BY 4.0" in text
    bib = datapackage.bibtex("2026-12-04", "https://example.org/", "2026-12-05")
    assert bib.startswith("@misc{ai_alliance_explorer_20261204,") and "version = {2026-12-04}" in bib
    assert bib.count("{") == bib.count("}")
