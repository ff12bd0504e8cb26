// META: global=window
// META: script=resources/messaging-helpers.js
// Shipping MessagePorts in postMessage (HTML: MessagePort transfer steps and transfer-receiving steps).
"use strict";

// Ships `port` through a fresh channel and resolves with the MessageEvent that carried it.
function ship(port, data = "ship") {
  const carrier = new MessageChannel();
  const received = next_message(carrier.port2);
  carrier.port1.postMessage(data, [port]);
  return received;
}

promise_test(async () => {
  const { port1 } = new MessageChannel();
  const e = await ship(port1);
  const ports = e.ports;
  assert_true(Array.isArray(ports), "an array");
  assert_equals(ports.length, 1);
  assert_true(Object.isFrozen(ports), "frozen");
  assert_equals(e.ports, ports, "the same array on every access");
  assert_true(ports[0] instanceof MessagePort, "a MessagePort");
  assert_not_equals(ports[0], port1, "a new MessagePort object");
  assert_throws_js(TypeError, () => ports.push(new MessageChannel().port1), "cannot push");
  assert_throws_js(TypeError, () => { ports[0] = null; }, "cannot replace an entry");
  assert_equals(ports.length, 1, "ports is a read only array with length == 1.");
}, "event.ports is a frozen array of new MessagePort objects, the same array on each access");

promise_test(async () => {
  const { port1 } = new MessageChannel();
  const e = await ship(port1, "data");
  assert_equals(e.data, "data");
  const plain = await ship(new MessageChannel().port1, { nested: [1, 2] });
  assert_array_equals(plain.data.nested, [1, 2]);
  const none = new MessageChannel();
  const received = next_message(none.port2);
  none.port1.postMessage("no ports");
  const noPorts = (await received).ports;
  assert_array_equals(noPorts, [], "empty when no port is transferred");
  assert_true(Object.isFrozen(noPorts), "still frozen");
}, "Ports travel beside the data; a message without ports has an empty frozen ports array");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const newPort2 = (await ship(port2)).ports[0];
  const toNew = next_message(newPort2);
  port1.postMessage("to the new port");
  assert_equals((await toNew).data, "to the new port");
  const toPeer = next_message(port1);
  newPort2.postMessage("from the new port");
  assert_equals((await toPeer).data, "from the new port");
}, "The received port is entangled with the original peer, in both directions");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  for (let i = 1; i <= 5; i++) port1.postMessage(`m${i}`);
  const newPort2 = (await ship(port2)).ports[0];
  port1.postMessage("m6");
  assert_array_equals(await receive_messages(newPort2, 6), ["m1", "m2", "m3", "m4", "m5", "m6"]);
}, "Messages queued on a shipped port travel with it, in order, none lost");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const oldLog = [];
  port2.onmessage = (e) => oldLog.push(e.data);
  port1.postMessage("m1");
  port1.postMessage("m2");
  port1.postMessage("m3");
  // port2 is enabled and its deliveries are already scheduled: ship it before they run.
  const shipped = ship(port2);
  port1.postMessage("m4");
  const newPort2 = (await shipped).ports[0];
  port1.postMessage("m5");
  await settle();
  assert_array_equals(oldLog, [], "the old port object receives nothing");
  assert_array_equals(await receive_messages(newPort2, 5), ["m1", "m2", "m3", "m4", "m5"]);
}, "Messages already scheduled for an enabled port are delivered to its new owner, not the old one");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const oldLog = [];
  let shipped;
  port2.onmessage = (e) => {
    oldLog.push(e.data);
    if (e.data === 2) shipped = ship(port2);
  };
  for (let i = 1; i <= 5; i++) port1.postMessage(i);
  await settle();
  assert_array_equals(oldLog, [1, 2], "delivery to the old object stops once it is shipped");
  const newPort2 = (await shipped).ports[0];
  assert_array_equals(await receive_messages(newPort2, 3), [3, 4, 5]);
}, "Shipping a port from its own message handler moves the rest of its queue");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  port1.postMessage("a");
  const hop1 = (await ship(port2)).ports[0];
  port1.postMessage("b");
  const hop2 = (await ship(hop1)).ports[0];
  port1.postMessage("c");
  const hop3 = (await ship(hop2)).ports[0];
  port1.postMessage("d");
  assert_array_equals(await receive_messages(hop3, 4), ["a", "b", "c", "d"]);
}, "A port shipped several times keeps its queue across every hop");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const peerLog = collect_messages(port1);
  port1.start();
  const newPort2 = (await ship(port2)).ports[0];
  port2.postMessage("from the old object");
  port2.start();
  port2.onmessage = () => {};
  port2.close();
  await settle();
  assert_array_equals(peerLog, [], "posting on the old object does nothing");
  assert_throws_dom("DataCloneError", () => new MessageChannel().port1.postMessage(null, [port2]),
    "shipping the old object again");
  assert_throws_dom("DataCloneError", () => structuredClone(port2, { transfer: [port2] }));
  newPort2.postMessage("from the new object");
  await settle();
  assert_array_equals(peerLog, ["from the new object"], "the new object still works after close() on the old one");
}, "The old port object is detached and inert");

