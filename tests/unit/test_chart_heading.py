"""Chart headings that carry the view: escaped text, wrapped lines, room made for every line."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from dashboard.charts.style import HEADING_LINE, fit_heading, plot_text, wrap_parts


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Academia", "Academia"),
        ("<a href='javascript:alert(1)'>x</a>", "&lt;a href='javascript:alert(1)'&gt;x&lt;/a&gt;"),
        ("R&D <br> labs", "R&amp;D &lt;br&gt; labs"),
    ],
)
def test_plot_text_escapes_what_plotly_would_read_as_html(text: str, shown: str) -> None:
    assert plot_text(text) == shown


@pytest.mark.parametrize(
    ("parts", "width", "lines"),
    [
        (["a", "b", "c"], 20, ["a · b · c"]),
        (["Sector: Academia", "Country: Switzerland"], 20, ["Sector: Academia", "Country: Switzerland"]),
        (["x" * 30, "y"], 10, ["x" * 30, "y"]),
        ([], 10, []),
    ],
)
def test_wrap_parts_keeps_lines_short_without_splitting_a_part(parts: list[str], width: int, lines: list[str]) -> None:
    assert wrap_parts(parts, width=width) == lines


def test_fit_heading_grows_margin_and_height_by_one_line_per_extra_subtitle_line() -> None:
    fig = go.Figure(layout={"title": {"text": "T", "subtitle": {"text": "a<br>b<br>source"}}, "height": 300})
    fig.update_layout(margin_t=70)
    fit_heading(fig)
    assert fig.layout.margin.t == 70 + 2 * HEADING_LINE
    assert fig.layout.height == 300 + 2 * HEADING_LINE


def test_fit_heading_leaves_a_one_line_subtitle_alone() -> None:
    fig = go.Figure(layout={"title": {"text": "T", "subtitle": {"text": "source"}}, "height": 300})
    assert fit_heading(fig).layout.height == 300
