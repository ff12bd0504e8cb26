// META: global=window
// META: script=resources/messaging-helpers.js
// BroadcastChannel (HTML "Broadcasting to other browsing contexts"): every other channel of the same name, in
// this realm or in a worker, receives a clone of what one posts; the poster never receives its own message.
"use strict";

function next_broadcast(channel) {
  return new Promise((resolve) => channel.addEventListener("message", resolve, { once: true }));
}

test(() => {
  assert_throws_js(TypeError, () => new BroadcastChannel(), "the name is required");
  const channel = new BroadcastChannel(42);
  assert_equals(channel.name, "42", "the name is converted to a string");
  assert_true(channel instanceof EventTarget, "an EventTarget");
  assert_equals(channel.onmessage, null);
  assert_equals(channel.onmessageerror, null);
  channel.close();
  channel.close();
  assert_throws_js(TypeError, () => BroadcastChannel.prototype.postMessage.call({}, 1), "brand check");
}, "constructor, name and close()");

promise_test(async () => {
  const a = new BroadcastChannel("same-realm"), b = new BroadcastChannel("same-realm");
  const other = new BroadcastChannel("another-name");
  const toA = [], toOther = [];
  a.onmessage = (e) => toA.push(e.data);
  other.onmessage = (e) => toOther.push(e.data);
  const received = [];
  const done = new Promise((resolve) => {
    b.onmessage = (e) => {
      assert_true(e instanceof MessageEvent, "a MessageEvent");
      assert_equals(e.target, b);
      assert_true(e.isTrusted);
      assert_array_equals(e.ports, []);
      received.push(e.data);
      if (received.length === 3) resolve();
    };
  });
  const payload = { list: [1, 2], when: new Date(5) };
  a.postMessage(payload);
  a.postMessage("second");
  a.postMessage(3);
  await done;
  assert_object_equals(received[0].list, [1, 2]);
  assert_not_equals(received[0], payload, "a clone, not the same object");
  assert_equals(received[0].when.getTime(), 5);
  assert_array_equals(received.slice(1), ["second", 3], "in posting order");
  await settle();
  assert_array_equals(toA, [], "the poster does not receive its own messages");
  assert_array_equals(toOther, [], "a channel of another name receives nothing");
  a.close(); b.close(); other.close();
}, "messages reach the other channels of the name, in order, and not the poster");

promise_test(async () => {
  const a = new BroadcastChannel("closing"), b = new BroadcastChannel("closing");
  const toB = [];
  b.onmessage = (e) => toB.push(e.data);
  b.close();
  a.postMessage("after b closed");
  await settle();
  assert_array_equals(toB, [], "a closed channel receives nothing");
  a.close();
  assert_throws_dom("InvalidStateError", () => a.postMessage("x"), "posting on a closed channel");
}, "close() stops delivery and posting");

promise_test(async () => {
  const a = new BroadcastChannel("cloning"), b = new BroadcastChannel("cloning"), c = new BroadcastChannel("cloning");
  assert_throws_dom("DataCloneError", () => a.postMessage(() => {}));
  assert_throws_dom("DataCloneError", () => a.postMessage(new MessageChannel().port1), "ports cannot be broadcast");
  const buffer = new Uint8Array([1, 2, 3]).buffer;
  const atB = next_broadcast(b), atC = next_broadcast(c);
  a.postMessage(buffer);
  const [eb, ec] = await Promise.all([atB, atC]);
  assert_equals(buffer.byteLength, 3, "the sender's buffer is not detached");
  assert_array_equals(new Uint8Array(eb.data), [1, 2, 3]);
  assert_array_equals(new Uint8Array(ec.data), [1, 2, 3]);
  assert_not_equals(eb.data, ec.data, "each receiver gets its own copy");
  new Uint8Array(eb.data)[0] = 9;
  assert_equals(new Uint8Array(ec.data)[0], 1, "copies are independent");
  a.close(); b.close(); c.close();
}, "each receiver gets its own clone; uncloneable values throw DataCloneError");

promise_test(async () => {
  const channel = new BroadcastChannel("to-and-from-a-worker");
  const worker = new Worker("data:text/javascript," + encodeURIComponent(`
    const channel = new BroadcastChannel("to-and-from-a-worker");
    channel.onmessage = (e) => {
      channel.postMessage({ echo: e.data, inWorker: typeof WorkerGlobalScope === "function" });
    };
    postMessage("listening");
  `));
  await new Promise((resolve) => { worker.onmessage = resolve; });
  const reply = next_broadcast(channel);
  channel.postMessage([1, "two"]);
  const e = await reply;
  assert_object_equals(e.data, { echo: [1, "two"], inWorker: true });
  worker.terminate();
  channel.close();
}, "a channel in a worker receives and answers");

promise_test(async () => {
  const sender = new BroadcastChannel("one-task-each"), first = new BroadcastChannel("one-task-each");
  const second = new BroadcastChannel("one-task-each");
  const log = [];
  first.onmessage = () => {
    log.push("first");
    Promise.resolve().then(() => log.push("first's microtask"));
  };
  const done = new Promise((resolve) => {
    second.onmessage = () => { log.push("second"); resolve(); };
  });
  sender.postMessage("x");
  await done;
  assert_array_equals(log, ["first", "first's microtask", "second"],
    "destinations in creation order, a microtask checkpoint after each delivery");
  sender.close(); first.close(); second.close();
}, "each destination's delivery is its own task");
