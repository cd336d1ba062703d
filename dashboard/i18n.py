"""Translation: ``t(key, lang, **values)`` over the flat YAML files in dashboard/locales/: ``<lang>.yaml`` and, for a
page with many strings of its own, ``<lang>/<page>.yaml`` beside it (one catalogue per language all the same)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from babel import Locale

from dashboard import paths
from dashboard.files import SAFE_LOADER
from dashboard.formats import babel_locale, number

DEFAULT_LANG = "en"


@cache
def catalog(lang: str) -> dict[str, str]:
    """All strings of one locale, keyed by dotted name: the language's main file, then its page files."""
    folder = Path(paths.LOCALES_DIR)
    main = folder / f"{lang}.yaml"
    if not main.is_file():
        return {}
    strings: dict[str, str] = {}
    for path in [main, *sorted((folder / lang).glob("*.yaml"))]:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or {}  # noqa: S506 - a safe loader
        strings |= {str(k): str(v) for k, v in raw.items()}
    return strings


def languages() -> list[str]:
    """The locale codes that have a file, English first."""
    codes = sorted(p.stem for p in Path(paths.LOCALES_DIR).glob("*.yaml"))
    return sorted(codes, key=lambda c: c != DEFAULT_LANG)


def pick_language(given: Sequence[str], known: Sequence[str]) -> tuple[str, bool]:
    """The language a query string asks for (its last ``lang``), or the default; and whether it was unknown."""
    wanted = str(given[-1]) if given else DEFAULT_LANG
    return (wanted, False) if wanted in known else (DEFAULT_LANG, True)


def t(key: str, lang: str = DEFAULT_LANG, /, **values: Any) -> str:
    """The text for ``key`` in ``lang`` (English when missing there), with ``{placeholders}`` filled;
    whole numbers are written the language's way (``1,234`` / ``1 234``)."""
    text = catalog(lang).get(key) or catalog(DEFAULT_LANG).get(key) or key
    if not values:
        return text
    shown = {k: number(v, lang) if isinstance(v, int) and not isinstance(v, bool) else v for k, v in values.items()}
    return text.format(**shown)


def tn(key: str, n: int, lang: str = DEFAULT_LANG, /, **values: Any) -> str:
    """A counted phrase: ``key.one`` where the language's plural rule says "one" (English: 1; French: 0
    and 1), else ``key.other``, with ``{n}`` filled."""
    form = Locale.parse(babel_locale(lang)).plural_form(n)
    return t(f"{key}.{'one' if form == 'one' else 'other'}", lang, n=n, **values)
