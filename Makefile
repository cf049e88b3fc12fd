# Short names for the common tasks. Everything runs in a local virtual environment (.venv)
# built from pyproject.toml with the pinned versions in requirements/constraints.txt.
PY      ?= python3
VENV    ?= .venv
BIN      = $(VENV)/bin
STAMP    = $(VENV)/.installed-stamp
NBVAL    = --nbval --nbval-current-env --nbval-sanitize-with notebooks/sanitize.cfg
NOTEBOOKS = $(sort $(wildcard notebooks/[0-9]*.ipynb))
export MPLBACKEND = Agg
export PYTHONHASHSEED = 0

.PHONY: setup run test unit nbval notebooks bench constraints clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements/constraints.txt
	$(PY) -c 'import sys; sys.exit("newslab needs Python 3.10 or newer") if sys.version_info < (3, 10) else None'
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -c requirements/constraints.txt -e ".[dev]"
	touch $(STAMP)

## the main job on the seeds: tables in results/
run: $(STAMP)
	$(BIN)/newslab analyze seeds --out results

## the whole test suite: unit tests, then every notebook under strict nbval
test: $(STAMP)
	$(BIN)/python -m pytest tests $(NBVAL) $(NOTEBOOKS)

unit: $(STAMP)
	$(BIN)/python -m pytest tests

## strict nbval twice in a row: the stored outputs must come back exactly, every time
nbval: $(STAMP)
	$(BIN)/python -m pytest -q $(NBVAL) $(NOTEBOOKS)
	$(BIN)/python -m pytest -q $(NBVAL) $(NOTEBOOKS)

## re-execute every notebook top to bottom in a fresh kernel and store the outputs
notebooks: $(STAMP)
	for nb in $(NOTEBOOKS); do \
	  (cd notebooks && ../$(BIN)/jupyter nbconvert --to notebook --execute --inplace \
	     --ExecutePreprocessor.timeout=1200 $$(basename $$nb)) || exit 1; \
	done

bench: $(STAMP)
	for b in benchmarks/bench_*.py; do $(BIN)/python $$b || exit 1; done

## re-resolve the pins for Python 3.10 (the oldest supported), so every Python installs the same
constraints:
	$(BIN)/python scripts/make_constraints.py $$(command -v python3.10) > requirements/constraints.txt

clean:
	rm -rf $(VENV) results .pytest_cache
