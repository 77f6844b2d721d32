# The two commands: `make site` builds the site into output/, `make test` runs the tests.
# Both install the Debian packages they need first. `make guide` builds the user guide (docs/) into output-guide/.

# libcurl4-openssl-dev: the release build links Swift's runtime and Foundation statically, which
# needs libcurl.so for FoundationNetworking; starting the process then takes about 7 ms less.
# librsvg2-bin: rsvg-convert draws the social cards (without it a build warns and makes none).
BUILD_PACKAGES = libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config libcurl4-openssl-dev librsvg2-bin
# nginx: BrowserServedSiteTests serves the built site with it, as it will be published; weasyprint: --pdf.
TEST_PACKAGES = $(BUILD_PACKAGES) chromium chromium-driver poppler-utils qpdf weasyprint python3 python3-venv nginx
# import name=PyPI name: selenium drives Chromium; axe-selenium-python runs axe-core, whose newer
# release (with the WCAG 2.2 rules) comes from selenium-axe-python.
# weasyprint: version 70 makes the PDFs in the tests, as it carries images' alternative text (Debian's 57.2 does not).
TEST_PYTHON_PACKAGES = selenium=selenium axe_selenium_python=axe-selenium-python selenium_axe_python=selenium-axe-python weasyprint=weasyprint==70.0
ROUTEMAP = .build/release/routemap
# The tests' Python (selenium, axe-core), kept apart from the system's; `make clean` removes it with .build/.
TEST_VENV = .build/test-venv

.PHONY: site guide test test-quick test-browser release deps test-deps bench clean valgrind

site: release
	$(ROUTEMAP) build

# The user guide, routemap's own second publication (docs/routemap.yml, chapters in docs/guide/).
guide: release
	$(ROUTEMAP) build --content docs --output output-guide

release: deps
	swift build -c release --product routemap --static-swift-stdlib

# The preview server's tests serve HTTP from inside the test process: they run in a process of their
# own, after the others, so that no test blocking one of Swift Testing's few threads (one per core)
# for minutes can hold their server up past its time limits.
PREVIEW_TESTS = '^PreviewTests\.'

# The tests that drive headless Chromium: suites named Browser…, tagged `.browser`.
BROWSER_TESTS = '\.Browser[A-Za-z]*Tests'
TEST_PATH = PATH="$(CURDIR)/$(TEST_VENV)/bin:$$PATH"

test: test-deps
	$(TEST_PATH) swift test --skip $(PREVIEW_TESTS)
	$(TEST_PATH) swift test --filter $(PREVIEW_TESTS)

# Everything but the browser tests, for a quicker loop while working; `make test` runs them all.
test-quick: test-deps
	$(TEST_PATH) swift test --skip $(PREVIEW_TESTS)'|'$(BROWSER_TESTS)
	$(TEST_PATH) swift test --filter $(PREVIEW_TESTS)

# The browser tests alone.
test-browser: test-deps
	$(TEST_PATH) swift test --filter $(BROWSER_TESTS)

deps:
	@scripts/ensure-packages.sh $(BUILD_PACKAGES)

test-deps:
	@scripts/ensure-packages.sh $(TEST_PACKAGES)
	@scripts/ensure-python-packages.sh $(TEST_VENV) $(TEST_PYTHON_PACKAGES)

# `make bench [CHAPTERS=2000] [RUNS=5]`: times routemap against cmark-gfm and Hugo on a synthetic
# publication generated under .bench/ (see scripts/bench.py); BENCH_FLAGS=--readme updates docs/guide/performance.md.
CHAPTERS ?= 2000
RUNS ?= 5
BENCH_PACKAGES = $(BUILD_PACKAGES) python3 cmark-gfm hugo weasyprint poppler-utils

bench: release
	@scripts/ensure-packages.sh $(BENCH_PACKAGES)
	python3 scripts/bench.py --chapters $(CHAPTERS) --runs $(RUNS) $(BENCH_FLAGS)

# `make valgrind`: a build of content/ under valgrind's memcheck, failing on any error it reports.
valgrind: deps
	scripts/valgrind-build.sh

clean:
	rm -rf output output-guide .build .bench
