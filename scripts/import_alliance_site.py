"""Import the AI Alliance's own record from a checkout of its website repository into data/alliance_site.yaml.

Usage: python -m scripts.import_alliance_site PATH_TO_CHECKOUT  (a clone or a bare clone of
The-AI-Alliance/website; the git history is needed, because logos are dated by the commit that added them)

Writes, for the commit read:
- every organisation on the members page (its logo's alt text and image) with the commit, and its UTC date,
  that first put that logo in the page's list;
- every placement on the members map (``src/graphics/membersMap.svg``) as it stood on the launch day and as it
  stands at the commit read: the organisation's label, the place label above it, the ISO country code and
  the US state where the label gives one. Names drawn as outlines rather than text cannot be read and are
  left out;
- every organisation named in the abstract of each announcement (``src/page-content/news/blogPost*.tsx``).

Only facts are carried over (names, places, dates); the repository states no licence. The checks that hold
our members against this record live in dashboard/ and run in ``make validate`` and the data tests."""

from __future__ import annotations

import argparse
import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pycountry
import yaml

from scripts.checkout import Checkout, Commit

REPOSITORY = "https://github.com/The-AI-Alliance/website"
MEMBERS_PAGE = "src/page-content/members/members.tsx"
MAP = "src/graphics/membersMap.svg"
NEWS = "src/page-content/news"
SVG = "{http://www.w3.org/2000/svg}"
# The map's own spellings of countries that pycountry does not know by that name.
COUNTRY_LABELS = {"U.S.": "USA", "UK": "GBR", "U.A.E.": "ARE", "Vietnam": "VNM"}
# ... and of a US region that ISO 3166-2 names otherwise.
US_REGIONS = {"Washington D.C.": "District of Columbia"}
IMPORT = re.compile(r"import\s+(\w+)\s+from\s+'@public/(members/[^']+)'")
LOGO = re.compile(r"\{\s*size:\s*\d+,\s*src:\s*(\w+),\s*alt:\s*'([^']*)'\s*\}")
# A bullet sits left of the first line of each organisation's label, a little above the baseline.
BULLET_DX = (5.0, 25.0)
BULLET_DY = (-14.0, 2.0)
# A place label is drawn about 23 units left of the labels it heads, above them.
PLACE_DX = (15.0, 32.0)


def utc_day(date: str) -> str:
    """The UTC calendar day of an ISO 8601 timestamp with an offset."""
    return datetime.fromisoformat(date).astimezone(UTC).date().isoformat()


# ---------------------------------------------------------------------------------------------- members page
def logos(text: str) -> list[tuple[str, str]]:
    """(alt text, image path) of every logo in the members page's list, in the page's order."""
    images = dict(IMPORT.findall(text))
    return [(alt.strip(), f"public/{images[var]}") for var, alt in LOGO.findall(text) if var in images]


def members_page(checkout: Checkout) -> list[dict[str, str]]:
    """Every logo on the page at HEAD, with the first commit whose list carried that image."""
    first: dict[str, Commit] = {}
    for commit in checkout.history(MEMBERS_PAGE):
        for _, image in logos(checkout.read_at(commit.sha, MEMBERS_PAGE)):
            first.setdefault(image, commit)
    return [
        {"name": alt, "image": image, "first_commit": first[image].sha, "first_date": utc_day(first[image].date)}
        for alt, image in logos(checkout.read(MEMBERS_PAGE))
    ]


# ---------------------------------------------------------------------------------------------------- map
@dataclass(frozen=True)
class Line:
    """One line of text on the map, at its absolute position."""

    text: str
    x: float
    y: float


def _translate(element: ET.Element) -> tuple[float, float]:
    found = re.search(r"translate\(([-\d.]+)[ ,]+([-\d.]+)\)", element.get("transform", ""))
    return (float(found[1]), float(found[2])) if found else (0.0, 0.0)


def _lines(text: ET.Element) -> list[Line]:
    """A <text> element's lines: its tspans grouped by their y, read left to right."""
    x0, y0 = _translate(text)
    rows: dict[float, list[tuple[float, str]]] = {}
    for span in text.iter(f"{SVG}tspan"):
        rows.setdefault(float(span.get("y", 0)), []).append((float(span.get("x", 0)), span.text or ""))
    if not rows:
        return [Line(" ".join((text.text or "").split()), x0, y0)]
    return [
        Line(" ".join("".join(t for _, t in sorted(parts)).split()), x0 + min(x for x, _ in parts), y0 + y)
        for y, parts in sorted(rows.items())
    ]


def place(label: str) -> tuple[str, str | None] | None:
    """(ISO alpha-3 country, US state or None) for a place label such as 'U.S. - Texas' or 'Japan'."""
    country, _, region = (part.strip() for part in label.partition(" - "))
    code = COUNTRY_LABELS.get(country)
    if code is None:
        try:
            code = pycountry.countries.lookup(country).alpha_3
        except LookupError:
            return None
    if region and code == "USA":
        return code, US_REGIONS.get(region, region)
    return code, None


def _organisations(lines: list[Line], bullets: list[tuple[float, float]]) -> list[Line]:
    """Join a label's wrapped lines: a new organisation starts at a line with a bullet beside it."""
    out: list[Line] = []
    for line in lines:
        bulleted = any(
            BULLET_DX[0] <= line.x - cx <= BULLET_DX[1] and BULLET_DY[0] <= cy - line.y <= BULLET_DY[1]
            for cx, cy in bullets
        )
        if out and not bulleted:
            out[-1] = Line(f"{out[-1].text} {line.text}", out[-1].x, out[-1].y)
        else:
            out.append(line)
    return out


