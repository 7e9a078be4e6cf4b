# Quick start: `make site` builds the site into site/; `make test` runs every test.
# Both set themselves up: a virtual environment in .venv, and for the browser
# tests Debian's Chromium.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The lock file: exact versions of every package, pinned from pyproject.toml by `make lock`.
LOCK := requirements.txt
PIP_TOOLS := pip-tools==7.6.2
CHROMIUM ?= /usr/bin/chromium
export NO_MKDOCS_2_WARNING := 1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: site test serve validate new-update new-session import-status schemas bench chromium lint lock clean

# Everything from the lock file, then the project itself without resolving anything again.
$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r $(LOCK)
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

# After changing the dependencies in pyproject.toml (or to take newer versions: make lock
# UPGRADE=--upgrade). pip-tools runs from its own environment, outside the project's.
lock:
	$(PYTHON) -m venv .cache/lock-venv
	.cache/lock-venv/bin/pip install --quiet $(PIP_TOOLS)
	.cache/lock-venv/bin/pip-compile --quiet $(UPGRADE) --extra test --strip-extras \
		--no-emit-index-url --no-emit-find-links --output-file $(LOCK) pyproject.toml

# make site ENGINE=properdocs builds it with the other engine that reads mkdocs.yml.
ENGINE ?= mkdocs
SITE_DIR ?= site

site: $(STAMP)
	$(BIN)/python -m build_tools site --engine $(ENGINE) --site-dir $(SITE_DIR)

validate: $(STAMP)
	$(BIN)/python -m build_tools validate

serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty

# make new-update SESSION=reconvened-concluding-session TITLE="The last day" [DATE=2024-08-09]
new-update: $(STAMP)
	@test -n "$(SESSION)" -a -n "$(TITLE)" || { echo 'usage: make new-update SESSION=<session-id> TITLE="Title" [DATE=YYYY-MM-DD]'; exit 2; }
	@$(BIN)/python -m build_tools new-update "$(SESSION)" "$(TITLE)" $(if $(DATE),--date "$(DATE)")

# make new-session SESSION=seventh-session KIND=negotiating START=2025-01-06 END=2025-01-17
#   CITY="New York" [TITLE="Seventh session"]; without SESSION or KIND it lists the kinds.
new-session: $(STAMP)
	@$(BIN)/python -m build_tools new-session "$(SESSION)" --kind "$(KIND)" --city "$(CITY)" \
		$(if $(TITLE),--title "$(TITLE)") $(if $(START),--start "$(START)") $(if $(END),--end "$(END)")

# Add to data/treaty-status.yaml what the depositary's record lists and it has not, and print a
# summary for the pull request; SOURCE= reads a saved copy or another https address instead.
import-status: $(STAMP)
	@$(BIN)/python -m build_tools import-status $(if $(SOURCE),"$(SOURCE)")

schemas: $(STAMP)
	$(BIN)/python -m build_tools schemas

chromium:
	@if [ -x "$(CHROMIUM)" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's chromium for the browser tests..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "The browser tests need Chromium at $(CHROMIUM)."; \
		echo "Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM=/path/to/chromium."; \
		exit 1; \
	fi

test: $(STAMP) chromium
	CHROMIUM=$(CHROMIUM) $(BIN)/python -m pytest

# Build-performance benchmark (minutes, not part of `make test`): see benchmarks/README.md.
bench: $(STAMP)
	$(BIN)/python -m benchmarks.bench
	$(BIN)/python -m benchmarks.hostile

lint: $(STAMP)
	$(BIN)/ruff check build_tools tests benchmarks
	$(BIN)/mypy

clean:
	rm -rf site .venv .pytest_cache
