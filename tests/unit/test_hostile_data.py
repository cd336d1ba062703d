"""The hostile corpus: links that are not http(s) are rejected by the schema and never drawn as links."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.members.load import load_members
from dashboard.ui.text import href, link, md
from dashboard.validation import DataError, is_http_url
from tests.factories import member, write_yaml
from tests.hostile import HOSTILE_URLS, NOT_HTTP_URLS, write_hostile_data


@pytest.mark.parametrize("url", NOT_HTTP_URLS)
@pytest.mark.parametrize("field", ["website", "sources"])
def test_a_link_that_is_not_http_is_rejected_naming_the_field(tmp_path: Path, url: str, field: str) -> None:
    record = member(**{field: [url] if field == "sources" else url})
    with pytest.raises(DataError) as caught:
        load_members(write_yaml(tmp_path / "m.yaml", [record]))
    lines = [str(p) for p in caught.value.problems]
    expected = "field 'sources.0'" if field == "sources" else f"field '{field}'"
    assert any(expected in line and "http(s) URL" in line for line in lines), lines


@pytest.mark.parametrize("url", NOT_HTTP_URLS)
def test_a_link_that_is_not_http_is_drawn_as_text(url: str) -> None:
    assert not is_http_url(url)
    assert href(url) == "#"
    assert link(url, "the source") == md("the source")
    assert "](" not in link(url)


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_a_valid_url_with_markup_cannot_end_its_link_early(url: str) -> None:
    target = href(url)
    assert not set(target) & set(" ()<>[]\"'`\\")
    rendered = link(url)
    assert rendered.endswith(f"]({target})") and rendered.count("](") == 1


def test_the_hostile_corpus_loads(tmp_path: Path) -> None:
    folder = write_hostile_data(tmp_path / "data")
    members = load_members(folder / "members.yaml", categories_path=folder / "categories.yaml",
                           regions_path=folder / "regions.yaml")  # fmt: skip
    assert {"hostile-html", "hostile-markdown", "hostile-unicode"} <= set(members["id"])
