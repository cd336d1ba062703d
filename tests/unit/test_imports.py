"""The direction of imports: the pure modules never pull in Streamlit."""

import subprocess
import sys

import pytest

from dashboard import paths

PURE = [
    "dashboard.paths",
    "dashboard.validation",
    "dashboard.schema",
    "dashboard.data",
    "dashboard.filters",
    "dashboard.transform",
    "dashboard.figures",
    "dashboard.map_figures",
    "dashboard.i18n",
    "dashboard.formats",
    "dashboard.routes",
    "dashboard.cli",
    "dashboard.sources",
    "dashboard.index_schema",
    "dashboard.indexes",
    "dashboard.index_transform",
    "dashboard.index_figures",
    "dashboard.theme",
    "dashboard.chartdata",
]


@pytest.mark.parametrize("module", PURE)
def test_pure_module_does_not_import_streamlit(module: str) -> None:
    code = f"import sys, {module}; print('streamlit' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=paths.ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
