# The map of the pipeline: `make help` lists every target.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
WORKBOOK ?= data/examples/gulf-ecommerce.xlsx
LANGS ?= en ar ro
# WORKBOOK and LANGS are data, never code: `book` takes their text unexpanded ($(value ...)) and
# hands it to the build in the environment (BOOK_WORKBOOK, BOOK_LANGS), so quotes, backquotes,
# $(...), ; and newlines in them are only characters of a file name or a language list. Make
# would expand them (running any $(shell ...)) to export them itself: `unexport` stops that.
unexport WORKBOOK LANGS

.DEFAULT_GOAL := help
.PHONY: help venv book test lint translations notebooks bench examples clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

venv: $(VENV)/.installed ## Create .venv and install the project with its book and test tools

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[book,test]'
	touch $@

book: export BOOK_WORKBOOK = $(value WORKBOOK)
book: export BOOK_LANGS = $(value LANGS)
book: venv ## Build the book: make book [WORKBOOK=company.xlsx] [LANGS="en ar ro"]
	$(PY) -m analysis.book build

test: venv ## Lint, unit tests, notebooks (nbval) and the browser test
	$(PY) -m ruff check .
	$(PY) -m pytest tests notebooks --nbval --nbval-current-env \
		--nbval-sanitize-with tests/nbval_sanitize.cfg -p no:cacheprovider

translations: venv ## Extract every message and update the ar/ro catalogs (package and book)
	$(PY) -m analysis.translations update
	$(PY) -m analysis.book messages

notebooks: venv ## Re-run the chapter notebooks in place with their defaults (refresh nbval's reference)
	$(PY) -m analysis.book refresh-notebooks

examples: venv ## Regenerate the example workbooks in data/examples/
	$(PY) -m analysis.workbook.examples

bench: venv ## Benchmarks: staffing vs pyworkforce, validate on hostile files, uncertainty engine, book builds
	$(PY) -m pip install -q -e '.[bench]'
	$(PY) bench/staffing.py
	$(PY) bench/validate.py
	$(PY) bench/uncertainty.py
	$(PY) bench/book.py

clean: ## Remove build outputs (keeps .venv)
	rm -rf _build test-artifacts
