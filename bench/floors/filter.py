"""Floor: one sidebar filter and one small Plotly bar chart that follows it."""

import plotly.graph_objects as go
import streamlit as st

COUNTS = {"academia": 18, "company": 25, "government": 2, "nonprofit": 7, "research_institute": 5}
chosen = st.sidebar.multiselect("Sector", list(COUNTS)) or list(COUNTS)
st.plotly_chart(go.Figure(go.Bar(x=chosen, y=[COUNTS[s] for s in chosen])))
