// A deliberately tiny, classic-script test harness with testharness.js's reporting surface (test,
// assert_equals, add_completion_callback, timeout, the status numbers), used to check that
// `jshost test --harness PATH` loads an external harness as a plain script and reports through it.
(function (global) {
  "use strict";
  const tests = [];
  const completionCallbacks = [];
  let loaded = false;
  let completed = false;

  function complete(harnessStatus) {
    if (completed) return;
    completed = true;
    for (const callback of completionCallbacks) callback(tests, harnessStatus);
  }

  global.add_completion_callback = (callback) => { completionCallbacks.push(callback); };
  global.assert_equals = (actual, expected, description) => {
    if (actual !== expected) throw new Error(`assert_equals: ${description} expected ${expected} but got ${actual}`);
  };
  global.test = (fn, name) => {
    const result = { name, status: 0, message: null };
    tests.push(result);
    try {
      fn();
    } catch (error) {
      result.status = 1;
      result.message = error.message;
    }
  };
  global.pending_test = (name) => { tests.push({ name, status: 3, message: null }); };
  global.timeout = () => {
    for (const t of tests) if (t.status === 3) t.status = 2;
    complete({ status: 2, message: "minimal harness timed out" });
  };
  // Like upstream's shell environment: "all loaded" comes in a microtask, after the test file's top level.
  Promise.resolve().then(() => {
    loaded = true;
    if (!tests.some((t) => t.status === 3)) complete({ status: 0, message: null });
  });
})(self);
