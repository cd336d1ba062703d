"""The Open vs closed page: the openness index under the reader's criteria, attributed; the Transparency Index
as a summary with a link to its own page."""

from __future__ import annotations

import json

import pandas as pd
from streamlit.testing.v1 import AppTest

from dashboard.indexes.load import load_indexes
from dashboard.indexes.schema import INDEX_DIMENSIONS
from tests.app.conftest import open_expanders, run_page, url_values

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


def side_by_side(at: AppTest) -> pd.DataFrame:
    """The models' table: one row per dimension (after organisation and membership), one column per model."""
    return next(t.value for t in at.table if "Source code" in list(t.value.index))


def test_models_in_the_link_are_shown_side_by_side_on_every_dimension() -> None:
    at = run_page(PAGE, model=["olmo-7b-instruct", "llama-3-1"])
    assert not at.exception
    table = side_by_side(at)
    assert list(table.columns) == ["OLMo 7B Instruct", "Llama 3\\.1"]  # headers are escaped Markdown
    assert len(table) == 2 + len(INDEX_DIMENSIONS) + 1  # organisation, membership, 14 dimensions, open count
    assert table.loc["Source code", "OLMo 7B Instruct"] == "● [open](https://github.com/allenai/OLMo)"
    assert table.loc["Base model data", "Llama 3\\.1"] == "○ closed"  # no link in the index: none drawn
    assert table.loc["In our member list", "Llama 3\\.1"] == "yes"  # Meta's, as in the grid above
    assert at.multiselect(key="w_model").value == ["olmo-7b-instruct", "llama-3-1"]


def test_unknown_models_are_dropped_from_the_link_with_a_notice() -> None:
    at = run_page(PAGE, model=["olmo-7b-instruct", "no-such-model", "<script>"])
    assert not at.exception
    assert any("were not recognised and were left out: model." in c.value for c in at.caption)
    assert url_values(at, "model") == ["olmo-7b-instruct"]
    assert list(side_by_side(at).columns) == ["OLMo 7B Instruct"]


def test_a_fifth_model_is_dropped_with_a_notice() -> None:
    five = ["olmo-7b-instruct", "llama-3-1", "chatgpt", "bloomz", "dolly"]
    at = run_page(PAGE, model=five)
    assert any("left out: model." in c.value for c in at.caption)
    assert url_values(at, "model") == five[:4]
    assert len(side_by_side(at).columns) == 4


def test_without_models_the_page_asks_for_some_and_the_grid_keeps_its_place() -> None:
    at = run_page(PAGE)
    assert any("Choose one to four models" in i.value for i in at.info)
    assert not [t for t in at.table if "Source code" in list(t.value.index)]
    assert "model" in at.dataframe[0].value.columns  # the index's grid is still the page's first table


def test_picking_models_writes_the_url() -> None:
    at = run_page(PAGE)
    at.multiselect(key="w_model").set_value(["chatgpt", "olmo-7b-instruct"]).run()
    assert not at.exception
    assert url_values(at, "model") == ["chatgpt", "olmo-7b-instruct"]
    assert list(side_by_side(at).columns) == ["ChatGPT", "OLMo 7B Instruct"]


def test_the_release_gradient_is_also_a_list_under_the_chart_for_small_screens() -> None:
    at = run_page(PAGE)
    chart = figures(at)["Where each model sits on the release gradient"]
    shown = {n for trace in chart["data"] for n in trace["y"]}
    lists = [m.value for m in open_expanders(at).markdown if m.value.startswith("1. **Fully closed**")]
    listed = lists[-1]  # the first is the levels' descriptions above the chart
    assert "6. **Fully open** —" in listed
    assert all(name.replace(" ", "") in listed.replace("\\", "").replace(" ", "") for name in shown), listed
    assert "Llama 2 (member)" in listed.replace("\\", "")  # Meta's model, marked as on the rest of the page
