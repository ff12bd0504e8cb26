// Two subtests that pass.
test(() => {
  assert_equals(1 + 1, 2);
}, "addition works");

promise_test(async () => {
  const value = await Promise.resolve(42);
  assert_equals(value, 42);
}, "a promise test passes");
