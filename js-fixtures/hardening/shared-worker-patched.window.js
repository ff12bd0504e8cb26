// META: global=window
// The SharedWorker module loads the first time the script reads `SharedWorker`, after user code ran: built-ins
// the script patched or broke by then must not reach it.
"use strict";

promise_test(async () => {
  const saved = {
    iterator: Array.prototype[Symbol.iterator],
    apply: Function.prototype.apply,
    call: Function.prototype.call,
    mapSet: Map.prototype.set,
    freeze: Object.freeze,
    defineProperty: Object.defineProperty,
    string: globalThis.String,
  };
  const poisoned = () => { throw new Error("a patched built-in was called"); };
  Object.defineProperty(Object.prototype, "then", { get: poisoned, configurable: true });
  Object.defineProperty(Object.prototype, "source", { get: poisoned, configurable: true });
  Object.defineProperty(Array.prototype, 0, { set: poisoned, configurable: true });
  Array.prototype[Symbol.iterator] = poisoned;
  Map.prototype.set = poisoned;
  Object.freeze = poisoned;
  globalThis.String = poisoned;
  let worker;
  try {
    worker = new SharedWorker("data:text/javascript," + encodeURIComponent(
      "onconnect = (e) => { const p = e.ports[0]; p.onmessage = (m) => p.postMessage(m.data * 2); };"), "patched");
  } finally {
    delete Object.prototype.then;
    delete Object.prototype.source;
    delete Array.prototype[0];
    Array.prototype[Symbol.iterator] = saved.iterator;
    Map.prototype.set = saved.mapSet;
    Object.freeze = saved.freeze;
    globalThis.String = saved.string;
  }
  const answer = new Promise((resolve) => { worker.port.onmessage = (e) => resolve(e.data); });
  worker.port.postMessage(21);
  assert_equals(await answer, 42);
  worker.port.close();
}, "new SharedWorker works when Object.prototype, Array.prototype, Map.prototype, Object.freeze and String are patched");
