# Quick start: `make run` (set up + extract the bundled samples), `make test` (the whole suite).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SAMPLES := $(wildcard samples/*.txt samples/*.docx samples/*.pdf)

.PHONY: run test lint schema bench clean

run: $(BIN)/.installed
	$(BIN)/govfacts extract $(SAMPLES) -o out/samples --show 4
	@echo "JSON written to out/samples/ (one file per sample)"

test: $(BIN)/.installed
	$(BIN)/python -m pytest

lint: $(BIN)/.installed
	$(BIN)/ruff check extractor tests benchmarks tools

schema: $(BIN)/.installed
	$(BIN)/govfacts schema

bench: $(BIN)/.installed
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python benchmarks/bench_batch.py

$(BIN)/.installed: pyproject.toml
	-@sh tools/system_deps.sh
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

clean:
	rm -rf $(VENV) out
