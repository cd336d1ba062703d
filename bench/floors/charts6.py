"""Floor: 6 small Plotly bar charts, two to a row: the least a page that draws 6 charts can cost."""

from many import draw  # streamlit run puts this folder on the import path

draw(6)
