"""'What counts as open?': which models meet the components a reader requires; no Streamlit here."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from dashboard.models.schema import DIMENSIONS, GRADIENT, Model

# The components a reader can require (the URL's `require` values), and the release dimension each reads.
# 'What counts as open?': the reader's criteria, as URL values (require=weights&require=data), each with the
# dimension of our grades it asks to be open.
CRITERIA_KEYS: tuple[str, ...] = ("weights", "data", "code", "licence", "documentation")
CRITERIA: dict[str, str] = dict(
    zip(CRITERIA_KEYS, ("weights", "training_data", "training_code", "licence", "documentation"), strict=True)
)
SCORE = {"open": 2, "partial": 1, "closed": 0}


def qualifies(model: Model, required: Sequence[str]) -> bool:
    """A model counts as open when every required component was released openly (partial does not count)."""
    return all(getattr(model.dimensions, CRITERIA[c]).value == "open" for c in required)


def openness_score(model: Model) -> int:
    """0 (closed in every dimension) to 2 x the number of dimensions (open in all)."""
    return sum(SCORE[getattr(model.dimensions, d).value] for d in DIMENSIONS)


def models_frame(models: Sequence[Model], required: Sequence[str]) -> pd.DataFrame:
    """One row per model: its grades per dimension, gradient level, score and whether it qualifies."""
    rows = []
    for m in models:
        row: dict[str, object] = {
            "id": m.id, "name": m.name, "developer": m.developer, "member": m.developer_member_id,
            "licence_name": m.licence_name.en,
            "release_date": m.release_date, "gradient": m.gradient, "gradient_rank": GRADIENT.index(m.gradient),
            "score": openness_score(m), "qualifies": qualifies(m, required),
        }  # fmt: skip
        row.update({d: getattr(m.dimensions, d).value for d in DIMENSIONS})
        rows.append(row)
    frame = pd.DataFrame(rows)
    return frame.sort_values(["score", "release_date"], ascending=[False, True]).reset_index(drop=True)
