// Subtests that end FAIL, TIMEOUT or PRECONDITION_FAILED on purpose: their statuses are pinned in
// js-fixtures/expectations.json, their messages by the last subtest (through add_result_callback).

const results = {};
add_result_callback(t => {
  results[t.name] = { status: t.status, message: t.message };
});

test(() => { throw new Error("plain"); }, "an Error fails with its message");
test(() => { throw 42; }, "a thrown number fails with its string");
test(() => { throw {}; }, "a thrown object without a message");
test(() => { assert_implements_optional(false, "opt"); }, "assert_implements_optional gives PRECONDITION_FAILED");
test(5, "a test function that is not a function");
async_test(t => { t.step_timeout(t.unreached_func("never"), 0); }, "unreached_func fails when called");
async_test(t => { t.step_timeout(t.step_func_done(() => assert_equals(1, 2, "in done")), 0); }, "step_func_done reports its failure");
async_test(t => { t.step_timeout(() => t.force_timeout(), 0); }, "force_timeout gives TIMEOUT at once");
async_test(t => { t.step(() => { throw new Error("first"); }); t.step(() => { throw new Error("second"); }); },
           "the first failure is the one reported");
async_test(t => { t.step_wait_func(() => false, () => {}, "never true", 30, 5); }, "step_wait_func times out");
async_test(t => { t.step_wait_func(() => { throw new Error("cond throws"); }, () => {}, "x", 1000, 5); },
           "step_wait_func: a throwing condition fails the test");
async_test(t => { t.set_status(t.FAIL, "set by hand"); t.step_timeout(() => t.force_timeout(), 0); },
           "set_status then force_timeout");
promise_test(() => 5, "promise_test returning a non-thenable");
promise_test(() => undefined, "promise_test returning undefined");
promise_test(() => Promise.reject(new Error("rejected")), "promise_test rejecting with an Error");
promise_test(() => Promise.reject("a reason"), "promise_test rejecting with a string");
promise_test(() => { throw new Error("sync throw"); }, "promise_test throwing synchronously");
promise_test(async () => { assert_implements_optional(false, "popt"); }, "promise_test with an optional feature missing");
promise_test(async t => { await t.step_wait(() => false, "never", 30, 5); }, "step_wait times out");
promise_test(t => promise_rejects_js(t, TypeError, Promise.resolve(1), "d"), "promise_rejects_js with a fulfilled promise");
promise_test(async t => {
  const target = new EventTarget();
  const watcher = new EventWatcher(t, target, ["a", "b"]);
  const waiting = watcher.wait_for("a");
  target.dispatchEvent(new Event("b"));
  await waiting;
}, "EventWatcher: an unexpected event fails the test");
promise_test(async t => {
  const target = new EventTarget();
  new EventWatcher(t, target, ["a"]);
  target.dispatchEvent(new Event("a"));
  await new Promise(resolve => setTimeout(resolve, 5));
}, "EventWatcher: an event while not waiting fails the test");

promise_test(async () => {
  const expected = {
    "an Error fails with its message": [1, "plain"],
    "a thrown number fails with its string": [1, "42"],
    "a thrown object without a message": [1, "undefined"],
    "assert_implements_optional gives PRECONDITION_FAILED": [4, "opt"],
    "a test function that is not a function": [1, "5 is not a function"],
    "unreached_func fails when called": [1, "assert_unreached: never Reached unreachable code"],
    "step_func_done reports its failure": [1, "assert_equals: in done expected 2 but got 1"],
    "force_timeout gives TIMEOUT at once": [2, "Test timed out"],
    "the first failure is the one reported": [1, "first"],
    "step_wait_func times out": [1, "step_wait_func: never true Timed out waiting on condition"],
    "step_wait_func: a throwing condition fails the test": [1, "cond throws"],
    "set_status then force_timeout": [2, "Test timed out"],
    "promise_test returning a non-thenable": [1, "promise_test: test body must return a 'thenable' object (received an object with no `then` method)"],
    "promise_test returning undefined": [1, "promise_test: test body must return a 'thenable' object (received undefined)"],
    "promise_test rejecting with an Error": [1, 'promise_test: Unhandled rejection with value: object "Error: rejected"'],
    "promise_test rejecting with a string": [1, 'promise_test: Unhandled rejection with value: "a reason"'],
    "promise_test throwing synchronously": [1, "sync throw"],
    "promise_test with an optional feature missing": [4, "popt"],
    "step_wait times out": [1, "step_wait_func: never Timed out waiting on condition"],
    "promise_rejects_js with a fulfilled promise": [1, "assert_unreached: Should have rejected: d Reached unreachable code"],
    "EventWatcher: an unexpected event fails the test": [1, 'assert_equals: Expected a event, but got b event instead expected "a" but got "b"'],
    "EventWatcher: an event while not waiting fails the test": [1, "assert_true: Not expecting event, but got a event expected true got false"],
  };
  // The async tests above finish within a few timer turns.
  await new Promise(resolve => setTimeout(resolve, 100));
  for (const name of Object.keys(expected)) {
    assert_own_property(results, name, "a result was reported");
    assert_equals(results[name].status, expected[name][0], name + ": status");
    assert_equals(results[name].message, expected[name][1], name + ": message");
  }
}, "statuses and messages of the failing subtests above");
