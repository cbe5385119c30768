# Kompeten — the set-up commands. `make demo` runs the site; `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
PYTEST_ARGS ?=

.PHONY: install messages migrate demo-data demo serve test test-plugins lint format worker beat wheel lock clean bench \
	bench-smoke audit backup restore cluster-test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstalls only when a requirements file changed.
$(VENV)/.installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

messages: install
	$(BIN)/python scripts/compile_messages.py

migrate: install
	$(MANAGE) migrate --noinput

demo-data: migrate messages
	$(MANAGE) load_demo

## make demo: install, migrate, compile messages, load demo content, serve on http://127.0.0.1:8000
demo: demo-data
	@echo "Kompeten is starting on http://127.0.0.1:8000 (admin: http://127.0.0.1:8000/admin/)"
	$(MANAGE) runserver 127.0.0.1:8000

serve: install
	$(MANAGE) runserver 127.0.0.1:8000

## make test: install and run the whole suite on the embedded default (SQLite, eager Celery)
test: install messages
	env -u DATABASE_URL -u REDIS_URL -u CELERY_BROKER_URL DJANGO_SETTINGS_MODULE=lms.settings.test \
		$(BIN)/python -m pytest $(PYTEST_ARGS)

## make test-plugins: the plugins' own tests on a bare Wagtail site (auth.User, no lms): courses alone, then
## courses + assessments, then all three, then placement's own tests with all four
test-plugins: install messages
	KOMPETEN_PLUGINS=courses $(BIN)/python -m pytest --ds=tests.plugin_host.settings tests/courses $(PYTEST_ARGS)
	KOMPETEN_PLUGINS=courses,assessments $(BIN)/python -m pytest --ds=tests.plugin_host.settings \
		tests/courses tests/assessments $(PYTEST_ARGS)
	KOMPETEN_PLUGINS=courses,assessments,certificates $(BIN)/python -m pytest --ds=tests.plugin_host.settings \
		tests/courses tests/assessments tests/certificates $(PYTEST_ARGS)
	KOMPETEN_PLUGINS=courses,assessments,certificates,placement $(BIN)/python -m pytest \
		--ds=tests.plugin_host.settings tests/placement $(PYTEST_ARGS)

## make cluster-test: an installation on this machine, started from deploy/ — two gunicorn app nodes, a Celery worker
## and beat, nginx balancing, a fresh PostgreSQL database, Redis and an object store — and its multi-node checks
## (docs/deploy.md, "The cluster test"); PostgreSQL at DATABASE_URL, Redis at REDIS_URL / CELERY_BROKER_URL, nginx
cluster-test: install messages
	KOMPETEN_CLUSTER_TEST=1 DJANGO_SETTINGS_MODULE=lms.settings.test \
		DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/kompeten} \
		REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/5} CELERY_BROKER_URL=$${CELERY_BROKER_URL:-redis://127.0.0.1:6379/6} \
		$(BIN)/python -m pytest -p no:cacheprovider tests/cluster $(PYTEST_ARGS)

# The benchmark tools (Locust, pyinstrument) are installed only for the benchmarks.
$(VENV)/.bench-installed: requirements-bench.txt $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -r requirements-bench.txt
	touch $@

## make bench: autosave storm and ceiling against the floor, start rush, learning pages, certificates, placement
## matching over 10,000 job seekers and the SQLite storm on gunicorn + PostgreSQL + Redis + a Celery worker
## (README, Performance); writes bench/results/*.json. BENCH_ARGS=--history: with a centre's years of history too
bench: $(VENV)/.bench-installed messages
	$(BIN)/python bench/run.py $(BENCH_ARGS)

## make bench-smoke: every scenario with tiny N for a few seconds; checks only that each ran and lost nothing
bench-smoke: $(VENV)/.bench-installed messages
	$(BIN)/python bench/run.py --smoke $(BENCH_ARGS)

## make lint: ruff, and import-linter's contracts (.importlinter: the plugin order and the layers inside each plugin)
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

worker: install
	$(BIN)/celery -A lms worker --loglevel=INFO

beat: install
	$(BIN)/celery -A lms beat --loglevel=INFO

## make backup [OUTPUT=file.tar.gz]: database, media and private files and the signing keys (encrypted with
## KOMPETEN_BACKUP_PASSPHRASE, or asked for) into one archive, by default var/backups/kompeten-<time>.tar.gz
backup: install
	$(MANAGE) backup $(if $(OUTPUT),--output $(OUTPUT))

## make restore ARCHIVE=file.tar.gz REPLACE=yes: check the archive and the passphrase, then drop this site's database
## and restore the backup over it, with the files and keys (stop gunicorn, the Celery workers and beat first)
restore: install
	@test -n "$(ARCHIVE)" -a "$(REPLACE)" = yes || { echo "usage: make restore ARCHIVE=var/backups/kompeten-....tar.gz REPLACE=yes (drops this site's database)"; exit 2; }
	$(MANAGE) restore $(ARCHIVE) --replace-database

## make wheel: one wheel holding the three plugins, compiled catalogues included (dist/)
wheel: messages
	rm -rf dist build
	$(BIN)/python -m pip wheel --quiet --no-deps --wheel-dir dist .
	$(BIN)/python scripts/check_wheel.py dist/kompeten-*.whl

# pip-audit lives in a virtualenv of its own, so that the audit tool's dependencies never mix with the project's.
.auditenv/.installed: requirements-audit.txt
	rm -rf .auditenv && $(PYTHON) -m venv .auditenv
	.auditenv/bin/python -m pip install --quiet -r requirements-audit.txt
	touch $@

## make audit: pip-audit over the locked requirements; fails on a known vulnerability, says NOT AUDITED in one line
## when no advisory service can be reached
audit: .auditenv/.installed
	$(PYTHON) scripts/audit.py .auditenv/bin/pip-audit

## make lock: re-pin requirements.txt from requirements-base.txt in a clean virtualenv
lock:
	rm -rf .lockenv && $(PYTHON) -m venv .lockenv
	.lockenv/bin/pip install --quiet -r requirements-base.txt
	{ head -2 requirements.txt; .lockenv/bin/pip freeze; } > requirements.txt.new && mv requirements.txt.new requirements.txt
	rm -rf .lockenv

clean:
	rm -rf $(VENV) .auditenv artifacts dist build .pytest_cache .ruff_cache
