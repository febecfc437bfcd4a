# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test check docs golden bench bench-micro bench-growth bench-polnear audit-regex validate clean

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
	@echo "== editorial quotes drafts/river-security-summit.md (speaker sections)"
	@$(BIN)/editorial quotes drafts/river-security-summit.md
	@echo
	@echo "== editorial lint"
	@$(BIN)/editorial lint; rc=$$?; test $$rc -le 1 || exit $$rc
	@echo
	@echo "== editorial build"
	@$(BIN)/editorial build
	@echo
	@echo "== editorial syndicate --dry-run"
	@$(BIN)/editorial syndicate --dry-run

test: $(STAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider --cov=editorial --cov-report=term --cov-fail-under=85

check: $(STAMP)
	$(BIN)/ruff check src tests $(wildcard bench)
	$(BIN)/ruff format --check src tests $(wildcard bench)
	$(BIN)/mypy src

docs: $(STAMP)
	$(BIN)/python -m editorial.docgen

golden: $(STAMP)
	REGEN_GOLDEN=1 $(BIN)/python -m pytest -q -p no:cacheprovider tests/quotes/test_golden.py tests/publish/test_golden_site.py

# The demo site through the Nu Html Checker (vnu-jar from npm, run with the system Java) and
# a real browser (Debian's chromium and chromium-driver, driven by Selenium): zero errors.
VALIDATE := .validate
VNU      := $(VALIDATE)/node_modules/vnu-jar/build/dist/vnu.jar
validate: $(STAMP)
	@$(BIN)/python -c "import selenium" 2>/dev/null || $(BIN)/python -m pip install --quiet -e ".[dev,validate]"
	@test -f $(VNU) || npm install --prefix $(VALIDATE) --ignore-scripts --no-audit --no-fund --silent vnu-jar
	@test -x /usr/bin/chromium -a -x /usr/bin/chromedriver || \
	  { apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null; }
	$(BIN)/editorial build --out $(VALIDATE)/site
	java -jar $(VNU) --errors-only --skip-non-html $(VALIDATE)/site
	@echo "Nu Html Checker: no errors"
	$(BIN)/python tests/browser/check_site.py $(VALIDATE)/site $(VALIDATE)/screenshots

# editorial against proselint, Hugo and Pelican on one generated archive (N articles;
# `make bench N=10000` for the large run); `make bench-micro` times the quote checker's parts.
N ?= 1000
bench: $(STAMP)
	$(BIN)/python bench/run.py --n $(N)

bench-micro: $(STAMP)
	$(BIN)/python bench/micro.py

# Lint time of hostile inputs at three doubling sizes (linear passes grow about 2x).
# Attribution on PolNeAR, real annotated news (CORPUS: a folder with train.jsonl, dev.jsonl).
CORPUS ?= ../shared/corpora/polnear
bench-polnear: $(STAMP)
	$(BIN)/python bench/polnear.py $(CORPUS)

bench-growth: $(STAMP)
	$(BIN)/python bench/growth.py

# Every pattern editorial compiles, through regexploit's backtracking analysis.
audit-regex: $(STAMP)
	$(BIN)/python bench/regex_audit.py

clean:
	rm -rf $(VENV) site $(VALIDATE) .bench .editorial .pytest_cache .mypy_cache .ruff_cache .coverage
