"""Numbers, percentages, dates and country names follow the reader's language."""

from __future__ import annotations

import pytest

from dashboard.formats import country_name, date, number, percent, separators

NNBSP, NBSP = "\u202f", "\u00a0"


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [(1234, "en", "1,234"), (1234, "fr", f"1{NNBSP}234"), (57, "fr", "57"), (1234567, "fr", f"1{NNBSP}234{NNBSP}567")],
)
def test_numbers_use_the_languages_separators(value: int, lang: str, expected: str) -> None:
    assert number(value, lang) == expected


@pytest.mark.parametrize(
    ("share", "lang", "expected"), [(0.44, "en", "44%"), (0.44, "fr", f"44{NBSP}%"), (0.316, "fr", f"32{NBSP}%")]
)
def test_percentages_are_whole_and_spaced_the_french_way(share: float, lang: str, expected: str) -> None:
    assert percent(share, lang) == expected


@pytest.mark.parametrize(
    ("iso", "lang", "expected"),
    [
        ("2023-12-05", "en", "5 December 2023"),
        ("2023-12-05", "fr", "5 décembre 2023"),
        ("1991-10-02", "fr", "2 octobre 1991"),
        ("1998-01", "en", "January 1998"),
        ("1998-01", "fr", "janvier 1998"),
        ("1992", "fr", "1992"),
    ],
)
def test_full_and_partial_dates(iso: str, lang: str, expected: str) -> None:
    assert date(iso, lang) == expected


@pytest.mark.parametrize(
    ("code", "en", "fr"),
    [("USA", "United States", "États-Unis"), ("KOR", "South Korea", "Corée du Sud"), ("CHE", "Switzerland", "Suisse"),
     ("TWN", "Taiwan", "Taïwan"), ("ARE", "United Arab Emirates", "Émirats arabes unis")],
)  # fmt: skip
def test_country_names_come_from_pycountrys_catalogues(code: str, en: str, fr: str) -> None:
    assert country_name(code, "en") == en
    assert country_name(code, "fr") == fr


def test_unknown_country_code_is_shown_as_it_is() -> None:
    assert country_name("XXX", "fr") == "XXX"


def test_plotly_separators_are_decimal_mark_then_thousands() -> None:
    assert separators("en") == ".,"
    assert separators("fr") == "," + NNBSP
