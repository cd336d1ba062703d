"""The page context every helper receives: route, language, data, filters, labels and the page's own keys."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import pandas as pd

from dashboard.charts import style as figures
from dashboard.i18n import DEFAULT_LANG, t, tn
from dashboard.members import filters
from dashboard.members.filters import FilterState, Options
from dashboard.ui.cache import Data
from dashboard.ui.text import Labels

CHART_LINE = 64  # characters per line of the filters under a chart title, so they fit a phone

# ---------------------------------------------------------------- the page context


@dataclass(frozen=True)
class Page:
    """What a page script needs: the data, the filters, the filtered rows and the language."""

    key: str
    lang: str
    data: Data
    state: FilterState
    options: Options
    members: pd.DataFrame  # the filtered rows
    labels: Labels
    params: Mapping[str, str]  # this page's own URL keys (view, preset, ...), validated
    multi: Mapping[str, tuple[str, ...]]  # this page's own repeatable URL keys (require), validated
    embedded: bool = False  # opened with embed=true: no sidebar, the view stated in words instead

    def t(self, key: str, **values: Any) -> str:
        return t(key, self.lang, **values)

    def tn(self, key: str, n: int, **values: Any) -> str:
        """A counted phrase in the page's language ('1 country', '6 countries')."""
        return tn(key, n, self.lang, **values)

    @property
    def empty(self) -> bool:
        return self.members.empty

    def nav_query(self) -> dict[str, list[str]]:
        """The shared part of the URL (filters and language) that every link carries."""
        query = filters.to_query(self.state)
        if self.lang != DEFAULT_LANG:
            query["lang"] = [self.lang]
        return query

    def view_parts(self) -> list[str]:
        """The active filters in words, one part per filter ('Sector: Academia, Nonprofit'); none at the defaults."""
        parts = []
        for key in filters.LIST_KEYS:
            chosen = getattr(self.state, key)
            if chosen:
                name = self.labels.of(key)
                parts.append(self.t("view.part", filter=self.t(f"filters.{key}"), values=", ".join(map(name, chosen))))
        if self.state.q:
            parts.append(self.t("view.search", q=self.state.q))
        if self.state.asof:
            parts.append(self.t("view.part", filter=self.t("filters.asof"), values=self.labels.date(self.state.asof)))
        return parts

    def view_words(self) -> str:
        """The whole view in one sentence, for captions: 'Showing: Sector: Academia; Country: Switzerland'."""
        parts = self.view_parts()
        return self.t("view.filtered", filters=self.t("text.list_sep").join(parts)) if parts else self.t("view.all")

    def source_line(self, source: str | None = None, *, restate: bool = True) -> str:
        """A chart's source line (ours unless given); with filters active, the filters in words above it, so a
        PNG says what it shows. ``restate=False`` for a chart the filters do not change: restating them would
        change (and redraw) it on every filter change while its data stays the same."""
        source = source or self.t("chart.source", version=self.labels.date(self.data.alliance.data_version))
        parts = self.view_parts() if restate else []
        if not parts:
            return source
        lines = figures.wrap_parts([self.t("view.chart")] + parts, width=CHART_LINE)
        return "<br>".join(figures.plot_text(line) for line in lines) + "<br>" + source

    @property
    def asof(self) -> str:
        """The membership date shown: the one chosen, or the launch."""
        return self.state.asof or self.options.asof[0]

    @cached_property
    def roster(self) -> pd.DataFrame:
        """Every member who had joined by the date shown, whatever the other filters (worked out once a run)."""
        return self.data.members[filters.joined_by(self.data.members, self.state.asof)]

    def as_of_line(self) -> str:
        """'57 members as of 5 December 2023' (all who had joined, before the other filters)."""
        return self.t("asof.headline", members=self.tn("count.member", len(self.roster)),
                      date=self.labels.date(self.asof))  # fmt: skip
