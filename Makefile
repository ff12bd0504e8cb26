# The two commands of the README: `make demo` and `make test`. Both install the system package first.
SWIFT ?= swift
BIN = .build/release/jshost

.PHONY: demo test build deps js-tests swift-tests bench fuzz tsan docs clean

deps:
	@bash scripts/ensure-deps.sh

build: deps
	$(SWIFT) build -c release

## Runs JavaScript in several contexts: a script through the CLI, then the Swift embedding demo
## (two agents on two threads, three realms).
demo: build
	$(BIN) run examples/hello.js from-make-demo
	$(BIN) run examples/workers/main.js
	$(SWIFT) run -c release --skip-build jshost-demo

## The whole suite: every js-fixtures/ file through `jshost test`, then the Swift tests.
test: deps
	$(SWIFT) build -c release --product jshost
	$(BIN) test --jobs 2 --expectations js-fixtures/expectations.json js-fixtures
	$(SWIFT) test

## Messaging benchmarks: jshost against node, deno and bun when they are on PATH (see benchmarks/run.py); then
## the Swift API against JavaScriptCore's own floor (Benchmarks/SwiftAPI).
bench: build
	python3 benchmarks/run.py
	$(SWIFT) run -c release --skip-build swift-api-bench

## A million random structured-clone cases through structuredClone() and through postMessage() (a few
## minutes); SEED=N picks another seed. `make test` runs a few thousand (js-fixtures/structured-clone/fuzz.any.js).
SEED ?= 20261127
fuzz: build
	$(BIN) run scripts/clone-fuzz.js --cases 1000000 --seed $(SEED)

## The Swift tests that exercise threads, then `jshost test --jobs 2` over the fixtures, under ThreadSanitizer
## (built into .build-tsan; the first build takes a few minutes). Fails on any report outside JavaScriptCore
## itself. Suites and suppressions: scripts/tsan.sh.
tsan: deps
	SWIFT=$(SWIFT) bash scripts/tsan.sh

clean:
	rm -rf .build

## The DocC documentation of the Swift API (the JSHost.docc catalog and every public symbol) into .build/docs,
## with the toolchain's own `docc`; fails on any warning (a broken link, a missing symbol).
docs:
	$(SWIFT) package dump-symbol-graph --minimum-access-level public
	rm -rf .build/symbolgraph-jshost && mkdir -p .build/symbolgraph-jshost
	cp .build/*/symbolgraph/JSHost.symbols.json .build/symbolgraph-jshost/
	docc convert Sources/JSHost/JSHost.docc --additional-symbol-graph-dir .build/symbolgraph-jshost \
		--output-dir .build/docs --fallback-display-name JSHost --fallback-bundle-identifier jshost --warnings-as-errors
