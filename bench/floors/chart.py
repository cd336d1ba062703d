"""Floor: one small Plotly bar chart, the least a page with a chart can do."""

import plotly.graph_objects as go
import streamlit as st

st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c", "d", "e"], y=[25, 18, 7, 5, 2])))
