"""A server started on the hostile corpus: every page shows the text as written, nothing injected runs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.e2e.conftest import (
    Server,
    Watch,
    assert_clean,
    open_expanders,
    open_page,
    screenshot,
    start_server,
    stop_server,
)
from tests.hostile import IMG, write_hostile_data

# Anything the hostile text could have injected: event-handler attributes, script/data links, elements.
INJECTED = """() => {
  const found = [];
  const root = document.querySelector('[data-testid="stApp"]');
  for (const el of root.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(`${el.tagName} ${attr.name}`);
      if (/^(href|src|xlink:href|action|formaction)$/i.test(attr.name)
          && /^[\\s\\u0000-\\u001f]*(javascript|vbscript|data):/i.test(attr.value)
          // Plotly draws a heatmap as a PNG image: the one kind of data: URL that may be there.
          && !/^data:image\\/(png|jpeg);base64,/i.test(attr.value)) found.push(`${el.tagName} ${attr.value}`);
    }
  }
  for (const el of root.querySelectorAll('script, iframe, object, embed, img[src="x"]')) found.push(el.outerHTML);
  for (const el of document.querySelectorAll('script')) {
    if (/alert\\(/.test(el.textContent)) found.push('inline script');
  }
  return found;
}"""
PAGES = ("", "Members?member=hostile-html", "Members?member=hostile-unicode", "World_map", "World_map?view=countries",
         "Sectors", "Initiatives", "Open_vs_closed",
         "Transparency?developer=meta&developer=ibm&indicator=external-data-access",
         "Transparency?developer=meta&edition=2024-05", "About")  # fmt: skip


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = write_hostile_data(tmp_path_factory.mktemp("hostile") / "data")
    running = start_server(tmp_path_factory.mktemp("server"), data_dir=folder)
    yield running
    stop_server(running)


def test_hostile_data_is_shown_as_text_on_every_page(hostile_server: Server, watched: tuple[object, Watch]) -> None:
    page, watch = watched
    for path in PAGES:
        open_page(page, f"{hostile_server.url}/{path}")
        open_expanders(page)  # the share box, data tables and model details are drawn when opened
        assert page.evaluate(INJECTED) == [], path  # type: ignore[attr-defined]
        assert_clean(page, watch)
    open_page(page, f"{hostile_server.url}/Members?member=hostile-html")
    record = page.locator('[data-testid="stMarkdownContainer"] li', has_text=f"{IMG} Labs")  # type: ignore[attr-defined]
    assert record.count() == 1, "the name is on the page as the characters it was written with"
    screenshot(page, "hostile-members")
    assert watch.dialogs == []
