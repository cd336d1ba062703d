# One task file with every command. `make run` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run test unit e2e tools lint fmt typecheck validate bench load audit import-indexes import-alliance install dev-install preview clean

$(VENV)/.runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV) || \
	  { echo "$(PYTHON) -m venv failed: on Debian/Ubuntu install python3-venv (apt-get install -y python3-venv)"; exit 1; }
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(VENV)/.runtime
dev-install: $(VENV)/.dev

run: install ## start the app on http://localhost:8501 (every page runs once first, so the first reader gets it warm)
	$(PY) -m dashboard.ui.serve run streamlit_app.py --server.port $(PORT)

# The browser tests' Chromium (one already there, else Playwright's download, else Debian's package as root)
# and nginx for the proxy test. scripts/ensure_tools.py prints Chromium's path; the tests read EXPLORER_CHROMIUM.
tools: dev-install ## find or install Chromium and nginx for the browser tests
	@$(PY) scripts/ensure_tools.py

test: dev-install ## the whole suite, browser tests included
	EXPLORER_CHROMIUM="$$($(PY) scripts/ensure_tools.py)" && export EXPLORER_CHROMIUM && $(PY) -m pytest

unit: dev-install ## everything but the browser tests
	$(PY) -m pytest -m "not e2e"

e2e: dev-install ## the browser tests only
	EXPLORER_CHROMIUM="$$($(PY) scripts/ensure_tools.py)" && export EXPLORER_CHROMIUM && $(PY) -m pytest -m e2e

# checkov gets a virtualenv of its own: its dependencies pin packaging<24 and python-dateutil<3 (botocore), which
# would move packages the app and its tests run on away from what requirements.txt installs in production.
CHECKOV_VENV := $(VENV)/checkov
$(CHECKOV_VENV)/.installed: requirements-checkov.txt $(VENV)/.runtime
	test -x $(CHECKOV_VENV)/bin/python || $(PY) -m venv $(CHECKOV_VENV)
	$(CHECKOV_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-checkov.txt
	touch $@

lint: dev-install $(CHECKOV_VENV)/.installed ## ruff and mypy; hadolint, kubernetes-validate, checkov and nginx -t on the deployment files
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	$(PY) scripts/lint_deploy.py --checkov $(CHECKOV_VENV)/bin/checkov

fmt: dev-install
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

typecheck: dev-install
	$(PY) -m mypy

validate: install ## check the data files (every source against data/sources.yaml, every member against the Alliance's own record) and print a summary
	$(PY) -m dashboard validate
	$(PY) -m dashboard record

# Re-import the two public indexes from checkouts (a clone or a bare mirror of each repository):
#   make import-indexes FMTI=../fmti OPENNESS=../opening-up-chatgpt.github.io
import-indexes: install ## rewrite data/fmti* and data/openness_index* from checkouts
	$(PY) -m scripts.import_fmti $(FMTI)
	$(PY) -m scripts.import_openness_index $(OPENNESS)

# Re-import the Alliance's own record (members page, members map, announcements) from a clone of its website:
#   make import-alliance WEBSITE=../website
import-alliance: install ## rewrite data/alliance_site.yaml from a clone of The-AI-Alliance/website
	$(PY) -m scripts.import_alliance_site $(WEBSITE)

bench: dev-install
	$(PY) bench/run.py $(BENCH_ARGS)

preview: dev-install ## regenerate static/preview.png, the link-preview image, from the Overview
	$(PY) scripts/make_preview.py

SESSIONS ?= 10 20 50
SOAK ?= 0
CLIENT ?= browser
STEP_TIMEOUT ?= 240
REST ?= 5
TRACE ?=
load: dev-install ## concurrent sessions on loopback: make load [SESSIONS="10 20 50"] [SOAK=600] [CLIENT=protocol] [STEP_TIMEOUT=1800] [REST=130] [TRACE=artifacts/load/trace]
	$(PY) bench/load.py --client $(CLIENT) --sessions $(SESSIONS) --soak $(SOAK) --timeout $(STEP_TIMEOUT) --rest $(REST) $(if $(TRACE),--trace $(TRACE))

audit: dev-install ## known vulnerabilities in the pinned runtime dependencies (needs the PyPI vulnerability service)
	$(PY) -m pip_audit -r requirements.txt --strict --progress-spinner off

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache artifacts
