// META: global=dedicatedworker
// Never runs (worker contexts are not supported yet); it would fail if it did.
test(() => {
  assert_unreached("a worker-only file must not run in a window");
}, "runs only in a worker");
