// META: global=serviceworker
// Never runs (the serviceworker context is not supported yet); it would fail if it did.
test(() => {
  assert_unreached("a service-worker-only file must not run in a window");
}, "runs only in a service worker");
