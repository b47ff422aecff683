# Briefing Room. `make run` serves the demo site; `make test` runs the whole suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1:8000

.PHONY: run test lint bench messages clean

$(INSTALLED): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --editable '.[dev]'
	touch $@

run: $(INSTALLED)
	DEBUG=true $(PY) manage.py migrate --noinput
	DEBUG=true $(PY) manage.py load_demo --base-url http://$(HOST)
	DEBUG=true $(PY) manage.py runserver $(HOST)

# axe-core for the browser tests; without npm those tests are skipped, saying why.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --silent && touch $@; \
	else echo "npm not found: the browser tests will be skipped"; fi

test: $(INSTALLED) node_modules/.installed
	$(PY) -m pytest

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

messages: $(INSTALLED)
	$(PY) manage.py makemessages --locale ar --ignore '$(VENV)/*' --ignore 'node_modules/*' --ignore 'tests/*'
	$(PY) manage.py compilemessages --locale ar --ignore '$(VENV)/*'

clean:
	rm -rf $(VENV) node_modules db.sqlite3 media staticfiles test-artifacts
