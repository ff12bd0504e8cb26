// add_start_callback / add_result_callback and harness constants. Every subtest here must PASS.

let start_calls = 0;
let start_properties = null;
add_start_callback(properties => {
  start_calls++;
  start_properties = properties;
});

setup({ timeout_multiplier: 1 });

const results = [];
let harness = null;
add_result_callback((t, tests_obj) => {
  results.push({ name: t.name, status: t.status, message: t.message, index: t.index });
  harness = tests_obj;
});

test(() => {}, "first");

test(() => {
  assert_equals(start_calls, 1, "the start callback ran once, when the first test was created");
  assert_equals(start_properties.timeout_multiplier, 1, "with the setup() properties");
  assert_equals(results.length, 1);
  assert_equals(results[0].name, "first");
  assert_equals(results[0].status, 0);
  assert_equals(results[0].message, null);
  assert_equals(results[0].index, 1);
}, "start and result callbacks");

test(() => {
  assert_equals(harness.status.OK, 0);
  assert_equals(harness.status.ERROR, 1);
  assert_equals(harness.status.TIMEOUT, 2);
  assert_equals(harness.status.PRECONDITION_FAILED, 3);
  assert_equals(harness.status.status, null, "no harness status before completion");
}, "harness status constants");

test(() => {
  for (const name of ["test", "async_test", "promise_test", "setup", "promise_setup", "done", "timeout",
                      "format_value", "add_start_callback", "add_result_callback",
                      "add_completion_callback", "step_timeout", "generate_tests", "on_event",
                      "EventWatcher", "AssertionError", "OptionalFeatureUnsupportedError",
                      "promise_rejects_js", "promise_rejects_dom", "promise_rejects_exactly"]) {
    assert_equals(typeof self[name], "function", name);
  }
}, "harness globals");

generate_tests(function (a, b) {
  assert_equals(a + 1, b);
}, [["generated 1", 1, 2], ["generated 2", 2, 3]]);
