"""Every translation key used exists in every locale; every page file is registered in the router."""

from __future__ import annotations

import re

import yaml

from dashboard import paths
from dashboard.i18n import catalog, languages, t
from dashboard.routes import ROUTES

SOURCES = [paths.ENTRY, *paths.PAGES_DIR.glob("*.py"), *(paths.ROOT / "dashboard").rglob("*.py")]
KEY_CALL = re.compile(r"""\bt\(\s*["']([a-z0-9_.]+)["']""")
COUNTED_CALL = re.compile(r"""\btn\(\s*["']([a-z0-9_.]+)["']""")
# Keys built at run time: t(f"sector.{slug}") -> sector.<anything>; a pattern must start with a literal part.
DYNAMIC_CALL = re.compile(r"""\bt[n]?\(\s*f["']([a-z0-9_.]+\{[^"']*)["']""")


def used_keys() -> set[str]:
    found: set[str] = set()
    for path in SOURCES:
        found |= set(KEY_CALL.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_literal_key_exists_in_english() -> None:
    missing = sorted(k for k in used_keys() if k not in catalog("en"))
    assert not missing, missing


def test_every_locale_has_the_same_keys_as_english() -> None:
    english = set(catalog("en"))
    for lang in languages():
        assert set(catalog(lang)) == english, lang


def test_dynamic_keys_exist_for_every_value() -> None:
    from dashboard.members.schema import SECTORS

    keys = [f"sector.{s}" for s in SECTORS] + [f"nav.{r.key}" for r in ROUTES]
    assert all(k in catalog("en") for k in keys)


def test_locale_files_are_flat_string_mappings() -> None:
    for path in paths.LOCALES_DIR.glob("*.yaml"):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert all(isinstance(v, str) for v in raw.values()), path


def test_missing_key_falls_back_to_the_key_itself() -> None:
    assert t("no.such.key") == "no.such.key"
    assert t("filters.sector", "xx") == t("filters.sector")


def test_every_page_file_is_registered_in_the_router() -> None:
    files = {f"pages/{p.name}" for p in paths.PAGES_DIR.glob("*.py")}
    registered = {r.script for r in ROUTES if r.script.startswith("pages/")}
    assert files == registered
    assert ROUTES[0].script == "streamlit_app.py"


def test_url_paths_follow_the_file_names() -> None:
    for r in ROUTES[1:]:
        assert re.sub(r"^\d+_", "", r.script.removeprefix("pages/").removesuffix(".py")) == r.url_path


def test_every_page_starts_with_the_shared_setup() -> None:
    for r in ROUTES:
        text = (paths.ROOT / r.script).read_text(encoding="utf-8")
        assert f'ui.setup("{r.key}")' in text, r.script


def test_counted_phrases_have_both_forms_for_every_use() -> None:
    english = catalog("en")
    stems = {k.rsplit(".", 1)[0] for k in english if k.endswith((".one", ".other"))}
    assert all(f"{s}.one" in english and f"{s}.other" in english for s in stems)
    from dashboard.members.schema import SECTORS

    assert {f"summary.{s}" for s in SECTORS} <= stems
    counted = set()
    for path in SOURCES:
        counted |= set(re.findall(r"""\btn\(\s*["']([a-z0-9_.]+)["']""", path.read_text(encoding="utf-8")))
    assert counted and counted <= stems, counted - stems


def _dynamic_key_patterns() -> list[re.Pattern[str]]:
    found = set()
    for path in SOURCES:
        found |= set(DYNAMIC_CALL.findall(path.read_text(encoding="utf-8")))
    return [re.compile(re.sub(r"\\\{[^}]*\\\}", r"[a-z0-9_]+", re.escape(f)) + r"(\.(one|other))?$") for f in found]


def _route_keys() -> set[str]:
    """The labels of each page's own URL keys and values (``world_map.view.points``), used via the router."""
    keys = set()
    for r in ROUTES:
        for key, values in {**r.params, **r.multi}.items():
            keys |= {f"{r.key}.{key}.label"} | {f"{r.key}.{key}.{v}" for v in values}
    return keys


QUOTED_KEY = re.compile(
    r"""["']([a-z0-9_]+(?:\.[a-z0-9_]+)+)["']"""
)  # a key handed to a helper: title_or_stop(page, "x.title")


def test_no_locale_key_is_unused() -> None:
    literal, counted = used_keys(), set()
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        counted |= set(COUNTED_CALL.findall(text))
        quoted = set(QUOTED_KEY.findall(text))
        literal |= quoted & set(catalog("en"))
        counted |= {q for q in quoted if f"{q}.one" in catalog("en")}  # a counted phrase's stem handed to a helper
    counted_keys = {f"{stem}.{form}" for stem in counted for form in ("one", "other")}
    patterns = _dynamic_key_patterns()
    used = literal | counted_keys | _route_keys()
    unused = sorted(k for k in catalog("en") if k not in used and not any(p.match(k) for p in patterns))
    assert not unused, unused


def test_route_keys_exist_in_every_locale() -> None:
    for lang in languages():
        assert _route_keys() <= set(catalog(lang)), lang


def test_data_files_carry_every_language_of_the_app() -> None:
    from dashboard.records import LANGUAGES, LocalText

    assert set(LocalText.model_fields) == set(LANGUAGES) == set(languages())


# French typography: a no-break space before : and %, a narrow one before ; ! ?, no-break spaces inside « ».
BAD_FRENCH_SPACING = re.compile(r"(?: [:;!?%»])|(?:« )|(?:\w[;!?](?:\s|$))|(?:[a-zé]:\s)")


def test_french_follows_french_typography() -> None:
    bad = {k: v for k, v in catalog("fr").items() if BAD_FRENCH_SPACING.search(v.replace("\n- ", "\n"))}
    assert not bad, bad
    assert "«\u00a0" in catalog("fr")["overview.lead"] and "\u00a0»" in catalog("fr")["overview.lead"]


# French texts that are rightly the same as the English: names, words French shares, format strings, file names.
SAME_IN_FRENCH = {
    "app.title", "chart.alt", "members.col.sources", "members.field.sources", "about.sources.title",
    "world_map.preset.europe", "nav.initiatives", "initiatives.source", "initiatives.col.licence",
    "initiatives.col.documentation", "open_vs_closed.dim.license", "open_vs_closed.dim.architecture",
    "open_vs_closed.dim.api", "open_vs_closed.col.organisation", "open_vs_closed.fmti.mean_value",
    "file.fmti", "csv.col.region", "csv.col.sources", "count.organisation.one", "nav.coalitions",
    "count.organisation.other", "filters.asof_option", "overview.events.source",
}  # fmt: skip


def test_every_french_text_is_translated_or_listed_as_the_same_in_french() -> None:
    english, french = catalog("en"), catalog("fr")
    same = {k for k in english if french.get(k) == english[k]}
    assert same == SAME_IN_FRENCH, (same - SAME_IN_FRENCH, SAME_IN_FRENCH - same)
