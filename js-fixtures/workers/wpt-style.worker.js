// A web-platform-tests-style worker file: it loads the harness itself and says when it is done.
importScripts("/resources/testharness.js");
importScripts("/resources/testharnessreport.js");

test(() => {
  assert_true(self instanceof DedicatedWorkerGlobalScope);
  assert_equals(typeof importScripts, "function");
}, "a .worker.js file runs in a dedicated worker and may import the harness itself");

done();
