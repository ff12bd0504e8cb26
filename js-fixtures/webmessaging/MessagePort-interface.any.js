// META: global=window
// META: script=resources/messaging-helpers.js
// MessageChannel and MessagePort as WebIDL interfaces (HTML "Channel messaging": message channels, message ports).
"use strict";

test(() => {
  const channel = new MessageChannel();
  assert_true(channel.port1 instanceof MessagePort, "port1 is a MessagePort");
  assert_true(channel.port2 instanceof MessagePort, "port2 is a MessagePort");
  assert_not_equals(channel.port1, channel.port2, "two different ports");
  assert_equals(channel.port1, channel.port1, "port1 is the same object on every access");
  assert_equals(channel.port2, channel.port2, "port2 is the same object on every access");
  const other = new MessageChannel();
  assert_not_equals(other.port1, channel.port1, "each channel has its own ports");
}, "MessageChannel: port1 and port2 are MessagePorts, the same objects on every access");

test(() => {
  const channel = new MessageChannel();
  assert_true(channel.port1 instanceof EventTarget, "a MessagePort is an EventTarget");
  assert_equals(Object.getPrototypeOf(MessagePort.prototype), EventTarget.prototype);
  assert_equals(Object.getPrototypeOf(MessagePort), EventTarget);
  assert_equals(Object.getPrototypeOf(MessageChannel.prototype), Object.prototype);
}, "MessagePort inherits from EventTarget");

test(() => {
  assert_throws_js(TypeError, () => new MessagePort(), "new MessagePort()");
  assert_throws_js(TypeError, () => MessagePort(), "MessagePort()");
  assert_throws_js(TypeError, () => MessageChannel(), "MessageChannel() without new");
  assert_equals(MessagePort.length, 0);
  assert_equals(MessageChannel.length, 0);
}, "MessagePort is not constructible; MessageChannel needs new");

test(() => {
  for (const [name, C] of [["MessageChannel", MessageChannel], ["MessagePort", MessagePort]]) {
    const d = Object.getOwnPropertyDescriptor(globalThis, name);
    assert_equals(d.value, C, `${name} is a global`);
    assert_true(d.writable && d.configurable && !d.enumerable, `${name}: writable, configurable, not enumerable`);
    const tag = Object.getOwnPropertyDescriptor(C.prototype, Symbol.toStringTag);
    assert_equals(tag.value, name, `${name}.prototype[Symbol.toStringTag]`);
    assert_false(tag.writable, "toStringTag is not writable");
    assert_false(tag.enumerable, "toStringTag is not enumerable");
    assert_true(tag.configurable, "toStringTag is configurable");
  }
  const channel = new MessageChannel();
  assert_equals(Object.prototype.toString.call(channel), "[object MessageChannel]");
  assert_equals(Object.prototype.toString.call(channel.port1), "[object MessagePort]");
  assert_equals(String(MessagePort.prototype), "[object MessagePort]");
  assert_class_string(channel.port2, "MessagePort");
}, "Symbol.toStringTag of MessageChannel and MessagePort");

test(() => {
  for (const name of ["postMessage", "start", "close"]) {
    const d = Object.getOwnPropertyDescriptor(MessagePort.prototype, name);
    assert_equals(typeof d.value, "function", name);
    assert_true(d.enumerable && d.configurable && d.writable, `${name}: an enumerable, configurable operation`);
  }
  assert_equals(MessagePort.prototype.postMessage.length, 1, "postMessage.length");
  assert_equals(MessagePort.prototype.start.length, 0, "start.length");
  assert_equals(MessagePort.prototype.close.length, 0, "close.length");
  for (const name of ["onmessage", "onmessageerror", "onclose"]) {
    const d = Object.getOwnPropertyDescriptor(MessagePort.prototype, name);
    assert_equals(typeof d.get, "function", `${name} getter`);
    assert_equals(typeof d.set, "function", `${name} setter`);
    assert_true(d.enumerable && d.configurable, `${name}: enumerable and configurable`);
  }
  for (const name of ["port1", "port2"]) {
    const d = Object.getOwnPropertyDescriptor(MessageChannel.prototype, name);
    assert_equals(typeof d.get, "function", `${name} getter`);
    assert_equals(d.set, undefined, `${name} is readonly`);
    assert_true(d.enumerable && d.configurable, `${name}: enumerable and configurable`);
  }
}, "MessagePort and MessageChannel members are WebIDL operations and attributes");

