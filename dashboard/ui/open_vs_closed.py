"""Helpers of the Open vs closed page: the model grades, 'what counts as open?' and the release gradient."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard.charts.theme import GRADE_SYMBOLS
from dashboard.models.schema import DIMENSIONS, Initiatives, Model
from dashboard.ui.charts import on_request
from dashboard.ui.page import Page
from dashboard.ui.text import link, md


def model_table(page: Page, frame: pd.DataFrame) -> None:
    """Models x dimensions with a symbol and a word per grade (never colour alone), sortable."""
    grade = {g: f"{GRADE_SYMBOLS[g]} {page.t(f'initiatives.grade.{g}')}" for g in GRADE_SYMBOLS}
    table = pd.DataFrame({"name": frame["name"], "developer": frame["developer"]})
    table["member"] = frame["member"].map(lambda m: page.t("initiatives.yes") if isinstance(m, str) else "—")
    for d in DIMENSIONS:
        table[d] = frame[d].map(grade)
    table["score"] = frame["score"]
    table["qualifies"] = frame["qualifies"].map({True: "✔", False: "✘"})
    config = {c: st.column_config.TextColumn(page.t(f"initiatives.col.{c}")) for c in table.columns if c != "score"}
    config["score"] = st.column_config.NumberColumn(
        page.t("initiatives.col.score"), help=page.t("initiatives.score_help")
    )
    st.dataframe(table, hide_index=True, width="stretch", column_config=config, key="model_table")


def model_details(page: Page, models: Sequence[Model], levels: dict[str, str]) -> None:
    """Per model, every judgement with its note and source, one click away."""
    for m in models:
        with on_request(page.t("initiatives.details", name=md(m.name)), key=f"details_{m.id}") as opened:
            if not opened:
                continue
            st.markdown(
                page.t("initiatives.released", developer=md(m.developer), date=md(page.labels.date(m.release_date)))
                + " "
                + link(m.release_source, page.t("initiatives.source"))
            )
            source = link(m.gradient_source, page.t("initiatives.source"))
            st.markdown(f"**{md(levels[m.gradient])}** — {md(page.labels.text(m.gradient_note))} {source}")
            lines = []
            for d in DIMENSIONS:
                j = getattr(m.dimensions, d)
                name = page.t(f"initiatives.col.{d}")
                grade = page.t("text.label_value", label=md(name), value=md(page.t(f"initiatives.grade.{j.value}")))
                lines.append(f"- {GRADE_SYMBOLS[j.value]} **{grade}** — {md(page.labels.text(j.note))} "
                             f"{link(j.source, page.t('initiatives.source'))}")  # fmt: skip
            st.markdown("\n".join(lines))
            modes = ", ".join(page.t(f"initiatives.access.{a}") for a in m.access_modes)
            st.caption(page.t("initiatives.licence", licence=md(page.labels.text(m.licence_name)), access=modes))
            if m.notes:
                st.caption(md(page.labels.text(m.notes)))


@dataclass(frozen=True)
class Answers:
    """The keys of the three answers to 'what counts as open?': nothing ticked, some models qualify, none do."""

    none_required: str
    some: str  # a counted phrase (.one / .other)
    nothing: str


MODEL_ANSWERS = Answers("initiatives.open.none_required", "initiatives.open.some", "initiatives.open.nothing")


def qualifying(
    page: Page, frame: pd.DataFrame, required: Sequence[str], *, names: str = "name", answers: Answers = MODEL_ANSWERS
) -> None:
    """The answer to 'what counts as open?' for the components the reader ticked (``frame`` has ``qualifies``)."""
    if not required:
        st.info(page.t(answers.none_required, count=len(frame)))
        return
    qualified = list(frame.loc[frame["qualifies"], names])
    wanted = ", ".join(page.t(f"open_vs_closed.require.{c}") for c in required)
    if qualified:
        st.success(page.tn(answers.some, len(qualified), total=len(frame), wanted=wanted,
                           names=md(", ".join(qualified))))  # fmt: skip
    else:
        st.warning(page.t(answers.nothing, total=len(frame), wanted=wanted))


def gradient_levels(page: Page, initiatives: Initiatives, labels: dict[str, str]) -> None:
    """What each step of the release gradient means, with its source."""
    source = page.t("initiatives.source")
    lines = [f"{i}. **{md(labels[lvl.id])}** — {md(page.labels.text(lvl.description))} {link(lvl.source, source)}"
             for i, lvl in enumerate(initiatives.gradient, start=1)]  # fmt: skip
    st.markdown("\n".join(lines))


def gradient_alt(page: Page, title: str, frame: pd.DataFrame, labels: dict[str, str]) -> str:
    """The gradient chart as text: each level with the models placed on it."""
    parts = [page.t("text.label_value", label=labels[g], value=", ".join(frame.loc[frame["gradient"] == g, "name"]))
             for g in labels if (frame["gradient"] == g).any()]  # fmt: skip
    return page.t("chart.alt", title=title, pairs=page.t("text.list_sep").join(parts))


def gradient_list(page: Page, frame: pd.DataFrame, labels: dict[str, str]) -> None:
    """The gradient chart's placements as a numbered list, one click away under the chart: on a phone the
    chart's rows and columns shrink past reading, and the page cannot know the screen's width to swap them.
    Each level with its models in the chart's order (by release date), members' models marked."""
    with on_request(page.t("open_vs_closed.gradient.list"), key="gradient_list") as opened:
        if not opened:
            return
        mark = page.t("open_vs_closed.member_short")
        ordered = frame.sort_values(["gradient_rank", "release_date"])
        lines = []
        for i, (level, label) in enumerate(labels.items(), start=1):
            rows = ordered[ordered["gradient"] == level]
            names = [
                md(n) + (f" ({mark})" if pd.notna(m) else "") for n, m in zip(rows["name"], rows["member"], strict=True)
            ]
            lines.append(f"{i}. **{md(label)}** — {', '.join(names) or page.t('open_vs_closed.gradient.none')}")
        st.markdown("\n".join(lines))
