# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test check docs golden bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

demo: $(STAMP)
	@echo "== editorial status"
	@$(BIN)/editorial status
	@echo
	@echo "== editorial quotes drafts/water-treaty-panel.md"
	@$(BIN)/editorial quotes drafts/water-treaty-panel.md
	@echo
	@echo "== editorial lint"
	@$(BIN)/editorial lint; rc=$$?; test $$rc -le 1 || exit $$rc

test: $(STAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider --cov=editorial --cov-report=term --cov-fail-under=85

check: $(STAMP)
	$(BIN)/ruff check src tests $(wildcard bench)
	$(BIN)/ruff format --check src tests $(wildcard bench)
	$(BIN)/mypy src

docs: $(STAMP)
	$(BIN)/python -m editorial.docgen

golden: $(STAMP)
	REGEN_GOLDEN=1 $(BIN)/python -m pytest -q -p no:cacheprovider tests/quotes/test_golden.py

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) site .editorial .pytest_cache .mypy_cache .ruff_cache .coverage
