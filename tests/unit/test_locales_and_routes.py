"""Every translation key used exists in every locale; every page file is registered in the router."""

from __future__ import annotations

import re

import yaml

from dashboard import paths
from dashboard.i18n import catalog, languages, t
from dashboard.routes import ROUTES

SOURCES = [paths.ENTRY, *paths.PAGES_DIR.glob("*.py"), *(paths.ROOT / "dashboard").rglob("*.py")]
KEY_CALL = re.compile(r"""\bt\(\s*["']([a-z0-9_.]+)["']""")


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
    from dashboard.schema import SECTORS

    keys = [f"sector.{s}" for s in SECTORS] + [f"nav.{r.key}" for r in ROUTES] + [f"month.{m}" for m in range(1, 13)]
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
    from dashboard.schema import SECTORS

    assert {f"summary.{s}" for s in SECTORS} <= stems
    counted = set()
    for path in SOURCES:
        counted |= set(re.findall(r"""\btn\(\s*["']([a-z0-9_.]+)["']""", path.read_text(encoding="utf-8")))
    assert counted and counted <= stems, counted - stems
