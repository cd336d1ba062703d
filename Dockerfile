# The app as a container: slim official Python, pinned requirements in a virtualenv, a numeric non-root user,
# and a root filesystem that can be mounted read-only (`docker run --read-only --tmpfs /tmp ...`).
#   docker build -t ai-alliance-explorer .
#   docker run -p 8501:8501 ai-alliance-explorer                      # http://localhost:8501/
#   docker run --read-only --tmpfs /tmp:size=16m -p 8501:8501 ai-alliance-explorer
#   docker run -p 8080:8080 -e STREAMLIT_SERVER_PORT=8080 -e STREAMLIT_SERVER_BASE_URL_PATH=explorer ai-alliance-explorer
# Streamlit reads every option from STREAMLIT_<SECTION>_<OPTION> variables, so the port and the base path
# are set at run time without a rebuild. tests/e2e/test_container.py runs these same steps without Docker
# (it reads this file), so keep each step a plain COPY, ENV or RUN.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    VENV=/opt/venv

WORKDIR /app
# The app's user and group, 10001. USER names them by number, which every host and runtime can resolve (a name
# needs this image's /etc/passwd); the entry here gives the id a name and a home for tools that look one up.
RUN groupadd --gid 10001 explorer \
    && useradd --no-log-init --create-home --uid 10001 --gid 10001 --shell /usr/sbin/nologin explorer

COPY requirements.txt ./
RUN python -m venv "$VENV" && "$VENV/bin/python" -m pip install --quiet -r requirements.txt

# Everything below /app and /opt/venv belongs to root and is read-only to the app's user. The app writes no file:
# tests/e2e/test_container.py runs it with everything read-only but /tmp, which is there only for a library that
# asks for a temporary file.
COPY .streamlit/ .streamlit/
COPY streamlit_app.py ./
COPY pages/ pages/
COPY dashboard/ dashboard/
COPY data/ data/
COPY static/ static/
COPY deploy/docker/healthcheck.py deploy/docker/healthcheck.py

ENV PATH="/opt/venv/bin:$PATH" \
    STREAMLIT_SERVER_PORT=8501 \
    STREAMLIT_SERVER_ADDRESS=0.0.0.0 \
    STREAMLIT_SERVER_BASE_URL_PATH="" \
    STREAMLIT_SERVER_HEADLESS=true \
    STREAMLIT_SERVER_FILE_WATCHER_TYPE=none \
    STREAMLIT_BROWSER_GATHER_USAGE_STATS=false

USER 10001:10001
EXPOSE 8501
# The server runs every page once before it listens (dashboard/ui/serve.py), so healthy means warm: the first
# reader waits no longer than the next. On the shipped data that takes a few seconds; at 100,000 members, with a
# snapshot, about five; without one (a first start), about a minute, hence the start period.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 CMD ["python", "deploy/docker/healthcheck.py"]
CMD ["python", "-m", "dashboard.ui.serve", "run", "streamlit_app.py"]
