# Creator Desk: `make run` and `make test` work on a fresh clone.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.requirements.stamp
PORT   ?= 8501

.PHONY: setup ingest test test-fast run eval reader bench clean-store kb screenshots

setup: $(STAMP)

# Re-installs only when requirements.txt changes, so a second `make setup` is instant.
$(STAMP): requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --disable-pip-version-check -q -r requirements.txt
	@touch $(STAMP)

ingest: setup
	$(PY) -m ingest

# Exit 1 means some file failed (it keeps its old chunks): the app still starts. Exit 2 stops.
# ui.serve is `streamlit run app.py` with the models loading from the start, not from the first page.
run: setup
	@$(PY) -m ingest; rc=$$?; if [ $$rc -gt 1 ]; then exit $$rc; fi
	$(PY) -m ui.serve --server.address 127.0.0.1 --server.port $(PORT)

test: setup
	$(PY) -m pytest

# Everything but the model, the reader, ingest, subprocesses, the browser and the Chroma server: seconds, not minutes.
test-fast: setup
	$(PY) -m pytest -m "not slow and not browser and not server"

# Refresh the README's screenshots (a plain `make test` writes them to a temporary folder).
screenshots: setup
	CREATOR_DESK_SCREENSHOTS=$(CURDIR)/docs/screenshots $(PY) -m pytest -q tests/ui/test_browser.py

eval: setup
	$(PY) -m eval

# Retrain the reader on knowledge_base tune/dev questions (about 20 minutes on 2 idle cores, 1 on a GPU);
# never part of setup: the trained weights are committed in reader/weights/.
reader: setup
	$(PY) -m reader train

bench: setup
	$(PY) bench/ingest.py
	$(PY) bench/search.py --skip-largest
	$(PY) bench/refresh.py --sizes 1000,10000

kb: setup
	$(PY) scripts/build_kb.py

clean-store:
	rm -rf .store
