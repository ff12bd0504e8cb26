// No global= line: an .any.js file runs in a window and in a dedicated worker.
test(() => {
  if (GLOBAL.isWindow()) {
    assert_false(GLOBAL.isWorker());
    assert_equals(Object.prototype.toString.call(self), "[object Window]");
  } else {
    assert_true(GLOBAL.isWorker());
    assert_equals(Object.prototype.toString.call(self), "[object DedicatedWorkerGlobalScope]");
  }
}, "runs in its context");
