"""The benchmark's floors must show what they claim, or every ratio to them means nothing."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from bench.sections import chrome_app
from dashboard.routes import ROUTES
from tests.app.conftest import TIMEOUT


def test_the_chrome_floor_draws_our_sidebar_and_one_chart_that_follows_the_filters(tmp_path: Path) -> None:
    with chrome_app(tmp_path) as root:
        at = AppTest.from_file(str(root / "streamlit_app.py"), default_timeout=TIMEOUT).run()
        assert not at.exception
        assert len(at.sidebar.get("page_link")) == len(ROUTES)
        assert [m.label for m in at.sidebar.multiselect] == ["Sector", "Region", "Country", "Category"]
        (chart,) = at.get("plotly_chart")
        everyone = chart.proto.spec
        at.sidebar.multiselect[0].set_value(["academia"]).run()
        (chart,) = at.get("plotly_chart")
        assert chart.proto.spec != everyone and '"academia"' in chart.proto.spec
