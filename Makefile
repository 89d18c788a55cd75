# Everything sets itself up: the first run creates .venv and node_modules from the pinned files.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
export NO_MKDOCS_2_WARNING := 1

# The translated sites, one per mkdocs-<folder>.yml (calculators.words.FOLDERS names them).
LANGUAGES := $(filter-out offline,$(patsubst mkdocs-%.yml,%,$(wildcard mkdocs-*.yml)))
SITE ?= site
SITE_URL ?= http://$(HOST):$(PORT)/
CATALOGS := $(patsubst %.po,%.mo,$(wildcard calculators/locale/*/LC_MESSAGES/calculators.po))

NAME := aliexpress-returns-guide
VERSION := $(shell $(PYTHON) -c 'import json; print(json.load(open("package.json"))["version"])')
OFFLINE := $(NAME)-offline-$(VERSION)

.DEFAULT_GOAL := help
.PHONY: help serve preview build offline zensical bench test lint clean catalogs

help: ## List the commands
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

# LANG only when given on the command line: the environment's LANG is the locale.
SERVE_LANG := $(if $(filter command line,$(origin LANG)),$(LANG),en)

serve: $(VENV)/.site node_modules/.installed $(CATALOGS) ## Serve every language on http://127.0.0.1:8000, live reload for one (make serve LANG=fr)
	$(BIN)/python hooks/serve.py --lang $(SERVE_LANG) --dev-addr $(HOST):$(PORT)

# `mkdocs serve` rebuilds one site; the languages live beside it, so see them built.
preview: build ## Build every language and serve site/ on http://127.0.0.1:8000 (no live reload)
	$(BIN)/python -m http.server --bind $(HOST) --directory $(SITE) $(PORT)

# English at the root, then each language under it, sharing the root's engine.
build: $(VENV)/.site node_modules/.installed $(CATALOGS) ## Build the site, every language, into site/
	SITE_URL=$(SITE_URL) $(BIN)/mkdocs build --strict --site-dir $(SITE)
	for lang in $(LANGUAGES); do \
	  SITE_URL=$(SITE_URL)$$lang/ $(BIN)/mkdocs build --strict -f mkdocs-$$lang.yml --site-dir $(SITE)/$$lang || exit 1; \
	done

catalogs: $(CATALOGS) ## Compile the translation catalogs (.po to .mo)

calculators/locale/%/LC_MESSAGES/calculators.mo: calculators/locale/%/LC_MESSAGES/calculators.po guide/catalogs.py calculators/mo.py
	$(BIN)/python -m guide.catalogs compile

DIST ?= dist
STAGE ?= build

offline: $(VENV)/.site node_modules/.installed $(CATALOGS) ## Build the guide, every language, to open from disk: dist/<name>-offline-<version>.zip
	rm -rf $(STAGE)/$(OFFLINE) $(DIST)/$(OFFLINE).zip
	SITE_URL=$(SITE_URL) $(BIN)/mkdocs build --strict --config-file mkdocs-offline.yml --site-dir $(STAGE)/$(OFFLINE)
	for lang in $(LANGUAGES); do \
	  GUIDE_BASE_CONFIG=mkdocs-offline.yml SITE_URL=$(SITE_URL)$$lang/ $(BIN)/mkdocs build --strict \
	    -f mkdocs-$$lang.yml --site-dir $(STAGE)/$(OFFLINE)/$$lang || exit 1; \
	done
	$(BIN)/python -c 'import shutil; shutil.make_archive("$(DIST)/$(OFFLINE)", "zip", "$(STAGE)", "$(OFFLINE)")'
	@du -sh $(STAGE)/$(OFFLINE) $(DIST)/$(OFFLINE).zip

# Zensical (MkDocs' successor) reads mkdocs.yml and its Markdown extensions but runs no
# MkDocs hooks: the post-build step runs by its own command. English only, for now.
ZENSICAL_VENV := .venv-zensical
ZENSICAL_SITE ?= site-zensical

zensical: $(ZENSICAL_VENV)/.installed node_modules/.installed $(CATALOGS) ## Build the English site with Zensical into site-zensical/
	rm -rf $(ZENSICAL_SITE)
	PYTHONPATH=$(CURDIR) SITE_DIR=$(ZENSICAL_SITE) SITE_URL=$(SITE_URL) $(ZENSICAL_VENV)/bin/python -m zensical build --clean --strict -f mkdocs.yml
	PYTHONPATH=$(CURDIR) SITE_URL=$(SITE_URL) $(ZENSICAL_VENV)/bin/python -m guide.publish $(ZENSICAL_SITE) --config mkdocs.yml

$(ZENSICAL_VENV)/.installed: requirements/zensical.txt
	$(PYTHON) -m venv $(ZENSICAL_VENV)
	$(ZENSICAL_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/zensical.txt
	@touch $@

bench: $(VENV)/.test node_modules/.installed ## Time the calculators against a stock Pyodide page (see benchmarks/README.md)
	$(BIN)/python -m benchmarks.bench

test: lint $(VENV)/.test node_modules/.installed $(CATALOGS) ## Run every check and test (unit, CLI, build, browser)
	node --test tests/js/
	$(BIN)/python -m pytest $(PYTEST_ARGS)

JS := browser docs/assets/javascripts guide/*.js guide/*.mjs .ci tests/js eslint.config.mjs

lint: $(VENV)/.test node_modules/.installed ## Lint and type-check the Python and the JavaScript
	$(BIN)/ruff check calculators guide hooks tests benchmarks
	$(BIN)/ruff format --check calculators guide hooks tests benchmarks
	$(BIN)/mypy
	node_modules/.bin/eslint --max-warnings 0 $(JS)
	node_modules/.bin/prettier --check --log-level warn $(JS) docs/assets/stylesheets

clean: ## Remove the build and the installed dependencies
	rm -rf site site-zensical build dist .cache $(VENV) $(ZENSICAL_VENV) node_modules .pytest_cache .mypy_cache .ruff_cache

$(VENV)/.site: requirements/site.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed: set PYTHON=python3.11 (or newer)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/site.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --editable .
	@touch $@

$(VENV)/.test: $(VENV)/.site requirements/test.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/test.txt
	@touch $@

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm (Node.js 20 or newer) is needed to fetch the pinned Pyodide"; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund
	@touch $@
