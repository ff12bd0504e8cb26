// The built-in test harness for `jshost test`: the testharness.js API of web-platform-tests (test,
// async_test, promise_test, assert_*, setup, done, ...), written for jshost. This file loads its parts,
// which share the null-prototype namespace `internals.th`, in dependency order:
//   testharness-format.js     format_value and the text of failure messages
//   testharness-asserts.js    AssertionError and assert_* / promise_rejects_*
//   testharness-tests.js      Test objects, steps, cleanups, timers, EventWatcher
//   testharness-lifecycle.js  test definitions, setup options, completion, result reporting
// then installs the public API on the global. test-adapter.js reports results through
// `internals.testharness`, which the lifecycle part publishes.
(function (ops, internals, global) {
  "use strict";

  const th = { __proto__: null };
  internals.th = th;
  th.DOMException = internals.DOMException ?? global.DOMException;
  ops.loadModule("testharness-format.js");
  ops.loadModule("testharness-asserts.js");
  ops.loadModule("testharness-tests.js");
  ops.loadModule("testharness-lifecycle.js");

  function install(name, value) {
    Object.defineProperty(global, name, { __proto__: null, value, writable: true, enumerable: false, configurable: true });
  }

  for (const name in th.assertions) install(name, th.assertions[name]);
  for (const name in th.globals) install(name, th.globals[name]);
  install("AssertionError", th.AssertionError);
  install("OptionalFeatureUnsupportedError", th.OptionalFeatureUnsupportedError);
  install("EventWatcher", th.EventWatcher);
})
