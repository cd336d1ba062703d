"""Every path the project uses, in one place; imports nothing from dashboard."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Tests and load runs point a server at a copy of the data (hostile or broken files) without touching data/.
DATA_DIR = Path(os.environ.get("EXPLORER_DATA_DIR") or ROOT / "data").resolve()
MEMBERS = DATA_DIR / "members.yaml"
ALLIANCE = DATA_DIR / "alliance.yaml"
REGIONS = DATA_DIR / "regions.yaml"
CATEGORIES = DATA_DIR / "categories.yaml"
INITIATIVES = DATA_DIR / "initiatives.yaml"
MODELS = DATA_DIR / "models.yaml"
SOURCES = DATA_DIR / "sources.yaml"
# Imported by scripts/import_fmti.py and scripts/import_openness_index.py; the mapping is kept by hand.
FMTI_SCORES = DATA_DIR / "fmti_scores.csv"
FMTI_META = DATA_DIR / "fmti.yaml"
FMTI_TERMS = DATA_DIR / "fmti_terms.yaml"
OPENNESS_GRADES = DATA_DIR / "openness_index.csv"
OPENNESS_META = DATA_DIR / "openness_index.yaml"
INDEX_DEVELOPERS = DATA_DIR / "index_developers.yaml"
EVENTS = DATA_DIR / "events.yaml"
# The Alliance's own record, imported by scripts/import_alliance_site.py, and how it names our members (by hand).
ALLIANCE_SITE = DATA_DIR / "alliance_site.yaml"
ALLIANCE_NAMES = DATA_DIR / "alliance_names.yaml"
COALITIONS = DATA_DIR / "coalitions.yaml"  # the AI Alliance beside the Frontier Model Forum
LOCALES_DIR = Path(__file__).resolve().parent / "locales"
STATIC_DIR = ROOT / "static"
TOPOJSON_DIR = STATIC_DIR / "topojson"
WORLD_TOPOLOGY = TOPOJSON_DIR / "world_110m.json"
USA_TOPOLOGY = TOPOJSON_DIR / "usa_110m.json"  # only its states' representative points are read
PAGES_DIR = ROOT / "pages"
ENTRY = ROOT / "streamlit_app.py"


def display(path: Path) -> str:
    """A path as shown in messages: relative to the project when inside it."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)
