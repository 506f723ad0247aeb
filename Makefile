# Sociaal Veilig: the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-test
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run demo centre test lint typecheck pytest bench torture screenshots translations package icons load clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	env -u QT_QPA_PLATFORM $(VENV)/bin/sociaalveilig

demo: $(STAMP)
	env -u QT_QPA_PLATFORM $(PY) -m sociaalveilig.app --demo

# A trial centre: a throw-away PostgreSQL cluster, a fictional beheerder (passphrase on
# screen), demo data, the server on 127.0.0.1 until Ctrl-C, which removes everything.
centre: $(STAMP)
	$(PY) -m tools.pgcluster run -- $(PY) -m tools.trial_centre

lint: $(STAMP)
	$(VENV)/bin/ruff check .

typecheck: $(STAMP)
	$(VENV)/bin/mypy sociaalveilig/core sociaalveilig/storage sociaalveilig/services sociaalveilig/demo

# The tests run on both stores: tools/pgcluster.py starts a throw-away PostgreSQL cluster
# (installing the server with apt-get where it may) and stops it afterwards. They run in
# PYTEST_WORKERS processes (pytest-xdist; 2 keeps both cores of CI's machine busy), a test
# module's tests together in one (--dist loadfile: module fixtures built once, file order
# kept); PYTEST_WORKERS=0 runs them in this one process.
PYTEST_WORKERS ?= 2
pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m tools.pgcluster run -- $(VENV)/bin/pytest \
		-n $(PYTEST_WORKERS) --dist loadfile

test: lint typecheck pytest

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.run
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.package

# The centre under load and faults (bench/load.py; docs/reliability.md): 25 desks for two
# minutes, each pausing 5 s on average between calls as a person does (the target figures
# into bench/results.json); the same without a pause, the centre's capacity (its figures
# as load_saturation_*); then 25 desks for five minutes on two server processes through
# 100 SIGKILLs, 10 PostgreSQL restarts and 10 network cuts.
load: $(STAMP)
	$(PY) -m bench.load --desks 25 --seconds 120
	$(PY) -m bench.load --desks 25 --seconds 120 --think 0
	$(PY) -m bench.load --desks 25 --seconds 300 --think 0 --kills 100 --pg-restarts 10 --cuts 10

torture: $(STAMP)
	QT_QPA_PLATFORM=offscreen SV_TORTURE=full SV_FUZZ_EXAMPLES=10000 $(VENV)/bin/pytest -m "torture or not torture" tests/torture
	SV_TORTURE=full $(PY) -m tools.pgcluster run -- $(VENV)/bin/pytest -q --hypothesis-show-statistics tests/server/test_fuzz_schema.py tests/server/test_fuzz_call.py tests/server/test_fuzz_http.py

# The .ts sources from the code (existing translations kept), then the .qm the package
# ships (committed, so an install from the checkout needs no Qt tools at build time).
translations: $(STAMP)
	$(PY) -m tools.translations

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m tools.screenshots
	QT_QPA_PLATFORM=offscreen SV_JOURNEY_SHOTS=docs/screenshots $(VENV)/bin/pytest -q -p no:cacheprovider tests/ui/test_journeys.py tests/ui/test_journeys_casework.py tests/ui/test_journeys_signals.py tests/ui/test_journeys_followup.py tests/ui/test_journeys_layout.py

# The program as one folder that runs without Python: dist/sociaalveilig (docs/install.md).
$(VENV)/.installed-package: pyproject.toml | $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,package]'
	touch $@

package: $(STAMP) $(VENV)/.installed-package
	rm -rf build/pyinstaller dist/sociaalveilig
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist \
		--workpath build/pyinstaller tools/sociaalveilig.spec

# The icon's PNG sizes and ICO from sociaalveilig/resources/icons/hicolor/scalable/apps/*.svg.
icons: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m tools.make_icons

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache build dist
