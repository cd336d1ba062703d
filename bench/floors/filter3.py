"""Floor: one sidebar filter and three small Plotly bar charts that follow it (a page with three charts)."""

import streamlit as st
from many import draw  # streamlit run puts this folder on the import path

COUNTS = {"academia": 18, "company": 25, "government": 2, "nonprofit": 7, "research_institute": 5}
chosen = st.sidebar.multiselect("Sector", list(COUNTS)) or list(COUNTS)
draw(3, chosen, [COUNTS[s] for s in chosen])
