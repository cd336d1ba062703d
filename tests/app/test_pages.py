"""Every page runs without an exception."""

from streamlit.testing.v1 import AppTest

from dashboard import paths


def test_overview_runs_and_shows_the_member_count() -> None:
    at = AppTest.from_file(str(paths.ENTRY), default_timeout=30).run()
    assert not at.exception
    assert at.metric[0].value == "57"
