"""Floor: 6 small Plotly bar charts, two to a row: the least a page that draws 6 charts can cost."""

import plotly.graph_objects as go
import streamlit as st

columns = st.columns(2)
for i in range(6):
    if i and i % 2 == 0:
        columns = st.columns(2)
    with columns[i % 2]:
        st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c", "d", "e"], y=[25, 18, 7, 5, 2 + i])))
