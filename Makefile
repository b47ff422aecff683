# Briefing Room. `make run` serves the demo site; `make test` runs the whole suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1:8000

BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/briefing_bench
BENCH_SIZES ?= 10000,100000,500000

.PHONY: run serve test lint bench bench-translation loadtest messages clean

$(INSTALLED): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --editable '.[dev]'
	touch $@

# The demo runs its background tasks (scheduled go-live and expiry, CDN purges) in the
# database, with a db_worker beside the server that stops with it.
RUN_ENV := DEBUG=true TASKS_BACKEND=django_tasks_db.DatabaseBackend
run: $(INSTALLED)
	$(RUN_ENV) $(PY) manage.py migrate --noinput
	$(RUN_ENV) $(PY) manage.py load_demo --base-url http://$(HOST)
	$(RUN_ENV) $(PY) manage.py rebuild_search_index --if-empty
	$(RUN_ENV) $(PY) manage.py publish_scheduled
	$(RUN_ENV) sh -c '$(PY) manage.py db_worker --no-reload --interval 5 -v0 & \
		trap "kill $$! 2>/dev/null" EXIT INT TERM; $(PY) manage.py runserver $(HOST)'

# Production-like: static files collected (hashed, compressed) and served by whitenoise,
# gunicorn with WEB_CONCURRENCY workers (default 2). Settings come from .env or the
# environment; see .env.example and docs/deploy.md.
serve: $(INSTALLED)
	$(PY) manage.py collectstatic --noinput -v0
	$(PY) manage.py migrate --noinput
	$(BIN)/gunicorn config.wsgi --bind $(HOST) --workers $${WEB_CONCURRENCY:-2} --access-logfile -

# axe-core for the browser tests; without npm those tests are skipped, saying why.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --silent && touch $@; \
	else echo "npm not found: the browser tests will be skipped"; fi

# One worker per core, at most 4 (pytest-xdist); TEST_WORKERS=0 runs in this process.
TEST_WORKERS ?= auto --maxprocesses 4
test: $(INSTALLED) node_modules/.installed
	$(PY) -m pytest -n $(TEST_WORKERS)

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

# The benchmark (not a test): grows a synthetic archive on PostgreSQL and times the pages.
bench: $(INSTALLED)
	psql "$(dir $(BENCH_DATABASE_URL))postgres" -qtc "SELECT 1 FROM pg_database WHERE datname = '$(notdir $(BENCH_DATABASE_URL))'" | grep -q 1 \
		|| psql "$(dir $(BENCH_DATABASE_URL))postgres" -qc "CREATE DATABASE $(notdir $(BENCH_DATABASE_URL))"
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) manage.py migrate --noinput -v0
	$(PY) manage.py collectstatic --noinput -v0
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) manage.py bench --sizes $(BENCH_SIZES) --output bench-results/bench.json

# Exports and imports for translation agencies on the same archive: time and peak memory.
TRANSLATION_BENCH_SIZES ?= 100000,500000
bench-translation: $(INSTALLED)
	psql "$(dir $(BENCH_DATABASE_URL))postgres" -qtc "SELECT 1 FROM pg_database WHERE datname = '$(notdir $(BENCH_DATABASE_URL))'" | grep -q 1 \
		|| psql "$(dir $(BENCH_DATABASE_URL))postgres" -qc "CREATE DATABASE $(notdir $(BENCH_DATABASE_URL))"
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) manage.py migrate --noinput -v0
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) manage.py bench_translation --sizes $(TRANSLATION_BENCH_SIZES)

# Readers against gunicorn on 127.0.0.1 (wrk): the page cache on and off, beside a plain
# Django view returning 40 KB; on the benchmark's PostgreSQL archive (100,000 briefs) with
# Redis. Not a test: it prints a table and writes bench-results/loadtest.json.
LOADTEST_REDIS_URL ?= redis://127.0.0.1:6379/13
loadtest: $(INSTALLED)
	command -v wrk >/dev/null || apt-get install -y -qq wrk
	psql "$(dir $(BENCH_DATABASE_URL))postgres" -qtc "SELECT 1 FROM pg_database WHERE datname = '$(notdir $(BENCH_DATABASE_URL))'" | grep -q 1 \
		|| psql "$(dir $(BENCH_DATABASE_URL))postgres" -qc "CREATE DATABASE $(notdir $(BENCH_DATABASE_URL))"
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) manage.py migrate --noinput -v0
	$(PY) manage.py collectstatic --noinput -v0
	DATABASE_URL=$(BENCH_DATABASE_URL) REDIS_URL=$(LOADTEST_REDIS_URL) $(PY) manage.py loadtest --briefs 100000

# The languages with a catalogue in locale/ (every language but English).
LOCALES := ar fa
# djangojs.po is kept by hand (docs/decisions.md): makemessages cannot read the editor's bundle.
messages: $(INSTALLED)
	$(PY) manage.py makemessages $(LOCALES:%=--locale %) --ignore '$(VENV)/*' --ignore 'node_modules/*' --ignore 'tests/*'
	$(PY) manage.py compilemessages --locale fa --ignore '$(VENV)/*'
	for months in both levantine gregorian; do \
		ARABIC_MONTH_NAMES=$$months $(PY) manage.py compilemessages --locale ar --ignore '$(VENV)/*'; \
	done

clean:
	rm -rf $(VENV) node_modules db.sqlite3 media staticfiles test-artifacts
