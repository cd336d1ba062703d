"""Text for the page: Markdown made literal, links only for http(s) URLs, labels in the reader's language."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from dashboard import formats
from dashboard.i18n import t, tn
from dashboard.records import LocalText
from dashboard.ui.cache import Data
from dashboard.validation import DataError, is_http_url

_TARGET_ESCAPES = str.maketrans({c: f"%{ord(c):02X}" for c in " ()<>[]\\\"'`"})
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:&])")


# ---------------------------------------------------------------- text helpers


def md(text: object) -> str:
    """Escape Markdown so data or reader text is shown literally (no links, images or HTML)."""
    return _MD_SPECIAL.sub(r"\\\1", str(text))


def href(url: object) -> str:
    """A link target for Markdown: the URL with the characters that could end it percent-encoded;
    ``#`` (this page) for anything that is not an http(s) URL, so data never yields a script link."""
    if not is_http_url(url):
        return "#"
    return str(url).translate(_TARGET_ESCAPES)


def link(url: str, text: str | None = None) -> str:
    """A Markdown link with escaped text (the URL itself by default) and a target that cannot break
    out of the parentheses; plain text when the URL is not http(s)."""
    label = md(url if text is None else text)
    return f"[{label}]({href(url)})" if is_http_url(url) else label


def show_data_error(exc: DataError, lang: str) -> None:
    """A broken data file: one message naming the files, then every problem, one per line; never a traceback."""
    files = dict.fromkeys(p.file.split(":", 1)[0] for p in exc.problems)
    st.error(t("error.data", lang, files=", ".join(files), problems=tn("count.problem", len(exc.problems), lang)))
    st.code("\n".join(str(p) for p in exc.problems), language=None, wrap_lines=True)


@dataclass(frozen=True)
class Labels:
    """Display names for the slugs, in the reader's language."""

    lang: str
    data: Data

    def sector(self, slug: str) -> str:
        return t(f"sector.{slug}", self.lang)

    def region(self, slug: str) -> str:
        return self.data.regions.labels.get(self.lang, self.data.regions.label).get(slug, slug)

    def category(self, slug: str) -> str:
        return self.data.categories.labels.get(self.lang, self.data.categories.label).get(slug, slug)

    def country(self, code: str) -> str:
        return self.data.country_names.get(code) or formats.country_name(code, self.lang)

    def of(self, key: str) -> Callable[[str], str]:
        return {"sector": self.sector, "region": self.region, "category": self.category, "country": self.country}[key]

    def date(self, iso: str) -> str:
        """A full or partial ISO date in the reader's language: '5 décembre 2023', 'janvier 1998', '1992'."""
        return formats.date(iso, self.lang)

    def number(self, value: int | float) -> str:
        """'1 234' in French, '1,234' in English."""
        return formats.number(value, self.lang)

    def decimal(self, value: float, digits: int) -> str:
        """'45,3' in French, '45.3' in English, always with ``digits`` decimals."""
        return formats.decimal(value, self.lang, digits)

    def percent(self, share: float) -> str:
        """'44 %' in French, '44%' in English."""
        return formats.percent(share, self.lang)

    def text(self, value: LocalText) -> str:
        """A text from the data files in the reader's language."""
        return value.get(self.lang)
