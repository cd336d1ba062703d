"""Pure figure builders for the imported indexes (Transparency, Open vs closed); colours from charts.theme.

Members of the Alliance are told apart by colour *and* marker shape (or bar pattern), as on the
release-gradient chart, and every value is printed on the chart, so nothing depends on hover or colour."""

from __future__ import annotations

from collections.abc import Collection, Mapping

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.charts.style import BASE_HEIGHT, FONT, bar_pattern, bottom_legend, heading
from dashboard.charts.theme import GRID, MEMBER_COLOR, OTHER_COLOR
from dashboard.formats import decimal, number, separators
from dashboard.i18n import t

MEMBER_MARK = "●"  # put before a member's name where a chart has no marker (heatmap axis)
STYLE = {True: (MEMBER_COLOR, "circle", "/"), False: (OTHER_COLOR, "diamond", "")}
ROW = 26  # pixels per developer in a dot plot
PANELS = 3  # small multiples per row: still readable on a phone


def _layout(fig: go.Figure, *, title: str, source: str, height: int, lang: str, legend: bool = True) -> go.Figure:
    fig.update_layout(
        separators=separators(lang),
        title=heading(title, source), font=FONT, height=height, margin=dict(l=8, r=24, t=80, b=72 if legend else 16),
        paper_bgcolor="rgba(0,0,0,0)", plot_bgcolor="rgba(0,0,0,0)", showlegend=legend, legend=bottom_legend(),
    )  # fmt: skip
    return fig


def fmti_totals_chart(
    totals: pd.DataFrame, *, editions: Mapping[str, str], title: str, source: str, member_label: str, other_label: str,
    lang: str = "en",
) -> go.Figure:  # fmt: skip
    """Every developer's total (0-100) in each edition: one dot plot per edition, score printed by each dot.

    ``totals``: edition, developer, total, member (bool). ``editions``: edition id -> label, in display order."""
    shown = [e for e in editions if (totals["edition"] == e).any()]
    sizes = [int((totals["edition"] == e).sum()) for e in shown]
    fig = make_subplots(rows=len(shown), cols=1, shared_xaxes=True, row_heights=sizes, vertical_spacing=0.06,
                        subplot_titles=[editions[e] for e in shown])  # fmt: skip
    for row, edition in enumerate(shown, start=1):
        rows = totals[totals["edition"] == edition].sort_values("total")
        for is_member, label in ((True, member_label), (False, other_label)):
            part = rows[rows["member"] == is_member]
            color, symbol, _ = STYLE[is_member]
            fig.add_trace(
                go.Scatter(
                    x=part["total"].tolist(), y=part["developer"].tolist(), mode="markers+text",
                    text=[number(v, lang) for v in part["total"]],
                    textposition="middle right", name=label, legendgroup=label, showlegend=row == 1,
                    marker=dict(size=13, color=color, symbol=symbol, line=dict(width=1, color="white")),
                    hovertemplate=t("text.label_value", lang, label=f"<b>%{{y}}</b> ({editions[edition]})",
                                    value="%{x}/100") + "<extra></extra>",
                ),
                row=row, col=1,
            )  # fmt: skip
        fig.update_yaxes(categoryorder="array", categoryarray=list(rows["developer"]), row=row, col=1)
    fig.update_xaxes(range=[0, 108], showgrid=True, gridcolor=GRID, zeroline=False, dtick=20)
    fig.update_yaxes(type="category", automargin=True, ticksuffix="  ", showgrid=True, gridcolor=GRID)
    _layout(fig, title=title, source=source, height=BASE_HEIGHT + 100 + ROW * sum(sizes) + 30 * len(shown), lang=lang)
    return fig.update_layout(margin_t=104)  # room for the first edition's name under the source line


