// Tests that run inside a worker; the page collects them with fetch_tests_from_worker().
importScripts("/resources/testharness.js");

test(() => {
  assert_true(self instanceof DedicatedWorkerGlobalScope);
}, "runs in the worker");

test(() => {
  assert_equals(1 + 1, 3, "on purpose");
}, "fails in the worker");

promise_test(async () => {
  await new Promise((resolve) => setTimeout(resolve, 10));
}, "an async test in the worker");

done();
