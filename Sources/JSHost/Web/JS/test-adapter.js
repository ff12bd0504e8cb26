// Connects a test harness (the built-in one or an upstream testharness.js) to `jshost test`: reports the
// results once, as JSON, through `internals.testDone`, and exposes the harness's `timeout()` to the runner.
// Evaluated after the harness and before the test file, in the same outer call.
(function (ops, internals, global) {
  "use strict";

  const report = internals.testDone;
  const stringify = JSON.stringify;
  const harness = internals.testharness ?? {
    add_completion_callback: global.add_completion_callback,
    timeout: global.timeout,
  };
  if (typeof harness.add_completion_callback !== "function") {
    throw new Error("the test harness does not define add_completion_callback()");
  }

  let reported = false;
  harness.add_completion_callback((tests, status) => {
    // Upstream testharness.js may run completion callbacks twice; the first report stands.
    if (reported) return;
    reported = true;
    const subtests = [];
    for (const test of tests) {
      subtests.push({ name: String(test.name), status: test.status, message: test.message == null ? null : String(test.message) });
    }
    report(stringify({
      status: status.status,
      message: status.message == null ? null : String(status.message),
      tests: subtests,
    }));
  });

  internals.testTimeout = function testTimeout() {
    harness.timeout();
  };
})
