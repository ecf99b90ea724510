# Everything a fresh machine needs: `make run` serves the product, `make test` runs every test.
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export PORT

.PHONY: run test test-python test-js vectors bench setup setup-dev clean

$(VENV)/.runtime: requirements.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt package.json
	$(PY) -m pip install -q -r requirements-dev.txt
	npm ci --no-audit --no-fund --silent
	touch $@

setup: $(VENV)/.runtime

setup-dev: $(VENV)/.dev
	bash tools/ensure-chromium

run: setup
	$(PY) -m api

test: setup-dev
	$(PY) -m pytest
	node --test frontend/tests

vectors: setup
	$(PY) tests/vectors/build.py

bench: setup-dev
	$(PY) benchmarks/engine.py
	$(PY) benchmarks/cold_start.py

clean:
	rm -rf $(VENV) node_modules
