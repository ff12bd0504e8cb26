// META: global=window
// META: script=resources/messaging-helpers.js
// structuredClone(value, { transfer }) with MessagePorts: the transfer steps run, and the result holds new
// MessagePort objects entangled with the original peers.
"use strict";

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const clone = structuredClone(port1, { transfer: [port1] });
  assert_true(clone instanceof MessagePort, "a MessagePort");
  assert_not_equals(clone, port1, "a new object");
  const toClone = next_message(clone);
  port2.postMessage("to the clone");
  assert_equals((await toClone).data, "to the clone");
  const toPeer = next_message(port2);
  clone.postMessage("from the clone");
  assert_equals((await toPeer).data, "from the clone");
}, "structuredClone(port, { transfer: [port] }) returns a new port entangled with the peer");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const peerLog = collect_messages(port2);
  port2.start();
  structuredClone(port1, { transfer: [port1] });
  port1.postMessage("from the old object");
  await settle();
  assert_array_equals(peerLog, [], "the old object is inert");
  assert_throws_dom("DataCloneError", () => structuredClone(port1, { transfer: [port1] }), "transfer it again");
  assert_throws_dom("DataCloneError", () => port2.postMessage(null, [port1]), "ship it");
}, "structuredClone with transfer detaches the original port");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  port2.postMessage(1);
  port2.postMessage(2);
  const clone = structuredClone(port1, { transfer: [port1] });
  port2.postMessage(3);
  assert_array_equals(await receive_messages(clone, 3), [1, 2, 3]);
}, "Messages queued on the original port move to the clone, in order");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const oldLog = [];
  port1.onmessage = (e) => oldLog.push(e.data);
  port2.postMessage(1);
  port2.postMessage(2);
  // Deliveries to port1 are already scheduled; the clone is started before they run.
  const clone = structuredClone(port1, { transfer: [port1] });
  const received = receive_messages(clone, 3);
  port2.postMessage(3);
  assert_array_equals(await received, [1, 2, 3]);
  await settle();
  assert_array_equals(oldLog, [], "nothing reaches the old object");
}, "A port started, cloned with transfer and its clone started at once receives each message once, in order");

test(() => {
  const { port1 } = new MessageChannel();
  const result = structuredClone({ port: port1, again: [port1] }, { transfer: [port1] });
  assert_true(result.port instanceof MessagePort);
  assert_not_equals(result.port, port1);
  assert_equals(result.again[0], result.port, "one port, one clone");
}, "A port inside the cloned value is replaced by its transferred clone");

test(() => {
  const { port1 } = new MessageChannel();
  assert_throws_dom("DataCloneError", () => structuredClone(port1), "not in the transfer list");
  assert_throws_dom("DataCloneError", () => structuredClone(null, { transfer: [port1, port1] }), "twice");
  const buffer = new ArrayBuffer(1);
  assert_throws_dom("DataCloneError", () => structuredClone([port1, Symbol()], { transfer: [buffer, port1] }));
  assert_false(buffer.detached, "nothing detached");
  const clone = structuredClone(port1, { transfer: [port1] });
  assert_true(clone instanceof MessagePort, "port1 was still transferable after the failures");
}, "structuredClone with ports: failures have no side effect");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const clone = structuredClone(null, { transfer: [port1] });
  assert_equals(clone, null, "the value does not mention the port");
  const peerLog = collect_messages(port2);
  port2.start();
  port1.postMessage("x");
  await settle();
  assert_array_equals(peerLog, [], "the port was still transferred (detached)");
}, "A port in the transfer list but not in the value is still detached");
