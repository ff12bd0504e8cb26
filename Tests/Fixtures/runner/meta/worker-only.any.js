// META: global=sharedworker
// Never runs (the sharedworker context is not supported yet); it would fail if it did.
test(() => {
  assert_unreached("a shared-worker-only file must not run in a window");
}, "runs only in a shared worker");
