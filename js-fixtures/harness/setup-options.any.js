// setup() options and step helpers: the timeout multiplier scales step_timeout, cleanups run in order
// after the result is known, explicit_done waits for done(). Every subtest here must PASS.

setup({ explicit_done: true, timeout_multiplier: 3 });

const order = [];
test(t => {
  t.add_cleanup(() => { order.push("cleanup 1"); });
  t.add_cleanup(() => { order.push("cleanup 2"); });
  order.push("body");
  assert_equals(t.status, t.TIMEOUT, "a running test reads TIMEOUT");
}, "cleanups are registered in order");

test(() => {
  assert_array_equals(order, ["body", "cleanup 1", "cleanup 2"]);
}, "cleanups ran after the body, in registration order");

async_test(t => {
  const start = performance.now();
  t.step_timeout(() => {
    assert_greater_than_equal(performance.now() - start, 25, "10 ms scaled by 3");
    t.done();
  }, 10);
}, "step_timeout is scaled by timeout_multiplier");

async_test(t => {
  const start = performance.now();
  step_timeout(t.step_func_done(() => {
    assert_greater_than_equal(performance.now() - start, 25, "10 ms scaled by 3");
  }), 10);
}, "the global step_timeout is scaled too");

async_test(t => {
  const signal = t.get_signal();
  assert_false(signal.aborted);
  t.add_cleanup(() => {
    assert_true(signal.aborted, "aborted when the test is done");
  });
  t.done();
}, "get_signal() is aborted when the test is done");

test(t => {
  const clone = t.structured_clone();
  assert_equals(clone.name, "structured_clone() copies the test's state");
  assert_equals(clone.status, t.TIMEOUT);
  assert_equals(clone.phase, t.phases.STARTED);
  assert_equals(t.format_status(), "Timeout");
  assert_equals(t.status_formats[4], "Optional Feature Unsupported");
}, "structured_clone() copies the test's state");

let states = [];
add_test_state_callback(t => {
  if (t.name === "test state callbacks") states.push([t.status, t.phase]);
});
test(() => {}, "test state callbacks");
test(() => {
  assert_array_equals(states.map(s => s.join(",")), ["3,0", "2,1"]);
}, "test state callbacks see creation and start");

const late = [];
setTimeout(() => {
  test(() => { late.push("ran"); }, "a test defined after load with explicit_done");
  test(() => assert_array_equals(late, ["ran"]), "later tests still run until done()");
  done();
}, 40);
