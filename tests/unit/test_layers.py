"""The direction of imports, held by walking the packages (no hand-kept list of modules).

Layers, lowest first: the shared base (paths, validation, records, files, sources, formats, i18n, places,
charts) <- members <- maps <- the other domains (growth, models, indexes, coalitions: none imports another) <-
routes, cli, server <-
ui <- pages. A module imports only its own layer or lower ones; only dashboard/ui imports Streamlit; no module
imports another's underscore-named names; bench/ and scripts/ never import tests/."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard import paths

BASE = (
    "paths",
    "validation",
    "records",
    "files",
    "sources",
    "formats",
    "i18n",
    "places",
    "snapshot",
    "charts",
    "__init__",
)
DOMAINS = ("growth", "models", "indexes", "coalitions")
TOP = ("routes", "cli", "__main__", "server", "datapackage")


def layer(module: str) -> tuple[int, str]:
    """(rank, group) of a module: a higher rank may import a lower one; a domain may not import a sibling domain."""
    if not module.startswith("dashboard"):
        return 6, "pages"
    part = module.split(".")[1] if "." in module else ""
    if part in BASE or part == "":
        return 0, "base"
    if part == "members":
        return 1, "members"
    if part == "maps":
        return 2, "maps"
    if part in DOMAINS:
        return 3, part
    if part in TOP:
        return 4, "top"
    if part == "ui":
        return 5, "ui"
    raise AssertionError(f"{module}: not in any layer; add its package to tests/unit/test_layers.py")


def imports(source: str, module: str) -> Iterator[tuple[str, list[str]]]:
    """(imported module, names) for every import statement, nested ones included."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, []
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [a.name for a in node.names]
            if node.module == "dashboard":  # `from dashboard import members` imports a module
                for name in names:
                    yield f"dashboard.{name}", []
            else:
                yield node.module, names


def violations(module: str, source: str) -> list[str]:
    """Every import of ``module`` (its source given) that breaks a rule above."""
    rank, group = layer(module)
    found = []
    for target, names in imports(source, module):
        top = target.split(".")[0]
        if top == "streamlit" and group not in ("ui", "pages"):
            found.append(f"{module} imports streamlit: only dashboard/ui may")
        if top == "tests" and not module.startswith("tests"):
            found.append(f"{module} imports {target}: bench/ and scripts/ never import tests/")
        if top == "dashboard" and module.startswith("dashboard"):
            their_rank, their_group = layer(target)
            if their_rank > rank or (their_rank == rank == 3 and their_group != group):
                found.append(f"{module} ({group}) imports {target} ({their_group}): imports flow one way")
        if top in ("dashboard", "bench", "scripts"):
            found += [
                f"{module} imports {name} from {target}: make it public" for name in names if name.startswith("_")
            ]
    return found


def modules() -> Iterator[tuple[str, Path]]:
    for folder in ("dashboard", "harness", "bench", "scripts", "pages"):
        for path in sorted((paths.ROOT / folder).rglob("*.py")):
            yield ".".join(path.relative_to(paths.ROOT).with_suffix("").parts), path
    yield "streamlit_app", paths.ENTRY


@pytest.mark.parametrize(("module", "path"), list(modules()), ids=lambda v: v if isinstance(v, str) else "")
def test_imports_flow_one_way(module: str, path: Path) -> None:
    assert violations(module, path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("module", "source", "words"),
    [
        ("dashboard.members.transform", "import streamlit as st", "only dashboard/ui may"),
        ("dashboard.members.load", "from dashboard.ui.state import md", "imports flow one way"),
        ("dashboard.indexes.schema", "from dashboard.routes import EDITIONS", "imports flow one way"),
        ("dashboard.growth.load", "from dashboard.indexes import load", "imports flow one way"),
        ("dashboard.ui.page", "from dashboard.ui.state import _set_url", "make it public"),
        ("bench.browser", "from tests.e2e.conftest import chromium", "never import tests"),
    ],
)
def test_a_planted_violation_is_reported(module: str, source: str, words: str) -> None:
    assert any(words in v for v in violations(module, source)), violations(module, source)


def test_the_pure_layers_load_without_streamlit() -> None:
    import subprocess
    import sys

    modules = "dashboard.cli, dashboard.members.figures, dashboard.maps.figures, dashboard.indexes.load"
    code = f"import sys, {modules}; print('streamlit' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=paths.ROOT, capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == "False", result.stderr
