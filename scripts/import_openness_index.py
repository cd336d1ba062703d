"""Import the openness index of "Opening up ChatGPT" (opening-up-chatgpt/opening-up-chatgpt.github.io).

Usage: python -m scripts.import_openness_index PATH_TO_CHECKOUT  (a work tree or a bare git directory)

Writes data/openness_index.csv (one row per model and dimension: grade open/partial/closed and the link
the grade rests on) and data/openness_index.yaml (repository, commit, its date, licence, citation). The
index's own notes stay in its repository: only names, grades and links are carried over."""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml

from scripts.checkout import Checkout, write_import

REPOSITORY = "https://github.com/opening-up-chatgpt/opening-up-chatgpt.github.io"
WEBSITE = "https://opening-up-chatgpt.github.io"
LICENCE = "Apache-2.0"
CITATION = (
    "Liesenfeld, A., Lopez, A. and Dingemanse, M. 2023. Opening up ChatGPT: Tracking openness, transparency, "
    "and accountability in instruction-tuned text generators. In Proceedings of the 5th International "
    "Conference on Conversational User Interfaces (CUI '23), Eindhoven. https://doi.org/10.1145/3571884.3604316"
)
# The index's fourteen dimensions, in its own order (availability, documentation, access).
DIMENSIONS = ("opencode", "llmdata", "llmweights", "rldata", "rlweights", "license", "code", "architecture",
              "preprint", "paper", "modelcard", "datasheet", "package", "api")  # fmt: skip
GRADES = ("open", "partial", "closed")
COLUMNS = ("model", "organisation", "base_model", "dimension", "grade", "link")
TEMPLATE = "projects/A_sample.yaml"  # the blank form contributors copy, not a model


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def read_project(name: str, text: str) -> list[dict[str, str]]:
    """The tidy rows of one project file; [] for a file that grades no named model."""
    record = yaml.safe_load(text) or {}
    model = _text((record.get("project") or {}).get("name"))
    if not model:
        return []
    organisation = _text((record.get("org") or {}).get("name"))
    base = _text((record.get("project") or {}).get("llmbase"))
    rows = []
    for dimension in DIMENSIONS:
        entry = record.get(dimension) or {}
        grade = _text(entry.get("class")).lower()
        if grade not in GRADES:
            raise SystemExit(f"{name}: {dimension}: grade {grade!r} is not one of {', '.join(GRADES)}")
        rows.append(dict(zip(COLUMNS, (model, organisation, base, dimension, grade, _text(entry.get("link"))),
                             strict=True)))  # fmt: skip
    return rows


def read_index(checkout: Checkout) -> tuple[list[dict[str, str]], list[str]]:
    """Every graded model's rows, sorted by model; and the project files that grade no model."""
    rows: list[dict[str, str]] = []
    skipped: list[str] = []
    for name in checkout.files("projects"):
        if not name.endswith(".yaml") or name == TEMPLATE:
            continue
        found = read_project(name, checkout.read(name))
        rows += found
        if not found:
            skipped.append(name)
    return sorted(rows, key=lambda r: (r["model"].casefold(), DIMENSIONS.index(r["dimension"]))), skipped


def metadata(checkout: Checkout, models: int, skipped: list[str]) -> dict[str, object]:
    commit = checkout.commit()
    return {
        "name": "Opening up ChatGPT: the openness index (now the European Open Source AI Index)",
        "source_repository": REPOSITORY,
        "website": WEBSITE,
        "commit": commit.sha if commit else None,
        "commit_date": commit.date if commit else None,
        "licence": LICENCE,
        "licence_url": f"{REPOSITORY}/blob/{commit.sha if commit else 'main'}/LICENSE",
        "citation": CITATION,
        "models": models,
        "dimensions": list(DIMENSIONS),
        "skipped_files": skipped,
    }


def run(checkout_path: Path, out_dir: Path) -> tuple[Path, Path]:
    """Read the checkout, write the two files, return their paths."""
    checkout = Checkout(checkout_path)
    rows, skipped = read_index(checkout)
    table, meta = out_dir / "openness_index.csv", out_dir / "openness_index.yaml"
    data = metadata(checkout, len({r["model"] for r in rows}), skipped)
    write_import(table, rows, COLUMNS, meta, data, script="scripts/import_openness_index.py")
    return table, meta


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkout", type=Path, help="a clone of the index's repository (work tree or bare)")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "data")
    args = parser.parse_args(argv)
    for path in run(args.checkout, args.out):
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
