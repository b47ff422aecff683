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

test: $(INSTALLED)
	$(PY) -m pytest

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

messages: $(INSTALLED)
	$(PY) manage.py makemessages --locale ar --ignore '$(VENV)/*'
	$(PY) manage.py compilemessages --locale ar --ignore '$(VENV)/*'

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles test-artifacts
