"""Numbers, percentages, dates and country names in the reader's language (Babel, pycountry); no Streamlit.

Every figure a page shows goes through these, so a French reader sees ``1 234``, ``44 %`` and
``5 décembre 2023`` in the prose, the tables, the charts' ticks, hover text and labels alike.
English follows British usage (``5 December 2023``), as the rest of the English text does.
"""

from __future__ import annotations

import datetime as dt
import gettext
from functools import cache

import pycountry
from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal, format_percent, get_decimal_symbol, get_group_symbol

BABEL_LOCALES: dict[str, str] = {"en": "en_GB", "fr": "fr_FR"}


def babel_locale(lang: str) -> str:
    """The Babel locale of one of our language codes (British English for anything unknown)."""
    return BABEL_LOCALES.get(lang, BABEL_LOCALES["en"])


def number(value: int | float, lang: str) -> str:
    """A count or measure with the language's separators: ``1,234`` / ``1 234`` (narrow no-break space)."""
    return format_decimal(value, locale=babel_locale(lang))


def decimal(value: float, lang: str, digits: int) -> str:
    """A measure with exactly ``digits`` decimals: ``47.3763`` / ``47,3763``."""
    return format_decimal(value, format="#,##0." + "0" * digits, locale=babel_locale(lang))


def percent(share: float, lang: str) -> str:
    """A share (0.44) as a whole percentage: ``44%`` / ``44 %`` (no-break space)."""
    return format_percent(share, locale=babel_locale(lang))


def separators(lang: str) -> str:
    """Plotly's ``layout.separators``: the decimal mark, then the thousands separator."""
    locale = babel_locale(lang)
    return get_decimal_symbol(locale) + get_group_symbol(locale)


def date(iso: str, lang: str) -> str:
    """A full or partial ISO date: ``1992`` -> ``1992``; ``1998-01`` -> ``janvier 1998``;
    ``2023-12-05`` -> ``5 décembre 2023``."""
    parts = [int(p) for p in iso.split("-")]
    locale = babel_locale(lang)
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return format_skeleton("yMMMM", dt.date(parts[0], parts[1], 1), locale=locale)
    return format_date(dt.date(*parts), format="long", locale=locale)


@cache
def _catalogue(domain: str, lang: str) -> gettext.NullTranslations:
    """pycountry's own gettext catalogue of ISO 3166 names, ``iso3166-1`` (countries) or ``iso3166-2``
    (subdivisions); a null one for English."""
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang], fallback=True)


def country_name(code: str, lang: str = "en") -> str:
    """The common name of an ISO 3166-1 alpha-3 code in ``lang`` (``KOR`` -> ``South Korea`` / ``Corée du Sud``);
    the code itself when pycountry does not know it."""
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    english = str(getattr(country, "common_name", None) or country.name)
    return _catalogue("iso3166-1", lang).gettext(english)


def subdivision_name(name: str, lang: str = "en") -> str:
    """A first-level subdivision's English ISO 3166-2 name in ``lang`` (``California`` -> ``Californie``)."""
    return _catalogue("iso3166-2", lang).gettext(name)