def placements(svg: str) -> list[dict[str, str | None]]:
    """Every organisation label on the map with the place label that heads it, in reading order."""
    root = ET.fromstring(svg)
    bullets = [
        (float(c.get("cx", 0)), float(c.get("cy", 0)))
        for tag in ("circle", "ellipse")
        for c in root.iter(f"{SVG}{tag}")
    ]
    places: list[tuple[Line, tuple[str, str | None]]] = []
    names: list[Line] = []
    for text in root.iter(f"{SVG}text"):
        lines = _lines(text)
        label = " ".join(line.text for line in lines)
        found = place(label) if len(lines) == 1 else None
        if found:
            places.append((lines[0], found))
        else:
            names.extend(_organisations(lines, bullets))
    rows = []
    for name in sorted(names, key=lambda n: (n.x, n.y)):
        above = [(p, f) for p, f in places if PLACE_DX[0] <= name.x - p.x <= PLACE_DX[1] and p.y < name.y]
        if not above:
            continue  # the legend and the figures beside the map
        label, (country, region) = max(above, key=lambda item: item[0].y)
        rows.append({"name": name.text.rstrip("*").strip(), "place": label.text, "country": country, "region": region})
    return rows


def launch_version(checkout: Checkout, name: str, launch: str) -> Commit:
    """The last commit of a file on or before the launch day (UTC)."""
    before = [c for c in checkout.history(name) if utc_day(c.date) <= launch]
    if not before:
        raise SystemExit(f"{checkout.path}: {name} has no commit on or before {launch}")
    return before[-1]


def maps(checkout: Checkout, head: Commit, launch: str) -> list[dict[str, object]]:
    """The map on the launch day and at the commit read."""
    out = []
    for role, commit in (("launch", launch_version(checkout, MAP, launch)), ("latest", head)):
        rows = placements(checkout.read_at(commit.sha, MAP))
        out.append({"role": role, "file": MAP, "commit": commit.sha, "date": utc_day(commit.date), "placements": rows})
    return out


# ---------------------------------------------------------------------------------------------- announcements
ABSTRACT = re.compile(r"className=\{styles\.abstract\}>(.*?)</motion\.p>", re.S)
DATE = re.compile(r"date:\s*'([^']+)'")
TITLE = re.compile(r"<motion\.h2[^>]*>(.*?)</motion\.h2>", re.S)
LIST_START = re.compile(r"(?:Members Include:|Collaborators globally including)\s*", re.I)
SUFFIX = re.compile(r"^(Inc|Ltd|LLC|Corp)\.?$")


def named(abstract: str) -> list[str]:
    """The organisations an abstract lists after its 'include(s)' phrase, in its order."""
    text = html.unescape(" ".join(abstract.split()))  # JSX text may spell & as &amp;
    start = LIST_START.search(text)
    if start is None:
        return []
    items = text[start.end() :].rstrip(". ")
    parts = [p for chunk in items.split(";") for p in _split_commas(chunk)]
    out = []
    for part in parts:
        part = re.sub(r"^(and|&)\s+", "", part.strip())
        part = re.sub(r"\s+and others$", "", part)
        if part:
            out.append(part)
    return out


def _split_commas(chunk: str) -> list[str]:
    """Split a list item on commas, keeping a corporate suffix ('Snowflake, Inc.') with its name."""
    out: list[str] = []
    for piece in (p.strip() for p in chunk.split(",")):
        if out and SUFFIX.match(piece):
            out[-1] = f"{out[-1]}, {piece}"
        elif piece:
            out.extend(re.split(r"\s+and\s+(?=[A-Z][\w.]*$)", piece) if " and " in piece else [piece])
    return out


def announcements(checkout: Checkout) -> list[dict[str, object]]:
    """Each news post: its file, date as printed, title, and the organisations its abstract names."""
    out = []
    for name in checkout.files(NEWS):
        if not re.search(r"blogPost\d+\.tsx$", name):
            continue
        text = checkout.read(name)
        abstract, date, title = ABSTRACT.search(text), DATE.search(text), TITLE.search(text)
        if abstract is None or date is None or title is None:
            continue
        printed = datetime.strptime(date[1], "%B %d, %Y").date().isoformat()
        out.append(
            {
                "file": name,
                "date": printed,
                "title": html.unescape(" ".join(title[1].split())),
                "names": named(abstract[1]),
            }
        )
    return out


# ---------------------------------------------------------------------------------------------------- main
def build(checkout: Checkout, launch: str) -> dict[str, object]:
    head = checkout.commit()
    if head is None:
        raise SystemExit(f"{checkout.path}: not a git checkout; the logos' dates need the repository's history")
    return {
        "repository": REPOSITORY,
        "commit": head.sha,
        "commit_date": head.date,
        "licence": None,
        "licence_note": "The repository states no licence; only facts (names, places, dates) are carried over.",
        "launch": launch,
        "members_page": {"file": MEMBERS_PAGE, "logos": members_page(checkout)},
        "maps": maps(checkout, head, launch),
        "announcements": announcements(checkout),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("checkout", type=Path)
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parent.parent / "data")
    args = parser.parse_args(argv)
    alliance = yaml.safe_load((args.data / "alliance.yaml").read_text(encoding="utf-8"))
    record = build(Checkout(args.checkout), str(alliance["launch_date"]["value"]))
    header = "# Written by scripts/import_alliance_site.py from the repository below; do not edit by hand.\n"
    text = yaml.safe_dump(record, sort_keys=False, allow_unicode=True, width=110)
    (args.data / "alliance_site.yaml").write_text(header + text, encoding="utf-8")
    print(f"wrote {args.data / 'alliance_site.yaml'} from {record['commit']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
