// async_test flows of the built-in testharness.js. Every subtest here must PASS.

async_test(t => {
  assert_equals(typeof t.step, "function");
  t.step_timeout(() => {
    t.done();
  }, 0);
}, "async_test(func, name) runs func as the first step");

const named_only = async_test("async_test(name) creates a test without running anything");
assert_equals(named_only.phase, named_only.phases.INITIAL);
assert_equals(named_only.status, named_only.NOTRUN);
named_only.step(function () {
  assert_equals(this, named_only, "step's default this is the test");
});
setTimeout(named_only.step_func_done(() => {
  assert_equals(named_only.status, named_only.TIMEOUT, "a started test is TIMEOUT until it has a result");
  assert_equals(named_only.message, "Test timed out");
}), 0);

async_test(t => {
  const receiver = {};
  const f = t.step_func(function (a, b) {
    assert_equals(this, receiver);
    return a + b;
  }, receiver);
  assert_equals(f(1, 2), 3, "step_func passes arguments and returns the result");
  const g = t.step_func(function () {
    assert_equals(this, t, "step_func's default this is the test");
  });
  g();
  const h = t.step_func(function () {
    "use strict";
    assert_equals(this, undefined);
  }, undefined);
  h();
  t.done();
}, "step_func: this and arguments");

async_test(t => {
  let calls = 0;
  const finish = t.step_func_done((x) => {
    calls++;
    assert_equals(x, "arg");
  });
  t.step_timeout(() => {
    finish("arg");
    // Steps after the test is done are ignored.
    assert_equals(t.step(() => { calls++; return "ignored"; }), undefined);
    assert_equals(calls, 1);
  }, 0);
}, "step_func_done ends the test; later steps are ignored");

async_test(t => {
  t.step_timeout(t.step_func_done(), 0);
}, "step_func_done() without a function");

async_test(t => {
  const unreached = t.unreached_func("must not be called");
  assert_equals(typeof unreached, "function");
  t.step_timeout(function (a, b) {
    assert_equals(this, t, "step_timeout calls with the test as this");
    assert_equals(a, 1);
    assert_equals(b, 2);
    t.done();
  }, 1, 1, 2);
}, "unreached_func and step_timeout with arguments");

async_test(t => {
  const start = Date.now();
  t.step_timeout(() => {
    assert_greater_than_equal(Date.now() - start, 15, "step_timeout waits");
    t.done();
  }, 20);
}, "step_timeout delays");

async_test(t => {
  const id = t.step_timeout(t.unreached_func("cleared step_timeout ran"), 0);
  clearTimeout(id);
  t.step_timeout(() => t.done(), 10);
}, "step_timeout returns a timer id");

async_test(t => {
  let outer_this = "unset";
  step_timeout(function (x) {
    "use strict";
    outer_this = this;
    t.step(() => assert_equals(x, "x"));
  }, 0, "x");
  t.step_timeout(() => {
    assert_equals(outer_this, self, "a plain call passes the global object as this");
    t.done();
  }, 10);
}, "global step_timeout");

async_test(t => {
  t.done();
  t.done();
  assert_equals(t.status, t.PASS);
  assert_equals(t.phase, t.phases.COMPLETE);
}, "done() twice is harmless");

async_test(t => {
  let ran = false;
  t.step_wait_func(() => ran, () => t.done(), "condition", 1000, 5);
  t.step_timeout(() => { ran = true; }, 10);
}, "step_wait_func");

promise_test(async t => {
  let ready = false;
  setTimeout(() => { ready = true; }, 10);
  await t.step_wait(() => ready, "ready", 1000, 5);
  assert_true(ready);
}, "step_wait");

test(t => {
  assert_equals(t.PASS, 0);
  assert_equals(t.FAIL, 1);
  assert_equals(t.TIMEOUT, 2);
  assert_equals(t.NOTRUN, 3);
  assert_equals(t.PRECONDITION_FAILED, 4);
  const proto = Object.getPrototypeOf(t);
  assert_equals(proto.PASS, 0);
  assert_equals(proto.PRECONDITION_FAILED, 4);
  assert_equals(t.phases.INITIAL, 0);
  assert_equals(t.phases.COMPLETE, 4);
  assert_equals(t.format_status(), "Timeout", "a running test reads TIMEOUT");
  assert_equals(typeof t.force_timeout, "function");
}, "status constants on test objects");
