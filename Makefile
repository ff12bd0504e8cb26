# The two commands of the README: `make demo` and `make test`. Both install the system package first.
SWIFT ?= swift
BIN = .build/release/jshost

.PHONY: demo test build deps js-tests swift-tests bench fuzz clean

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

## Messaging benchmarks: jshost against node and deno when they are on PATH (see benchmarks/run.py).
bench: build
	python3 benchmarks/run.py

## A million random structured-clone cases through structuredClone() and through postMessage() (a few
## minutes); SEED=N picks another seed. `make test` runs a few thousand (js-fixtures/structured-clone/fuzz.any.js).
SEED ?= 20261127
fuzz: build
	$(BIN) run scripts/clone-fuzz.js --cases 1000000 --seed $(SEED)

clean:
	rm -rf .build
