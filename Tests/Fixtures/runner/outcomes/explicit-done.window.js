// setup({explicit_done: true}) and a later done(): harness OK.
setup({ explicit_done: true });
test(() => {}, "defined before done()");
setTimeout(() => {
  test(() => {}, "defined in a timer");
  done();
}, 10);
