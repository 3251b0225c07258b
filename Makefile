# protection-scope: one command for all figures, one for all tests.
# Run `make` (or `make help`) for the list of targets.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

# Conda route: `make figures USE_ACTIVE_ENV=1` uses the active environment's python instead of .venv.
ifeq ($(USE_ACTIVE_ENV),1)
PY     := python
STAMP  := active-env
endif

export PYTHONHASHSEED := 0
export MPLBACKEND := agg
export SOURCE_DATE_EPOCH := 0
export PYDEVD_DISABLE_FILE_VALIDATION := 1

NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]-*.ipynb))

.DEFAULT_GOAL := help
.PHONY: active-env help venv data council figures notebooks test test-lib test-notebooks lab bench lock clean

help: ## List the targets with one line each
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-15s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	$(PY) -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

active-env:
	@$(PY) -c "import analysis" 2>/dev/null || { echo "USE_ACTIVE_ENV=1: run 'pip install --no-deps -e .' in the active environment first"; exit 2; }

venv: $(STAMP) ## Create .venv from the pinned files (requirements.lock) if missing or outdated

data: $(STAMP) ## Put the external datasets into data/external (from DATA_MIRROR, else the official URLs) and check them
	$(PY) -m analysis data

council: data ## Code every Security Council text into data/council (resolutions, statements, drafts, data card)
	$(PY) -m analysis council build

notebooks: data ## Execute every notebook top to bottom, in place (outputs are committed)
	$(PY) -m analysis.notebooks $(NOTEBOOKS)

figures: notebooks ## The main job: venv, data, notebooks, then every figure into figures/ with MANIFEST.csv
	$(PY) -m analysis.figures

test: data ## Library tests with doctests, then nbval on every notebook
	$(PY) -m pytest tests src --doctest-modules -q
	$(PY) -m pytest --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg -p no:cacheprovider -q $(NOTEBOOKS)

lab: data ## Open JupyterLab on the notebooks
	$(VENV)/bin/jupyter lab notebooks

bench: data ## Run the benchmarks and rewrite BENCHMARKS.md (reports; never fails on speed)
	$(PY) benchmarks/run.py

lock: ## Regenerate requirements.lock from the pins in pyproject.toml (needs the network)
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet --disable-pip-version-check -e '.[dev]'
	{ echo "# Exact versions of every package installed by 'make venv' (Python 3.11)."; \
	  echo "# Regenerate with 'make lock' after changing a pin in pyproject.toml; environment.yml mirrors the direct pins."; \
	  .venv-lock/bin/pip freeze --exclude-editable; } > requirements.lock
	rm -rf .venv-lock

clean: ## Remove the venv, caches and fetched external data (never data/raw, notebooks or figures)
	rm -rf $(VENV) .pytest_cache .hypothesis build src/*.egg-info
	find data/external -mindepth 1 ! -name .gitkeep ! -name README.md -delete 2>/dev/null || true
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
