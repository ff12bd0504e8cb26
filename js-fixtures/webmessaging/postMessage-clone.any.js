// META: global=window
// META: script=resources/messaging-helpers.js
// What postMessage sends: a structured clone taken at post time (HTML "message port post message steps":
// StructuredSerializeWithTransfer, then StructuredDeserializeWithTransfer in the receiver).
"use strict";

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const received = receive_messages(port2, 1);
  const value = { list: [1, 2], nested: { s: "before" }, map: new Map([["k", "v"]]) };
  port1.postMessage(value);
  value.list.push(3);
  value.nested.s = "after";
  value.map.set("k", "changed");
  value.added = true;
  const [data] = await received;
  assert_not_equals(data, value, "a copy, not the object itself");
  assert_array_equals(data.list, [1, 2]);
  assert_equals(data.nested.s, "before");
  assert_equals(data.map.get("k"), "v");
  assert_false("added" in data);
}, "Mutating a value after postMessage does not change what arrives");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const received = receive_messages(port2, 2);
  const bytes = new Uint8Array([1, 2, 3]);
  port1.postMessage(bytes);
  bytes[0] = 9;
  port1.postMessage(bytes);
  const [first, second] = await received;
  assert_array_equals(first, [1, 2, 3], "a snapshot of the bytes at the first post");
  assert_array_equals(second, [9, 2, 3], "a snapshot of the bytes at the second post");
  assert_not_equals(first.buffer, second.buffer, "two posts, two copies");
  assert_false(bytes.buffer.detached, "copied, not transferred");
}, "Each post takes its own snapshot (ArrayBuffer bytes included)");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const received = receive_messages(port2, 2);
  const shared = { n: 1 };
  port1.postMessage(shared);
  port1.postMessage(shared);
  const [a, b] = await received;
  assert_not_equals(a, b, "two messages never share objects");
  a.n = 2;
  assert_equals(b.n, 1);
}, "Two posts of one object arrive as two independent copies");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const received = receive_messages(port2, 1);
  const inner = { x: 1 };
  const value = { a: inner, b: inner, self: null, date: new Date(0), re: /a/g, big: 10n, set: new Set([inner]) };
  value.self = value;
  port1.postMessage(value);
  const [data] = await received;
  assert_equals(data.self, data, "cycles are kept");
  assert_equals(data.a, data.b, "shared references are kept");
  assert_true(data.set.has(data.a), "across containers too");
  assert_true(data.date instanceof Date);
  assert_equals(data.date.getTime(), 0);
  assert_true(data.re instanceof RegExp);
  assert_equals(data.re.flags, "g");
  assert_equals(data.big, 10n);
}, "The clone keeps the graph's shape and types");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const received = receive_messages(port2, 6);
  for (const v of [undefined, null, -0, NaN, "", true]) port1.postMessage(v);
  const data = await received;
  assert_equals(data[0], undefined);
  assert_equals(data[1], null);
  assert_true(Object.is(data[2], -0), "-0");
  assert_true(Number.isNaN(data[3]), "NaN");
  assert_equals(data[4], "");
  assert_equals(data[5], true);
}, "Primitive messages");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const log = collect_messages(port2);
  port2.start();
  const buffer = new ArrayBuffer(8);
  const other = new MessageChannel();
  const e = capture_exception(() => port1.postMessage({ buffer, f: function notCloneable() {} }, [buffer, other.port1]));
  assert_true(e instanceof DOMException, "a DOMException");
  assert_equals(e.name, "DataCloneError");
  assert_equals(e.code, DOMException.DATA_CLONE_ERR);
  assert_false(buffer.detached, "the ArrayBuffer in the transfer list stays attached");
  assert_equals(buffer.byteLength, 8);
  await settle();
  assert_array_equals(log, [], "nothing was sent");
  const stillEntangled = next_message(other.port2);
  other.port1.postMessage("other port not shipped");
  assert_equals((await stillEntangled).data, "other port not shipped");
}, "A DataCloneError (function) has no side effect: nothing detached, nothing sent");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const log = collect_messages(port2);
  port2.start();
  const buffer = new ArrayBuffer(8);
  const error = new Error("getter threw");
  const value = { first: 1, get boom() { throw error; }, buffer };
  const thrown = capture_exception(() => port1.postMessage(value, { transfer: [buffer] }));
  assert_equals(thrown, error, "the getter's exception propagates as is");
  assert_false(buffer.detached, "the ArrayBuffer in the transfer list stays attached");
  await settle();
  assert_array_equals(log, [], "nothing was sent");
  port1.postMessage("after");
  await settle();
  assert_array_equals(log, ["after"], "the port still works");
}, "A throwing getter has no side effect: nothing detached, nothing sent");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const log = collect_messages(port2);
  port2.start();
  const detached = new ArrayBuffer(1);
  detached.transfer();
  const buffer = new ArrayBuffer(4);
  assert_throws_dom("DataCloneError", () => port1.postMessage(buffer, [buffer, detached]), "a detached buffer");
  assert_throws_dom("DataCloneError", () => port1.postMessage(buffer, [buffer, buffer]), "a buffer twice");
  assert_throws_dom("DataCloneError", () => port1.postMessage(detached), "a detached buffer in the data");
  assert_false(buffer.detached);
  await settle();
  assert_array_equals(log, []);
}, "Invalid transfer lists throw DataCloneError before anything is detached");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const received = receive_messages(port2, 1);
  const buffer = new Uint8Array([1, 2, 3, 4]).buffer;
  const view = new Uint8Array(buffer, 1, 2);
  port1.postMessage({ buffer, view }, [buffer]);
  assert_true(buffer.detached, "the original is detached");
  assert_equals(buffer.byteLength, 0);
  assert_equals(view.length, 0, "views of it see a detached buffer");
  const [data] = await received;
  assert_true(data.buffer instanceof ArrayBuffer);
  assert_false(data.buffer.detached);
  assert_array_equals(new Uint8Array(data.buffer), [1, 2, 3, 4], "the received buffer has the bytes");
  assert_equals(data.view.buffer, data.buffer, "a view of the transferred buffer is a view of the received one");
  assert_array_equals(data.view, [2, 3]);
}, "ArrayBuffer transfer through postMessage detaches the original; the received buffer has the bytes");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const received = receive_messages(port2, 1);
  const buffer = new Uint8Array([7, 8]).buffer;
  port1.postMessage("not in the data", [buffer]);
  assert_true(buffer.detached, "transferred even though the data does not reference it");
  const [data] = await received;
  assert_equals(data, "not in the data");
}, "An ArrayBuffer in the transfer list but not in the data is still detached");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const received = receive_messages(port2, 1);
  const error = new TypeError("message", { cause: 1 });
  const domException = new DOMException("m", "NotFoundError");
  port1.postMessage([error, domException]);
  const [[e, d]] = await received;
  assert_true(e instanceof TypeError);
  assert_equals(e.message, "message");
  assert_equals(e.cause, 1);
  assert_true(d instanceof DOMException);
  assert_equals(d.name, "NotFoundError");
  assert_equals(d.code, DOMException.NOT_FOUND_ERR);
}, "Errors and DOMExceptions are cloned");
