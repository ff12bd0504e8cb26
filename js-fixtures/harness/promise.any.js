// promise_test, promise_rejects_* and cleanups of the built-in testharness.js. Every subtest here
// must PASS.

const log = [];

promise_test(async t => {
  log.push("first:start");
  await new Promise(resolve => t.step_timeout(resolve, 20));
  t.add_cleanup(() => new Promise(resolve => setTimeout(() => {
    log.push("first:async-cleanup");
    resolve();
  }, 20)));
  log.push("first:end");
}, "promise tests run one after another (1)");

promise_test(async t => {
  assert_array_equals(log, ["first:start", "first:end", "first:async-cleanup"],
                      "the previous test and its promise-returning cleanup finished first");
  log.length = 0;
}, "promise tests run one after another (2): cleanup promises are awaited");

promise_test(t => {
  return Promise.resolve().then(() => assert_true(true));
}, "a promise test may return any promise");

promise_test(t => {
  return { then(resolve) { resolve(); } };
}, "a promise test may return a thenable");

promise_test(t => {
  return promise_rejects_js(t, TypeError, Promise.reject(new TypeError("t")));
}, "promise_rejects_js");

promise_test(t => {
  return promise_rejects_dom(t, "AbortError", Promise.reject(new DOMException("m", "AbortError")));
}, "promise_rejects_dom");

promise_test(t => {
  return promise_rejects_dom(t, "ABORT_ERR", DOMException,
                             Promise.reject(new DOMException("m", "AbortError")), "constructor form");
}, "promise_rejects_dom with a constructor");

promise_test(t => {
  const value = { reason: 1 };
  return promise_rejects_exactly(t, value, Promise.reject(value));
}, "promise_rejects_exactly");

function rejection_message(promise) {
  return promise.then(() => null, e => {
    if (e instanceof AssertionError) {
      return e.message;
    }
    throw e;
  });
}

promise_test(async t => {
  assert_equals(
    await rejection_message(promise_rejects_js(t, TypeError, Promise.reject(new RangeError("r")), "d")),
    'promise_rejects_js: d function "function() { throw e }" threw object "RangeError: r" ("RangeError")' +
    ' expected instance of function "' + String(TypeError) + '" ("TypeError")');
  assert_equals(
    await rejection_message(promise_rejects_exactly(t, 1, Promise.reject(2))),
    'promise_rejects_exactly: function "function() { throw e }" threw 2 but we expected it to throw 1');
}, "promise_rejects_* failure messages");

const cleanup_log = [];
test(t => {
  t.add_cleanup(() => { cleanup_log.push("a"); });
  t.add_cleanup(() => { cleanup_log.push("b"); });
  cleanup_log.push("body");
}, "cleanups are registered");

test(() => {
  assert_array_equals(cleanup_log, ["body", "a", "b"], "cleanups run after the body, in order");
}, "cleanups ran in registration order after the test");

const async_cleanup_log = [];
async_test(t => {
  t.add_cleanup(() => { async_cleanup_log.push("cleanup"); });
  t.step_timeout(() => {
    async_cleanup_log.push("done");
    t.done();
    async_cleanup_log.push("after done");
  }, 0);
}, "async_test cleanups run inside done()");

promise_test(async () => {
  await new Promise(resolve => setTimeout(resolve, 20));
  assert_array_equals(async_cleanup_log, ["done", "cleanup", "after done"]);
}, "async_test cleanups ran synchronously in done()");

let result_seen = null;
add_result_callback(test_obj => {
  if (test_obj.name === "a result callback sees the finished test") {
    result_seen = { status: test_obj.status, phase: test_obj.phase, message: test_obj.message };
  }
});

promise_test(async t => {
  await null;
}, "a result callback sees the finished test");

promise_test(async t => {
  assert_not_equals(result_seen, null);
  assert_equals(result_seen.status, t.PASS);
  assert_equals(result_seen.phase, t.phases.COMPLETE);
  assert_equals(result_seen.message, null);
}, "result callbacks run before the next promise test");
