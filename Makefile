# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck pytest demo sysdeps clean bench translations screenshots \
	package package-check icons test-future
UI_SOURCES = $(shell find src/vielfalt_desktop/ui -name '*.py' | sort)
# The core's messages (validation problems, errors, passphrase advice) are German templates
# the UI translates; all of them live in domain/messages.py (zxcvbn's advice, which it
# imports, in domain/_passphrase_advice.py).
TR_SOURCES = $(UI_SOURCES) src/vielfalt_desktop/domain/messages.py \
	src/vielfalt_desktop/domain/_passphrase_advice.py

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Qt needs a few shared libraries even on the offscreen platform; install them where missing.
sysdeps:
	@bash .ci/sysdeps

run: $(STAMP) sysdeps resources/translations/vielfalt_en.qm
	$(BIN)/vielfalt

demo: $(STAMP)
	$(BIN)/vielfalt demo --contacts 2000

lint: $(STAMP)
	$(BIN)/ruff check src tests packaging $(wildcard benchmarks)
	$(BIN)/ruff format --check src tests packaging $(wildcard benchmarks)

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) sysdeps
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

test: lint typecheck pytest

# The unit tests 400 days in the future (libfaketime; issue 12): a test that reads today's date
# while its store runs on the fixed clock of tests/conftest.py fails here, not next year.
test-future: $(STAMP) sysdeps
	@command -v faketime >/dev/null || { echo "faketime fehlt: apt-get install -y faketime" >&2; exit 1; }
	QT_QPA_PLATFORM=offscreen faketime '+400 days' $(BIN)/python -m pytest tests/unit -p no:cacheprovider

# English UI: German source strings → .ts (edited with Qt Linguist) → compiled .qm.
translations: $(STAMP)
	$(BIN)/pyside6-lupdate $(TR_SOURCES) -ts resources/translations/vielfalt_en.ts \
	    -source-language de -target-language en -no-obsolete -locations none
	$(BIN)/pyside6-lrelease resources/translations/vielfalt_en.ts -qm resources/translations/vielfalt_en.qm

resources/translations/vielfalt_en.qm: resources/translations/vielfalt_en.ts $(STAMP)
	$(BIN)/pyside6-lrelease resources/translations/vielfalt_en.ts -qm $@

# A PNG of every main screen on demo data, under a virtual X server.
screenshots: $(STAMP) sysdeps resources/translations/vielfalt_en.qm
	@command -v xvfb-run >/dev/null || { echo "xvfb-run fehlt: apt-get install -y xvfb" >&2; exit 1; }
	xvfb-run -a -s "-screen 0 1600x1000x24" $(BIN)/python tools/screenshots.py --out docs/screenshots

# City-scale benchmarks (issue 7): builds or reuses the data set under build/bench/ and writes
# build/bench.json. About 10 minutes on 2 cores; not part of `make test` (a --quick run is).
bench: $(STAMP) sysdeps
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

# The program for the offices (issue 8), built with PyInstaller from packaging/vielfalt.spec:
# dist/vielfalt-desktop/ (one folder, runs without Python) and a tarball of it for Linux.
# The Windows installer is built from the same spec on Windows, see packaging/README.md.
PACKAGE_STAMP := $(VENV)/.installed-package
VERSION = $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)

$(PACKAGE_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,package]'
	touch $@

package: $(PACKAGE_STAMP) sysdeps resources/translations/vielfalt_en.qm
	rm -rf dist/vielfalt-desktop
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
	    --workpath build/pyinstaller packaging/vielfalt.spec
	tar -C dist -czf dist/vielfalt-desktop-$(VERSION)-linux-$(shell uname -m).tar.gz vielfalt-desktop

# Runs the frozen program with no Python reachable: init, demo, sync, report (PDF), recovery,
# GUI start and unlock under Xvfb, install.sh; about 30 s (tests/package/check_frozen.sh).
package-check: package
	bash tests/package/check_frozen.sh dist/vielfalt-desktop

# Application icon PNGs and .ico from resources/icons/vielfalt-desktop.svg (results are committed).
icons: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/make_icons.py

clean:
	rm -rf $(VENV) build dist .mypy_cache .pytest_cache .ruff_cache
