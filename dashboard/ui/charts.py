"""Charts on the page: figures built once per input, drawn with a text alternative, PNG download and data table."""

from __future__ import annotations

import base64
import importlib
import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.charts import kept
from dashboard.charts import style as figures
from dashboard.charts import table as chartdata
from dashboard.i18n import DEFAULT_LANG, t
from dashboard.members import transform
from dashboard.ui.page import Page
from dashboard.ui.text import md
from dashboard.ui.url import (
    LANG,
)

# ---------------------------------------------------------------- render helpers


@contextmanager
def on_request(label: str, *, key: str) -> Iterator[bool]:
    """An expander whose content is drawn only while it is open (opening it reruns the page): a collapsed
    expander would otherwise still draw everything in it, and a page pays for every element it draws."""
    with st.expander(label, key=key, on_change="rerun") as box:
        yield bool(box.open)


_log = logging.getLogger(__name__)
FIGURES_KEPT = 512  # built figures kept (as plain dicts, a few kB to a few hundred kB each)


def figure(builder: Callable[..., go.Figure], /, *args: Any, **kwargs: Any) -> go.Figure:
    """``builder(*args, **kwargs)``, built once per distinct input and then rebuilt from its plain form.

    Plotly spends most of a figure's build time laying out subplots and checking each trace as it is
    added; making a figure from the finished dict is several times faster (the FMTI small multiples: about
    170 ms to build, 17 ms from the dict). Readers who pick the same filters, or come back to a view, share
    the cached form; each gets a new figure of their own to change."""
    return go.Figure(_figure_dict(builder.__module__, builder.__qualname__, args, kwargs))


@st.cache_data(max_entries=FIGURES_KEPT, show_spinner=False, hash_funcs={pd.DataFrame: kept.frame_key})
def _figure_dict(module: str, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
    """The figure's plain form. Streamlit's own hash samples a frame of 50,000 rows or more and pickles a cell that
    holds a list, so frames are keyed by every value. While the server warms up, a figure whose inputs are those
    of the last start comes from its snapshot (dashboard/charts/kept.py)."""
    inputs = kept.inputs_key(module, name, args, kwargs) if kept.KEPT.recording else None
    found = kept.KEPT.get(inputs) if inputs else None
    if found is not None:
        return found
    builder = getattr(importlib.import_module(module), name)
    _log.debug("building figure %s.%s", module, name)
    plain = dict(_arrays(builder(*args, **kwargs).to_dict()))
    if inputs:
        kept.KEPT.put(inputs, plain)
    return plain


def _arrays(value: Any) -> Any:
    """Plotly's dict form with its packed number arrays ({"dtype", "bdata", "shape"}) unpacked into numpy arrays
    again, so the rebuilt figure holds the same values as the one built (the data tables read them)."""
    if isinstance(value, dict):
        if "bdata" in value and "dtype" in value:
            array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
            shape = value.get("shape")
            if shape is not None:
                array = array.reshape([int(n) for n in str(shape).split(",") if n.strip()])
            # Plotly packs whole numbers in the smallest type that holds them: give them their width back
            return array.astype(np.int64) if array.dtype.kind in "iu" else array.copy()
        return {k: _arrays(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_arrays(v) for v in value]
    return value


def chart(fig: go.Figure, *, alt: str, key: str, filename: str) -> None:
    """A chart with its text alternative (for screen readers and as a caption) and a PNG download."""
    config = {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
        "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
    }
    st.plotly_chart(figures.fit_heading(fig), key=key, config=config, alt=alt, width="stretch")
    st.caption(md(alt))
    data_table(fig, key=key)


def data_table(fig: go.Figure, *, key: str) -> None:
    """The numbers the chart draws as a plain table in an expander: reachable by keyboard and read by
    screen readers, where the chart itself offers only hover. The table is built when the expander is
    opened (a rerun), so a page with several charts does not draw tables nobody asked for."""
    table = chartdata.figure_table(fig)
    if not table.empty:
        _table_on_request(table, key)


@st.fragment
def _table_on_request(table: pd.DataFrame, key: str) -> None:
    """Opening or closing the table reruns this fragment only, not the page (and its charts) around it."""
    lang = str(st.session_state.get(LANG, DEFAULT_LANG))
    with on_request(t("chart.data.show", lang), key=f"{key}_data") as opened:
        if not opened:
            return
        shown = table.map(lambda v: md(v) if isinstance(v, str) else chartdata.shown_number(v, lang))  # Markdown
        st.table(shown.rename(columns={c: md(t(f"chart.data.{c}", lang)) for c in table.columns}), hide_index=True)


def label_map(page: Page, key: str, values: Sequence[str] | pd.Series) -> dict[str, str]:
    """Display names for the values a chart shows (the grouped remainder included)."""
    name = page.labels.of(key)
    return {str(v): page.t("chart.other_countries") if v == transform.OTHER else name(str(v)) for v in values}


def alt(page: Page, title: str, counts: pd.DataFrame, key: str) -> str:
    """A chart's text alternative, generated from the same counts it draws."""
    pairs = transform.labelled_pairs(counts, key, label_map(page, key, counts[key]))
    return page.t("chart.alt", title=title, pairs=transform.pairs_text(pairs, page.labels.number))
