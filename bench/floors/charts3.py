"""Floor: 3 small Plotly bar charts, two to a row: the least a page that draws 3 charts can cost."""

from many import draw  # streamlit run puts this folder on the import path

draw(3)
