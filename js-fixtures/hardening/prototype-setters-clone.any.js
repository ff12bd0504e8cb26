// A clone's properties and elements are its own data properties (HTML StructuredDeserialize uses
// CreateDataProperty): setters (or read-only properties) that user code put on Object.prototype or
// Array.prototype must neither run nor hide a key, in structuredClone, in a message within the agent, or in
// one from another agent.
"use strict";

function withPrototypeSetters(body) {
  const stolen = { count: 0 };
  Object.defineProperty(Object.prototype, "x", { set() { stolen.count++; }, get() { return "from the prototype"; }, configurable: true });
  Object.defineProperty(Object.prototype, "frozenKey", { value: "read-only", writable: false, configurable: true });
  Object.defineProperty(Array.prototype, 1, { set() { stolen.count++; }, get() { return "from the prototype"; }, configurable: true });
  const restore = () => {
    delete Object.prototype.x;
    delete Object.prototype.frozenKey;
    delete Array.prototype[1];
  };
  try {
    return body(stolen, restore);
  } catch (e) {
    restore();
    throw e;
  }
}

function check(copy, stolen) {
  assert_true(Object.prototype.hasOwnProperty.call(copy, "x"), "x is an own property");
  assert_equals(Object.getOwnPropertyDescriptor(copy, "x").value, 5);
  assert_equals(Object.getOwnPropertyDescriptor(copy, "frozenKey").value, "mine");
  assert_equals(Object.getOwnPropertyDescriptor(copy.list, 1).value, 2, "element 1 is the array's own");
  assert_equals(copy.list.length, 3);
  assert_equals(stolen.count, 0, "no setter ran");
}

const message = () => ({ x: 5, frozenKey: "mine", list: [1, 2, 3] });

test(() => {
  withPrototypeSetters((stolen, restore) => {
    const copy = structuredClone(message());
    restore();
    check(copy, stolen);
  });
}, "structuredClone");

promise_test(() => withPrototypeSetters(async (stolen, restore) => {
  const { port1, port2 } = new MessageChannel();
  const received = new Promise((resolve) => { port2.onmessage = (e) => resolve(e.data); });
  port1.postMessage(message());
  const copy = await received;
  restore();
  port1.close();
  check(copy, stolen);
}), "a MessagePort message within the agent");

promise_test(() => withPrototypeSetters(async (stolen, restore) => {
  const worker = new Worker("data:text/javascript," + encodeURIComponent("onmessage = (e) => postMessage(e.data)"));
  const received = new Promise((resolve) => { worker.onmessage = (e) => resolve(e.data); });
  worker.postMessage(message());
  const copy = await received;
  restore();
  worker.terminate();
  check(copy, stolen);
}), "a message from another agent");