async_test((t) => {
  // Modeled on wpt webmessaging/Transferred_objects_unusable.htm, within one realm.
  const channel = new MessageChannel();
  const actual = [];
  channel.port2.onmessage = t.step_func((e) => {
    actual.push(e.data);
    if (actual.length === 2) {
      assert_array_equals(actual, ["PING", "TRANSFERRED"]);
      t.done();
    }
  });
  channel.port1.postMessage("PING");
  const carrier = new MessageChannel();
  carrier.port2.onmessage = t.step_func((e) => e.ports[0].postMessage("TRANSFERRED"));
  carrier.port1.postMessage("take this", [channel.port1]);
  channel.port1.postMessage("PONG");
}, "Transferred objects are no longer usable on the sending side");

promise_test(async () => {
  const { port1 } = new MessageChannel();
  const carrier = new MessageChannel();
  const received = next_message(carrier.port2);
  carrier.port1.postMessage({ port: port1, list: [port1] }, [port1]);
  const e = await received;
  assert_equals(e.data.port, e.ports[0], "the port in the data is the port in event.ports");
  assert_equals(e.data.list[0], e.ports[0]);
  assert_not_equals(e.data.port, port1);
}, "A port inside the message data and in the transfer list arrives as the same object as in event.ports");

promise_test(async () => {
  const a = new MessageChannel(), b = new MessageChannel();
  const carrier = new MessageChannel();
  const received = next_message(carrier.port2);
  carrier.port1.postMessage([a.port1, b.port1], { transfer: [b.port1, a.port1] });
  const e = await received;
  assert_equals(e.ports.length, 2);
  assert_equals(e.data[0], e.ports[1], "event.ports follows the transfer list order");
  assert_equals(e.data[1], e.ports[0]);
  const fromA = next_message(a.port2);
  e.data[0].postMessage("via a");
  assert_equals((await fromA).data, "via a");
  const fromB = next_message(b.port2);
  e.data[1].postMessage("via b");
  assert_equals((await fromB).data, "via b");
}, "Several ports: event.ports is in transfer-list order and each is entangled with its own peer");

promise_test(async () => {
  const inner = new MessageChannel();
  const carrier = new MessageChannel();
  const received = next_message(carrier.port2);
  carrier.port1.postMessage("both ends", [inner.port1, inner.port2]);
  const [end1, end2] = (await received).ports;
  const got = next_message(end2);
  end1.postMessage("between the new ends");
  assert_equals((await got).data, "between the new ends");
}, "Both ends of a channel shipped in one message stay entangled with each other");

promise_test(async () => {
  const { port1 } = new MessageChannel();
  const carrier = new MessageChannel();
  const log = collect_messages(carrier.port2);
  carrier.port2.start();
  assert_throws_dom("DataCloneError", () => carrier.port1.postMessage(null, [port1, port1]), "same port twice");
  assert_throws_dom("DataCloneError", () => carrier.port1.postMessage({ p: port1 }), "a port not in the transfer list");
  const buffer = new ArrayBuffer(2);
  assert_throws_dom("DataCloneError", () => carrier.port1.postMessage([port1, () => {}], [buffer, port1]),
    "an uncloneable value next to a transferred port");
  assert_false(buffer.detached, "the buffer was not transferred");
  await settle();
  assert_array_equals(log, [], "nothing was sent");
  // port1 was never shipped: it can still be shipped now.
  const e = await ship(port1);
  assert_equals(e.ports.length, 1);
}, "A failed post with ports has no side effect: the ports are not detached, nothing is sent");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  port2.postMessage("sent before shipping");
  const newPort2 = (await ship(port2)).ports[0];
  const received = await receive_messages(port1, 1);
  assert_array_equals(received, ["sent before shipping"], "messages the old object sent before stay sent");
  const back = next_message(port1);
  newPort2.postMessage("sent after");
  assert_equals((await back).data, "sent after");
}, "Messages a port sent before it was shipped are still delivered to its peer");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const e = await ship(port2);
  const newPort2 = e.ports[0];
  const log = collect_messages(newPort2);
  port1.postMessage("waits");
  await settle();
  assert_array_equals(log, [], "a received port is not started");
  newPort2.onmessage = () => {};
  await settle();
  assert_array_equals(log, ["waits"]);
}, "A received port's message queue starts disabled");

promise_test(async () => {
  // Ports shipped in a message that is never delivered are lost; their peers keep working as ports whose
  // other end is gone: posting does nothing and throws nothing, close() works.
  const lost1 = new MessageChannel(), lost2 = new MessageChannel(), lost3 = new MessageChannel();
  const doomed = new MessageChannel();
  doomed.port1.postMessage("dropped", [lost1.port1, doomed.port2]);
  const closed = new MessageChannel();
  closed.port1.postMessage("never read", [lost2.port1]);
  closed.port2.close();
  const gone = new MessageChannel();
  gone.port1.close();
  gone.port1.postMessage("from a closed port", [lost3.port1]);
  for (const peer of [lost1.port2, lost2.port2, lost3.port2, doomed.port1]) {
    peer.onmessage = () => {};
    peer.postMessage("into the void");
  }
  await settle();
  doomed.port1.postMessage("after the channel was lost");
  for (const peer of [lost1.port2, lost2.port2, lost3.port2, doomed.port1]) peer.close();
  await settle();
}, "Ports shipped in messages that are never delivered are lost without errors");
