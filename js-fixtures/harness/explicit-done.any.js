// setup({explicit_done: true}) with tests defined later, then done(). Every subtest here must PASS.

let setup_ran = false;
setup(() => {
  setup_ran = true;
}, { explicit_done: true });

test(() => {
  assert_true(setup_ran, "the setup function ran synchronously");
}, "setup(func, properties) runs func");

setTimeout(() => {
  test(() => {
    assert_true(true);
  }, "a test defined in a timer after load is still part of the file");
  promise_test(async () => {
    await new Promise(resolve => setTimeout(resolve, 10));
  }, "a promise test defined after load");
  done();
}, 20);
