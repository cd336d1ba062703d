"""Overview: the launch facts and headline figures, computed from the data files."""

import streamlit as st

from dashboard.data import load_alliance, load_members
from dashboard.i18n import t
from dashboard.schema import DataError

st.set_page_config(page_title=t("app.title"), layout="wide")
st.title(t("app.title"))
try:
    members, alliance = load_members(), load_alliance()
except DataError as exc:
    st.error(t("error.data", problems=len(exc.problems)))
    st.code(str(exc), language=None)
    st.stop()
st.metric(t("overview.members"), len(members))
st.write(
    t("overview.launch", date=alliance.launch_date.value, wording=alliance.count_wording.value, count=len(members))
)
