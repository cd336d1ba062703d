"""Figures kept from one server start to the next: the default views' figures, keyed by every input's value.

A server warms up before it listens (dashboard/ui/serve.py): every page runs once and builds its default figures.
While it warms, each figure's plain form is recorded under a hash of its builder and of the value of every
argument; at the end the record is saved as a snapshot (dashboard/snapshot.py) keyed by the code that draws
figures (every module and translation under dashboard/, and Plotly's version). The next start finds each figure
whose inputs are unchanged there instead of building it again; a figure whose data changed has another key and
is built. Outside the warm-up nothing is read or written.

An argument of a kind without a value-exact form here (an arbitrary object) makes its figure unkept: it is
built as before, never served from a key that might not cover it."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import plotly

from dashboard import snapshot

_log = logging.getLogger(__name__)
NAME = "figures"
# The code a figure's plain form depends on, besides its inputs: builders, theme, translations.
CODE = Path(__file__).resolve().parents[1]


class Unkeyable(TypeError):
    """An input whose value has no exact form here."""


def frame_key(frame: pd.DataFrame) -> str:
    """A frame's every value (and its types, index and column names) as one string."""
    return str(frame.dtypes.to_dict()) + frame.to_json(orient="split", date_format="iso", default_handler=str)


def canonical(value: Any) -> Any:  # noqa: PLR0911 - one line per kind of value
    """``value`` as JSON-ready data that two equal values share and unequal ones do not (sets sorted, frames
    in full); ``Unkeyable`` for a kind of value not covered."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, (int, float, np.integer, np.floating)):
        return [type(value).__name__, repr(value.item() if isinstance(value, np.generic) else value)]
    if isinstance(value, pd.DataFrame):
        return ["frame", frame_key(value)]
    if isinstance(value, pd.Series):
        return ["series", frame_key(value.to_frame())]
    if isinstance(value, (date, datetime, pd.Timestamp)):
        return [type(value).__name__, value.isoformat()]
    if isinstance(value, (list, tuple)):
        return [type(value).__name__, [canonical(v) for v in value]]
    if isinstance(value, dict):
        return ["dict", [[canonical(k), canonical(v)] for k, v in value.items()]]
    if isinstance(value, (set, frozenset)):
        return ["set", sorted(json.dumps(canonical(v)) for v in value)]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = [[f.name, canonical(getattr(value, f.name))] for f in dataclasses.fields(value)]
        return ["dataclass", f"{type(value).__module__}.{type(value).__qualname__}", fields]
    raise Unkeyable(type(value).__name__)


def inputs_key(module: str, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str | None:
    """The hash of a builder and its arguments' values; None when an argument has no exact form."""
    try:
        text = json.dumps([module, name, canonical(args), canonical(kwargs)])
    except Unkeyable as exc:
        _log.debug("figure %s.%s not kept: an argument of type %s", module, name, exc)
        return None
    return hashlib.sha256(text.encode()).hexdigest()


def _code_files() -> list[Path]:
    return sorted(p for p in CODE.rglob("*") if p.suffix in (".py", ".yaml") and p.is_file())


class Kept:
    """The figures of the last warm-up (``known``) and those of this one (``used``), while recording."""

    def __init__(self) -> None:
        self.known: dict[str, dict[str, Any]] = {}
        self.used: dict[str, dict[str, Any]] | None = None

    @property
    def recording(self) -> bool:
        return self.used is not None

    def get(self, key: str) -> dict[str, Any] | None:
        found = self.known.get(key)
        if found is not None and self.used is not None:
            self.used[key] = found
        return found

    def put(self, key: str, plain: dict[str, Any]) -> None:
        if self.used is not None:
            self.used[key] = plain


KEPT = Kept()


@contextmanager
def recording() -> Iterator[Kept]:
    """While the server warms up: figures come from the last start's snapshot where their inputs are unchanged,
    and every figure used is saved at the end (so figures no default view uses any more are dropped)."""
    files = _code_files()
    try:
        found = snapshot.load(NAME, files, plotly.__version__)
    except ValueError as exc:  # a snapshot folder inside the data folder: refused here as everywhere, not fatal
        _log.warning("figures not kept: %s", exc)
        yield KEPT
        return
    KEPT.known = found if isinstance(found, dict) else {}
    KEPT.used = {}
    try:
        yield KEPT
        if KEPT.used.keys() != KEPT.known.keys():  # same keys, same figures: nothing to write
            snapshot.save(NAME, files, KEPT.used, plotly.__version__)
        _log.info("figures kept from the last start: %d of %d", len(KEPT.known.keys() & KEPT.used.keys()),
                  len(KEPT.used))  # fmt: skip
    finally:
        KEPT.known, KEPT.used = {}, None
