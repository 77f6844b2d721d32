# The two commands: `make site` builds the site into output/, `make test` runs the tests.
# Both install the Debian packages they need first.

BUILD_PACKAGES = libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
TEST_PACKAGES = $(BUILD_PACKAGES) chromium poppler-utils qpdf
ROUTEMAP = .build/release/routemap

.PHONY: site test release deps test-deps clean

site: release
	$(ROUTEMAP) build

release: deps
	swift build -c release --product routemap

test: test-deps
	swift test

deps:
	@scripts/ensure-packages.sh $(BUILD_PACKAGES)

test-deps:
	@scripts/ensure-packages.sh $(TEST_PACKAGES)

clean:
	rm -rf output .build
