# `make demo` and `make test` set everything up on a fresh machine, then run.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: demo test lint typecheck unit docs contract bench clean install

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The reports one by one, then the same examples in one table.
demo: $(STAMP)
	$(BIN)/copenhagen assess examples/*.yaml
	@echo
	$(BIN)/copenhagen assess --format table examples/*.yaml

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks docs/gen
	$(BIN)/ruff format --check src tests benchmarks docs/gen

typecheck: $(STAMP)
	$(BIN)/mypy --strict src

unit: $(STAMP)
	$(BIN)/python -m pytest -n $(or $(JOBS),auto)  # JOBS=1 for one process

docs: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir site

test: lint typecheck unit docs contract

# The contract's names, checked by the shared checker when the shared folder sits beside the clone.
CONTRACT_CHECK := ../shared/spec/check_contract_names.py
contract:
	@if [ -f $(CONTRACT_CHECK) ]; then $(BIN)/python $(CONTRACT_CHECK); \
	else echo "contract names not checked: $(CONTRACT_CHECK) is not there"; fi

bench: $(STAMP)
	$(BIN)/python -m pytest benchmarks --benchmark-enable --benchmark-only -p no:cacheprovider

clean:
	rm -rf $(VENV) site .pytest_cache .mypy_cache .ruff_cache .benchmarks
