"""The member list as downloads: CSV and JSON, formula-like cells neutralised."""

from __future__ import annotations

import io
import json
from collections.abc import Mapping

import pandas as pd

from dashboard.members.load import MEMBER_COLUMNS

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# The member frame's columns a reader downloads: all but display labels of regions and the machinery of notes,
# places and disagreements (they are in the record, on the page and on About).
EXPORT_COLUMNS: tuple[str, ...] = tuple(
    c for c in MEMBER_COLUMNS if c not in ("region_label", "hq_source", "notes_text", "disagreements")
)


def _neutralise(value: object) -> object:
    """Make a spreadsheet show a cell as text instead of running it as a formula. A text that already starts
    with an apostrophe gets one too, so a reader can always undo it by removing exactly one."""
    if isinstance(value, str) and value.startswith((*FORMULA_STARTS, "'")):
        return "'" + value
    return value


def export_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The columns offered for download, one row per member, sources as a list."""
    return frame.loc[:, list(EXPORT_COLUMNS)].reset_index(drop=True)


def to_csv_bytes(frame: pd.DataFrame, headers: Mapping[str, str] | None = None) -> bytes:
    """CSV (UTF-8 with BOM for spreadsheets, CRLF line ends); sources joined by ' | '; formula-like cells
    neutralised.

    ``headers`` renames the columns (the reader's language); values stay as they are (numbers with a
    decimal point, codes and slugs), so the file reads the same in every tool."""
    table = export_frame(frame).copy()
    table["sources"] = table["sources"].map(" | ".join)
    return safe_csv(table, headers)


def safe_csv(table: pd.DataFrame, headers: Mapping[str, str] | None = None) -> bytes:
    """Any table as the CSV a spreadsheet opens safely: UTF-8 with BOM, CRLF line ends, nulls empty,
    formula-like text cells neutralised, columns renamed by ``headers``."""
    table = table.astype(object).where(table.notna(), None)
    table = table.map(_neutralise).rename(columns=dict(headers or {}))
    buffer = io.StringIO()
    # RFC 4180 line ends: the writer then quotes any text holding a CR or LF, so a stray CR in a note
    # cannot split a row (with "\n" alone a bare CR was written unquoted and read back as a line break).
    table.to_csv(buffer, index=False, lineterminator="\r\n")
    return buffer.getvalue().encode("utf-8-sig")


def to_json_bytes(frame: pd.DataFrame) -> bytes:
    """A JSON list of member objects, nulls as null, sources as a list."""
    table = export_frame(frame).astype(object)
    records = [{k: (None if _is_missing(v) else v) for k, v in row.items()} for row in table.to_dict("records")]
    return json.dumps(records, ensure_ascii=False, indent=1).encode("utf-8")


def _is_missing(value: object) -> bool:
    return not isinstance(value, list) and bool(pd.isna(value))
