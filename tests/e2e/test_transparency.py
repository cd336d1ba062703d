"""Transparency in a real browser: the evidence of two developers side by side, at desktop and phone width;
an old Open vs closed link; choosing a developer writes the URL; French."""

from __future__ import annotations

from urllib.parse import urlsplit

from tests.e2e.conftest import PHONE, Server, Watch, assert_clean, open_page, query, screenshot, settle

DONE = "Transparency?developer=meta&developer=ibm&indicator=external-data-access&edition=2025-12"
# Anything wider than the screen: the document itself, or a block of text (tables may scroll inside themselves).
OVERFLOW = """() => [...document.querySelectorAll('[data-testid="stMarkdownContainer"]')]
  .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1).length
  + (document.documentElement.scrollWidth > window.innerWidth + 1 ? 1 : 0)"""


def test_meta_and_ibm_evidence_reads_at_desktop_and_phone_width(server: Server, watched: tuple[object, Watch]) -> None:
    page, watch = watched
    open_page(page, f"{server.url}/{DONE}")
    main = page.locator('[data-testid="stMain"]')  # type: ignore[attr-defined]
    for words in ("31 of 100 indicators met", "95 of 100 indicators met", "No information provided.",
                  "A third party (Schellman LLC) and a subsidiary (Red Hat) are provided access."):  # fmt: skip
        assert main.get_by_text(words, exact=False).count() >= 1, words
    screenshot(page, "transparency")
    page.set_viewport_size(PHONE)  # type: ignore[attr-defined]
    settle(page)
    assert page.evaluate(OVERFLOW) == 0  # type: ignore[attr-defined]
    assert_clean(page, watch)


def test_an_old_open_vs_closed_link_opens_transparency(server: Server, watched: tuple[object, Watch]) -> None:
    page, watch = watched
    open_page(page, f"{server.url}/Open_vs_closed?edition=2024-05")
    page.wait_for_url("**/Transparency?*")  # type: ignore[attr-defined]
    settle(page)
    assert urlsplit(page.url).path.endswith("/Transparency") and query(page)["edition"] == ["2024-05"]  # type: ignore[attr-defined]
    assert_clean(page, watch)


def test_choosing_a_developer_writes_the_url(server: Server, watched: tuple[object, Watch]) -> None:
    page, watch = watched
    open_page(page, f"{server.url}/Transparency")
    box = page.locator('[data-testid="stMultiSelect"]', has_text="Developers (up to four)")  # type: ignore[attr-defined]
    box.locator("input").click()
    box.locator("input").fill("Hugging Face")
    page.locator('[role="option"]', has_text="Hugging Face").first.click()  # type: ignore[attr-defined]
    page.keyboard.press("Escape")  # type: ignore[attr-defined]
    page.wait_for_function("() => location.search.includes('developer=hugging-face')")  # type: ignore[attr-defined]
    settle(page)
    assert query(page)["developer"] == ["hugging-face"]
    assert_clean(page, watch)


def test_the_page_in_french_on_a_phone(server: Server, watched: tuple[object, Watch]) -> None:
    page, watch = watched
    open_page(page, f"{server.url}/{DONE}&developer=xai&lang=fr")
    main = page.locator('[data-testid="stMain"]')  # type: ignore[attr-defined]
    assert main.get_by_text("Absent de notre liste de membres", exact=False).count() >= 1
    screenshot(page, "transparency-fr")
    assert_clean(page, watch)
