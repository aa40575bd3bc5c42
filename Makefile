# Two entry points for a fresh machine; each does its own set-up:
#   make report   install, then write reports/ for every story in corpora/
#   make test     install, then run every check (lint, types, the whole test suite)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup report test lint bench eval clean-cache

setup: $(STAMP)

# torch first, pinned: a bare `torch` requirement pulls a CUDA build of several GB. On this
# project's machines and CI, pip's find-links hold the CPU wheel of 2.13.0, so the pin takes
# it. Elsewhere, point pip at PyTorch's CPU index:
#   make test TORCH_PIP_ARGS='--index-url https://download.pytorch.org/whl/cpu'
TORCH_PIP_ARGS ?=
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet $(TORCH_PIP_ARGS) torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

report: setup
	$(BIN)/factcheck check corpora --out reports

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python bench/run_bench.py

# Scores on public data (not part of `make test`: it needs the data folder).
EVAL_DATA ?= ../shared/eval-data
eval: setup
	$(BIN)/factcheck eval $(EVAL_DATA)

clean-cache:
	rm -rf "$${FACTCHECK_CACHE_DIR:-$${XDG_CACHE_HOME:-$$HOME/.cache}/factcheck}"
