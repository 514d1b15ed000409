# The two entry points the README names. Each creates the virtualenv on first use, so both work on a fresh clone.
VENV ?= .venv
PY := $(VENV)/bin/python

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

.PHONY: install build test
install: $(VENV)/.installed

build: $(VENV)/.installed
	$(PY) -m builder build

test: $(VENV)/.installed
	$(PY) -m pytest -q
