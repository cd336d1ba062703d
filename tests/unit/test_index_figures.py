"""Figures of the imported indexes, asserted as objects: direct labels, members told by colour and shape."""

from __future__ import annotations

import pandas as pd

from dashboard.indexes import figures as figs

EDITIONS = {"2023-10": "October 2023", "2024-05": "May 2024"}
LABELS = {"title": "T", "source": "S", "member_label": "Member", "other_label": "Other"}
TOTALS = pd.DataFrame(
    {"edition": ["2023-10", "2023-10", "2024-05", "2024-05", "2024-05"], "developer": ["A", "B", "A", "B", "C"],
     "total": [54, 12, 60, 41, 33], "member": [True, False, True, False, False]}
)  # fmt: skip


def test_totals_chart_has_a_panel_per_edition_and_prints_every_score() -> None:
    fig = figs.fmti_totals_chart(TOTALS, editions=EDITIONS, **LABELS)
    assert [a.text for a in fig.layout.annotations] == ["October 2023", "May 2024"]
    members = [t for t in fig.data if t.name == "Member"]
    others = [t for t in fig.data if t.name == "Other"]
    assert [list(t.y) for t in members] == [["A"], ["A"]]
    assert members[0].marker.symbol != others[0].marker.symbol and members[0].marker.color != others[0].marker.color
    assert all(list(t.text) == [str(x) for x in t.x] for t in fig.data)
    assert sum(t.showlegend for t in fig.data) == 2


def test_slopes_have_one_panel_per_developer_members_first() -> None:
    fig = figs.fmti_slopes(TOTALS[TOTALS["developer"] != "C"], editions=EDITIONS, **LABELS)
    assert [a.text for a in fig.layout.annotations] == [f"{figs.MEMBER_MARK} A", "B"]
    assert list(fig.data[0].text) == ["54", "60"] and fig.data[0].line.dash == "solid"
    assert fig.data[1].line.dash == "dot"


def test_group_means_label_each_bar_with_mean_and_n_and_use_a_pattern_for_members() -> None:
    means = pd.DataFrame(
        {"edition": ["2023-10", "2023-10"], "member": [True, False], "mean": [54.0, 12.0], "n": [1, 1]}
    )
    fig = figs.fmti_group_means(means, editions=EDITIONS, value_format="{mean} (n={n})", **LABELS)
    assert list(fig.data[0].text) == ["54.0 (n=1)"] and list(fig.data[1].text) == ["12.0 (n=1)"]
    assert fig.data[0].marker.pattern.shape == "/" and not fig.data[1].marker.pattern.shape
    french = figs.fmti_group_means(means, editions=EDITIONS, value_format="{mean} (n={n})", lang="fr", **LABELS)
    assert list(french.data[0].text) == ["54,0 (n=1)"] and french.layout.separators == ",\u202f"


def test_percent_heatmap_labels_cells_and_marks_members() -> None:
    matrix = pd.DataFrame({"Upstream": [100, 0], "Model": [50, 25]}, index=["A", "B"])
    fig = figs.percent_heatmap(matrix, marked={"A"}, title="T", source="S")
    assert list(fig.data[0].y) == [f"{figs.MEMBER_MARK} A", "B"] and list(fig.data[0].x) == ["Upstream", "Model"]
    assert fig.data[0].texttemplate == "%{text}" and fig.data[0].zmax == 100


def test_model_slugs_are_lower_case_ascii_with_hyphens_and_unique() -> None:
    from dashboard.indexes.transform import model_slugs

    assert model_slugs(["Llama 3.1", "Émile 7B", "llama-3.1", "!!"]) == {
        "model": "!!", "emile-7b": "Émile 7B", "llama-3-1": "Llama 3.1", "llama-3-1-2": "llama-3.1",
    }  # fmt: skip
