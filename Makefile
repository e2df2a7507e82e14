# Assessor — the two commands of the quick start, and a few more.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)
I18N    = resources/i18n
# The window's compiled catalogues (docs/translating.md): built from the .ts, never committed.
WINDOW_QM = $(I18N)/assessor_fr.qm $(I18N)/assessor_en.qm

.PHONY: setup run test test-postgres lint bench stress package clean i18n-update i18n-window

# Each step says what it does first: the first install downloads Qt and takes a minute or two.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || { echo "Creating the virtual environment in $(VENV) …"; \
		$(PYTHON) -m venv $(VENV); }
	@echo "Installing Assessor and its dependencies into $(VENV) (Qt: PySide6-Essentials) …"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,dev]'
# SQLCipher is optional: installed where a wheel installs cleanly, else its tests skip.
	@echo "Installing the optional SQLCipher driver (encrypted databases) …"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[encryption]' \
		|| echo "note: the SQLCipher driver did not install; encryption tests will be skipped"
# The PostgreSQL driver (psycopg 3), for a server database and make test-postgres.
	@echo "Installing the optional PostgreSQL driver (psycopg) …"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[server]' \
		|| echo "note: the PostgreSQL driver did not install; make test-postgres cannot run"
# The system keyring, where the window keeps a server's password when asked (optional).
	@echo "Installing the optional keyring support (remembered server passwords) …"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[keyring]' \
		|| echo "note: keyring did not install; the window will not offer to remember passwords"
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)
	@echo "Installed."

setup: $(STAMP) $(WINDOW_QM)

## The window's translations, compiled with Qt's lrelease (English: its plural forms only).
$(I18N)/%.qm: $(I18N)/%.ts | $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

## Start the window on the default database, importing the bundled example the first time.
run: setup
	$(BIN)/python -m assessor --with-example

## Run the test suite (headless: the tests set the offscreen Qt platform themselves).
test: setup
	$(BIN)/python -m pytest -q

## The database tests on a throwaway PostgreSQL cluster (tests/pg_server.sh; needs initdb):
## started, used through ASSESSOR_TEST_DATABASE_URL, stopped and removed whatever happens.
test-postgres: setup
	@out=$$(tests/pg_server.sh start) || exit 1; \
	url=$$(printf '%s\n' "$$out" | sed -n 's/^url=//p'); \
	dir=$$(printf '%s\n' "$$out" | sed -n 's/^dir=//p'); \
	trap 'tests/pg_server.sh stop "$$dir"' EXIT INT TERM; \
	ASSESSOR_TEST_DATABASE_URL="$$url" $(BIN)/python -m pytest -q tests --ignore=tests/ui

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: setup
	$(BIN)/python bench/import_factsheet.py

## Crash safety under stress: 20 SIGKILLed trials of 1,000 edits (figures: docs/reliability.md).
stress: setup
	$(BIN)/python bench/stress_crash.py --trials 20 --edits 1000

$(BIN)/pyinstaller: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[package]'

## The desktop package: dist/Assessor/ (one folder); check it with dist/Assessor/Assessor --self-check.
package: $(BIN)/pyinstaller $(WINDOW_QM)
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		build_spec/assessor.spec

## The core's catalogues (docs/translating.md): extract the marked strings with Babel into the
## two .pot templates, then merge them into each language's .po (new entries left to translate).
i18n-update: setup
	$(BIN)/pybabel -q extract -k N_ --sort-by-file --ignore-dirs='ui exporters __pycache__' \
		-o $(I18N)/messages.pot assessor
	$(BIN)/pybabel -q extract -k N_ --sort-by-file -o $(I18N)/documents.pot assessor/exporters
	$(BIN)/pybabel -q update -N --ignore-obsolete -D messages -i $(I18N)/messages.pot -d $(I18N) -l fr
	$(BIN)/pybabel -q update -N --ignore-obsolete -D documents -i $(I18N)/documents.pot -d $(I18N) -l fr

## The window's catalogues: every tr()/translate() of assessor/ui extracted with Qt's lupdate
## into the French .ts (new entries unfinished, to translate) and the English one (plurals).
i18n-window: $(STAMP)
	$(BIN)/pyside6-lupdate -silent -extensions py -locations relative -no-obsolete assessor/ui \
		-ts $(I18N)/assessor_fr.ts
	$(BIN)/pyside6-lupdate -silent -extensions py -locations relative -no-obsolete -pluralonly \
		assessor/ui -ts $(I18N)/assessor_en.ts

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
