"""Counting, headline figures and downloads."""

from __future__ import annotations

import csv
import io
import json

import pandas as pd

from dashboard.members.export import to_csv_bytes, to_json_bytes
from dashboard.members.load import load_members
from dashboard.members.transform import OTHER, count_by, count_by_category, headline, pairs_text, top_with_rest


def test_count_by_follows_the_given_order_and_skips_absent_values() -> None:
    df = pd.DataFrame({"sector": ["academia", "company", "academia"]})
    counts = count_by(df, "sector", order=["company", "academia", "government"])
    assert counts.to_dict("list") == {"sector": ["company", "academia"], "count": [1, 2]}


def test_top_with_rest_groups_the_tail() -> None:
    df = pd.DataFrame({"country": ["USA"] * 5 + ["JPN"] * 3 + ["CHE", "GBR", "DEU"]})
    counts = top_with_rest(df, "country", 2)
    assert counts.to_dict("list") == {"country": ["USA", "JPN", OTHER], "count": [5, 3, 3]}
    assert top_with_rest(df, "country", 4)["count"].sum() == len(df)


def test_headline_counts_on_the_shipped_data() -> None:
    members = load_members()
    numbers = headline(members)
    assert numbers.members == len(members) > 57
    assert numbers.countries == members["country"].nunique()
    assert numbers.companies + numbers.universities + numbers.others == len(members)
    assert numbers.share(numbers.members) == 1.0


def test_count_by_category_groups_by_sector() -> None:
    members = load_members()
    counts = count_by_category(members, ["company", "academia", "research_institute", "government", "nonprofit"])
    assert counts["count"].sum() == len(members)
    assert list(dict.fromkeys(counts["sector"])) == [
        "company",
        "academia",
        "research_institute",
        "government",
        "nonprofit",
    ]


def test_pairs_text() -> None:
    assert pairs_text([("Academia", 18), ("Company", 25)]) == "Academia 18, Company 25"


def test_csv_neutralises_formula_cells_and_keeps_every_member() -> None:
    members = load_members().head(3).copy()
    members.loc[members.index[0], "name"] = '=HYPERLINK("http://evil")'
    members.loc[members.index[1], "notes"] = "+1 and @risk"
    members.loc[members.index[2], "city"] = "-dash"
    rows = list(csv.DictReader(io.StringIO(to_csv_bytes(members).decode("utf-8-sig"))))
    assert len(rows) == 3
    assert rows[0]["name"] == '\'=HYPERLINK("http://evil")'
    assert rows[1]["notes"] == "'+1 and @risk"
    assert rows[2]["city"] == "'-dash"
    assert " | " in rows[0]["sources"] or rows[0]["sources"].startswith("http")


def test_json_download_is_valid_with_nulls_and_source_lists() -> None:
    members = load_members()
    records = json.loads(to_json_bytes(members))
    assert len(records) == len(members)
    assert all(isinstance(r["sources"], list) and r["sources"] for r in records)
    llama = next(r for r in records if r["id"] == "llamaindex")
    assert llama["city"] is None and llama["founded"] is None
    assert llama["precision"] == "region" and llama["hq_region"] == "California", "drawn at the region's centre"
