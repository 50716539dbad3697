# dyad — `make run` installs everything into .venv and codes the shipped examples into demo.duckdb;
# `make test` runs the tests (nothing outside this folder); `make test-reference` tests the reference
# article, which must lie at ../shared/examples/seoul-borrell.txt.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install run test test-reference lint bench clean

$(BIN)/dyad: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip==26.3
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(BIN)/dyad

install: $(BIN)/dyad

REFERENCE ?= ../shared/examples/seoul-borrell.txt

run: install
	$(BIN)/dyad demo --db demo.duckdb

test: install
	$(BIN)/python -m pytest -q --ignore=tests/reference

test-reference: install
	@test -f $(REFERENCE) || { echo "error: $(REFERENCE): reference article missing; test-reference needs it beside the clone" >&2; exit 1; }
	DYAD_REFERENCE=$(REFERENCE) $(BIN)/python -m pytest -q tests/reference

lint: install
	$(BIN)/ruff check src tests bench

bench: install
	$(BIN)/python bench/throughput.py --articles 500
	$(BIN)/python bench/kb.py
	$(BIN)/python bench/longtext.py

clean:
	rm -rf $(VENV) demo.duckdb
