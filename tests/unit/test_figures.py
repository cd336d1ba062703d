"""Figure builders, asserted as objects: trace types, counts, colours by sector, titles."""

from __future__ import annotations

import pandas as pd

from dashboard.charts.theme import SECTOR_COLORS
from dashboard.members.figures import category_bar, country_bar, sector_bar
from dashboard.members.transform import OTHER

LABELS = {"company": "Company", "academia": "Academia"}


def test_sector_bar_has_one_bar_per_sector_in_its_colour() -> None:
    counts = pd.DataFrame({"sector": ["company", "academia"], "count": [25, 18]})
    fig = sector_bar(counts, labels=LABELS, title="Members by sector", source="Source: x", axis="Members")
    (bar,) = fig.data
    assert bar.type == "bar" and bar.orientation == "h"
    assert list(bar.x) == [25, 18] and list(bar.y) == ["Company", "Academia"]
    assert list(bar.marker.color) == [SECTOR_COLORS["company"], SECTOR_COLORS["academia"]]
    assert fig.layout.title.text == "Members by sector"
    assert fig.layout.title.subtitle.text == "Source: x"


def test_country_bar_greys_the_grouped_rest() -> None:
    counts = pd.DataFrame({"country": ["USA", OTHER], "count": [36, 6]})
    fig = country_bar(counts, labels={"USA": "United States", OTHER: "Other"}, title="t", source="s", axis="a")
    assert list(fig.data[0].y) == ["United States", "Other"]
    assert fig.data[0].marker.color[1] != fig.data[0].marker.color[0]


def test_category_bar_has_one_trace_per_sector_with_the_sector_colour() -> None:
    counts = pd.DataFrame(
        {
            "sector": ["company", "company", "academia"],
            "category": ["hw", "sw", "university"],
            "category_label": ["Hardware", "Software", "University"],
            "count": [4, 2, 18],
        }
    )
    fig = category_bar(counts, sector_labels=LABELS, title="By category", source="s", axis="Members")
    assert [t.name for t in fig.data] == ["Company", "Academia"]
    assert [list(t.x) for t in fig.data] == [[4, 2], [18]]
    assert set(fig.data[0].marker.color) == {SECTOR_COLORS["company"]}
    assert fig.layout.showlegend is True


def test_height_grows_with_the_number_of_bars() -> None:
    few = pd.DataFrame({"sector": ["company"], "count": [1]})
    many = pd.DataFrame({"sector": list(SECTOR_COLORS), "count": [1] * 5})
    kwargs = dict(labels={}, title="t", source="s", axis="a")
    assert sector_bar(many, **kwargs).layout.height > sector_bar(few, **kwargs).layout.height  # type: ignore[arg-type]


def test_palette_has_a_distinct_colour_for_every_sector() -> None:
    from dashboard.members.schema import SECTORS

    assert set(SECTOR_COLORS) == set(SECTORS)
    assert len(set(SECTOR_COLORS.values())) == len(SECTORS)


def test_french_charts_use_french_separators_percentages_and_punctuation() -> None:
    import pandas as pd

    from dashboard.members.figures import sector_bar, sector_mix_bar

    counts = pd.DataFrame({"sector": ["company"], "count": [1234]})
    fig = sector_bar(counts, labels={"company": "Entreprise"}, title="t", source="s", axis="Membres", lang="fr")
    assert fig.layout.separators == ",\u202f"
    assert list(fig.data[0].text) == ["1\u202f234"]
    assert fig.data[0].hovertemplate.startswith("%{y}\u00a0: %{x}")
    shares = pd.DataFrame({"region": ["europe", "europe"], "sector": ["company", "academia"], "count": [1, 3],
                           "share": [0.25, 0.75]})  # fmt: skip
    fig = sector_mix_bar(shares, sector_labels={}, region_labels={}, title="t", source="s", axis="a", lang="fr")
    assert list(fig.layout.xaxis.ticktext) == ["0\u00a0%", "25\u00a0%", "50\u00a0%", "75\u00a0%", "100\u00a0%"]
    assert [list(trace.text) for trace in fig.data] == [["25\u00a0%"], ["75\u00a0%"]]