def fmti_slopes(
    totals: pd.DataFrame, *, editions: Mapping[str, str], title: str, source: str, member_label: str,
    other_label: str, lang: str = "en",
) -> go.Figure:  # fmt: skip
    """Small multiples, one panel per developer scored in several editions (members first): its total in
    each edition, every score printed. ``totals`` as for fmti_totals_chart."""
    order = [e for e in editions if (totals["edition"] == e).any()]
    first = totals.groupby("developer")["member"].first().reset_index().sort_values(["member", "developer"],
                                                                                   ascending=[False, True])  # fmt: skip
    names = [f"{MEMBER_MARK} {d}" if m else str(d) for d, m in zip(first["developer"], first["member"], strict=True)]
    columns = PANELS
    rows = -(-len(names) // columns)
    fig = make_subplots(rows=rows, cols=columns, subplot_titles=names, shared_yaxes=True, horizontal_spacing=0.04,
                        vertical_spacing=0.4 / max(rows, 1))  # fmt: skip
    legend_done: set[bool] = set()
    for i, (developer, is_member) in enumerate(zip(first["developer"], first["member"], strict=True)):
        part = totals[totals["developer"] == developer]
        part = part.assign(rank=part["edition"].map(order.index)).sort_values("rank")
        color, symbol, _ = STYLE[bool(is_member)]
        fig.add_trace(
            go.Scatter(
                x=part["rank"].tolist(), y=part["total"].tolist(), mode="lines+markers+text",
                text=[number(v, lang) for v in part["total"]], textposition="top center", textfont=dict(size=11),
                name=member_label if is_member else other_label, legendgroup=str(is_member),
                showlegend=bool(is_member) not in legend_done, marker=dict(size=9, color=color, symbol=symbol),
                line=dict(color=color, width=2, dash="solid" if is_member else "dot"),
                hovertemplate=t("text.label_value", lang, label=f"<b>{developer}</b>", value="%{y}/100")
                + "<extra></extra>",
            ),
            row=i // columns + 1, col=i % columns + 1,
        )  # fmt: skip
        legend_done.add(bool(is_member))
    short = [editions[e].split()[-1] if len({editions[x].split()[-1] for x in order}) == len(order) else editions[e]
             for e in order]  # fmt: skip
    fig.update_xaxes(tickvals=list(range(len(order))), ticktext=short, range=[-0.4, len(order) - 0.6],
                     showgrid=False, zeroline=False, tickfont=dict(size=11))  # fmt: skip
    fig.update_yaxes(range=[0, 118], showgrid=True, gridcolor=GRID, zeroline=False, tickvals=[0, 50, 100])
    fig.update_annotations(font=dict(size=12))
    _layout(fig, title=title, source=source, height=BASE_HEIGHT + 100 + 150 * rows, lang=lang)
    return fig.update_layout(margin_t=104)


def fmti_group_means(
    means: pd.DataFrame, *, editions: Mapping[str, str], title: str, source: str, member_label: str,
    other_label: str, value_format: str, lang: str = "en",
) -> go.Figure:  # fmt: skip
    """Mean total of member and other developers per edition, each bar labelled with its mean and n.

    Bars run across, oldest edition at the top, so each label sits on one line after its bar and never
    spreads over the next bar, whatever the width of the screen.
    ``means``: edition, member (bool), mean, n. ``value_format``: e.g. '{mean} (n = {n})'."""
    fig = go.Figure()
    for is_member, label in ((True, member_label), (False, other_label)):
        rows = means[means["member"] == is_member].set_index("edition").reindex(list(editions)).dropna()
        color, _, pattern = STYLE[is_member]
        text = [value_format.format(mean=decimal(m, lang, 1), n=number(int(n), lang))
                for m, n in zip(rows["mean"], rows["n"], strict=True)]  # fmt: skip
        fig.add_trace(
            go.Bar(
                y=[editions[e] for e in rows.index], x=rows["mean"].tolist(), orientation="h", name=label,
                marker_color=color, marker_pattern=bar_pattern(pattern), text=text, textposition="outside",
                cliponaxis=False, constraintext="none",
                hovertemplate=t("text.label_value", lang, label=f"{label}, %{{y}}", value="%{x}") + "<extra></extra>",
            )
        )  # fmt: skip
    fig.update_xaxes(range=[0, 100], showgrid=True, gridcolor=GRID, dtick=20)
    # Oldest edition at the top, and within an edition the members' bar first, as in the legend.
    fig.update_yaxes(autorange="reversed", ticksuffix="  ")
    fig.update_layout(barmode="group", bargap=0.3, legend_traceorder="normal")
    return _layout(fig, title=title, source=source, height=BASE_HEIGHT + 240, lang=lang)


def percent_heatmap(
    matrix: pd.DataFrame, *, marked: Collection[str], title: str, source: str, angle: int = 0, lang: str = "en"
) -> go.Figure:
    """A matrix of percentages (rows x columns as given), each cell labelled, so no colour scale is needed;
    row or column labels in ``marked`` (members) carry a mark. ``angle`` tilts the column labels."""
    mark = lambda labels: [f"{MEMBER_MARK} {v}" if v in marked else str(v) for v in labels]  # noqa: E731
    z = matrix.to_numpy().tolist()
    fig = go.Figure(
        go.Heatmap(
            z=z, x=mark(matrix.columns), y=mark(matrix.index), colorscale="Blues", zmin=0, zmax=100, text=z,
            texttemplate="%{text}", textfont=dict(size=11), xgap=1, ygap=1, showscale=False,
            hovertemplate=t("text.label_value", lang, label="%{y} · %{x}", value=t("text.percent", lang, value="%{z}"))
            + "<extra></extra>",
        )
    )  # fmt: skip
    fig.update_yaxes(autorange="reversed", automargin=True, ticksuffix=" ", tickfont=dict(size=11))
    fig.update_xaxes(side="bottom", automargin=True, tickangle=angle, tickfont=dict(size=11))
    height = BASE_HEIGHT + (140 if angle else 60) + 26 * len(matrix)
    return _layout(fig, title=title, source=source, height=height, lang=lang, legend=False)
