"""The shared chart style: fonts, the heading and source line, legends, patterns, text made safe for Plotly."""

from __future__ import annotations

import html
import textwrap
from collections.abc import Iterable

import plotly.graph_objects as go

from dashboard.charts import theme
from dashboard.formats import number, separators
from dashboard.i18n import t

FONT = dict(family="Source Sans Pro, Helvetica, Arial, sans-serif", size=13)
BAR_HEIGHT = 30  # pixels per bar, so labels never overlap
BASE_HEIGHT = 120  # title, source line and margins
SOURCE_WIDTH = 60  # characters per line of the source line (11 px), so it is not cut off on a phone
TITLE_WIDTH = 42  # characters per line of a chart title (16 px bold)


def plains(texts: Iterable[object]) -> list[str]:
    """Data texts as Plotly should show them (see plot_text)."""
    return [plot_text(str(t)) for t in texts]


def heading(title: str, source: str) -> dict[str, object]:
    """Every chart's title with its source line beneath it (wrapped), so both land in the PNG download."""
    return dict(
        text=_wrap(title, TITLE_WIDTH), x=0.01, xanchor="left", xref="container", font=dict(size=16),
        subtitle=dict(text=_wrap(source, SOURCE_WIDTH), font=dict(size=11)),
    )  # fmt: skip


def _wrap(text: str, width: int) -> str:
    """Each line of a title or source line cut to at most ``width`` characters, so a phone shows all of it."""
    return "<br>".join(part for line in text.split("<br>") for part in textwrap.wrap(line, width) or [""])


def bottom_legend(**extra: object) -> dict[str, object]:
    """A horizontal legend under the chart, where it never covers the title or the data."""
    return dict(orientation="h", x=0, xref="container", y=0, yref="container", yanchor="bottom", title_text="", **extra)


def count_step(top: float) -> int:
    """A whole-number gridline step for a count axis up to ``top``: 1, 2 or 5 times a power of ten, with
    at most about eight gridlines, whatever the size of the data (a fixed step drew one gridline per ten
    members: 400 at 4,000, which took the browser many seconds to draw)."""
    step = 1
    while top / step > 8:
        step = step * 5 // 2 if str(step)[0] == "2" else step * 2  # 1, 2, 5, 10, 20, 50, ...
    return step


def finish(fig: go.Figure, *, title: str, source: str, rows: int, lang: str) -> go.Figure:
    """Title and source line on top (both land in the PNG download), room for every bar."""
    fig.update_layout(
        separators=separators(lang),
        title=heading(title, source),
        font=FONT,
        height=BASE_HEIGHT + BAR_HEIGHT * max(rows, 1),
        margin=dict(l=8, r=24, t=64, b=32),
        showlegend=False,
        bargap=0.25,
        plot_bgcolor="rgba(0,0,0,0)",
        paper_bgcolor="rgba(0,0,0,0)",
    )
    top = max((max(t.x) for t in fig.data if t.x is not None and len(t.x)), default=1)
    fig.update_xaxes(
        showgrid=True, gridcolor=theme.GRID, zeroline=False, rangemode="tozero",
        dtick=count_step(top), range=[0, top * 1.15 + 0.5],
    )  # fmt: skip
    fig.update_yaxes(autorange="reversed", automargin=True, ticksuffix="  ")
    return fig


def pair(label: str, value: str, lang: str) -> str:
    """'label: value' with the language's punctuation ('label : value' in French), for hover text."""
    return t("text.label_value", lang, label=label, value=value)


def hbar(
    labels: list[str], counts: list[int], colors: list[str], name: str, hover: str, lang: str, pattern: str = ""
) -> go.Bar:
    return go.Bar(
        x=counts, y=plains(labels), orientation="h", name=plot_text(name),
        marker=dict(color=colors, pattern=bar_pattern(pattern)),
        text=[number(c, lang) for c in counts], textposition="outside", cliponaxis=False,
        hovertemplate=hover + "<extra></extra>", textfont=dict(size=12), constraintext="none",
    )  # fmt: skip


def bar_pattern(shape: str) -> dict[str, object]:
    """A fill pattern drawn in translucent white over the bar colour, so it reads on every colour and theme."""
    return dict(shape=shape, fillmode="overlay", fgcolor="#FFFFFF", fgopacity=0.55, size=8, solidity=0.2)


# ---------------------------------------------------------------- headings that carry the view

HEADING_LINE = 15  # pixels per extra line of a chart's subtitle


def plot_text(text: object) -> str:
    """Text that Plotly shows literally: its labels, hovers and ticks understand a little HTML (<a>, <b>, <br>,
    entities), so ``&``, ``<`` and ``>`` become entities and data text shows as typed."""
    return html.escape(str(text), quote=False)


def wrap_parts(parts: list[str], *, width: int) -> list[str]:
    """Join short parts with ' · ' into lines of at most ``width`` characters (a long part keeps its own line)."""
    lines: list[str] = []
    for part in parts:
        if lines and len(lines[-1]) + 3 + len(part) <= width:
            lines[-1] += " · " + part
        else:
            lines.append(part)
    return lines


def fit_heading(fig: go.Figure) -> go.Figure:
    """Grow the top margin (and the height) by one line per extra subtitle line, so no line covers the plot.

    The title is pinned to the top of the chart, so its subtitle grows downwards into the room made for it."""
    subtitle = fig.layout.title.subtitle.text or ""
    extra = subtitle.count("<br>") + (fig.layout.title.text or "").count("<br>")
    if extra:
        fig.update_layout(title=dict(yref="container", y=1, yanchor="top", pad=dict(t=14)))
        top = fig.layout.margin.t if fig.layout.margin.t is not None else 72
        height = fig.layout.height if fig.layout.height is not None else 450
        fig.update_layout(margin_t=top + HEADING_LINE * extra, height=height + HEADING_LINE * extra)
    return fig


def two_lines(label: str) -> str:
    """A tick label of several words on two lines, so the levels fit side by side in any language."""
    words = label.split()
    if len(words) < 2:
        return label
    cut = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - len(" ".join(words[i:]))))
    return " ".join(words[:cut]) + "<br>" + " ".join(words[cut:])
