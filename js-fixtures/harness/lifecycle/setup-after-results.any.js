// setup() after a test has a result has no effect (neither its function nor explicit_done): the file
// completes normally. Every subtest here must PASS.
let ran = false;
test(() => {}, "has a result");
setup(() => { ran = true; }, { explicit_done: true });
test(() => { assert_false(ran); }, "the late setup function did not run");
