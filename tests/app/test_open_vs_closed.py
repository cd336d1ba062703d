"""The Open vs closed page: the openness index under the reader's criteria, attributed; the Transparency Index
as a summary with a link to its own page."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from dashboard.indexes.load import load_indexes
from tests.app.conftest import run_page, url_values

PAGE = "pages/5_Open_vs_closed.py"


def figures(at: AppTest) -> dict[str, dict]:  # type: ignore[type-arg]
    """The page's charts by their title (a long title is wrapped with <br>, read back as one line)."""
    specs = [json.loads(el.proto.spec) for el in at.get("plotly_chart")]
    return {s["layout"]["title"]["text"].replace("<br>", " "): s for s in specs}


def captions(at: AppTest) -> str:
    return "\n".join(c.value for c in at.caption)


def test_invalid_criteria_are_dropped_with_a_notice() -> None:
    at = run_page(PAGE, require=["weights", "<script>"])
    assert not at.exception
    assert any("were not recognised" in c.value for c in at.caption)
    assert url_values(at, "require") == ["weights"]


def test_the_transparency_index_is_a_summary_with_a_link_to_its_page() -> None:
    at = run_page(PAGE)
    summary = next(m.value for m in at.markdown if m.value.startswith("In the December 2025 edition"))
    assert "the 2 developers in our member list" in summary  # IBM and Meta were scored in December 2025
    assert not [t for t in figures(at) if "Transparency score" in t or "subdomain" in t], "the charts moved"
    links = [(el.proto.page, el.proto.label) for el in at.get("page_link")]
    assert ("Transparency", "Transparency, indicator by indicator →") in links


def test_criteria_apply_to_the_openness_index_grid() -> None:
    at = run_page(PAGE, require=["weights", "data"])
    grid = at.dataframe[0].value
    assert list(grid["member"][: (grid["member"] != "—").sum()]) == ["yes"] * (grid["member"] != "—").sum()
    answer = next(s.value for s in at.success if "graded models" in s.value).replace("\\", "")
    qualifying = set(grid.loc[grid["qualifies"] == "✔", "model"])
    assert qualifying and all(name in answer for name in qualifying)
    assert "OLMo 7B Instruct" in qualifying and "LLaMA2 Chat" not in qualifying


def test_the_openness_index_is_attributed_with_licence_citation_and_commit() -> None:
    at = run_page(PAGE)
    text = (captions(at) + "\n".join(m.value for m in at.markdown)).replace("\\", "")  # attribution is Markdown
    meta = load_indexes().openness_meta
    assert meta.licence in text and (meta.commit or "")[:7] in text
    assert "Liesenfeld" in text and "What we changed: a filter" in text
