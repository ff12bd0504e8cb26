// META: global=window
// META: script=resources/messaging-helpers.js
// close(), and the close event (HTML: "disentangle"). Modeled on wpt webmessaging/message-channels/close.html
// and webmessaging/message-channels/close-event/.
"use strict";

async_test((t) => {
  const c = new MessageChannel();
  c.port1.onmessage = t.unreached_func("Should not have delivered message");
  c.port1.close();
  c.port2.postMessage("TEST");
  t.step_timeout(() => t.done(), 100);
}, "Message sent to closed port should not arrive.");

async_test((t) => {
  const c = new MessageChannel();
  c.port1.onmessage = t.unreached_func("Should not have delivered message");
  c.port2.close();
  c.port2.postMessage("TEST");
  t.step_timeout(() => t.done(), 100);
}, "Message sent from closed port should not arrive.");

async_test((t) => {
  const c = new MessageChannel();
  c.port1.onmessage = t.unreached_func("Should not have delivered message");
  c.port1.close();
  const c2 = new MessageChannel();
  c2.port1.onmessage = t.step_func((e) => {
    e.ports[0].postMessage("TESTMSG");
    t.step_timeout(() => t.done(), 100);
  });
  c2.port2.postMessage("TEST", [c.port2]);
}, "Message sent to closed port from transferred port should not arrive.");

test(() => {
  // HTML: close() sets [[Detached]] to true, and StructuredSerializeWithTransfer refuses a detached transferable.
  const c = new MessageChannel();
  c.port2.close();
  const c2 = new MessageChannel();
  const buffer = new ArrayBuffer(1);
  assert_throws_dom("DataCloneError", () => c2.port2.postMessage("TEST", [buffer, c.port2]));
  assert_false(buffer.detached, "nothing else was transferred");
  assert_throws_dom("DataCloneError", () => structuredClone(c.port2, { transfer: [c.port2] }));
}, "A closed port is detached: it cannot be transferred");

async_test((t) => {
  const c = new MessageChannel();
  let isClosed = false;
  c.port1.onmessage = t.step_func_done((e) => {
    assert_true(isClosed);
    assert_equals(e.data, "TEST");
  });
  c.port2.postMessage("TEST");
  c.port2.close();
  isClosed = true;
}, "Inflight messages should be delivered even when sending port is closed afterwards.");

async_test((t) => {
  const c = new MessageChannel();
  c.port1.onmessage = t.step_func_done((e) => {
    if (e.data == "DONE") t.done();
    assert_equals(e.data, "TEST");
    c.port1.close();
  });
  c.port2.postMessage("TEST");
  c.port2.postMessage("DONE");
}, "Close in onmessage should not cancel inflight messages.");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const events = [];
  port1.onclose = (e) => events.push(e);
  port2.close();
  assert_equals(events.length, 0, "the close event is not fired synchronously");
  await Promise.resolve();
  assert_equals(events.length, 0, "nor in a microtask");
  await settle();
  assert_equals(events.length, 1, "one close event at the other side");
  const e = events[0];
  assert_equals(e.type, "close");
  assert_equals(e.constructor, Event, "a plain Event");
  assert_true(e.isTrusted, "isTrusted");
  assert_false(e.bubbles, "does not bubble");
  assert_false(e.cancelable, "not cancelable");
  assert_equals(e.target, port1);
}, "Closing port2 fires a close event at port1, as a task");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  let port1Closes = 0, port2Closes = 0;
  port1.addEventListener("close", () => port1Closes++);
  port2.addEventListener("close", () => port2Closes++);
  port1.close();
  await settle();
  assert_equals(port2Closes, 1, "the other side gets a close event");
  assert_equals(port1Closes, 0, "the side that called close() does not");
  port2.close();
  await settle();
  assert_equals(port1Closes, 0, "closing a port that is no longer entangled fires nothing");
  assert_equals(port2Closes, 1);
}, "Closing port1 fires a close event at port2 only (addEventListener, no start() needed)");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const log = [];
  port1.onmessage = (e) => log.push(e.data);
  port1.onclose = () => log.push("close");
  port2.postMessage("a");
  port2.postMessage("b");
  port2.close();
  await settle();
  assert_array_equals(log, ["a", "b", "close"], "messages sent before close() come first");
}, "The close event comes after the messages posted before close()");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const closes = [];
  port1.onclose = () => closes.push("port1");
  port2.onclose = () => closes.push("port2");
  port1.close();
  port2.close();
  await settle();
  assert_array_equals(closes, [], "port2 was closed before its close event's task ran: no event");
}, "No close event at a port that closed itself before the task ran");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const carrier = new MessageChannel();
  const shipped = next_message(carrier.port2);
  carrier.port1.postMessage(null, [port1]);
  const newPort1 = (await shipped).ports[0];
  let oldCloses = 0, newCloses = 0;
  port1.onclose = () => oldCloses++;
  newPort1.onclose = () => newCloses++;
  port2.close();
  await settle();
  assert_equals(newCloses, 1, "the close event reaches the port that now owns the side");
  assert_equals(oldCloses, 0, "not the detached object");
}, "The close event reaches a transferred port");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const carrier = new MessageChannel();
  const shipped = next_message(carrier.port2);
  carrier.port1.postMessage(null, [port1]);
  const newPort1 = (await shipped).ports[0];
  let closes = 0;
  port2.onclose = () => closes++;
  port1.close();
  await settle();
  assert_equals(closes, 0, "close() on the detached object does not disentangle the channel");
  const received = next_message(port2);
  newPort1.postMessage("still entangled");
  assert_equals((await received).data, "still entangled");
  newPort1.close();
  await settle();
  assert_equals(closes, 1, "close() on the new owner does");
}, "close() on a port object that was transferred away has no effect on the channel");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  let closes = 0;
  port1.onclose = () => closes++;
  port2.close();
  port1.close();
  await settle();
  assert_equals(closes, 0);
  const other = new MessageChannel();
  other.port1.onclose = () => closes++;
  other.port2.close();
  other.port1.start();
  await settle();
  assert_equals(closes, 1);
}, "close event and start() are independent");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const carrier = new MessageChannel();
  carrier.port1.postMessage("port2 in transit", [port2]);
  port1.postMessage("before close");
  port1.close();
  await settle();
  // The close event's task ran while port2's side had no MessagePort object (the carrying message was still
  // queued at the unstarted carrier.port2). Receiving it now must not lose the close.
  const e = await next_message(carrier.port2);
  const newPort2 = e.ports[0];
  const log = [];
  newPort2.onclose = () => log.push("close");
  await settle();
  assert_array_equals(log, ["close"], "the close event reaches the port once it is received");
  newPort2.onmessage = (m) => log.push(m.data);
  await settle();
  assert_array_equals(log, ["close", "before close"], "messages sent before close() are still delivered");
}, "A port in transit when its peer closes gets the close event once received");
