# The two entry points a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
PORT ?= 8080
DATA ?= data
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint unit clean

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

unit: $(STAMP)
	$(BIN)/pytest -q tests/unit tests/architecture

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache data
