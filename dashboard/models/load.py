"""Loading the Initiatives page's content and our graded models; no Streamlit here."""

from __future__ import annotations

from pathlib import Path

from dashboard import paths
from dashboard.files import read_yaml
from dashboard.members.load import load_members, load_sources
from dashboard.models.schema import Initiatives, Model, reference_problems
from dashboard.sources import host_problems
from dashboard.validation import DataError, Problem, list_problems, record_problems


def load_initiatives(
    path: Path = paths.INITIATIVES,
    models_path: Path = paths.MODELS,
    *,
    member_ids: set[str] | None = None,
    sources_path: Path = paths.SOURCES,
) -> tuple[Initiatives, list[Model]]:
    """The focus areas, release gradient, arguments and history (one mapping) and the models (one row each).

    Member ids they name are checked against ``member_ids`` (default: the shipped member file)."""
    name, models_name = paths.display(path), paths.display(models_path)
    raw, raw_models = read_yaml(path), read_yaml(models_path)
    problems: list[Problem] = []
    initiatives, found = record_problems(Initiatives, raw, name, "(page content)")
    problems += found
    models, found = list_problems(Model, raw_models, models_name, "model records")
    problems += found
    hosts = load_sources(sources_path)
    problems += host_problems(raw, name, hosts, "(page content)") + host_problems(raw_models, models_name, hosts)
    if initiatives is not None:
        known = member_ids if member_ids is not None else set(load_members()["id"])
        problems += reference_problems(initiatives, models, known, name, models_name)
    if problems or initiatives is None:
        raise DataError(problems)
    return initiatives, models
