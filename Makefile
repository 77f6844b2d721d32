# The two commands: `make site` builds the site into output/, `make test` runs the tests.
# Both install the Debian packages they need first.

# libcurl4-openssl-dev: the release build links Swift's runtime and Foundation statically, which
# needs libcurl.so for FoundationNetworking; starting the process then takes about 7 ms less.
BUILD_PACKAGES = libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config libcurl4-openssl-dev
TEST_PACKAGES = $(BUILD_PACKAGES) chromium chromium-driver poppler-utils qpdf weasyprint
# import name=PyPI name: selenium drives Chromium; axe-selenium-python runs axe-core, whose newer
# release (with the WCAG 2.2 rules) comes from selenium-axe-python.
TEST_PYTHON_PACKAGES = selenium=selenium axe_selenium_python=axe-selenium-python selenium_axe_python=selenium-axe-python
ROUTEMAP = .build/release/routemap

.PHONY: site test release deps test-deps bench clean

site: release
	$(ROUTEMAP) build

release: deps
	swift build -c release --product routemap --static-swift-stdlib

test: test-deps
	swift test

deps:
	@scripts/ensure-packages.sh $(BUILD_PACKAGES)

test-deps:
	@scripts/ensure-packages.sh $(TEST_PACKAGES)
	@scripts/ensure-python-packages.sh $(TEST_PYTHON_PACKAGES)

# `make bench [CHAPTERS=2000] [RUNS=5]`: times routemap against cmark-gfm and Hugo on a synthetic
# publication generated under .bench/ (see scripts/bench.py); BENCH_FLAGS=--readme updates README.md.
CHAPTERS ?= 2000
RUNS ?= 5
BENCH_PACKAGES = $(BUILD_PACKAGES) python3 cmark-gfm hugo weasyprint poppler-utils

bench: release
	@scripts/ensure-packages.sh $(BENCH_PACKAGES)
	python3 scripts/bench.py --chapters $(CHAPTERS) --runs $(RUNS) $(BENCH_FLAGS)

clean:
	rm -rf output .build .bench
