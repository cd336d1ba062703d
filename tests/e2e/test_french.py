"""Every page from a shared ?lang=fr link in a real browser: no English text left anywhere a reader looks."""

from __future__ import annotations

import re

import pytest

from dashboard.i18n import catalog
from dashboard.indexes.load import load_indexes
from dashboard.members.load import load_categories, load_regions
from dashboard.models.load import load_initiatives
from dashboard.records import local_texts
from dashboard.routes import ROUTES
from tests.e2e.conftest import Server, Watch, assert_clean, open_page, query, screenshot, settle

# Each page with its filters and its own keys set, as a shared link would carry them.
LINKS: dict[str, str] = {
    "overview": "?lang=fr&sector=academia&sector=company&asof=2024-02-08",
    "members": "Members?lang=fr&region=europe&member=eth-zurich",
    "world_map": "World_map?lang=fr&sector=academia&view=countries&preset=europe",
    "sectors": "Sectors?lang=fr&region=europe&region=north_america&asof=2024-02-08",
    "initiatives": "Initiatives?lang=fr&region=europe",
    "open_vs_closed": "Open_vs_closed?lang=fr&sector=company&require=weights&require=licence",
    "transparency": "Transparency?lang=fr&developer=meta&developer=ibm&indicator=external-data-access",
    "coalitions": "Coalitions?lang=fr&sector=company&asof=2024-02-08",
    "about": "About?lang=fr&country=JPN",
}
# English words that are also what a French reader sees (proper nouns, acronyms, file formats).
PROPER_NOUNS = {"AI Alliance Explorer", "AI Alliance", "API", "CSV", "JSON", "PNG"}

# Everything a reader can see: sidebar and page text, chart text drawn in SVG, table and grid headers,
# expander labels and the tab title.
VISIBLE_TEXT = """() => {
  const texts = [document.title];
  for (const sel of ['[data-testid="stSidebarContent"]', '[data-testid="stMain"]']) {
    const el = document.querySelector(sel);
    if (el) texts.push(...el.innerText.split('\\n'));
  }
  for (const el of document.querySelectorAll('.main-svg text, th, [role="columnheader"], summary')) {
    texts.push(el.textContent);
  }
  return texts.map(t => t.replace(/\\s+/g, ' ').trim()).filter(t => t.length > 0);
}"""


def _plain(text: str) -> str:
    """Markdown as a browser shows it: no emphasis markers, link text only, single spaces."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"\s+", " ", text.replace("**", "").replace("`", "")).strip()


def english_patterns() -> list[re.Pattern[str]]:
    """One pattern per English text whose French differs: locale strings (placeholders match anything)
    and the data files' English texts."""
    en, fr = catalog("en"), catalog("fr")
    texts = [_plain(v) for k, v in en.items() if fr[k] != v]
    for labels in (load_categories().labels, load_regions().labels):
        texts += [text for slug, text in labels["en"].items() if labels["fr"][slug] != text]
    initiatives, models = load_initiatives()
    texts += [local.en for local in local_texts([initiatives, *models, *load_indexes().terms.values()])
              if local.en != local.fr]  # fmt: skip
    patterns = []
    for text in set(texts) - PROPER_NOUNS:
        pieces = [re.escape(p) for p in re.split(r"\{[a-z_]+\}", text)]
        literal = "".join(re.split(r"\{[a-z_]+\}", text))
        if len(re.findall(r"[A-Za-z]{2,}", literal)) < (1 if "{" not in text else 2):
            continue  # a bare placeholder with punctuation says nothing about the language
        body = ".+?".join(pieces)
        # Long texts are found inside a line (a bullet with its source link); short ones must be the whole line.
        patterns.append(re.compile(body if len(literal) >= 40 else f"^{body}$"))
    return patterns


def test_the_english_patterns_catch_english(server: Server, watched: tuple[object, Watch]) -> None:
    """The check below can fail: on the English page it finds English."""
    page, _ = watched
    open_page(page, f"{server.url}/?sector=academia")
    shown = page.evaluate(VISIBLE_TEXT)  # type: ignore[attr-defined]
    assert len({t for t in shown for p in english_patterns() if p.search(t)}) >= 10


@pytest.mark.parametrize("route", ROUTES, ids=[r.key for r in ROUTES])
def test_every_page_reads_fully_in_french(server: Server, watched: tuple[object, Watch], route: object) -> None:
    page, watch = watched
    key = route.key  # type: ignore[attr-defined]
    open_page(page, f"{server.url}/{LINKS[key]}")
    assert query(page)["lang"] == ["fr"]
    if "asof=" in LINKS[key]:  # a membership date the data knows, so the link keeps it (not dropped quietly)
        assert query(page)["asof"] == ["2024-02-08"]
    assert page.title() == f"{catalog('fr')[f'nav.{key}']} · AI Alliance Explorer"  # type: ignore[attr-defined]
    for summary in page.locator('[data-testid="stExpander"] summary').all()[:3]:  # type: ignore[attr-defined]
        summary.click()
    settle(page)
    shown = page.evaluate(VISIBLE_TEXT)  # type: ignore[attr-defined]
    patterns = english_patterns()
    leaks = sorted({t for t in shown for p in patterns if p.search(t)})
    assert not leaks, leaks
    screenshot(page, f"fr-{key}")
    assert_clean(page, watch)


def test_french_follows_the_reader_from_page_to_page_and_into_the_share_box(
    server: Server, watched: tuple[object, Watch]
) -> None:
    page, watch = watched
    open_page(page, f"{server.url}/?lang=fr&sector=academia")
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name="Carte du monde").click()  # type: ignore[attr-defined]
    page.wait_for_url(re.compile(r"/World_map"))  # type: ignore[attr-defined]
    settle(page)
    assert query(page) == {"sector": ["academia"], "lang": ["fr"]}
    assert page.locator("h1").first.inner_text() == catalog("fr")["world_map.title"]  # type: ignore[attr-defined]
    page.get_by_text(catalog("fr")["share.title"]).click()  # type: ignore[attr-defined]
    code = page.locator('[data-testid="stSidebar"] [data-testid="stCode"]').first.inner_text()  # type: ignore[attr-defined]
    assert code.strip() == f"{server.url}/World_map?sector=academia&lang=fr"
    assert_clean(page, watch)
