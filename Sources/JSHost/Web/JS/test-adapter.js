// Connects a test harness (the built-in one or an upstream testharness.js) to `jshost test`: reports the
// results once, as JSON, through `internals.testDone`, and exposes the harness's `timeout()` to the runner.
// Evaluated after the built-in harness (or, for an external one, loading it through `internals.loadHarness`)
// and before the test file, in the same outer call.
(function (ops, internals, global) {
  "use strict";

  const report = internals.testDone;
  const stringify = JSON.stringify;
  const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
  const defineProperty = Object.defineProperty;
  const setPrototypeOf = Object.setPrototypeOf;
  const StringCtor = String;
  // A primitive string, converted once: a name or message that is an object is converted with its own methods
  // (as String() would), never through a patched String.prototype.
  function text(value) {
    return typeof value === "string" ? value : StringCtor(value);
  }
  const HARNESS_OK = 0;
  const HARNESS_ERROR = 1;
  const HARNESS_TIMEOUT = 2;

  // An upstream testharness.js picks its environment from the global: `document` → window, a
  // WorkerGlobalScope → worker, otherwise a JavaScript shell. Releases from about 2018 to 2021 accept the
  // shell only when the global has no `self` ("Unsupported test environment"); current ones fall back to the
  // shell. So when the harness fails with `self` present, evaluate it once more with `self` hidden (put back
  // straight after: nothing else runs in between) and keep the first error if that fails too (a current
  // harness, `(function (global_scope) { ... })(self)`, needs `self`).
  function loadExternalHarness() {
    internals.loadHarness();
    if (!internals.harnessThrew) return null;
    const firstError = internals.harnessException;
    const self = getOwnPropertyDescriptor(global, "self");
    if (typeof global.add_completion_callback !== "function" && self !== undefined && self.configurable) {
      delete global.self;
      try {
        internals.loadHarness();
      } finally {
        defineProperty(global, "self", self);
      }
      if (!internals.harnessThrew) return null;
    }
    return { error: firstError };
  }

  function describe(error) {
    try {
      if (error !== null && typeof error === "object" && "message" in error) {
        return `${error.name === undefined ? "Error" : String(error.name)}: ${String(error.message)}`;
      }
      return String(error);
    } catch {
      return "an exception";
    }
  }

  let failure = null;
  if (typeof internals.loadHarness === "function") {
    failure = loadExternalHarness();
    delete internals.harnessThrew;
    delete internals.harnessException;
  }

  const harness = internals.testharness ?? {
    add_completion_callback: global.add_completion_callback,
    timeout: global.timeout,
  };

  let reported = false;
  function harnessError(message) {
    reported = true;
    report(stringify({ status: HARNESS_ERROR, message, tests: [] }));
  }

  if (typeof harness.add_completion_callback !== "function") {
    // The file still runs (its uncaught errors are reported with it), but there is no harness to say how it went.
    harnessError(failure !== null
      ? `the test harness failed to load: ${describe(failure.error)}`
      : "the test harness does not define add_completion_callback()");
    if (failure !== null) internals.reportException(failure.error);
    internals.testTimeout = function testTimeout() {};
    return;
  }
  if (failure !== null) {
    // The harness threw after installing itself: report that as upstream would see it (an error event).
    internals.reportException(failure.error);
  }

  // The results are sent one task after the harness completes, not at once: a file whose tests are all
  // synchronous completes in a microtask right after its script, before a later microtask's error or an unhandled
  // rejection (reported at the end of the microtask checkpoint) reaches the harness. A browser completes such a
  // file at the load event, after both, and the harness then turns its status into ERROR (upstream's error
  // handler updates the status object it passed to completion callbacks). Reading the status when sending
  // gives the same answer here: never a silent PASS.
  const queueTask = internals.queueTask;
  let completed = null;

  // The report is built from null-prototype objects and arrays, without iterators or push: the file may have
  // patched Array.prototype or given Object.prototype a toJSON by the time the results are sent.
  function sendResults(stoppedAtTimeLimit) {
    if (completed === null) return;
    const tests = completed.tests;
    const status = completed.status;
    completed = null;
    // Still waiting for its task at the time limit: the file completed but then kept the agent busy (a
    // microtask that queues itself forever), so it did not finish within its limit.
    const harnessStatus = stoppedAtTimeLimit && status.status === HARNESS_OK ? HARNESS_TIMEOUT : status.status;
    const subtests = setPrototypeOf([], null);
    const count = tests.length;
    for (let i = 0; i < count; i++) {
      const test = tests[i];
      defineProperty(subtests, i, {
        __proto__: null,
        value: { __proto__: null, name: text(test.name), status: test.status, message: test.message == null ? null : text(test.message) },
        writable: true, enumerable: true, configurable: true,
      });
    }
    report(stringify({
      __proto__: null,
      status: harnessStatus,
      message: harnessStatus !== status.status || status.message == null ? null : text(status.message),
      tests: subtests,
    }));
  }

  harness.add_completion_callback((tests, status) => {
    // Upstream testharness.js may run completion callbacks twice; the first report stands.
    if (reported) return;
    reported = true;
    completed = { __proto__: null, tests, status };
    try {
      queueTask(sendResults, false);
    } catch {
      // Queueing can fail once the file has patched built-ins (Array.prototype.push): send at once instead.
      sendResults(false);
    }
  });

  const timeout = harness.timeout;
  internals.testTimeout = function testTimeout() {
    if (typeof timeout === "function") timeout();
    // The runner closes the realm straight after this call: no later task would run.
    sendResults(true);
  };
})
