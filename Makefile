# dyad — `make run` installs everything into .venv and codes the shipped examples into demo.duckdb;
# `make test` runs the tests (nothing outside this folder); `make test-reference` tests the reference
# article, which must lie at ../shared/examples/seoul-borrell.txt. `make system-deps` installs the
# Debian packages the tests need (chromium for the browser tests; needs root, skipped when present).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install system-deps run test test-reference lint bench bench-api train clean

$(BIN)/dyad: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip==26.3
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(BIN)/dyad

install: $(BIN)/dyad

# Debian packages the tests need (browser tests drive Debian's chromium; `dyad spark` needs Java 17+,
# Debian's OpenJDK 17, or 21 where 17 is gone); installed only when missing. Needs root (CI runs as root).
SYSTEM_PACKAGES := chromium
JAVA_OK = java -version 2>&1 | grep -Eq 'version "(1[7-9]|[2-9][0-9])'

system-deps:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if ! $(JAVA_OK); then \
		apt-get update -qq; \
		if apt-cache show openjdk-17-jre-headless >/dev/null 2>&1; then missing="$$missing openjdk-17-jre-headless"; \
		else missing="$$missing openjdk-21-jre-headless"; fi; \
	fi; \
	if [ -n "$$(echo $$missing)" ]; then \
		echo "installing Debian packages: $$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi; \
	$(JAVA_OK) || { echo "error: no Java 17+ for dyad spark; install openjdk-17-jre-headless (as root: make system-deps)" >&2; exit 1; }

REFERENCE ?= ../shared/examples/seoul-borrell.txt

run: install
	$(BIN)/dyad demo --db demo.duckdb
	@echo
	@echo "Start the dashboard and API on the demo's database:  $(BIN)/dyad serve --db demo.duckdb"
	@echo "then open http://127.0.0.1:8000/ (API under /v1, reference at /docs; Ctrl-C stops)."

test: install system-deps
	$(BIN)/python -m pytest -q --ignore=tests/reference

test-reference: install system-deps
	@test -f $(REFERENCE) || { echo "error: $(REFERENCE): reference article missing; test-reference needs it beside the clone" >&2; exit 1; }
	DYAD_REFERENCE=$(REFERENCE) $(BIN)/python -m pytest -q tests/reference

lint: install
	$(BIN)/ruff check src tests bench scripts

# retrains the second-opinion model from the tuning gold into src/dyad/data/model (deterministic)
train: install
	$(BIN)/python scripts/train_model.py

bench: install
	$(BIN)/python bench/throughput.py --articles 500
	$(BIN)/python bench/kb.py
	$(BIN)/python bench/longtext.py
	$(BIN)/python bench/ingest.py --articles 500

bench-api: install
	$(BIN)/python bench/api_load.py

clean:
	rm -rf $(VENV) demo.duckdb
