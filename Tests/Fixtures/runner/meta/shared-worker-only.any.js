// META: global=sharedworker
test(() => {
  assert_equals(Object.prototype.toString.call(self), "[object SharedWorkerGlobalScope]");
}, "runs in a shared worker's global");
