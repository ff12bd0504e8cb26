// One subtest passes, one fails an assertion.
test(() => {
  assert_true(true);
}, "this one passes");

test(() => {
  assert_equals(1 + 1, 3, "the sum");
}, "this one fails");
