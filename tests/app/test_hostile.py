"""Hostile text in the data shows as written on every page: no live Markdown, HTML or script links."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.routes import ROUTES
from dashboard.ui.text import md
from tests.app.conftest import expanders, open_expanders, run_page, use_data_dir
from tests.hostile import (
    FORMULA,
    HOSTILE_REPORT,
    HOSTILE_REPORT_TEXT,
    HOSTILE_URLS,
    IMG,
    JS_LINK,
    SCRIPT,
    write_hostile_data,
)

LIVE_TAG = re.compile(r"(?<!\\)<\s*/?\s*(img|script|iframe|svg|b\s|a\s)", re.IGNORECASE)
PLOTLY_TAG = re.compile(r"<\s*/?\s*(img|script|iframe|svg|b\s|a\s)", re.IGNORECASE)
SCRIPT_LINK = re.compile(r"\]\(\s*(javascript|data|vbscript):", re.IGNORECASE)


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_hostile_data(tmp_path_factory.mktemp("hostile") / "data")


@pytest.fixture()
def hostile(monkeypatch: pytest.MonkeyPatch, hostile_dir: Path) -> Path:
    use_data_dir(monkeypatch, hostile_dir)
    return hostile_dir


def markdown_sources(at: AppTest) -> Iterator[str]:
    """Every text the page hands to Streamlit's Markdown renderer, as Python sent it."""
    for kind in ("markdown", "caption", "info", "success", "warning", "error", "title", "header", "subheader"):
        for element in at.get(kind):
            yield str(element.value)
    for expander in expanders(at):
        yield str(expander.label)
    for table in at.table:
        frame = table.value
        yield from (str(v) for v in frame.to_numpy().ravel())
        yield from (str(v) for v in frame.index)
        yield from (str(c) for c in frame.columns)


def plotly_strings(at: AppTest) -> Iterator[str]:
    """Every string in the traces of every chart (labels, hover data, names)."""

    def walk(node: Any) -> Iterator[str]:
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            for value in node.values():
                yield from walk(value)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value)

    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        yield from walk(spec.get("data", []))
        yield from walk(spec.get("layout", {}).get("xaxis", {}))
        yield from walk(spec.get("layout", {}).get("yaxis", {}))


PAGE_PARAMS: dict[str, dict[str, list[str] | str]] = {
    "members": {"member": "hostile-html"},
    "world_map": {"view": "countries"},
    "transparency": {
        "developer": [HOSTILE_REPORT["developer_slug"], "ibm"],
        "indicator": HOSTILE_REPORT["indicator_slug"],
    },
}
PAGES = {r.script: PAGE_PARAMS.get(r.key, {}) for r in ROUTES}


@pytest.mark.parametrize("script", list(PAGES))
def test_hostile_text_never_becomes_markup(hostile: Path, script: str) -> None:
    at = open_expanders(run_page(script, **PAGES[script]))  # what is drawn on request is checked too
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    for text in markdown_sources(at):
        assert not LIVE_TAG.search(text), text
        assert not SCRIPT_LINK.search(text), text
    for text in plotly_strings(at):
        assert not PLOTLY_TAG.search(text), text


def test_member_record_shows_the_hostile_text_escaped(hostile: Path) -> None:
    at = run_page("pages/1_Members.py", member="hostile-html")
    record = next(m.value for m in at.markdown if "Website" in m.value)
    assert md(f"{IMG} Labs") in record and md(SCRIPT) in record
    assert md(JS_LINK) in record
    sources = next(m.value for m in at.markdown if m.value.startswith("1. "))
    # The link text is the escaped URL; the target has no character that could end it early.
    assert "(https://en.wikipedia.org/wiki/%22%3E%3Cscript%3Ealert%284%29%3C/script%3E)" in sources
    assert "(https://en.wikipedia.org/wiki/a%29%28javascript:alert%285%29%29)" in sources
    table = at.dataframe[0].value
    assert f"{IMG} Labs" in set(table["name"]), "the grid shows the name exactly as written"
    assert HOSTILE_URLS[0] in set(table["website"])


def test_map_and_sector_charts_escape_hover_and_labels(hostile: Path) -> None:
    at = run_page("pages/2_World_map.py")
    hover = [s for s in plotly_strings(at) if "Labs" in s]
    assert "&lt;img src=x onerror=alert(1)&gt; Labs" in hover
    unplaced = next(c.value for c in at.caption if "no place" in c.value or md(FORMULA) in c.value)
    assert md(FORMULA) in unplaced
    at = run_page("pages/3_Sectors.py")
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in set(plotly_strings(at)), "the treemap labels a member by name"


def test_overview_escapes_the_launch_wording(hostile: Path) -> None:
    at = run_page("streamlit_app.py")
    lead = at.markdown[0].value
    assert md(f"{IMG} {JS_LINK}") in lead


def test_report_text_shows_as_written_with_links_only_for_http_urls(hostile: Path) -> None:
    at = run_page("pages/6_Transparency.py", **PAGE_PARAMS["transparency"])
    shown = "\n".join(m.value for m in at.markdown)
    assert md(IMG) in shown and md(SCRIPT) in shown, "the disclosure is escaped, line by line"
    assert md(HOSTILE_REPORT_TEXT["justification"]) in shown
    refs = next(m.value for m in at.markdown if m.value.startswith("**References**"))
    assert "](javascript" not in refs and md("javascript:alert(1)") in refs
    targets = re.findall(r"\]\(([^)]*)\)", refs)
    assert len(targets) == 2, "the two http(s) URLs are links, nothing else"
    assert all(t.startswith("https://en.wikipedia.org/wiki/") and not re.search(r"[\s\"'<>()]", t) for t in targets)
