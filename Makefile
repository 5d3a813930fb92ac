# The two entry points a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
PORT ?= 8080
DATA ?= data
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint unit bundle model clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/causette serve --host 127.0.0.1 --port $(PORT) --data-dir $(DATA)

lint: $(STAMP)
	$(BIN)/ruff check src tests bench build
	$(BIN)/ruff format --check src tests bench build
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

# The safety model's weights, src/causette/safety/message_model.json.gz (committed: the server
# needs no scikit-learn). Run after changing a training file of corpus/safety.
model: $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,train]'
	$(BIN)/python build/train_safety_model.py

unit: $(STAMP)
	$(BIN)/pytest -q tests/unit tests/architecture

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache data node_modules
