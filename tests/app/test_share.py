"""Sharing a view: the link, the embed snippet, and charts whose PNG states the filters in words."""

from __future__ import annotations

import html
import json
import re

from streamlit.testing.v1 import AppTest

from tests.app.conftest import run_page, share_blocks


def _share_blocks(at: AppTest) -> list[str]:
    assert not at.sidebar.code, "closed, the share box draws nothing (its code blocks load a large script)"
    return share_blocks(at)


def test_share_box_offers_the_link_and_an_embed_snippet_of_the_same_view() -> None:
    at = run_page("pages/1_Members.py", sector="academia", country="CHE")
    link, snippet = _share_blocks(at)
    assert link.endswith("/Members?sector=academia&country=CHE")
    match = re.search(r'<iframe src="([^"]+)" title="([^"]+)" loading="lazy"', snippet)
    assert match, snippet
    assert html.unescape(match.group(1)) == link + "&embed=true"
    assert match.group(2) == "Members · AI Alliance Explorer"


def test_embed_snippet_of_the_default_view_has_only_the_embed_key() -> None:
    at = run_page("streamlit_app.py")
    link, snippet = _share_blocks(at)
    assert "?" not in link
    assert f'src="{link}?embed=true"' in snippet


def test_charts_state_the_active_filters_above_the_source_line() -> None:
    at = run_page("streamlit_app.py", sector="academia", q="univ")
    charts = at.get("plotly_chart")
    assert charts, "the search matches members, so the page draws its charts"
    for chart in charts:
        subtitle = json.loads(chart.proto.spec)["layout"]["title"]["subtitle"]["text"]
        assert "Sector: Academia" in subtitle
        assert "Search: “univ”" in subtitle
        assert subtitle.split("<br>")[-1].startswith("Source: AI Alliance Explorer dataset")
        assert subtitle.count("<br>") >= 1


def test_charts_of_the_default_view_carry_only_the_source_line() -> None:
    at = run_page("streamlit_app.py")
    for chart in at.get("plotly_chart"):
        subtitle = json.loads(chart.proto.spec)["layout"]["title"]["subtitle"]["text"]
        assert subtitle.startswith("Source:") and "<br>" not in subtitle
