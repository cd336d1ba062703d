"""A fixed corpus of hostile data: valid records whose text is HTML, Markdown, script links and control
characters, and a copy of data/ that carries them. Every page must show this text as written."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path
from typing import Any

import yaml

from dashboard import paths
from tests.factories import member

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>alert(2)</script>"
JS_LINK = "[x](javascript:alert(1))"
BOLD = "**bold**"
RTL = "\u202eevil\u202c"  # right-to-left override ... pop directional formatting
ZERO_WIDTH = "zero\u200bwidth\u200d"
FORMULA = '=HYPERLINK("https://example.org";"x")'
HOSTILE_TEXTS = (IMG, SCRIPT, JS_LINK, BOLD, RTL, ZERO_WIDTH, FORMULA)

# Valid URLs (http(s), dotted host, no whitespace) that still carry markup or try to end a Markdown link.
HOSTILE_URLS = (
    "https://en.wikipedia.org/wiki/?q=<img/src=x/onerror=alert(3)>",
    'https://en.wikipedia.org/wiki/"><script>alert(4)</script>',
    "https://en.wikipedia.org/wiki/a)(javascript:alert(5))",
)
# Links that are not http(s): the validator must reject each one, naming the field.
NOT_HTTP_URLS = (
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//example.org/no-scheme",
    "https:example.org",
    "\u200bjavascript:alert(1)",
    "https://exa\u202emple.org",
)

HOSTILE_MEMBERS: tuple[dict[str, Any], ...] = (
    member(
        id="hostile-html",
        name=f"{IMG} Labs",
        short_name=SCRIPT,
        hq={"city": f"<b onmouseover=alert(6)>{RTL}</b>", "country": "FRA", "lat": 48.85, "lon": 2.35},
        website=HOSTILE_URLS[0],
        sources=list(HOSTILE_URLS),
        notes=f"{JS_LINK} {BOLD} <iframe src=javascript:alert(7)></iframe>",
    ),
    member(
        id="hostile-markdown",
        name=f"{BOLD} {JS_LINK} Institute",
        short_name=JS_LINK,
        sector="academia",
        category="university",
        hq={"city": "# Heading _under_ `code`", "country": "DEU", "lat": 52.52, "lon": 13.40},
        sources=["https://en.wikipedia.org/wiki/source"],
        notes="> quote\n\n| a | b |\n|---|---|\n| <svg onload=alert(8)> | x |",
    ),
    member(
        id="hostile-unicode",
        name=f"{RTL} {ZERO_WIDTH} Corp",
        short_name=FORMULA,
        hq={"city": None, "country": None, "lat": None, "lon": None},
        notes=f"@SUM(1+1) {IMG} %{{customdata[0]}} {{name}}",
    ),
)


def write_hostile_data(target: Path) -> Path:
    """A copy of data/ in ``target`` with the hostile members appended and hostile text in the launch facts,
    an event, a model and a Transparency Index report; every file still validates."""
    shutil.copytree(paths.DATA_DIR, target, dirs_exist_ok=True)
    members = yaml.safe_load((target / "members.yaml").read_text(encoding="utf-8"))
    _dump(target / "members.yaml", [*members, *HOSTILE_MEMBERS])
    alliance = yaml.safe_load((target / "alliance.yaml").read_text(encoding="utf-8"))
    alliance["count_wording"]["value"] = f"{IMG} {JS_LINK}"
    _dump(target / "alliance.yaml", alliance)
    initiatives = yaml.safe_load((target / "initiatives.yaml").read_text(encoding="utf-8"))
    # texts shown to readers carry English and French: the hostile text goes into both
    initiatives["timeline"][0]["event"] = both(f"{SCRIPT} {JS_LINK}")
    initiatives["arguments_open"][0]["source"] = HOSTILE_URLS[2]
    _dump(target / "initiatives.yaml", initiatives)
    models = yaml.safe_load((target / "models.yaml").read_text(encoding="utf-8"))
    models[0]["notes"] = both(f"{IMG} {BOLD} {RTL}")
    models[0]["developer"] = f"{JS_LINK} Meta"
    _dump(target / "models.yaml", models)
    write_hostile_report(target)
    return target


def both(text: str) -> dict[str, str]:
    """The same text in every language a data text carries."""
    return {"en": text, "fr": text}


def _dump(path: Path, content: Any) -> None:
    path.write_text(yaml.safe_dump(content, sort_keys=False, allow_unicode=True), encoding="utf-8")


# A report row of the Transparency Index carrying hostile text in every free-text field (Meta, December 2025).
HOSTILE_REPORT = {"edition": "2025-12", "developer_slug": "meta", "indicator_slug": "external-data-access"}
HOSTILE_REPORT_TEXT = {
    "disclosure": f"{IMG}\n{SCRIPT} {BOLD}",
    "justification": f"{JS_LINK} {RTL} {FORMULA} <a href=javascript:alert(9)>x</a>",
    "references": f"javascript:alert(1) {HOSTILE_URLS[1]} {HOSTILE_URLS[2]} {NOT_HTTP_URLS[2]}",
    "notes": f"# {BOLD} %{{customdata[0]}}",
}


def write_hostile_report(target: Path) -> None:
    """Put the hostile report text into the copy's evidence table (the row stays valid)."""
    path = target / "fmti_evidence.csv"
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        fields, rows = list(reader.fieldnames or []), list(reader)
    for row in rows:
        if all(row[k] == v for k, v in HOSTILE_REPORT.items()):
            row.update(HOSTILE_REPORT_TEXT)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
