# protection-scope: one command for all figures, one for all tests.
# Run `make` (or `make help`) for the list of targets.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
VENV_BIN := $(VENV)/bin/

# Conda route: `make figures USE_ACTIVE_ENV=1` uses the active environment's python instead of .venv.
ifeq ($(USE_ACTIVE_ENV),1)
PY     := python
STAMP  := active-env
VENV_BIN :=
endif

export PYTHONHASHSEED := 0
export MPLBACKEND := agg
export SOURCE_DATE_EPOCH := 0
export PYDEVD_DISABLE_FILE_VALIDATION := 1

NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]-*.ipynb))
# pytest-xdist workers for `make test` (notebooks go whole to one worker each: --dist loadfile)
TEST_WORKERS ?= 2

# Incremental rebuilds with make's own file dependencies: a stamp under .build/ records when a notebook or a
# figure was last made; it is remade when the notebook (or the figure's module), the rest of the library, or the
# data are newer. `make data` rewrites data/external/PROVENANCE.csv only when its content changes.
STAMPS      := .build
LIBRARY     := $(shell find src/analysis -name '*.py' -o -name '*.mplstyle' -o -name '*.csv' | sort)
FIG_MODULES := $(sort $(wildcard src/analysis/figures/fig[0-9][0-9]_*.py))
CORE        := $(filter-out $(FIG_MODULES),$(LIBRARY))
DATA_FILES  := $(sort $(wildcard data/raw/*.csv data/council/*.csv data/reliability/*.csv)) data/external/PROVENANCE.csv
NB_STAMPS   := $(NOTEBOOKS:notebooks/%.ipynb=$(STAMPS)/notebooks/%.done)
FIG_STAMPS  := $(FIG_MODULES:src/analysis/figures/%.py=$(STAMPS)/figures/%.done)

.DEFAULT_GOAL := help
.PHONY: active-env help venv data council figures notebooks test lint lab bench bench-all lock clean release book test-book

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

data/external/PROVENANCE.csv: | data

council: data ## Code every Security Council text into data/council (resolutions, statements, drafts, data card)
	$(PY) -m analysis council build


# the figure modules a notebook shows: their @figure(notebook=...) names it
figures_of = $(shell grep -l 'notebook="notebooks/$(1).ipynb"' $(FIG_MODULES))

.SECONDEXPANSION:
$(STAMPS)/notebooks/%.done: notebooks/%.ipynb $(CORE) $(DATA_FILES) $$(call figures_of,$$*) | data
	$(PY) -m analysis.notebooks $<
	@mkdir -p $(@D) && touch $@

$(STAMPS)/figures/%.done: src/analysis/figures/%.py $(CORE) $(DATA_FILES) | data
	$(PY) -m analysis.figures $*
	@mkdir -p $(@D) && touch $@

notebooks: $(NB_STAMPS) ## Execute, top to bottom and in place, the notebooks whose inputs changed (outputs are committed)

figures: notebooks $(FIG_STAMPS) ## The main job: venv, data, notebooks, then the figures whose inputs changed, MANIFEST.csv
	$(PY) -m analysis.figures --index
	$(PY) -m analysis.package
	$(PY) -m analysis.datacards

release: data ## Check that CHANGELOG, CITATION.cff, .zenodo.json and the data package agree; zip the export into build/
	$(PY) -m analysis.release

test: data ## The layer contract, then library tests, doctests and nbval on every notebook in one parallel session
	$(VENV_BIN)lint-imports --no-cache
	$(PY) -m pytest tests src $(NOTEBOOKS) --doctest-modules --nbval --nbval-current-env \
		--nbval-sanitize-with tests/nbval_sanitize.cfg -q -n $(TEST_WORKERS) --dist loadfile

book: $(STAMP) ## Build the book (static HTML) in book/_build/html from the committed notebooks, warnings as errors
	$(PY) book/build.py

test-book: book ## Build the book, serve it on 127.0.0.1 and check every page in headless Chromium
	BOOK_HTML=book/_build/html $(PY) -m pytest tests/test_book_browser.py -q -rs

lint: $(STAMP) ## ruff (style, imports, unused names) and the layer contract (import-linter)
	$(VENV_BIN)ruff check src tests benchmarks book conftest.py
	$(VENV_BIN)lint-imports --no-cache

lab: data ## Open JupyterLab on the notebooks
	$(VENV)/bin/jupyter lab notebooks

bench: data ## Run the benchmarks and rewrite BENCHMARKS.md (reports; never fails on speed)
	$(PY) benchmarks/run.py

bench-all: data ## The benchmarks plus a fresh clone's make figures (first, no-op, one notebook) and make test
	$(PY) benchmarks/run.py --make

lock: ## Regenerate requirements.lock from the pins in pyproject.toml (needs the network)
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet --disable-pip-version-check -e '.[dev,book]'
	{ echo "# Exact versions of every package installed by 'make venv' (Python 3.11)."; \
	  echo "# Regenerate with 'make lock' after changing a pin in pyproject.toml; environment.yml mirrors the direct pins."; \
	  .venv-lock/bin/pip freeze --exclude-editable; } > requirements.lock
	rm -rf .venv-lock

clean: ## Remove the venv, caches, build stamps and fetched external data (never data/raw, notebooks or figures)
	rm -rf $(VENV) $(STAMPS) .pytest_cache .hypothesis build book/_build src/*.egg-info
	find data/external -mindepth 1 ! -name .gitkeep ! -name README.md -delete 2>/dev/null || true
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
