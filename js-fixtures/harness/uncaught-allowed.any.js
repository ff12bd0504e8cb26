// setup({allow_uncaught_exception: true}): an uncaught error does not end the harness; the test
// observes it through the global's `error` event. Every subtest here must PASS.

setup({ allow_uncaught_exception: true });

async_test(t => {
  const error = new Error("expected uncaught error");
  function on_error(e) {
    if (e.error !== error) {
      return;
    }
    // The host would otherwise also report it.
    e.preventDefault();
    self.removeEventListener("error", on_error);
    t.step(() => {
      assert_equals(e.type, "error");
      assert_equals(e.error.message, "expected uncaught error");
    });
    t.done();
  }
  self.addEventListener("error", on_error);
  setTimeout(() => {
    throw error;
  }, 0);
}, "an uncaught error in a timer reaches the error event, not the harness status");

test(() => {
  assert_true(true);
}, "tests after it still run");
