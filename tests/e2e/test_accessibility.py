"""An automated accessibility audit (axe-core) of every page, in each theme and language, with filters set.

axe-core is vendored in tests/e2e/vendor (version in AXE_VERSION; `bash scripts/vendor_axe.sh` renews it)
and injected into the page, so the audit runs offline like every browser test. A violation of impact
"serious" or "critical" fails the test, unless Streamlit itself causes it: those are listed in KNOWN,
each with its upstream issue, and excused only for the rule, the elements and the theme named there.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from dashboard import paths
from dashboard.i18n import t
from dashboard.routes import ROUTES
from tests.e2e.conftest import Server, Watch, assert_clean, open_page, screenshot, settle

VENDOR = paths.ROOT / "tests" / "e2e" / "vendor"
AXE = (VENDOR / "axe.min.js").read_text(encoding="utf-8")
REPORTS = paths.ROOT / "artifacts" / "axe"
FAILING = ("serious", "critical")
THEMES = ("light", "dark")
LANGS = tuple(code for code in ("en", "fr") if (paths.LOCALES_DIR / f"{code}.yaml").exists())
TYPICAL = "sector=academia&sector=company&region=europe"  # filters a reader typically has on


@dataclass(frozen=True)
class Known:
    """A violation Streamlit causes, excused for one rule on the elements matching one selector."""

    rule: str
    selector: str
    themes: tuple[str, ...]
    upstream: str


KNOWN = (
    # The text of a selected pill is the primary colour on a faint tint of it, while multiselect tags put
    # white text on the primary colour: on a dark background no primary colour passes both (white text
    # needs a luminance <= 0.18, the pill text >= 0.22). We keep the tags readable.
    Known(
        "color-contrast",
        'button[data-variant="pills"][data-selected="true"]',
        ("dark",),
        "https://github.com/streamlit/streamlit/issues/12801",
    ),
)

AUDIT = """async (known) => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => {
      const el = n.target.length === 1 ? document.querySelector(n.target[0]) : null;
      const excused = known.some(k => k.rule === v.id && el && el.closest(k.selector));
      return {target: n.target.join(' '), html: n.html.slice(0, 200), summary: n.failureSummary, excused};
    }),
  }));
}"""
OPEN_DATA_TABLES = """(label) => {
  for (const summary of document.querySelectorAll('[data-testid="stExpander"] summary')) {
    if (summary.innerText.trim() === label) summary.click();
  }
}"""
THEME_BACKGROUND = "() => getComputedStyle(document.querySelector('[data-testid=\"stApp\"]')).backgroundColor"


def _hex_to_rgb(value: str) -> str:
    r, g, b = (int(value[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("route", ROUTES, ids=[r.key for r in ROUTES])
def test_no_serious_or_critical_violation(
    server: Server, watched: tuple[object, Watch], route: object, theme: str, lang: str
) -> None:
    from dashboard.charts.theme import THEMES as DEFINED

    page, watch = watched
    page.emulate_media(color_scheme=theme)  # type: ignore[attr-defined]
    query = TYPICAL + ("" if lang == "en" else f"&lang={lang}")
    open_page(page, f"{server.url}/{route.url_path}?{query}")  # type: ignore[attr-defined]
    assert page.evaluate(THEME_BACKGROUND) == _hex_to_rgb(DEFINED[theme].background)  # type: ignore[attr-defined]
    page.evaluate(OPEN_DATA_TABLES, t("chart.data.show", lang))  # type: ignore[attr-defined]
    settle(page)
    page.add_script_tag(content=AXE)  # type: ignore[attr-defined]
    known = [{"rule": k.rule, "selector": k.selector} for k in KNOWN if theme in k.themes]
    violations = page.evaluate(AUDIT, known)  # type: ignore[attr-defined]

    name = f"{route.key}-{theme}-{lang}"  # type: ignore[attr-defined]
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / f"{name}.json").write_text(json.dumps(violations, indent=1), encoding="utf-8")
    failing = [
        f"{v['impact']} {v['id']} ({v['help']}): {n['target']} {n['summary']}"
        for v in violations
        if v["impact"] in FAILING
        for n in v["nodes"]
        if not n["excused"]
    ]
    assert failing == [], "\n".join(failing)
    if theme == "dark":
        screenshot(page, f"{route.key}-dark" if lang == "en" else f"{lang}-{route.key}-dark")  # type: ignore[attr-defined]
    assert_clean(page, watch)


def test_the_audit_finds_a_planted_violation(server: Server, watched: tuple[object, Watch]) -> None:
    """The audit can fail: grey-on-white text and an image without a text alternative are caught."""
    page, _ = watched
    open_page(page, f"{server.url}/About")
    page.evaluate(  # type: ignore[attr-defined]
        """() => { const p = document.createElement('p'); p.id = 'planted'; p.textContent = 'faint';
        p.style.color = '#dddddd'; p.style.background = '#ffffff';
        document.querySelector('[data-testid="stMain"]').prepend(p); }"""
    )
    page.add_script_tag(content=AXE)  # type: ignore[attr-defined]
    violations = page.evaluate(AUDIT, [])  # type: ignore[attr-defined]
    assert any(v["id"] == "color-contrast" and any("planted" in n["target"] for n in v["nodes"]) for v in violations)


def test_axe_core_is_the_pinned_version() -> None:
    version = (VENDOR / "AXE_VERSION").read_text().strip()
    assert AXE.startswith(f"/*! axe v{version}")
    assert f'VERSION="${{1:-{version}}}"' in (paths.ROOT / "scripts" / "vendor_axe.sh").read_text()


CHART_TITLE_COLOUR = "() => getComputedStyle(document.querySelector('.js-plotly-plot .gtitle')).fill"


def test_the_reader_switches_to_dark_in_the_app_menu_and_the_charts_follow(
    server: Server, watched: tuple[object, Watch]
) -> None:
    from dashboard.charts.theme import DARK, LIGHT

    page, watch = watched
    page.emulate_media(color_scheme="light")  # type: ignore[attr-defined]
    open_page(page, f"{server.url}/Sectors")
    assert page.evaluate(THEME_BACKGROUND) == _hex_to_rgb(LIGHT.background)  # type: ignore[attr-defined]
    light_title = page.evaluate(CHART_TITLE_COLOUR)  # type: ignore[attr-defined]
    page.locator('[data-testid="stMainMenu"]').click()  # type: ignore[attr-defined]
    page.locator('[data-testid="stMainMenuItem-theme-Dark"]').click()  # type: ignore[attr-defined]
    page.keyboard.press("Escape")  # type: ignore[attr-defined]
    page.wait_for_function(f"() => ({THEME_BACKGROUND})() === '{_hex_to_rgb(DARK.background)}'")  # type: ignore[attr-defined]
    settle(page)
    assert page.evaluate(CHART_TITLE_COLOUR) != light_title  # type: ignore[attr-defined]
    assert page.evaluate(CHART_TITLE_COLOUR) == _hex_to_rgb(DARK.text)  # type: ignore[attr-defined]
    assert_clean(page, watch)
