// No global= line: an .any.js file runs in a window and a dedicated worker.
test(() => {
  assert_true(GLOBAL.isWindow());
  assert_false(GLOBAL.isWorker());
}, "the window run");
