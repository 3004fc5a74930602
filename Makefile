# Two commands run the project from a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint check format messages clean

install: $(STAMP)

# Reinstalls only when pyproject.toml changes, so a second run takes seconds.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	mkdir -p var
	touch $(STAMP)

# run_scheduler publishes (and expires) pages at their scheduled time while the server
# runs, with no one acting. Both run in the background of one shell that waits for
# runserver: when runserver exits, or on Ctrl+C or a SIGTERM to make, the trap stops both.
run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo --if-empty --hostname $(HOST) --port $(PORT)
	@test -n "$$(ls -A var/search 2>/dev/null)" || $(MANAGE) rebuild_index --noinput
	@echo "Cổng thông tin: http://$(HOST):$(PORT)/  Quản trị: http://$(HOST):$(PORT)/admin/"
	@$(MANAGE) run_scheduler & scheduler=$$!; \
	$(MANAGE) runserver $(HOST):$(PORT) & server=$$!; \
	trap 'kill $$server $$scheduler 2>/dev/null; wait $$server $$scheduler 2>/dev/null' EXIT; \
	trap 'exit 130' INT; trap 'exit 143' TERM; \
	wait $$server

lint: install
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

check: install
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) check_translations

test: lint check
	$(BIN)/pytest

# After adding or changing interface text: collects our strings into locale/vi (new ones are
# filled with their own Vietnamese text: review the diff) and compiles every catalog.
messages: install
	$(MANAGE) update_translations

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) var staticfiles