test(() => {
  const channel = new MessageChannel();
  const notPorts = [{}, new EventTarget(), channel, null, undefined, 1, Object.create(MessagePort.prototype)];
  for (const self of notPorts) {
    assert_throws_js(TypeError, () => MessagePort.prototype.postMessage.call(self, "x"), `postMessage on ${String(self)}`);
    assert_throws_js(TypeError, () => MessagePort.prototype.start.call(self), `start on ${String(self)}`);
    assert_throws_js(TypeError, () => MessagePort.prototype.close.call(self), `close on ${String(self)}`);
    for (const name of ["onmessage", "onmessageerror", "onclose"]) {
      const d = Object.getOwnPropertyDescriptor(MessagePort.prototype, name);
      assert_throws_js(TypeError, () => d.get.call(self), `${name} getter on ${String(self)}`);
      assert_throws_js(TypeError, () => d.set.call(self, null), `${name} setter on ${String(self)}`);
    }
  }
  assert_throws_js(TypeError, () => MessagePort.prototype.onmessage, "onmessage on the prototype");
}, "MessagePort brand checks: methods and event handlers with a wrong this throw TypeError");

test(() => {
  const channel = new MessageChannel();
  for (const name of ["port1", "port2"]) {
    const getter = Object.getOwnPropertyDescriptor(MessageChannel.prototype, name).get;
    for (const self of [{}, channel.port1, Object.create(MessageChannel.prototype), null, undefined]) {
      assert_throws_js(TypeError, () => getter.call(self), `${name} getter on ${String(self)}`);
    }
  }
  assert_throws_js(TypeError, () => MessageChannel.prototype.port1, "port1 on the prototype");
}, "MessageChannel brand checks: port1/port2 getters with a wrong this throw TypeError");

test(() => {
  const { port1 } = new MessageChannel();
  assert_throws_js(TypeError, () => port1.postMessage(), "no argument");
  port1.postMessage("a", undefined);
  port1.postMessage("b", null);
  port1.postMessage("c", []);
  port1.postMessage("d", {});
  port1.postMessage("e", { transfer: [] });
  port1.postMessage("f", { transfer: undefined });
  for (const bad of [1, "string", true, Symbol.iterator]) {
    assert_throws_js(TypeError, () => port1.postMessage("x", bad), `second argument ${String(bad)}`);
  }
  assert_throws_js(TypeError, () => port1.postMessage("x", { transfer: 1 }), "transfer: 1");
  assert_throws_js(TypeError, () => port1.postMessage("x", { transfer: null }), "transfer: null");
  assert_throws_js(TypeError, () => port1.postMessage("x", [1]), "a transfer entry that is not an object");
  assert_throws_dom("DataCloneError", () => port1.postMessage("x", [{}]), "a transfer entry that is not transferable");
}, "postMessage argument conversion");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const received = receive_messages(port2, 5);
  port1.postMessage("no transfer");
  port1.postMessage("undefined transfer", undefined);
  port1.postMessage("empty sequence", []);
  port1.postMessage("empty options", {});
  port1.postMessage("options", { transfer: [] });
  assert_array_equals(await received,
    ["no transfer", "undefined transfer", "empty sequence", "empty options", "options"]);
}, "postMessage(message), postMessage(message, transfer) and postMessage(message, options) all send");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const a = new ArrayBuffer(4), b = new ArrayBuffer(8);
  const received = receive_messages(port2, 2);
  port1.postMessage(a, [a]);
  port1.postMessage(b, { transfer: [b] });
  assert_true(a.detached, "sequence form transfers");
  assert_true(b.detached, "dictionary form transfers");
  const [ra, rb] = await received;
  assert_equals(ra.byteLength, 4);
  assert_equals(rb.byteLength, 8);
}, "postMessage transfers with both the sequence and the StructuredSerializeOptions form");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const log = collect_messages(port2);
  port2.start();
  const buffer = new ArrayBuffer(8);
  const other = new MessageChannel();
  assert_throws_dom("DataCloneError", () => port1.postMessage("ports", [port1]), "sequence form");
  assert_throws_dom("DataCloneError", () => port1.postMessage(buffer, { transfer: [buffer, port1] }), "options form");
  assert_throws_dom("DataCloneError", () => port1.postMessage("x", [other.port1, port1]), "with another port");
  assert_false(buffer.detached, "the ArrayBuffer in the transfer list is not detached");
  // The other port was not shipped: it still works.
  const otherReceived = next_message(other.port2);
  other.port1.postMessage("still entangled");
  assert_equals((await otherReceived).data, "still entangled");
  // The source port was not detached or closed either.
  const received = next_message(port2);
  port1.postMessage("after");
  assert_equals((await received).data, "after");
  assert_array_equals(log, ["after"], "nothing was sent by the failed posts");
}, "postMessage() DataCloneError: the source port in its own transfer list (nothing sent, no side effect)");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const log = collect_messages(port2);
  port2.start();
  const buffer = new ArrayBuffer(8);
  port1.postMessage(buffer, [buffer, port2]);
  assert_true(buffer.detached, "the message was serialized with its transfer list before it was dropped");
  await settle();
  assert_array_equals(log, [], "the message was dropped");
  port1.postMessage("later");
  await settle();
  assert_array_equals(log, [], "the old port2 object was shipped away: it receives nothing any more");
}, "postMessage() with the entangled port in the transfer list: the message is dropped");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const log = collect_messages(port2);
  port1.postMessage(1);
  port2.start();
  port2.start();
  port1.postMessage(2);
  port2.start();
  await settle();
  assert_array_equals(log, [1, 2], "start() twice delivers each message once");
}, "start() enables the port message queue; calling it again has no effect");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const log = collect_messages(port2);
  port2.start();
  port1.close();
  port1.close();
  port1.postMessage("after close");
  port1.start();
  port1.close();
  port2.close();
  port2.close();
  port2.postMessage("from port2");
  await settle();
  assert_array_equals(log, []);
}, "close() is idempotent and posting afterwards does nothing");

