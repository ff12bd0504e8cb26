// An endless promise chain started inside a test: the test never settles and the checkpoint never ends.
promise_test(() => {
  function next() {
    return Promise.resolve().then(next);
  }
  return next();
}, "an endless promise chain");
