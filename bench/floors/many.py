"""Small Plotly bar charts, two to a row: the floors for pages that draw several charts (charts3.py, charts6.py)."""

import plotly.graph_objects as go
import streamlit as st


def draw(charts: int) -> None:
    columns = st.columns(2)
    for i in range(charts):
        if i and i % 2 == 0:
            columns = st.columns(2)
        with columns[i % 2]:
            st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c", "d", "e"], y=[25, 18, 7, 5, 2 + i])))
