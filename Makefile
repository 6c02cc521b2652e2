# casefile: `make run` serves the sample corpus on 127.0.0.1:8000; `make test` runs the suite.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DB     ?= casefile.db
HOST   ?= 127.0.0.1
PORT   ?= 8000
# The local CPU build of torch lives here on these machines; pip must look there first.
PIP_FIND := $(if $(wildcard /opt/wheels/*),--find-links /opt/wheels,)
EXTRAS := test,spark,embeddings
# The seed articles when this checkout sits beside ../shared, else the project's own examples.
SAMPLE := $(if $(wildcard ../shared/corpus/seeds/*),../shared/corpus/seeds,examples)

.PHONY: install test-deps run test sample score bench clean help

help:            ## list the targets
	@grep -E '^[a-z-]+:.*##' Makefile | sed 's/:.*##/\t/'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet $(PIP_FIND) -e '.[$(EXTRAS)]'
	touch $(STAMP)

install: $(STAMP)  ## create .venv and install casefile with its pinned dependencies

sample: install    ## ingest the sample corpus into $(DB)
	$(VENV)/bin/casefile ingest $(SAMPLE) --db $(DB)

run: sample        ## ingest the sample corpus and serve the UI on $(HOST):$(PORT)
	$(VENV)/bin/casefile serve --db $(DB) --host $(HOST) --port $(PORT)

test-deps: install ## Chromium, PostgreSQL and Java for the browser, PostgreSQL and Spark tests
	bash scripts/install_test_deps.sh

test: install test-deps ## run the whole test suite
	$(PY) -m pytest

score: install     ## score the seeds, MEANTIME, dev/timebank, dev/polnear and dev/wikievents with the shared scorers (../shared/eval)
	$(PY) scripts/dev_eval.py seeds meantime timebank polnear wikievents

bench: install     ## run the benchmarks (ingest vs raw spaCy, resolution, web latency)
	$(PY) benchmarks/ingest.py
	$(PY) benchmarks/resolve.py
	$(PY) benchmarks/web.py

clean:             ## remove the virtualenv, databases and test artifacts
	rm -rf $(VENV) *.db *.db-wal *.db-shm test-artifacts .pytest_cache
