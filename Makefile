# The two quick-start commands (see README.md) and a few helpers.
# Every target installs libcurl's development files first when they are missing.

SWIFT ?= swift
EXAMPLE ?= examples/rok-us-alliance-2025.txt

.PHONY: example test build release deps lint

deps:
	@Scripts/ensure-dependencies

build: deps
	$(SWIFT) build

# The release build carries the Swift runtime and Foundation inside each binary: a check is a short
# process, and resolving a dozen Swift libraries' symbols at every start was a quarter of the
# 45 ms an 18 KB article took (README "Speed"). Static and dynamic builds keep apart.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib --scratch-path .build-static

# Check the quick-start example article with the bundled data. The article has wrong figures on
# purpose, so figcheck would exit 1; --fail-on never keeps make going (CI jobs leave it out).
example: build
	.build/debug/figcheck check $(EXAMPLE) --subject KOR --fail-on never

# The habits .swift-format keeps (no force unwraps or force tries, documented public API,
# ordered imports, 120 columns): swift-format ships with the toolchain. Tests are not linted.
lint:
	$(SWIFT) format lint --strict --recursive Sources Benchmarks Fuzz Package.swift

# Build everything and run the whole test suite.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
