# occ: two commands matter. `make report` runs the weekly report on the example workspace,
# `make test` runs the whole suite. Both create .venv with the system python3 when it is missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.occ-installed
LAB_STAMP := $(VENV)/.occ-lab-installed
EXAMPLE := examples/occ.yml

.DEFAULT_GOAL := help
.PHONY: help venv pyc report test lint lab bench clean notebooks

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[notebooks,test]'
	$(BIN)/python -m ipykernel install --sys-prefix --name occ --display-name "occ (.venv)" >/dev/null
	@touch $(STAMP)

# occ_lib's bytecode, as pip writes it for an installed package: an editable install has none, and
# with PYTHONDONTWRITEBYTECODE set (CI images often do) every occ process and kernel would compile
# the whole package again (~0.1 s each). Cheap when nothing changed.
pyc: $(STAMP)
	@$(BIN)/python -m compileall -q occ_lib >/dev/null

venv: $(STAMP) ## create .venv and install occ with its notebook and test extras

report: pyc ## run the weekly report on the bundled example workspace
	$(BIN)/occ report weekly --config $(EXAMPLE) --week 2025-W41

test: pyc ## ruff, then the whole test suite (unit, probes, notebooks with nbval, browser)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest tests
	$(BIN)/python -m pytest --nbval-lax --nbval-sanitize-with notebooks/sanitize.cfg -p no:cacheprovider notebooks

notebooks: pyc ## re-execute notebooks/ in place on the example workspace (the outputs nbval checks)
	$(BIN)/occ report refresh-notebooks

lint: $(STAMP) ## ruff only
	$(BIN)/ruff check .

$(LAB_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[notebooks,test,lab]'
	@touch $(LAB_STAMP)

lab: $(LAB_STAMP) ## install JupyterLab (the `lab` extra) and start it on notebooks/
	$(BIN)/jupyter lab --notebook-dir=notebooks

bench: pyc ## run the benchmarks in bench/ and print their figures
	$(BIN)/python bench/parse.py
	$(BIN)/python bench/probe.py
	$(BIN)/python bench/aggregate.py
	$(BIN)/python bench/report.py

clean: ## remove generated reports and caches (keeps .venv)
	rm -rf reports/*/ reports/index.html .pytest_cache .ruff_cache
