// Test names of the built-in testharness.js. Every subtest here must PASS.

const names = [];
add_result_callback(t => names.push(t.name));

test(() => assert_true(true));
test(() => assert_true(true));
test(() => { assert_false(false); });
test(function () {
  assert_true(true);
}, "named");

test(() => {
  assert_array_equals(names, ["assert_true(true)", "assert_true(true) 1", "assert_false(false)", "named"]);
}, "unnamed one-line arrow tests are named after their body, de-duplicated");

promise_test(async t => {
  assert_equals(t.name, "promise_test names: a name argument");
}, "promise_test names: a name argument");

test(t => {
  assert_equals(t.name, "a name with \ud83d\ude00 and \"quotes\"");
}, "a name with \ud83d\ude00 and \"quotes\"");
