# dyad — `make run` installs everything into .venv and codes the shipped examples into demo.duckdb;
# `make test` runs the tests (nothing outside this folder); `make test-reference` tests the reference
# article, which must lie at ../shared/examples/seoul-borrell.txt.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install system-deps run test test-reference lint bench clean

$(BIN)/dyad: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip==26.3
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(BIN)/dyad

install: $(BIN)/dyad

# Java for `dyad spark` (pyspark runs Spark in a JVM): Debian's OpenJDK 17, or 21 where 17 is gone (Debian 13).
# Needs root (CI runs as root); does nothing when a JDK or JRE 17+ is there already.
JAVA_OK = java -version 2>&1 | grep -Eq 'version "(1[7-9]|[2-9][0-9])'
system-deps:
	@if $(JAVA_OK); then echo "java: $$(java -version 2>&1 | head -1)"; else \
	  apt-get update -qq && \
	  if apt-cache show openjdk-17-jre-headless >/dev/null 2>&1; then pkg=openjdk-17-jre-headless; else pkg=openjdk-21-jre-headless; fi && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$pkg && $(JAVA_OK) || \
	  { echo "error: no Java 17+ for dyad spark; install openjdk-17-jre-headless (as root: make system-deps)" >&2; exit 1; }; fi

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
	$(BIN)/python bench/ingest.py --articles 500

clean:
	rm -rf $(VENV) demo.duckdb
