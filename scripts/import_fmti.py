"""Import the Foundation Model Transparency Index (stanford-crfm/fmti, CC BY 4.0) into data/.

Usage: python -m scripts.import_fmti PATH_TO_CHECKOUT  (a work tree or a bare git directory)

Writes data/fmti_scores.csv (one row per edition, developer and indicator: 0 or 1) and data/fmti.yaml
(where the rows come from: repository, commit, its date, licence, citation, each edition's folder and the
per-developer totals the index publishes, where it publishes them). Only facts are carried over: names,
scores and dates; the index's definitions and justifications stay in its repository."""

from __future__ import annotations

import argparse
import csv
import io
from dataclasses import dataclass
from pathlib import Path

from scripts.checkout import Checkout, write_import

REPOSITORY = "https://github.com/stanford-crfm/fmti"
LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
CITATION = (
    "Bommasani, R., Klyman, K., Kapoor, S., Longpre, S., Xiong, B., Maslej, N. and Liang, P. "
    "The Foundation Model Transparency Index v1.1. May 2024. https://arxiv.org/abs/2310.12941"
)
COLUMNS = ("edition", "developer", "flagship_model", "indicator", "domain", "subdomain", "score")
# The May 2024 scores call Stability AI "Stability"; its report file there is "Stability AI_...".
ALIASES = {"Stability": "Stability AI"}


@dataclass(frozen=True)
class Edition:
    """One edition: its id (year-month), its folder, its scores and where its indicators are classified."""

    id: str
    folder: str
    scores: str
    indicators: str | None  # None: the scores file carries Domain and Subdomain itself


EDITIONS = (
    Edition("2023-10", "October2023", "October2023/October2023_scores.csv", None),
    Edition("2024-05", "May2024", "May2024/May2024_scores.csv", "fmti-indicators.csv"),
    Edition("2025-12", "Dec2025", "Dec2025/Dec2025_scores.csv", "Dec2025/Dec2025_indicators.csv"),
)


def _rows(text: str) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text))
    return [{(k or "").strip(): (v or "").strip() for k, v in row.items()} for row in reader]


def _classes(checkout: Checkout, edition: Edition, rows: list[dict[str, str]]) -> list[tuple[str, str]]:
    """(domain, subdomain) for each scored indicator, in order.

    The scores files of 2024 and 2025 list the indicators in the same order as their indicator file
    (a few names were reworded between files), so they are paired by position; the counts must agree."""
    if edition.indicators is None:
        return [(r["Domain"], r["Subdomain"]) for r in rows]
    classes = [(r["Domain"], r["Subdomain"]) for r in _rows(checkout.read(edition.indicators))]
    if len(classes) != len(rows):
        raise SystemExit(f"{edition.scores}: {len(rows)} indicators, but {edition.indicators} has {len(classes)}")
    return classes


def read_edition(checkout: Checkout, edition: Edition) -> tuple[list[dict[str, object]], dict[str, int] | None]:
    """The edition's tidy rows, and the per-developer totals its file publishes (None when it has none)."""
    rows = _rows(checkout.read(edition.scores))
    published = next((r for r in rows if r.get("Indicator") == "Total"), None)
    rows = [r for r in rows if r.get("Indicator") not in ("", "Total")]
    columns = [c for c in rows[0] if c not in ("Domain", "Subdomain", "Indicator", "Total", "")]
    tidy: list[dict[str, object]] = []
    for row, (domain, subdomain) in zip(rows, _classes(checkout, edition, rows), strict=True):
        for column in columns:
            score = int(row[column])
            if score not in (0, 1):
                raise SystemExit(f"{edition.scores}: {row['Indicator']!r}, {column!r}: score {score} is not 0 or 1")
            tidy.append(dict(zip(COLUMNS, (edition.id, ALIASES.get(column, column), "", row["Indicator"],
                                           domain, subdomain, score), strict=True)))  # fmt: skip
    totals = {ALIASES.get(c, c): int(published[c]) for c in columns} if published else None
    return tidy, totals


def metadata(checkout: Checkout, totals: dict[str, dict[str, int] | None], counts: dict[str, int]) -> dict:
    commit = checkout.commit()
    sha = commit.sha if commit else None
    return {
        "name": "Foundation Model Transparency Index",
        "source_repository": REPOSITORY,
        "commit": sha,
        "commit_date": commit.date if commit else None,
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "citation": CITATION,
        "flagship_models_note": "The repository's data files do not name the model scored for each developer, "
        "so flagship_model is left empty; the edition's report names it.",
        "editions": [
            {
                "id": e.id,
                "date": e.id,
                "source": f"{REPOSITORY}/tree/{sha or 'main'}/{e.folder}",
                "indicators": counts[e.id],
                "published_totals": totals[e.id],
            }
            for e in EDITIONS
        ],
    }


def run(checkout_path: Path, out_dir: Path) -> tuple[Path, Path]:
    """Read the checkout, write the two files, return their paths."""
    checkout = Checkout(checkout_path)
    rows: list[dict[str, object]] = []
    totals: dict[str, dict[str, int] | None] = {}
    counts: dict[str, int] = {}
    for edition in EDITIONS:
        tidy, totals[edition.id] = read_edition(checkout, edition)
        counts[edition.id] = len({r["indicator"] for r in tidy})
        rows += tidy
    scores, meta = out_dir / "fmti_scores.csv", out_dir / "fmti.yaml"
    write_import(scores, rows, COLUMNS, meta, metadata(checkout, totals, counts), script="scripts/import_fmti.py")
    return scores, meta


def _args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkout", type=Path, help="a clone of stanford-crfm/fmti (work tree or bare)")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "data")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = _args(argv)
    for path in run(args.checkout, args.out):
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
