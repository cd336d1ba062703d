"""What the code must never do on a hosted copy (tests/unit/test_hosting_config.py holds config.toml's lines):
accept uploads, or hand raw HTML from data or the URL to the browser."""

from __future__ import annotations

import re

from dashboard import paths
from tests.unit.test_hosting_config import config

CODE = [paths.ENTRY, *paths.PAGES_DIR.glob("*.py"), *(paths.ROOT / "dashboard").rglob("*.py")]


def offenders(pattern: str) -> list[str]:
    return [p.name for p in CODE if re.search(pattern, p.read_text(encoding="utf-8"))]


def test_no_uploads_are_accepted() -> None:
    assert config()["server"]["maxUploadSize"] <= 1
    assert not offenders(r"\bfile_uploader\b|\bchat_input\b|accept_file")


def test_nothing_in_the_app_opts_into_raw_html() -> None:
    # The one exception is a fixed style sheet (focus outlines), checked below to hold nothing but CSS.
    assert not offenders(r"unsafe_allow_html\s*=\s*True|\bst\.html\((?!FOCUS_CSS\))|components\.v1|\.iframe\(")


def test_the_only_raw_html_is_a_fixed_style_sheet() -> None:
    from dashboard.ui.setup import FOCUS_CSS

    assert re.fullmatch(r"<style>[^<>{}]*(\{[^<>{}]*\}[^<>{}]*)*</style>", FOCUS_CSS)
    assert [p.name for p in CODE if "st.html(" in p.read_text(encoding="utf-8")] == ["setup.py"]
