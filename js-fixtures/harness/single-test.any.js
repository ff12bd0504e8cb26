// setup({single_test: true}): the file is one test, asserts at top level, done() ends it. It must
// PASS.

setup({ single_test: true });

assert_true(true);
assert_equals(typeof done, "function");

setTimeout(() => {
  assert_equals(1 + 1, 2);
  done();
}, 10);
