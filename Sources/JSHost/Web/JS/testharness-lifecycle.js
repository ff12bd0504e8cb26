// Test harness, part 4 of 4: the file as a whole. Defining tests (test, async_test, promise_test),
// setup options, deciding when every result is in, the harness status, and the callbacks that report
// results (test-adapter.js listens through `internals.testharness`).
//
// The file is "loaded" in a microtask queued when the harness is evaluated, which runs after the test
// file's top level (the way upstream testharness.js behaves in a JavaScript shell). From then on the
// harness completes as soon as every test is complete (and done() was called, with explicit_done).
(function (ops, internals, global) {
  "use strict";

  const th = internals.th;
  const { Test, STATUS, PHASE, recordOf, runStep, finishWith, formatValue } = th;
  const { apply, defineProperty } = Reflect;
  const StringCtor = String;
  const isArray = Array.isArray;
  const ErrorCtor = Error;
  const setTimeout = global.setTimeout;
  const queueMicrotask = global.queueMicrotask;
  const addEventListener = global.addEventListener;
  const PromiseCtor = Promise;
  const PromiseReject = Promise.reject;

  const HARNESS = { __proto__: null, OK: 0, ERROR: 1, TIMEOUT: 2, PRECONDITION_FAILED: 3 };

  function append(list, value) {
    defineProperty(list, list.length, { __proto__: null, value, writable: true, enumerable: true, configurable: true });
  }

  // An exception from a start, test-state or result callback goes to whoever caused the event (usually the
  // test file's own call), as it always has.
  function callEach(callbacks, args) {
    for (let i = 0; i < callbacks.length; i++) apply(callbacks[i], undefined, args);
  }

  // Completion callbacks run after everything else; an exception there surfaces as an unhandled rejection.
  function callEachReportingRejection(callbacks, args) {
    for (let i = 0; i < callbacks.length; i++) {
      try {
        apply(callbacks[i], undefined, args);
      } catch (error) {
        apply(PromiseReject, PromiseCtor, [error]);
      }
    }
  }

  // The harness status as callbacks see it (`tests.status`); `state` below holds the authoritative copy.
  class TestsStatus {
    status = null;
    message = null;
    stack = null;
  }
  for (const name in HARNESS) {
    defineProperty(TestsStatus.prototype, name, { __proto__: null, value: HARNESS[name], enumerable: true });
  }

  const state = {
    __proto__: null,
    phase: "loading", // then "running" (top level done), then "complete"
    tests: [],
    status: HARNESS.OK,
    message: null,
    properties: {},
    explicitDone: false,
    doneCalled: false,
    allowUncaught: false,
    singleTest: null,
    timeoutMultiplier: 1,
    stopped: false, // a cleanup or promise_setup failure: tests not yet started never run
    completeSoon: false, // set with `stopped`: end the file at the next opportunity
    started: false,
    haveResults: false, // once a test has a result, setup() has no effect
    promiseQueue: th.promiseResolve(undefined),
    reportedStatus: null, // the harness status object handed to the reporters at completion
    remotesPending: 0, // workers fetch_tests_from_worker() is waiting for
  };
  const statusView = new TestsStatus();
  // The second argument of result callbacks.
  const testsView = { status: statusView, properties: state.properties, tests: state.tests, phase: 0 };

  const callbacks = {
    __proto__: null, start: [], testState: [], result: [], completion: [], reporters: [],
  };

  function setHarnessStatus(status, message) {
    state.status = status;
    state.message = message;
  }

  // --- Test registration and completion ------------------------------------------------------------

  // Returns false when the file is complete: such a test is neither run nor reported.
  function registerTest(test) {
    if (state.phase === "complete") return false;
    if (!state.started) {
      state.started = true;
      callEach(callbacks.start, [state.properties]);
    }
    append(state.tests, test);
    th.setIndex(test, state.tests.length);
    testStateChanged(test);
    return true;
  }

  function testStateChanged(test) {
    callEach(callbacks.testState, [test]);
  }

  function testFinished(test) {
    state.haveResults = true;
    try {
      callEach(callbacks.result, [test, testsView]);
    } finally {
      const record = recordOf(test);
      if (record.onComplete !== undefined) record.onComplete();
      checkComplete();
    }
  }

  // A failed cleanup or promise_setup: the harness status is ERROR, tests that have not started will not
  // run (they are reported NOTRUN), and the file ends as soon as possible.
  function fatalError(message) {
    if (state.phase === "complete") return;
    setHarnessStatus(HARNESS.ERROR, message);
    state.stopped = true;
    // Not at once: the code that caused the error finishes its current step first.
    if (!state.completeSoon && state.phase === "running") queueMicrotask(completeNow);
    state.completeSoon = true;
  }

  function completeNow() {
    if (state.phase === "running") complete();
  }

  // Complete when every test is complete. Once the harness status is not OK, tests that never started
  // (other than queued promise tests) no longer hold the file open.
  function checkComplete() {
    if (state.phase !== "running") return;
    if (state.remotesPending > 0) return; // fetch_tests_from_worker: a worker's tests are still coming
    if ((state.explicitDone || state.singleTest !== null) && !state.doneCalled) return;
    const tests = state.tests;
    for (let i = 0; i < tests.length; i++) {
      const record = recordOf(tests[i]);
      if (record.phase === PHASE.COMPLETE) continue;
      if (record.phase === PHASE.INITIAL && !record.isPromiseTest && state.status !== HARNESS.OK) continue;
      return;
    }
    complete();
  }

  // Ends the file: unfinished tests keep their current status (NOTRUN if never started, TIMEOUT if
  // started and still waiting), and the completion callbacks run once.
  function complete() {
    if (state.phase === "complete") return;
    state.phase = "complete";
    testsView.phase = 1;
    const tests = state.tests;
    for (let i = 0; i < tests.length; i++) {
      const record = recordOf(tests[i]);
      if (record.phase !== PHASE.COMPLETE) {
        record.phase = PHASE.COMPLETE;
        defineProperty(tests[i], "phase", { __proto__: null, value: PHASE.COMPLETE, writable: true, enumerable: true, configurable: true });
      }
    }
    statusView.status = state.status;
    statusView.message = state.message;
    const publicTests = [];
    const snapshot = [];
    for (let i = 0; i < tests.length; i++) {
      const record = recordOf(tests[i]);
      append(publicTests, tests[i]);
      append(snapshot, { __proto__: null, name: record.name, status: record.status, message: record.message });
    }
    const harnessSnapshot = { __proto__: null, status: state.status, message: state.message };
    state.reportedStatus = harnessSnapshot;
    tellParent(snapshot);
    callEachReportingRejection(callbacks.reporters, [snapshot, harnessSnapshot]);
    callEachReportingRejection(callbacks.completion, [publicTests, statusView, []]);
  }

  function allLoaded() {
    if (state.phase !== "loading") return;
    state.phase = "running";
    if (state.completeSoon) complete();
    else checkComplete();
  }

  // The runner's time limit (or a call to timeout()): whatever has not finished stays as it is.
  function harnessTimeout() {
    if (state.phase === "complete") return;
    setHarnessStatus(HARNESS.TIMEOUT, null);
    complete();
  }

  // --- Errors outside tests ------------------------------------------------------------------------

  // In single-test mode the error is the test's failure, which also ends the file unless
  // allow_uncaught_exception is set (then done() still decides).
  function uncaughtError(message) {
    if (state.phase === "complete") {
      // After completion the callbacks do not run again, but the status object they were given still turns
      // ERROR: a reporter that reads it later (the jshost adapter sends results one task after completion, as a
      // browser completes a sync-only file only at its load event) sees the late error.
      if (state.singleTest === null && !state.allowUncaught && statusView.status === HARNESS.OK) {
        statusView.status = HARNESS.ERROR;
        statusView.message = message;
        const reported = state.reportedStatus;
        if (reported !== null) {
          reported.status = HARNESS.ERROR;
          reported.message = message;
        }
      }
      return;
    }
    if (state.singleTest !== null) {
      finishWith(state.singleTest, STATUS.FAIL, message);
      if (!state.allowUncaught) {
        state.doneCalled = true;
        checkComplete();
      }
      return;
    }
    if (state.allowUncaught) return;
    setHarnessStatus(HARNESS.ERROR, message);
  }

  apply(addEventListener, global, ["error", (event) => {
    uncaughtError(th.safeString(event.message));
  }]);
  apply(addEventListener, global, ["unhandledrejection", (event) => {
    const reason = event.reason;
    let detail = "";
    if (typeof reason === "object" && reason !== null && "message" in reason) detail = ": " + th.safeString(reason.message);
    uncaughtError("Unhandled rejection" + detail);
  }]);

  // --- Defining tests ------------------------------------------------------------------------------

  function returnedValueMessage(test, definer, value) {
    const name = recordOf(test).name;
    let message = `Test named "${name}" passed a function to \`${definer}\` that returned a value.`;
    if (th.isThenable(value)) message += " Consider using `promise_test` instead when using Promises or async/await.";
    return message;
  }

  function newTest(func, name, properties) {
    if (state.singleTest !== null) throw new ErrorCtor("Tried to create a test with file_is_test");
    const test = new Test(th.testName(func, name), properties);
    const registered = registerTest(test);
    return { __proto__: null, test, runnable: registered && !state.stopped };
  }

  function test(func, name, properties) {
    const { test: t, runnable } = newTest(func, name, properties);
    if (!runnable) return t;
    const value = runStep(t, func, t, [t]);
    // Only the harness status records this; the test itself still passes.
    if (value !== undefined) setHarnessStatus(HARNESS.ERROR, returnedValueMessage(t, "test", value));
    t.done();
    return t;
  }

  function async_test(func, name, properties) {
    if (typeof func !== "function") {
      properties = name;
      name = func;
      func = undefined;
    }
    const { test: t, runnable } = newTest(func, name, properties);
    if (runnable && func !== undefined) {
      const value = runStep(t, func, t, [t]);
      // The file ends here: whatever is still running is reported as it stands.
      if (value !== undefined) {
        setHarnessStatus(HARNESS.ERROR, returnedValueMessage(t, "async_test", value));
        complete();
      }
    }
    return t;
  }

  // Promise tests run one after another: each starts when the previous one is complete (cleanups included).
  function enqueue(task) {
    state.promiseQueue = th.promiseThen(state.promiseQueue, task, task);
  }

  function promise_test(func, name, properties) {
    const { test: t, runnable } = newTest(func, name, properties);
    th.markPromiseTest(t);
    if (!runnable) return t;
    enqueue(() => new PromiseCtor((resolve) => {
      if (state.stopped || state.phase === "complete") {
        resolve();
        return;
      }
      recordOf(t).onComplete = resolve;
      const value = runStep(t, func, t, [t]);
      if (recordOf(t).phase > PHASE.STARTED) return;
      if (!th.isThenable(value)) {
        const received = value === undefined || value === null ? StringCtor(value) : "an object with no `then` method";
        finishWith(t, STATUS.FAIL, `promise_test: test body must return a 'thenable' object (received ${received})`);
        return;
      }
      th.promiseThen(th.promiseResolve(value), () => t.done(), (reason) => {
        runStep(t, () => {
          if (th.isAssertionError(reason)) throw reason;
          th.fail("promise_test", undefined, `Unhandled rejection with value: ${formatValue(reason)}`);
        }, t, []);
      });
    }));
    return t;
  }

  // --- Setup ---------------------------------------------------------------------------------------

  function applyProperties(properties) {
    if (typeof properties !== "object" || properties === null) return;
    for (const key in properties) state.properties[key] = properties[key];
    if ("explicit_done" in properties) state.explicitDone = !!properties.explicit_done;
    if ("allow_uncaught_exception" in properties) state.allowUncaught = !!properties.allow_uncaught_exception;
    if (typeof properties.timeout_multiplier === "number") state.timeoutMultiplier = properties.timeout_multiplier;
    if (properties.single_test && state.singleTest === null && state.phase !== "complete") {
      const single = new Test(th.testName(undefined, undefined), {});
      if (registerTest(single)) {
        state.singleTest = single;
        runStep(single, () => {}, single, []);
      }
    }
  }

  function setupFailed(error) {
    const optional = error instanceof th.OptionalFeatureUnsupportedError;
    setHarnessStatus(optional ? HARNESS.PRECONDITION_FAILED : HARNESS.ERROR, th.safeString(error));
    complete();
  }

  function setup(funcOrProperties, maybeProperties) {
    if (state.haveResults || state.phase === "complete") return;
    let func;
    let properties = funcOrProperties;
    if (typeof funcOrProperties === "function") {
      func = funcOrProperties;
      properties = maybeProperties;
    }
    applyProperties(properties);
    if (func === undefined) return;
    try {
      apply(func, undefined, []);
    } catch (error) {
      setupFailed(error);
    }
  }

  // Runs `func` before any promise test that follows; its promise must fulfill.
  function promise_setup(func, properties) {
    if (state.haveResults || state.phase === "complete") return;
    applyProperties(properties);
    enqueue(() => {
      if (state.phase === "complete") return undefined;
      let value;
      try {
        value = apply(func, undefined, []);
      } catch (error) {
        fatalError(th.safeString(error));
        return undefined;
      }
      if (!th.isThenable(value)) {
        fatalError("Non-thenable returned by function passed to `promise_setup`");
        return undefined;
      }
      return th.promiseThen(th.promiseResolve(value), undefined, (reason) => {
        fatalError(th.safeString(reason));
      });
    });
  }

  function done() {
    if (state.phase === "complete") return;
    if (state.singleTest !== null) {
      state.singleTest.done();
    } else if (state.tests.length === 0) {
      setHarnessStatus(HARNESS.ERROR, "done() was called without first defining any tests");
      complete();
      return;
    }
    state.doneCalled = true;
    checkComplete();
  }

  // --- Small helpers ---------------------------------------------------------------------------------

  // The callback gets the `this` step_timeout was called with; a plain call passes the global object, as
  // upstream's (sloppy-mode) harness does.
  function step_timeout(func, timeout, ...args) {
    const outerThis = this === undefined ? global : this;
    return setTimeout(() => apply(func, outerThis, args), timeout * state.timeoutMultiplier);
  }

  function generate_tests(func, cases, properties) {
    for (let i = 0; i < cases.length; i++) {
      const entry = cases[i];
      const args = [];
      for (let j = 1; j < entry.length; j++) append(args, entry[j]);
      test(function () {
        apply(func, this, args);
      }, entry[0], isArray(properties) ? properties[i] : properties);
    }
  }

  function on_event(object, event, callback) {
    object.addEventListener(event, callback, false);
  }

  const addCallback = (list) => function (callback) {
    append(list, callback);
  };

  th.harness = {
    __proto__: null,
    testStateChanged,
    testFinished,
    fatalError,
    timeoutMultiplier: () => state.timeoutMultiplier,
  };

  // --- Tests that run in a worker (fetch_tests_from_worker) ---------------------------------------------
  //
  // In a dedicated worker the harness sends its results to whoever holds the Worker object, as upstream's
  // does: { type: "complete", tests: [{ name, status, message, stack }], status: { status, message, stack } }.
  // The parent's fetch_tests_from_worker(worker) adds those tests to its own results and waits for them.
  const workerPostMessage = typeof global.importScripts === "function" ? global.postMessage : undefined;

  function tellParent(snapshot) {
    if (workerPostMessage === undefined) return;
    const tests = [];
    for (let i = 0; i < snapshot.length; i++) {
      const t = snapshot[i];
      append(tests, { name: t.name, status: t.status, message: t.message, stack: null });
    }
    try {
      apply(workerPostMessage, global, [{ type: "complete", tests, status: { status: state.status, message: state.message, stack: null } }]);
    } catch {
      // Nobody is listening (a worker run straight by jshost test): nothing to tell.
    }
  }

  function fetch_tests_from_worker(worker) {
    if (state.phase === "complete") return PromiseCtor.resolve();
    state.remotesPending++;
    return new PromiseCtor((resolve) => {
      const onMessage = (event) => {
        const data = event.data;
        if (typeof data !== "object" || data === null || data.type !== "complete") return;
        const tests = isArray(data.tests) ? data.tests : [];
        for (let i = 0; i < tests.length; i++) {
          const remote = tests[i];
          const { test: local } = newTest(undefined, StringCtor(remote.name), {});
          const status = typeof remote.status === "number" ? remote.status : STATUS.FAIL;
          finishWith(local, status, remote.message == null ? null : StringCtor(remote.message));
        }
        const harness = data.status;
        if (harness !== null && typeof harness === "object" && harness.status !== HARNESS.OK && state.status === HARNESS.OK) {
          setHarnessStatus(harness.status, harness.message == null ? null : StringCtor(harness.message));
        }
        state.remotesPending--;
        resolve();
        checkComplete();
      };
      worker.addEventListener("message", onMessage);
      if (typeof worker.start === "function") worker.start();
    });
  }

  th.globals = {
    __proto__: null,
    test, async_test, promise_test, setup, promise_setup, done, fetch_tests_from_worker,
    timeout: function timeout() { harnessTimeout(); },
    format_value: function format_value(value, seen) { return formatValue(value, isArray(seen) ? seen : undefined); },
    add_start_callback: addCallback(callbacks.start),
    add_test_state_callback: addCallback(callbacks.testState),
    add_result_callback: addCallback(callbacks.result),
    add_completion_callback: addCallback(callbacks.completion),
    step_timeout, generate_tests, on_event,
  };

  // For test-adapter.js: results as plain snapshots taken from the harness's own records.
  internals.testharness = {
    __proto__: null,
    add_completion_callback: addCallback(callbacks.reporters),
    timeout: harnessTimeout,
  };

  queueMicrotask(allLoaded);
})
