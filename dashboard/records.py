"""The strict base of every data model: record settings, field types with their checks, text in every language."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from dashboard.validation import check_country, check_iso_date, check_url

SLUG_RE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
Slug = Annotated[str, Field(pattern=SLUG_RE.pattern, min_length=1, max_length=80)]
Text = Annotated[str, Field(min_length=1, max_length=500)]


# Reusable field types: each carries its own check, so a model never repeats a validator.
Url = Annotated[str, Field(max_length=2000), AfterValidator(check_url)]
IsoDate = Annotated[str, AfterValidator(check_iso_date)]
Country = Annotated[str, AfterValidator(check_country)]


class Record(BaseModel):
    """Shared settings: unknown keys are errors, types are strict (no silent coercion)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# Text that readers see comes in every language of the app, side by side: `label: {en: ..., fr: ...}`.
# A missing language is a validation error (`label.fr: Field required`), never a silent fallback.
LANGUAGES: tuple[str, ...] = ("en", "fr")


class LocalText(Record):
    """A short text (a label, a title, a point) in every language of the app."""

    en: Text
    fr: Text

    def get(self, lang: str) -> str:
        """The text in ``lang`` (English for a language the data does not carry)."""
        return str(getattr(self, lang if lang in LANGUAGES else "en"))


def local_texts(value: object) -> Iterator[LocalText]:
    """Every LocalText inside a validated record or a list of records (the data files' reader-facing text)."""
    if isinstance(value, LocalText):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from local_texts(getattr(value, name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from local_texts(item)


class LocalParagraph(LocalText):
    """A longer text (a summary, an argument) in every language of the app."""

    en: Annotated[str, Field(min_length=1, max_length=2000)]
    fr: Annotated[str, Field(min_length=1, max_length=2000)]


class Sourced(Record):
    """A claim with the page that supports it."""

    source: Url


# How open one dimension of a release is: our grades and the openness index use the same three words.
Grade = Literal["open", "partial", "closed"]
