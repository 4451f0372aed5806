# Two commands on a fresh machine with only python3: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test dist dist-check bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,dist]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m viewer

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# dist/conflict-timeline/conflict-timeline (onedir) and dist/conflict-timeline-onefile: docs/PACKAGING.md
dist: $(STAMP)
	$(PY) -m PyInstaller --noconfirm --clean build.spec -- --mode both

# Run the built onedir program offscreen on its bundled seeds (builds it first if missing or stale).
dist-check: $(STAMP)
	$(PY) packaging/dist_check.py --build-if-stale --onefile

clean:
	rm -rf build dist
