# The two entry points a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
PORT ?= 8080
DATA ?= data
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint unit bundle clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/causette serve --host 127.0.0.1 --port $(PORT) --data-dir $(DATA)

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

test: lint
	PYTHONASYNCIODEBUG=1 $(BIN)/pytest -q -ra

# The client's one script, src/causette/web/dist/app.js (committed: `make run` needs no npm).
# Run after changing anything under src/causette/web/static/js or i18n.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

bundle: node_modules/.installed
	node build/bundle.mjs

unit: $(STAMP)
	$(BIN)/pytest -q tests/unit tests/architecture

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache data node_modules
