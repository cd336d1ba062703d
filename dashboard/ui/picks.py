"""Repeatable URL keys whose values come from imported data (developer=, model=), not from the router.

The router checks a page's own keys against fixed lists; these keys' accepted values are the data's, so each
page checks them run by run here: unknown values, repeats and anything past the limit are dropped from the
URL, and the app's usual notice says which keys lost something. The picker is a multiselect seeded from the
URL's values whose callback writes the URL, like every other filter (see url.py for why)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

import streamlit as st

from dashboard.ui.page import Page
from dashboard.ui.url import WIDGET, set_url, url_values


def url_picks(key: str, known: Collection[str], limit: int) -> tuple[tuple[str, ...], bool]:
    """The URL's values of ``key`` found in ``known``, each once, in the reader's order, at most ``limit``, and
    whether any value was left out; the URL is rewritten to the values kept."""
    given = url_values(key)
    picked = tuple(dict.fromkeys(v for v in given if v in known))[:limit]
    dropped = any(v not in known for v in given) or len(set(given)) > len(picked)
    set_url(key, list(picked))
    return picked, dropped


def dropped_notice(page: Page, keys: Sequence[str]) -> None:
    """The app's quiet notice that these URL keys had values left out (nothing when there are none)."""
    if keys:
        st.caption("ℹ️ " + page.t("notice.dropped", keys=", ".join(keys)))


def on_picks(key: str, limit: int) -> None:
    """Widget callback: the picker's values become the URL's."""
    set_url(key, list(st.session_state.get(WIDGET.format(key)) or [])[:limit])


def picker(key: str, names: Mapping[str, str], chosen: Sequence[str], *, label: str, placeholder: str,
           limit: int) -> None:  # fmt: skip
    """A multiselect of ``names`` (slug -> shown name) seeded with ``chosen``, at most ``limit``, writing ``key=``."""
    st.session_state[WIDGET.format(key)] = list(chosen)
    st.multiselect(
        label, list(names), key=WIDGET.format(key), format_func=lambda s: names[s],
        max_selections=limit, on_change=on_picks, args=(key, limit), placeholder=placeholder,
    )  # fmt: skip
