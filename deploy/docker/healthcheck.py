"""The container's HEALTHCHECK: exit 0 when Streamlit answers on /_stcore/health at its port and base path."""

import os
import sys
import urllib.request

port = os.environ.get("STREAMLIT_SERVER_PORT", "8501")
base = os.environ.get("STREAMLIT_SERVER_BASE_URL_PATH", "").strip("/")
url = f"http://127.0.0.1:{port}/{base + '/' if base else ''}_stcore/health"
try:
    with urllib.request.urlopen(url, timeout=4) as response:
        sys.exit(0 if response.status == 200 else 1)
except OSError as error:
    print(f"{url}: {error}", file=sys.stderr)
    sys.exit(1)