test(() => {
  const { port1 } = new MessageChannel();
  port1.close();
  const buffer = new ArrayBuffer(4);
  assert_throws_dom("DataCloneError", () => port1.postMessage(() => {}), "the message is still serialized");
  assert_throws_dom("DataCloneError", () => port1.postMessage("x", [port1]), "own port in the transfer list");
  port1.postMessage(buffer, [buffer]);
  assert_true(buffer.detached, "a closed port still runs the transfer (HTML: serialize, then return)");
}, "postMessage on a closed port still serializes the message");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  port1.postMessage("queued");
  let received;
  port2.onmessage = (e) => { received = e.data; };
  await settle();
  assert_equals(received, "queued");
}, "Setting onmessage starts the port (messages queued before are delivered)");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const log = collect_messages(port2);
  port1.postMessage("ping");
  await settle();
  assert_array_equals(log, [], "addEventListener('message') alone does not start the port");
  port2.start();
  await settle();
  assert_array_equals(log, ["ping"], "start() delivers what was queued");
}, "MessageChannel: port message queue is initially disabled");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const log = collect_messages(port2);
  port1.postMessage("ping");
  port2.onmessageerror = () => {};
  port2.onclose = () => {};
  await settle();
  assert_array_equals(log, [], "onmessageerror and onclose do not start the port");
  port2.onmessage = null;
  await settle();
  assert_array_equals(log, ["ping"], "setting onmessage, even to null, starts the port");
}, "Only setting onmessage starts the port, whatever the value");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  let overriddenStartCalled = false;
  port2.start = () => { overriddenStartCalled = true; };
  port1.postMessage("ping");
  const received = new Promise((resolve) => { port2.onmessage = (e) => resolve(e.data); });
  assert_equals(await received, "ping");
  assert_false(overriddenStartCalled, "the onmessage setter does not call a user-visible start()");
}, "Setting onmessage starts the port without calling an overridden start()");

test(() => {
  const { port1 } = new MessageChannel();
  for (const name of ["onmessage", "onmessageerror", "onclose"]) {
    assert_true(name in port1, `${name} in port`);
    assert_equals(port1[name], null, `${name} is initially null`);
    const f = () => {};
    port1[name] = f;
    assert_equals(port1[name], f, `${name} keeps a function`);
    port1[name] = {};
    assert_equals(port1[name], null, `${name}: a non-callable object is stored as null`);
  }
}, "onmessage, onmessageerror and onclose event handler attributes");

test(() => {
  const { port1 } = new MessageChannel();
  const buffer = new ArrayBuffer(1);
  let reads = 0;
  const iterable = {
    get [Symbol.iterator]() {
      reads++;
      return function* () { yield buffer; };
    },
  };
  port1.postMessage(null, iterable);
  assert_equals(reads, 1, "sequence form: @@iterator is read once");
  assert_true(buffer.detached);
  const buffer2 = new ArrayBuffer(1);
  reads = 0;
  let transferReads = 0;
  const options = {
    get transfer() {
      transferReads++;
      return { get [Symbol.iterator]() { reads++; return function* () { yield buffer2; }; } };
    },
  };
  port1.postMessage(null, options);
  assert_equals(transferReads, 1, "options form: transfer is read once");
  assert_equals(reads, 1, "options form: @@iterator is read once");
  assert_true(buffer2.detached);
  assert_throws_js(TypeError, () => port1.postMessage(null, { [Symbol.iterator]: 1 }), "a non-callable @@iterator");
}, "postMessage reads the transfer iterable the WebIDL way");
