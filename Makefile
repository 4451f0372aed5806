# Two commands on a fresh machine with only python3: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test dist bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,dist]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m viewer

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

dist: $(STAMP)
	$(PY) -m PyInstaller --noconfirm --clean build.spec

clean:
	rm -rf build dist
