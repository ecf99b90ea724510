# Everything a fresh machine needs: `make run` serves the product, `make test` runs every test.
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export PORT
# No install-time analytics from npm packages (one of Spectral's dependencies asks): no third-party requests.
export SCARF_ANALYTICS = false

.PHONY: run test test-fast generate vectors sw-version bench setup setup-dev clean content-review index-html i18n-status

$(VENV)/.runtime: requirements.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt requirements-package.txt package.json
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
	node --test frontend/tests infra/tests

# The everyday loop: everything but the browser, packaging and fuzzing tests (CI runs them all with `make test`),
# on both cores (pytest-xdist; each test has its own folders and port 0, and no node test writes a file or listens).
test-fast: setup-dev
	$(PY) -m pytest -q -n 2 -m "not browser and not slow"
	node --test --test-concurrency=2 frontend/tests infra/tests

# Every generated file, from what it is made of (tests/test_generated.py fails until you run it): the shared
# vectors, the OpenAPI document, index.html's words, then the service worker's version (it hashes index.html).
# Run in this order, one after another.
generate: vectors openapi index-html sw-version

vectors: setup
	$(PY) tests/vectors/build.py

# Translations missing, or stale because their English changed since (exits 1 if any).
i18n-status: setup
	$(PY) tools/i18n.py status

# Sources and content items last reviewed more than 12 months ago (prints them; fails only on unreadable content).
content-review: setup
	$(PY) tools/content_review.py

# After changing any app file: a new worker version, so people are offered the update.
sw-version:
	node tools/sw-version.mjs --write

# After changing the words the page shows before the app loads (content/ui.yml): write them into index.html.
index-html: setup
	$(PY) tools/index_html.py
	node tools/sw-version.mjs --write

bench: setup-dev
	$(PY) benchmarks/engine.py
	$(PY) benchmarks/cold_start.py
	$(PY) benchmarks/first_visit.py

# Serverless and public API: the Lambda zip (no AWS credentials needed), the static copy for S3 + CloudFront,
# the committed OpenAPI document, and the Lambda and load benchmarks (load: wrk, memory under unique query strings,
# slow clients).
.PHONY: package static openapi bench-lambda bench-load
STAGE ?= production
STATIC_OUT ?= build/static

# Lean: a venv of the Lambda runtime's Python with only the runtime and Zappa (no Chromium, npm or test tools).
package:
	LAMBDA_PY=$$(python3 tools/lambda_python.py) && $$LAMBDA_PY tools/build-package $(STAGE)

static: setup
	$(PY) -m api.static_site $(STATIC_OUT)

openapi: setup
	$(PY) -c 'from api.openapi import write_committed; write_committed()'

bench-lambda: setup-dev
	$(PY) benchmarks/cold_start_lambda.py

bench-load: setup-dev
	$(PY) benchmarks/load
	$(PY) benchmarks/memory.py
	$(PY) benchmarks/slow_clients.py

clean:
	rm -rf $(VENV) node_modules
