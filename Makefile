# dyad — `make run` installs everything into .venv and codes the shipped examples; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install run test lint bench clean

$(BIN)/dyad: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip==26.3
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(BIN)/dyad

install: $(BIN)/dyad

run: install
	$(BIN)/dyad demo --force

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests bench

bench: install
	$(BIN)/python bench/throughput.py --articles 500
	$(BIN)/python bench/kb.py
	$(BIN)/python bench/longtext.py

clean:
	rm -rf $(VENV) dyad.duckdb
