"""Floor: our own page set-up and one small Plotly bar chart that follows the filters.

`dashboard.ui.setup` draws what every page of ours carries: the sidebar with its page links, four filters
with counts, the search box, the membership date, reset, the share box and the language. The chart counts
the filtered members by sector. So this is the least any page of ours can cost; the benchmark runs it as the
main script of a copy of the app, since the page links need the app's pages/ beside it."""

import plotly.graph_objects as go
import streamlit as st

from dashboard import ui

page = ui.setup("overview")
counts = page.members["sector"].value_counts()
st.plotly_chart(go.Figure(go.Bar(x=list(counts.index), y=counts.tolist())))
