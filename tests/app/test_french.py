"""The dashboard in French: every page from a ?lang=fr link, the language switch, the French download."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from dashboard.i18n import catalog
from dashboard.indexes.load import load_indexes
from dashboard.members.filters import FilterState, apply
from dashboard.members.load import load_categories, load_members, load_regions
from dashboard.models.load import load_initiatives
from dashboard.records import local_texts
from dashboard.routes import ROUTES
from tests.app.conftest import metric, run_page, url_values

PARAMS: dict[str, dict[str, Any]] = {
    "none": {},
    "valid": {
        "sector": ["academia", "nonprofit"],
        "region": "north_america",
        "q": "university",
        "edition": "2023-10",
        "require": ["weights"],
    },
    "invalid": {
        "sector": ["bogus"],
        "country": ["XXX", "che"],
        "q": "x" * 10_000,
        "member": "<b>",
        "view": "3d",
        "edition": "1999",
        "require": ["everything"],
    },
}


def english_only() -> set[str]:
    """Whole English texts (no placeholder) whose French differs: none may be shown on a French page."""
    en, fr = catalog("en"), catalog("fr")
    texts = {v for k, v in en.items() if "{" not in v and fr[k] != v}
    for labels in (load_categories().labels, load_regions().labels):
        texts |= {text for slug, text in labels["en"].items() if labels["fr"][slug] != text}
    initiatives, models = load_initiatives()
    terms = list(load_indexes().terms.values())
    texts |= {local.en for local in local_texts([initiatives, *models, *terms]) if local.en != local.fr}
    return texts


def shown_texts(at: AppTest) -> list[str]:
    """Titles, headings, captions, notices and widget labels of a run."""
    texts = [e.value for kind in ("title", "header", "subheader", "caption", "info", "warning", "success")
             for e in getattr(at, kind)]  # fmt: skip
    widgets = ("button", "multiselect", "selectbox", "text_input", "metric")
    texts += [str(w.label) for kind in widgets for w in getattr(at, kind)]
    return texts


@pytest.mark.parametrize("case", list(PARAMS))
@pytest.mark.parametrize("script", [r.script for r in ROUTES])
def test_every_page_reads_in_french(script: str, case: str) -> None:
    at = run_page(script, lang="fr", **PARAMS[case])
    assert not at.exception, at.exception
    assert url_values(at, "lang") == ["fr"]
    english = english_only()
    leaks = [text for text in shown_texts(at) if text in english]
    assert not leaks, leaks
    route = next(r for r in ROUTES if r.script == script)
    assert at.sidebar.selectbox(key="w_lang").value == "fr"
    assert any(link.proto.label == catalog("fr")[f"nav.{route.key}"] for link in at.get("page_link"))


def test_headline_figures_and_counted_phrases_follow_french_rules() -> None:
    members = load_members()
    at = run_page("streamlit_app.py", lang="fr", sector="academia")
    academia = apply(members, FilterState(sector=("academia",)))
    assert metric(at, "Membres") == str(len(academia))
    share = f"{round(100 * len(academia) / len(academia))}\u00a0% des membres"
    assert any(m.proto.delta == share for m in at.metric)
    assert "5 décembre 2023" in at.markdown[0].value


def test_switching_the_language_keeps_the_filters() -> None:
    at = run_page("pages/1_Members.py", sector="academia", country="CHE")
    shown = len(at.dataframe[0].value)
    at.sidebar.selectbox(key="w_lang").select("fr").run()
    assert not at.exception
    assert url_values(at, "lang") == ["fr"]
    assert url_values(at, "sector") == ["academia"] and url_values(at, "country") == ["CHE"]
    assert len(at.dataframe[0].value) == shown
    assert at.title[0].value == catalog("fr")["members.title"]
    at.sidebar.selectbox(key="w_lang").select("en").run()
    assert "lang" not in at.query_params and url_values(at, "country") == ["CHE"]
    assert at.title[0].value == "Members"


def test_an_unknown_language_falls_back_to_english_with_a_notice() -> None:
    at = run_page("streamlit_app.py", lang="xx")
    assert at.title[0].value == catalog("en")["overview.title"]
    assert "lang" not in at.query_params
    assert any("lang" in c.value for c in at.caption)


def test_french_csv_download_has_french_headers_and_the_right_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    saved: dict[str, bytes] = {}
    original = MediaFileManager.add_deferred

    def keep(
        self: MediaFileManager, data: Callable[[], Any], *args: Any, file_name: str | None = None, **kw: Any
    ) -> str:
        if file_name:  # the file is built when the button is pressed: build it here as the press would
            saved[file_name] = data()
        return original(self, data, *args, file_name=file_name, **kw)

    monkeypatch.setattr(MediaFileManager, "add_deferred", keep)
    at = run_page("pages/1_Members.py", lang="fr", sector="academia", country="CHE")
    assert not at.exception
    members = apply(load_members(), FilterState(sector=("academia",), country=("CHE",)))
    rows = list(csv.DictReader(io.StringIO(saved["ai-alliance-membres-filtres.csv"].decode("utf-8-sig"))))
    assert list(rows[0])[:4] == ["identifiant", "nom", "nom_usuel", "secteur"]
    assert len(rows) == len(members)
    by_id = members.set_index("id")
    for row in rows:
        expected = by_id.loc[row["identifiant"]]
        assert row["pays"] == "Suisse" and row["code_pays"] == "CHE"
        assert row["libelle_categorie"] == "Université"
        assert float(row["latitude"]) == pytest.approx(expected["lat"])
        assert int(row["annee_fondation"]) == expected["founded"]
    assert "ai-alliance-membres-tous.csv" in saved and "ai-alliance-membres-tous.json" in saved


def test_country_and_category_options_are_french_names_in_french_order() -> None:
    from dashboard.members.filters import fold

    at = run_page("pages/1_Members.py", lang="fr")
    for key in ("country", "category"):
        names = [str(o).rsplit(" (", 1)[0] for o in at.sidebar.multiselect(key=f"w_{key}").options]
        assert names == sorted(names, key=fold), key
    countries = [str(o) for o in at.sidebar.multiselect(key="w_country").options]
    assert any(o.startswith("États-Unis (") for o in countries) and any(o.startswith("Suisse (") for o in countries)
