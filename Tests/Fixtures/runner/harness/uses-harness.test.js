test(() => { assert_equals(1 + 1, 2, "sum"); }, "reported through the external harness");
test(() => { assert_equals(typeof add_completion_callback, "function", "global"); }, "the external harness defined globals");
test(() => { assert_equals(2 * 2, 5, "product"); }, "a failure keeps its message");
