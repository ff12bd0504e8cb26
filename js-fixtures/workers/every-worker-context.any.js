// META: global=window,worker
// `global=worker` runs a file in every worker context jshost has: a dedicated worker and a shared worker
// (service workers are reported as SKIP). Each run sees its own kind of global.

test(() => {
  const kind = Object.prototype.toString.call(self);
  if (GLOBAL.isWindow()) {
    assert_equals(kind, "[object Window]");
    assert_false("WorkerGlobalScope" in self);
  } else {
    assert_true(self instanceof WorkerGlobalScope, "a worker global");
    assert_in_array(kind, ["[object DedicatedWorkerGlobalScope]", "[object SharedWorkerGlobalScope]"]);
    assert_equals(typeof importScripts, "function");
    assert_equals(typeof close, "function");
    if (kind === "[object SharedWorkerGlobalScope]") {
      assert_true("onconnect" in self, "onconnect");
      assert_equals(typeof postMessage, "undefined", "no postMessage on a shared worker's global");
      assert_equals(typeof SharedWorkerGlobalScope, "function");
      assert_equals(Object.getPrototypeOf(SharedWorkerGlobalScope.prototype), WorkerGlobalScope.prototype);
    } else {
      assert_equals(typeof postMessage, "function");
      assert_true("onmessage" in self);
    }
  }
}, "the global matches the context");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const received = new Promise((resolve) => { port2.onmessage = (event) => resolve(event.data); });
  port1.postMessage({ value: 42n, when: new Date(0) });
  const data = await received;
  assert_equals(data.value, 42n);
  assert_equals(data.when.getTime(), 0);
  assert_equals(structuredClone(new Map([[1, 2]])).get(1), 2);
  await new Promise((resolve) => setTimeout(resolve, 1));
}, "channel messaging, structuredClone and timers in every context");

test(() => {
  assert_true(location.href.endsWith("/every-worker-context.any.js"), location.href);
  assert_equals(typeof navigator.hardwareConcurrency, "number");
}, "location and navigator");
