"""Floor: the least a Streamlit page can do."""

import streamlit as st

st.write("Hello")
