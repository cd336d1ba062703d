"""Every chart's "show the data" table is read back from the figure: one row per bar, cell, tile or point."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.table import figure_table
from dashboard.members import figures as members_figures
from dashboard.models import figures as models_figures

SECTORS = {"company": "Company", "academia": "Academia"}


def test_a_single_series_bar_chart_gives_name_and_count() -> None:
    counts = pd.DataFrame({"sector": ["company", "academia"], "count": [25, 18]})
    fig = members_figures.sector_bar(counts, labels=SECTORS, title="t", source="s", axis="a")
    table = figure_table(fig)
    assert list(table.columns) == ["name", "value"]
    assert table.values.tolist() == [["Company", 25], ["Academia", 18]]


def test_a_stacked_share_bar_gives_counts_not_shares_with_the_series() -> None:
    shares = pd.DataFrame(
        {"region": ["europe", "europe"], "sector": ["company", "academia"], "count": [3, 1], "share": [0.75, 0.25]}
    )
    fig = members_figures.sector_mix_bar(shares, sector_labels=SECTORS, region_labels={"europe": "Europe"}, title="t",
                                 source="s", axis="a")  # fmt: skip
    assert figure_table(fig).values.tolist() == [["Company", "Europe", 3], ["Academia", "Europe", 1]]


def test_a_heatmap_gives_every_cell() -> None:
    matrix = pd.DataFrame([[2, 0], [1, 4]], index=["company", "academia"], columns=["europe", "asia"])
    regions = {"europe": "Europe"}
    fig = members_figures.sector_region_heatmap(
        matrix, sector_labels=SECTORS, region_labels=regions, title="t", source="s"
    )
    table = figure_table(fig)
    assert len(table) == 4
    assert table.values.tolist()[0] == ["Company", "Europe", 2]
    assert table.values.tolist()[-1] == ["Academia", "asia", 4]


def test_a_treemap_gives_each_tile_with_its_parent() -> None:
    nodes = pd.DataFrame(
        {
            "id": ["company", "company/hw", "company/hw/ibm"],
            "parent": ["", "company", "company/hw"],
            "label": ["company", "Hardware", "IBM"],
            "kind": ["sector", "category", "member"],
            "sector": ["company"] * 3,
            "value": [1, 1, 1],
        }
    )
    fig = members_figures.sector_treemap(nodes, sector_labels=SECTORS, title="t", source="s")
    assert figure_table(fig).values.tolist() == [["", "Company", 1], ["Company", "Hardware", 1], ["Hardware", "IBM", 1]]


def test_points_are_named_by_their_axis_of_names_and_valued_by_their_axis_of_numbers() -> None:
    fig = go.Figure()
    fig.add_scatter(x=["Oct 2023", "May 2024"], y=[37.0, 58.0], name="Members", mode="lines+markers")
    fig.add_scatter(x=[54.0], y=["Meta"], name="Scores", mode="markers")
    table = figure_table(fig)
    assert table.values.tolist() == [
        ["Members", "Oct 2023", 37.0],
        ["Members", "May 2024", 58.0],
        ["Scores", "Meta", 54.0],
    ]


def test_a_figure_without_readable_traces_gives_an_empty_table() -> None:
    assert figure_table(go.Figure()).empty


def test_data_text_escaped_for_the_chart_reads_as_typed_in_the_table() -> None:
    counts = pd.DataFrame({"sector": ["company"], "count": [3]})
    fig = members_figures.sector_bar(counts, labels={"company": "AT&T <b>Labs</b>"}, title="t", source="s", axis="a")
    assert fig.data[0].y[0] == "AT&amp;T &lt;b&gt;Labs&lt;/b&gt;"
    assert figure_table(fig).values.tolist() == [["AT&T <b>Labs</b>", 3]]


def test_a_level_name_on_two_lines_reads_on_one_line_in_the_table() -> None:
    models = pd.DataFrame({"name": ["M"], "gradient": ["open"], "gradient_rank": [1], "member": ["meta"],
                           "developer": ["Meta"], "release_date": ["2024-04-18"]})  # fmt: skip
    levels = {"closed": "Fully closed", "open": "Fully open weights"}
    fig = models_figures.release_gradient(models, levels=levels, title="t", source="s", member_label="Member",
                                   other_label="Other")  # fmt: skip
    assert "<br>" in fig.layout.xaxis.ticktext[1]
    assert figure_table(fig).values.tolist() == [["M", "Fully open weights"]]


def test_numbers_in_the_table_are_written_as_the_language_writes_them() -> None:
    from dashboard.charts.table import shown_number

    assert shown_number(1234, "fr") == "1\u202f234"
    assert shown_number(37.5, "fr") == "37,5"
    assert shown_number(1234, "en") == "1,234"
    assert shown_number("Meta", "fr") == "Meta"
    assert shown_number(True, "fr") is True
