# Two commands: `make run` and `make test`. Both install what is missing first.
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 7860

.PHONY: setup run test test-fast bench doctor

setup:
	@bash scripts/bootstrap.sh

run: setup
	$(PY) -m atypie serve --host $(HOST) --port $(PORT)

test: setup
	$(PY) -m pytest $(PYTEST_ARGS)

# The inner loop (under a minute): no slow, browser or PostgreSQL test. `make test` still runs everything.
test-fast: setup
	$(PY) -m pytest -m "not slow and not browser and not postgres" $(PYTEST_ARGS)

doctor: setup
	$(PY) -m atypie doctor

bench: setup
	@for script in bench/[!_]*.py; do echo "== $$script"; $(PY) $$script || exit 1; done
