# The OCOP marketplace: `make run` serves the demo site, `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
# The suite runs in this many processes (pytest-xdist). Tests are dealt out one by one in
# pytest-django's order, so every process runs the tests that flush the database last.
TEST_WORKERS ?= 2

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-13s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# The browser tests load axe-core into the pages they check; the HTML check runs vnu-jar
# (both npm, pinned in package-lock.json).
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --silent

install: $(STAMP) ## Create .venv and install the project with its test tools

run: install ## Install, migrate, load the demo catalogue and serve on 127.0.0.1:8000
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install node_modules/.package-lock.json ## Run the whole suite (PostgreSQL when DATABASE_URL points at it)
	$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

test-postgres: install node_modules/.package-lock.json ## Run the whole suite on a throwaway PostgreSQL cluster
	bin/with-postgres $(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

lint: install ## ruff check and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check-deploy: install ## Validate docker-compose.yml and .env.example, lint the Dockerfile (needs docker-compose)
	bin/check-deploy

test-es: install node_modules/.package-lock.json ## Run the Elasticsearch tests against the server at ELASTICSEARCH_URL
	@if [ -z "$$ELASTICSEARCH_URL" ]; then \
	  echo "ELASTICSEARCH_URL is not set: start a server (docs/search.md) and run" >&2; \
	  echo "  make test-es ELASTICSEARCH_URL=http://127.0.0.1:9200" >&2; \
	  exit 2; \
	fi
	ELASTICSEARCH_URL="$(ELASTICSEARCH_URL)" $(PY) -m pytest -p no:cacheprovider \
	  tests/search/test_elasticsearch.py $(PYTEST_ARGS)

bench: install ## Load test: 20,000 products under gunicorn and wrk, table in docs/benchmarks.md (BENCH_ARGS=--reuse)
	$(PY) bin/bench $(BENCH_ARGS)

messages: install ## Refresh the Vietnamese message catalogue and compile it (needs gettext)
	$(PY) manage.py makemessages -l vi --ignore=.venv --ignore=var
	$(PY) manage.py compilemessages -l vi --ignore=.venv

.PHONY: help install run test test-postgres lint check-deploy test-es bench messages
