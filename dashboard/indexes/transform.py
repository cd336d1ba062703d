"""Pure reshaping of the imported indexes for their pages: totals, means, domains, the openness grid."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence

import pandas as pd

from dashboard.indexes.schema import INDEX_DIMENSIONS

# 'What counts as open?' read against the openness index: each of our criteria and its dimensions there.
INDEX_CRITERIA: dict[str, tuple[str, ...]] = {
    "weights": ("llmweights", "rlweights"),
    "data": ("llmdata", "rldata"),
    "code": ("opencode",),
    "licence": ("license",),
    "documentation": ("modelcard", "datasheet"),
}
DOMAINS: tuple[str, ...] = ("Upstream", "Model", "Downstream")
MAX_MODELS = 4  # models shown side by side: each is a column, and four still read on a phone
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def member_names(developers: pd.DataFrame, index: str, shown: Collection[str]) -> dict[str, tuple[str, ...]]:
    """Developer name -> the member ids it maps to that are among ``shown`` (the filtered members)."""
    rows = developers[developers["index"] == index]
    found = {n: tuple(m for m in ms if m in shown) for n, ms in zip(rows["name"], rows["members"], strict=True)}
    return {n: ms for n, ms in found.items() if ms}


def fmti_totals(scores: pd.DataFrame, members: dict[str, tuple[str, ...]]) -> pd.DataFrame:
    """One row per edition and developer: total (0-100) and whether the developer is a (shown) member."""
    totals = scores.groupby(["edition", "developer"], as_index=False)["score"].sum().rename(columns={"score": "total"})
    totals["member"] = totals["developer"].isin(list(members))
    return totals.sort_values(["edition", "total", "developer"], ascending=[True, False, True]).reset_index(drop=True)


def repeated(totals: pd.DataFrame) -> pd.DataFrame:
    """The totals of developers scored in more than one edition."""
    counts = totals.groupby("developer")["edition"].transform("nunique")
    return totals[counts > 1].sort_values(["developer", "edition"]).reset_index(drop=True)


def group_means(totals: pd.DataFrame) -> pd.DataFrame:
    """Per edition, the mean total of member and of other developers, with n (a group may be absent)."""
    grouped = totals.groupby(["edition", "member"], as_index=False).agg(mean=("total", "mean"), n=("total", "size"))
    grouped["mean"] = grouped["mean"].round(1)
    return grouped.sort_values(["edition", "member"], ascending=[True, False]).reset_index(drop=True)


def domain_scores(scores: pd.DataFrame, edition: str) -> pd.DataFrame:
    """For one edition: per subdomain (in domain order) and developer, the share of indicators met, in %."""
    rows = scores[scores["edition"] == edition]
    cells = rows.groupby(["domain", "subdomain", "developer"], as_index=False).agg(
        met=("score", "sum"), indicators=("score", "size")
    )
    cells["percent"] = (100 * cells["met"] / cells["indicators"]).round().astype(int)
    first_seen = {s: i for i, s in enumerate(dict.fromkeys(rows["subdomain"]))}  # the index's own order
    ranks = {"d": cells["domain"].map(DOMAINS.index), "s": cells["subdomain"].map(first_seen)}
    cells = cells.assign(**ranks).sort_values(["d", "s", "developer"])
    return cells.drop(columns=["d", "s"]).reset_index(drop=True)


def domain_matrix(cells: pd.DataFrame, order: Sequence[str]) -> pd.DataFrame:
    """Developers (rows, in ``order``) x domains: the share of the domain's indicators met, in %."""
    sums = cells.groupby(["developer", "domain"])[["met", "indicators"]].sum()
    share = (100 * sums["met"] / sums["indicators"]).round().astype(int).unstack("domain")
    return share.reindex(index=list(order), columns=[d for d in DOMAINS if d in share.columns])


def subdomain_matrix(cells: pd.DataFrame, order: Sequence[str]) -> pd.DataFrame:
    """Subdomains (rows, 'Domain · Subdomain', in the index's order) x developers (columns, in ``order``), in %."""
    labelled = cells.assign(row=cells["domain"] + " · " + cells["subdomain"])
    rows = list(dict.fromkeys(labelled["row"]))
    return labelled.pivot(index="row", columns="developer", values="percent").reindex(index=rows, columns=list(order))


def openness_grid(grades: pd.DataFrame, members: dict[str, tuple[str, ...]], required: Sequence[str]) -> pd.DataFrame:
    """One row per model: organisation, base model, a grade per dimension, member flag, whether it meets
    every required criterion (all its dimensions open) and the number of open dimensions.

    Members' models first, then by open dimensions, then by name."""
    wide = grades.pivot(index=["model", "organisation", "base_model"], columns="dimension", values="grade")
    wide = wide.reindex(columns=list(INDEX_DIMENSIONS)).reset_index()
    wide.columns.name = None
    wide["member"] = wide["organisation"].isin(list(members))
    wide["open_count"] = (wide[list(INDEX_DIMENSIONS)] == "open").sum(axis=1)
    needed = [d for c in required for d in INDEX_CRITERIA[c]]
    wide["qualifies"] = (wide[needed] == "open").all(axis=1) if needed else True
    order = wide.assign(key=wide["model"].str.casefold())
    order = order.sort_values(["member", "open_count", "key"], ascending=[False, False, True])
    return order.drop(columns="key").reset_index(drop=True)


def grade_links(grades: pd.DataFrame, model: str) -> pd.DataFrame:
    """One model's grades with the link each rests on, in the index's dimension order."""
    rows = grades[grades["model"] == model].copy()
    rows["rank"] = rows["dimension"].map(INDEX_DIMENSIONS.index)
    return rows.sort_values("rank").drop(columns="rank").reset_index(drop=True)


def slug(name: str) -> str:
    """A model name as a URL value: lower-case ASCII letters and digits, runs of anything else one hyphen."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return _NOT_SLUG.sub("-", ascii_name.lower()).strip("-") or "model"


def model_slugs(names: Iterable[str]) -> dict[str, str]:
    """Slug -> model name for every distinct name, in name order; a slug already taken gets -2, -3, ..."""
    found: dict[str, str] = {}
    for name in sorted(set(names), key=lambda n: (n.casefold(), n)):
        base = candidate = slug(name)
        count = 1
        while candidate in found:
            count += 1
            candidate = f"{base}-{count}"
        found[candidate] = name
    return found


def model_grades(grades: pd.DataFrame, models: Sequence[str]) -> pd.DataFrame:
    """The chosen models' grades and links: one row per model and dimension, dimensions in the index's order,
    models in the order given (columns dimension, model, grade, link)."""
    rows = grades[grades["model"].isin(list(models))]
    ranks = {"d": rows["dimension"].map(INDEX_DIMENSIONS.index), "m": rows["model"].map(list(models).index)}
    rows = rows.assign(**ranks).sort_values(["d", "m"])
    return rows[["dimension", "model", "grade", "link"]].reset_index(drop=True)
