"""Small Plotly bar charts, two to a row: the floors for pages that draw several charts (charts3.py, charts6.py,
filter3.py)."""

from collections.abc import Sequence

import plotly.graph_objects as go
import streamlit as st

LETTERS = ("a", "b", "c", "d", "e")
HEIGHTS = (25, 18, 7, 5, 2)


def draw(charts: int, x: Sequence[str] = LETTERS, y: Sequence[int] = HEIGHTS) -> None:
    """``charts`` bar charts of ``x`` and ``y``, the i-th with every bar i higher (so no two are the same)."""
    columns = st.columns(2)
    for i in range(charts):
        if i and i % 2 == 0:
            columns = st.columns(2)
        with columns[i % 2]:
            st.plotly_chart(go.Figure(go.Bar(x=list(x), y=[v + i for v in y])))
