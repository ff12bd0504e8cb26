// An interval left running after every test is done does not keep the file from completing.
setInterval(() => {}, 5);
async_test((t) => {
  setTimeout(t.step_func_done(() => assert_true(true)), 20);
}, "done while an interval runs");
