"""Import the Foundation Model Transparency Index (stanford-crfm/fmti, CC BY 4.0) into data/.

Usage: python -m scripts.import_fmti PATH_TO_CHECKOUT  (a work tree or a bare git directory)

Writes data/fmti_scores.csv (one row per edition, developer and indicator: 0 or 1) and data/fmti.yaml
(where the rows come from: repository, commit, its date, licence, citation, each edition's folder and the
per-developer totals the index publishes, where it publishes them).

Also writes data/fmti_evidence.csv: for the editions that publish a report per developer (2024 and 2025),
one row per edition, developer and indicator with the index's own text (definition, notes, disclosure,
justification, references) carried over as written, only stripped of surrounding whitespace; and
data/fmti_evidence.yaml: its provenance, the developers of every edition with a URL slug, the link to each
report, and for 2023 (no reports in CSV) the link to each developer's scoring PDF in the repository.
The evidence's scores must equal the scores table's, or the import stops."""

from __future__ import annotations

import argparse
import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import quote

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
    reports: str | None = None  # the folder of one CSV report per developer
    scoring: str | None = None  # the folder of one scoring PDF per developer (2023: no CSV reports)


EDITIONS = (
    Edition("2023-10", "October2023", "October2023/October2023_scores.csv", None, scoring="October2023/scoring"),
    Edition("2024-05", "May2024", "May2024/May2024_scores.csv", "fmti-indicators.csv", reports="May2024/reports"),
    Edition(
        "2025-12", "Dec2025", "Dec2025/Dec2025_scores.csv", "Dec2025/Dec2025_indicators.csv", reports="Dec2025/reports"
    ),  # fmt: skip
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


# ---------------------------------------------------------------------------------------------- evidence
EVIDENCE_CSV, EVIDENCE_META = "fmti_evidence.csv", "fmti_evidence.yaml"
EVIDENCE_COLUMNS = (
    "edition", "developer", "developer_slug", "indicator", "indicator_slug", "domain", "subdomain",
    "definition", "notes", "disclosure", "justification", "references", "new_disclosure", "score",
)  # fmt: skip
# The report columns carried over (matched without regard to case or surrounding spaces), and their names here.
REPORT_TEXT = {"disclosure": "disclosure", "justification": "justification", "references": "references"}
REPORT_OPTIONAL = {"new disclosure?": "new_disclosure"}  # 2024 only
REPORT_FILE = re.compile(r"^(?P<name>.+?)[_-]fmtransparencyreport[_-][^/]*\.csv$", re.IGNORECASE)
# A report file named otherwise than the developer's column in the scores file (after ALIASES).
REPORT_NAMES = {"BigCode:Hugging Face:ServiceNow": "BigCode"}
SCORING_PDF = re.compile(r"^(?P<name>.+?) \d{4} FMTI Scores\.pdf$")


def slug(name: str) -> str:
    """A lower-case ASCII slug: 'Hugging Face' -> 'hugging-face', 'Compute provider' -> 'compute-provider'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def slugs(names: list[str], what: str) -> dict[str, str]:
    """Each name's slug; two names with one slug, or a name with none, stop the import."""
    found = {name: slug(name) for name in names}
    if empty := [n for n, s in found.items() if not s]:
        raise SystemExit(f"{what}: no slug can be made of {empty!r}")
    taken: dict[str, str] = {}
    for name, s in found.items():
        if s in taken:
            raise SystemExit(f"{what}: {taken[s]!r} and {name!r} both have the slug {s!r}")
        taken[s] = name
    return found


def _text(value: str | None) -> str:
    """The index's text as written, less surrounding whitespace and a byte-order mark."""
    return (value or "").strip().lstrip("\ufeff").strip()


def _table(text: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a CSV, every cell kept as written but for surrounding whitespace; empty rows dropped."""
    rows = [[_text(c) for c in row] for row in csv.reader(io.StringIO(text))]
    rows = [r for r in rows if any(r)]
    return (rows[0], rows[1:]) if rows else ([], [])


def _blob(sha: str | None, path: str) -> str:
    return f"{REPOSITORY}/blob/{sha or 'main'}/{quote(path)}"


def _files(checkout: Checkout, folder: str) -> list[str]:
    """The files of a folder; none when the folder is absent."""
    if not checkout.bare and not (checkout.path / folder).is_dir():
        return []
    return checkout.files(folder)


def _order(name: str) -> tuple[str, str]:
    """Developers in alphabetical order regardless of case; names that differ only in case, by code point."""
    return name.casefold(), name


def _developer(name: str, developers: list[str], where: str) -> str:
    """The developer (as the scores table names it) that a file name stands for."""
    for candidate in (name, REPORT_NAMES.get(name, name), ALIASES.get(name, name), name.replace("_", " ")):
        if candidate in developers:
            return candidate
    raise SystemExit(f"{where}: no developer {name!r} in this edition's scores ({', '.join(developers)})")


def _by_developer(paths: list[tuple[str, str]], developers: list[str], what: str) -> dict[str, str]:
    """{developer: path} from (name in the file name, path); one file per developer."""
    found: dict[str, str] = {}
    for name, path in paths:
        developer = _developer(name, developers, path)
        if developer in found:
            raise SystemExit(f"{what}: two files for {developer!r}: {found[developer]} and {path}")
        found[developer] = path
    return {d: found[d] for d in sorted(found, key=_order)}


def report_files(checkout: Checkout, edition: Edition, developers: list[str]) -> dict[str, str]:
    """{developer: path of its report}; every CSV in the folder must be a developer's report."""
    assert edition.reports is not None
    paths = [p for p in _files(checkout, edition.reports) if p.lower().endswith(".csv")]
    if not paths:
        raise SystemExit(f"{edition.reports}: no reports found; is this the right repository?")
    named = []
    for path in paths:
        match = REPORT_FILE.match(PurePosixPath(path).name)
        if not match:
            raise SystemExit(f"{path}: not named like a report (DEVELOPER_fmtransparencyreport_EDITION.csv)")
        named.append((match["name"], path))
    return _by_developer(named, developers, edition.reports)


def scoring_pdfs(checkout: Checkout, edition: Edition, developers: list[str]) -> dict[str, str]:
    """{developer: path of its scoring PDF} (2023); the PDFs are linked to, never read."""
    assert edition.scoring is not None
    named = []
    for path in _files(checkout, edition.scoring):
        if not path.lower().endswith(".pdf"):
            continue
        match = SCORING_PDF.match(PurePosixPath(path).name)
        if not match:
            raise SystemExit(f"{path}: not named like a scoring PDF (DEVELOPER YEAR FMTI Scores.pdf)")
        named.append((match["name"], path))
    return _by_developer(named, developers, edition.scoring)


@dataclass(frozen=True)
class Indicator:
    """An indicator as the scores table names it, with its classification and the index's own wording."""

    name: str
    names: tuple[str, ...]  # the names it goes by (the scores file's, the indicator file's)
    domain: str
    subdomain: str
    definition: str
    notes: str


def indicators(checkout: Checkout, edition: Edition, scored: list[dict[str, object]]) -> list[Indicator]:
    """The edition's indicators in the index's order, paired with its indicator file by position (as the
    scores are), each with its definition and notes from that file."""
    order = list(dict.fromkeys(str(r["indicator"]) for r in scored))
    classes = {str(r["indicator"]): (str(r["domain"]), str(r["subdomain"])) for r in scored}
    assert edition.indicators is not None
    header, rows = _table(checkout.read(edition.indicators))
    column = {c.casefold(): i for i, c in enumerate(header)}
    if "indicator" not in column or "definition" not in column:
        raise SystemExit(f"{edition.indicators}: no Indicator or Definition column (columns: {header})")
    if len(rows) != len(order):
        raise SystemExit(f"{edition.scores}: {len(order)} indicators, but {edition.indicators} has {len(rows)}")

    def cell(row: list[str], name: str) -> str:
        return row[column[name]] if name in column and column[name] < len(row) else ""

    found = []
    for name, row in zip(order, rows, strict=True):
        names = tuple(dict.fromkeys((name, cell(row, "indicator"))))
        found.append(Indicator(name, names, *classes[name], cell(row, "definition"), cell(row, "notes")))
    return found


def read_report(text: str, path: str, known: list[Indicator]) -> dict[str, dict[str, str]]:
    """{indicator name (as scored): its row of the report}; the indicator is the report's first column."""
    header, rows = _table(text)
    column = {c.casefold(): i for i, c in enumerate(header)}
    wanted = {"score": "score", **REPORT_TEXT}
    if missing := [c for c in wanted if c not in column]:
        raise SystemExit(f"{path}: no {', '.join(missing)} column (columns: {header})")
    wanted |= {k: v for k, v in REPORT_OPTIONAL.items() if k in column}
    by_name: dict[str, str] = {}
    for indicator in known:
        for name in indicator.names:
            if by_name.setdefault(name, indicator.name) != indicator.name:
                raise SystemExit(f"{path}: {name!r} names two indicators: {by_name[name]!r} and {indicator.name!r}")
    found: dict[str, dict[str, str]] = {}
    for row in rows:
        name = row[0]
        if name not in by_name:
            raise SystemExit(f"{path}: indicator {name!r} is not one of this edition's indicators")
        if by_name[name] in found:
            raise SystemExit(f"{path}: indicator {name!r} appears twice")
        found[by_name[name]] = {
            ours: row[column[theirs]] if column[theirs] < len(row) else "" for theirs, ours in wanted.items()
        }
    return found


def read_evidence(
    checkout: Checkout, edition: Edition, scored: list[dict[str, object]], sha: str | None
) -> tuple[list[dict[str, object]], dict[str, object]]:
    """The edition's evidence rows (developer, then the index's indicator order) and what to say about them."""
    developers = sorted({str(r["developer"]) for r in scored}, key=_order)
    developer_slugs = slugs(developers, f"{edition.scores}: developers")
    listing = [{"name": d, "slug": developer_slugs[d]} for d in developers]
    if edition.reports is None:
        pdfs = scoring_pdfs(checkout, edition, developers) if edition.scoring else {}
        return [], {
            "id": edition.id,
            "source": f"{REPOSITORY}/tree/{sha or 'main'}/{edition.scoring or edition.folder}",
            "developers": listing,
            "reports": None,
            "scoring_pdfs": {d: _blob(sha, p) for d, p in pdfs.items()},
        }
    known = indicators(checkout, edition, scored)
    indicator_slugs = slugs([i.name for i in known], f"{edition.scores}: indicators")
    scores = {(str(r["developer"]), str(r["indicator"])): int(str(r["score"])) for r in scored}
    files = report_files(checkout, edition, developers)
    reports = {d: read_report(checkout.read(p), p, known) for d, p in files.items()}
    rows: list[dict[str, object]] = []
    for developer in developers:
        report = reports.get(developer, {})
        for indicator in known:
            given = report.get(indicator.name, {})
            score = scores[(developer, indicator.name)]
            if given.get("score", "") not in ("", str(score)):
                raise SystemExit(
                    f"{files[developer]}: {indicator.names[-1]!r} is scored {given['score']!r} in the report "
                    f"but {score} in {edition.scores} ({edition.id}, {developer}); the evidence must match the scores"
                )
            rows.append({
                "edition": edition.id, "developer": developer, "developer_slug": developer_slugs[developer],
                "indicator": indicator.name, "indicator_slug": indicator_slugs[indicator.name],
                "domain": indicator.domain, "subdomain": indicator.subdomain,
                "definition": indicator.definition, "notes": indicator.notes,
                **{k: given.get(k, "") for k in ("disclosure", "justification", "references", "new_disclosure")},
                "score": score,
            })  # fmt: skip
    lacking = {d: [i.name for i in known if i.name not in reports[d]] for d in sorted(reports, key=_order)}
    about: dict[str, object] = {
        "id": edition.id,
        "source": f"{REPOSITORY}/tree/{sha or 'main'}/{edition.reports}",
        "indicator_file": _blob(sha, edition.indicators or ""),
        "developers": listing,
        "reports": {d: _blob(sha, p) for d, p in files.items()},
        "developers_without_report": [d for d in developers if d not in files],
        "indicators_missing_from_reports": {d: names for d, names in lacking.items() if names},
        "indicator_names_in_reports": {i.name: i.names[-1] for i in known if len(i.names) > 1},
    }
    return rows, about


def check_evidence(evidence: list[dict[str, object]], scored: list[dict[str, object]]) -> None:
    """Every evidence row's score is the scores table's, and every scored developer of an edition with
    reports has a row per indicator."""
    table = {(r["edition"], r["developer"], r["indicator"]): r["score"] for r in scored}
    editions = {r["edition"] for r in evidence}
    expected = {k: v for k, v in table.items() if k[0] in editions}
    given = {(r["edition"], r["developer"], r["indicator"]): r["score"] for r in evidence}
    if len(given) != len(evidence):
        raise SystemExit("fmti evidence: an edition, developer and indicator appears twice")
    if wrong := sorted(k for k in given.keys() & expected.keys() if given[k] != expected[k]):
        raise SystemExit(f"fmti evidence: scores differ from the scores table for {wrong[:5]} ({len(wrong)} in all)")
    if odd := sorted(given.keys() ^ expected.keys()):
        raise SystemExit(f"fmti evidence: rows and scores table cover different indicators, e.g. {odd[:5]}")


def evidence_metadata(checkout: Checkout, editions: list[dict[str, object]], counts: dict[str, int]) -> dict:
    commit = checkout.commit()
    return {
        "name": "Foundation Model Transparency Index: the evidence behind each score",
        "source_repository": REPOSITORY,
        "commit": commit.sha if commit else None,
        "commit_date": commit.date if commit else None,
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "citation": CITATION,
        "table": EVIDENCE_CSV,
        "rows": counts,
        "text_note": "definition, notes, disclosure, justification, references and new_disclosure are the index's "
        "own text, carried over as written (only surrounding whitespace removed; line ends as \\n); they may contain "
        "markup, links of any kind and cells starting with '=', and must be shown as plain text. definition and "
        "notes come from the edition's indicator file; the others from the developer's report, and are empty "
        "where the report has no row for the indicator. 2023 has no reports in CSV: its scoring PDFs are linked.",
        "editions": editions,
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
    commit = checkout.commit()
    evidence: list[dict[str, object]] = []
    about: list[dict[str, object]] = []
    for edition in EDITIONS:
        scored = [r for r in rows if r["edition"] == edition.id]
        found, described = read_evidence(checkout, edition, scored, commit.sha if commit else None)
        evidence += found
        about.append(described)
    check_evidence(evidence, rows)
    evidence_counts = {e.id: sum(1 for r in evidence if r["edition"] == e.id) for e in EDITIONS if e.reports}
    scores, meta = out_dir / "fmti_scores.csv", out_dir / "fmti.yaml"
    write_import(scores, rows, list(COLUMNS), meta, metadata(checkout, totals, counts), script="scripts/import_fmti.py")
    write_import(out_dir / EVIDENCE_CSV, evidence, list(EVIDENCE_COLUMNS), out_dir / EVIDENCE_META,
                 evidence_metadata(checkout, about, evidence_counts), script="scripts/import_fmti.py")  # fmt: skip
    return scores, meta


def _args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkout", type=Path, help="a clone of stanford-crfm/fmti (work tree or bare)")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "data")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = _args(argv)
    for path in (*run(args.checkout, args.out), args.out / EVIDENCE_CSV, args.out / EVIDENCE_META):
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
