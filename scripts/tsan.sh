#!/usr/bin/env bash
# `make tsan`: the Swift tests that exercise threads, built with ThreadSanitizer into .build-tsan (the first
# build takes a few minutes), then the TSan-built CLI running test files on two jobs. Exits non-zero on a
# failing Swift test or on any ThreadSanitizer report that scripts/tsan-suppressions.txt does not suppress
# (that file lets through only reports from inside JSC).
#
# Which tests run: whole suites, chosen by type name (Swift Testing's --filter matches
# "JSHostTests.<Type>/<function>()", the names `swift test list` prints). To add a suite, add its type name to
# SUITES. Any suite whose type name contains "Worker" (e.g. WorkerTests in Tests/JSHostTests/WorkerTests.swift)
# is picked up without a change here. Tests that run the jshost binary as a subprocess do not belong: they
# compare its output and timing, which TSan changes; list such tests in SKIPPED.
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFT=${SWIFT:-swift}

SUITES=(
  LoopTests                  # "Event loop": two agents trading 100,000 messages, cross-thread wake-ups
  TimerHeapTests             # "Timer heap"
  StoppingTests              # "Stopping and lifetime": terminate(), shutdown from callbacks, dropped hosts
  APITests                   # "Public API": every call hops to an agent thread
  ScriptingAPITests          # Swift functions (async ones settle from Swift tasks), handles, time limits
  ScriptPortTests            # Swift's ends of channels: sends from any thread, the JS end in a worker
  TransferTests              # ArrayBuffers lent between agents, loans ended from GC threads and teardowns
  MultiRealmMessagingTests
  FinalizationTests          # JSC's GLib timers on agent threads
  WebAPITests                # crypto and location across agents
  BlobAcrossRealmsTests
  BroadcastChannelRealmTests # BroadcastChannel between realms of one agent and across agents
  '[A-Za-z]*Worker[A-Za-z]*' # future worker suites
)
# Suites that bound the process's RSS: run on their own afterwards, since the suites above, in parallel and
# under TSan's shadow memory, move the process-wide figure by more than the bounds allow.
MEMORY_SUITES=(
  BoundedMemoryTests         # "Memory stays bounded": 300 realms made and closed (passes under TSan too)
  MemoryTests                # realms closed while ports are entangled
)

# StoppingTests that spawn the jshost CLI (runJSHost) and check its exit status, stdout/stderr and timing.
# (Also skipped below: the MemoryTests that bound a child jshost's peak RSS, the burst test and the
# AbortSignal.any one; TSan's shadow memory doubles it.)
SKIPPED=(
  timeoutStopsOptimisedLoop
  firstFatalErrorEndsRun
  timeoutWithMicrotaskLoop
  runnerSurvivesRunawayFiles
  webAssemblyCompileCounts
)

join() { local IFS='|'; echo "$*"; }

# JSC stops a running script (Host.terminate(), the watchdog behind canInterruptScripts) by sending the
# agent's thread a signal from its "JSC VMTraps Signal Sender" thread, and waits until the thread has taken
# it. TSan delays a signal until the thread next enters a function TSan intercepts, which JIT-compiled code
# in `while (true) {}` never does: the sender waits forever while holding the lock every GC needs to suspend
# threads, and the whole test process stalls (seen with StoppingTests and APITests.terminateInfiniteLoop).
# With polling traps JIT code checks a flag instead; stopping works the same way from our side.
export JSC_usePollingTraps=true
suppressions=$PWD/scripts/tsan-suppressions.txt
export TSAN_OPTIONS="suppressions=$suppressions:halt_on_error=0:exitcode=66${TSAN_OPTIONS:+:$TSAN_OPTIONS}"

nice -n 10 "$SWIFT" build --build-tests --sanitize=thread --scratch-path .build-tsan
# TSan makes the test process exit with 66 after printing any unsuppressed report, and `swift test` then
# exits non-zero even when every test passed.
nice -n 10 "$SWIFT" test --skip-build --sanitize=thread --scratch-path .build-tsan \
  --filter "JSHostTests\.($(join "${SUITES[@]}"))/" \
  --skip "JSHostTests\.StoppingTests/($(join "${SKIPPED[@]}"))\("
nice -n 10 "$SWIFT" test --skip-build --sanitize=thread --scratch-path .build-tsan \
  --filter "JSHostTests\.($(join "${MEMORY_SUITES[@]}"))/" \
  --skip "JSHostTests\.MemoryTests/(burstOfObjectMessagesStaysSmall|dependentsOfALongLivedSourceDoNotAccumulate)\("

# The CLI's threads: `jshost test --jobs 2` (two agents at once, per-file time limits, an agent replaced after
# a runaway file), over every fixture as `make test` runs them, then over the runner's runaway and odd-outcome
# files. The TSan-built binary exits with 66 after any unsuppressed report. Failing or timed-out files (exit 1)
# are `make test`'s business, and the runaway files end TIMEOUT or ERROR by design, so here exit 1 passes and
# anything else (66, a crash, bad usage) fails.
jshost=.build-tsan/debug/jshost
log=.build-tsan/jshost-test.log
run_cli() {
  local status=0
  nice -n 10 "$jshost" test --jobs 2 "$@" >"$log" || status=$?
  echo "tsan: jshost test $* (exit $status): $(tail -n 1 "$log")"
  if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
    echo "tsan: \`jshost test $*\` exited with $status (66: TSan reports above); output: $log" >&2
    exit 1
  fi
}
run_cli --expectations js-fixtures/expectations.json js-fixtures
run_cli --timeout-multiplier 0.1 Tests/Fixtures/runner/spin Tests/Fixtures/runner/outcomes
