// META: global=window
// Setters that user code defines for array indexes on Array.prototype must not swallow the ArrayBuffers of a
// message on its way to a worker or to a BroadcastChannel.
"use strict";

function withIndexSetters(indexes, body) {
  const seen = [];
  for (const index of indexes) {
    Object.defineProperty(Array.prototype, index, { set(value) { seen.push(value); }, configurable: true });
  }
  try {
    return body(seen);
  } finally {
    for (const index of indexes) delete Array.prototype[index];
  }
}

promise_test(async () => {
  const worker = new Worker("data:text/javascript," + encodeURIComponent("onmessage = (e) => postMessage(e.data.byteLength)"));
  const reply = new Promise((resolve) => { worker.onmessage = (e) => resolve(e.data); });
  withIndexSetters([3], () => worker.postMessage(new ArrayBuffer(8)));
  assert_equals(await reply, 8, "the worker received the buffer");
  worker.terminate();
}, "an ArrayBuffer reaches a worker despite a setter for index 3 on Array.prototype");

promise_test(async () => {
  const sender = new BroadcastChannel("index-setters"), receiver = new BroadcastChannel("index-setters");
  const received = new Promise((resolve) => { receiver.onmessage = (e) => resolve(e.data); });
  withIndexSetters([2], () => sender.postMessage(new ArrayBuffer(4)));
  const data = await received;
  assert_true(data instanceof ArrayBuffer, "an ArrayBuffer arrived");
  assert_equals(data.byteLength, 4);
  sender.close(); receiver.close();
}, "an ArrayBuffer reaches a BroadcastChannel despite a setter for index 2 on Array.prototype");
