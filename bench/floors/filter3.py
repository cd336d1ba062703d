"""Floor: one sidebar filter and three small Plotly bar charts that follow it (a page with three charts)."""

import plotly.graph_objects as go
import streamlit as st

COUNTS = {"academia": 18, "company": 25, "government": 2, "nonprofit": 7, "research_institute": 5}
chosen = st.sidebar.multiselect("Sector", list(COUNTS)) or list(COUNTS)
left, right = st.columns(2)
for i, column in enumerate((left, right, st.container())):
    with column:
        st.plotly_chart(go.Figure(go.Bar(x=chosen, y=[COUNTS[s] + i for s in chosen])))
