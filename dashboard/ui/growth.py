"""Membership over time on the Overview: the growth chart, its sentence and the table of events."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from dashboard.growth import transform as growth
from dashboard.growth.figures import membership_timeline
from dashboard.ui.charts import chart, figure
from dashboard.ui.page import Page
from dashboard.ui.text import link, md


def growth_sentence(page: Page) -> str:
    """'29 organisations joined after the launch, between …; the Alliance reported …', from the data."""
    data = page.data
    last_date = max(str(data.members["joined"].max()), str(data.events["date"].max()))
    g = growth.growth(data.members, data.events, asof=last_date)
    if g.later and g.first and g.last:
        text = page.t("overview.growth.sentence", later=page.tn("count.organisation", g.later),
                      first=page.labels.date(g.first), last=page.labels.date(g.last))  # fmt: skip
    else:
        text = page.t("overview.growth.none")
    if g.reported_date and g.reported_wording:
        text += " " + page.t("overview.growth.reported_sentence", wording=g.reported_wording,
                             date=page.labels.date(g.reported_date))  # fmt: skip
    else:
        text += " " + page.t("overview.growth.no_reported")
    return text


def growth_section(page: Page) -> None:
    """The step chart of members over time with events, the sentence, and the events with their sources."""
    data = page.data
    st.header(page.t("overview.growth.title"))
    st.markdown(growth_sentence(page))
    steps = growth.members_over_time(data.members, until=str(data.events["date"].max()))
    marks = growth.event_marks(data.events, steps)
    reported = growth.reported_totals(data.events)
    names = {key: page.t(f"overview.growth.{key}") for key in ("line", "events", "reported")}
    names["shown"] = page.t("overview.growth.shown", date=page.labels.date(page.asof))
    title = page.t("overview.growth.title")
    fig = figure(membership_timeline, steps, marks, reported, asof=page.asof, title=title, source=page.source_line(),
                 axis=page.t("overview.growth.axis"), names=names, lang=page.lang)  # fmt: skip
    chart(fig, alt=_alt(page, title, steps, marks, reported), key="growth", filename="members-over-time")
    st.subheader(page.t("overview.growth.events_table"))
    numbers = dict(zip(marks["date"], marks["number"], strict=True))
    st.markdown("\n".join(_event_line(page, row, numbers.get(row.date)) for row in data.events.itertuples()))


def _alt(page: Page, title: str, steps: pd.DataFrame, marks: pd.DataFrame, reported: pd.DataFrame) -> str:
    points = ", ".join(f"{page.labels.date(d)}: {c}" for d, c in zip(steps["date"], steps["count"], strict=True))
    events = "; ".join(
        f"{page.labels.date(d)}: {t.replace('<br>', ', ')}" for d, t in zip(marks["date"], marks["title"], strict=True)
    )
    text = page.t("overview.growth.alt", title=title, steps=points, events=events)
    if not reported.empty:
        totals = "; ".join(
            f"{page.labels.date(d)} ({page.t('overview.events.stated', wording=w)})"
            for d, w in zip(reported["date"], reported["count_wording"], strict=True)
        )
        text += " " + page.t("overview.growth.alt_reported", totals=totals)
    return text


def _event_line(page: Page, event: Any, number: int | None) -> str:
    """'- **[2] 8 February 2024**: 25+ new members announced (stated: “…”; named: 28) [source](…)'; the
    number is the marker's on the chart."""
    parts = []
    if isinstance(event.count_wording, str):
        parts.append(page.t("overview.events.stated", wording=md(event.count_wording)))
    if event.named:
        parts.append(page.t("overview.events.named", n=event.named))
    detail = f" ({'; '.join(parts)})" if parts else ""
    mark = f"[{number}] " if number else ""
    return (f"- **{md(mark + page.labels.date(event.date))}**: {md(event.title)}{detail} "
            f"{link(event.source, page.t('overview.events.source'))}")  # fmt: skip
