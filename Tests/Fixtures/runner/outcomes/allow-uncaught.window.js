// setup({allow_uncaught_exception: true}): uncaught errors do not touch the harness status.
setup({ allow_uncaught_exception: true });
async_test((t) => {
  setTimeout(() => { throw new Error("allowed uncaught error"); }, 0);
  setTimeout(t.step_func_done(() => {}), 20);
}, "an uncaught error in a timer is allowed");
test(() => {}, "a later test passes");
