# The two quick-start commands (see README.md) and a few helpers.
# Every target installs libcurl's development files first when they are missing.

SWIFT ?= swift
EXAMPLE ?= examples/rok-us-alliance-2025.txt

.PHONY: example test build release deps

deps:
	@Scripts/ensure-dependencies

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# Check the quick-start example article with the bundled data.
example: build
	.build/debug/figcheck check $(EXAMPLE) --subject KOR

# Build everything and run the whole test suite.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
