// META: global=window
// META: script=resources/messaging-helpers.js
// MessageEvent (HTML "The MessageEvent interface"), and the events that port messages fire.
"use strict";

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const received = next_message(port2);
  const payload = { n: 1 };
  port1.postMessage(payload);
  const e = await received;
  assert_true(e instanceof MessageEvent, "a MessageEvent");
  assert_equals(e.type, "message");
  assert_false(e.bubbles, "does not bubble");
  assert_false(e.cancelable, "not cancelable");
  assert_true(e.isTrusted, "isTrusted");
  assert_equals(e.target, port2, "target");
  assert_equals(e.currentTarget, null, "currentTarget after dispatch");
  assert_equals(e.eventPhase, Event.NONE, "eventPhase after dispatch");
  assert_object_equals(e.data, payload, "data");
  assert_equals(e.origin, "", "origin");
  assert_equals(e.lastEventId, "", "lastEventId");
  assert_equals(e.source, null, "source");
  assert_array_equals(e.ports, [], "ports");
  assert_true(Object.isFrozen(e.ports), "ports is frozen");
  assert_equals(e.ports, e.ports, "the same ports array on every access");
}, "postMessage(): MessageEvent properties");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const seen = [];
  port2.addEventListener("message", (e) => {
    seen.push([e.currentTarget, e.eventPhase, e.target, e.isTrusted]);
  });
  port2.onmessage = (e) => {
    seen.push(["handler", e.data]);
  };
  port1.postMessage("x");
  await settle();
  assert_equals(seen.length, 2);
  assert_array_equals(seen[0], [port2, Event.AT_TARGET, port2, true], "during dispatch");
  assert_array_equals(seen[1], ["handler", "x"], "onmessage runs after the listener added before it");
}, "Port message events during dispatch");

test(() => {
  const { port1 } = new MessageChannel();
  const data = { a: 1 };
  const e = new MessageEvent("x", { data, origin: "https://example.org", lastEventId: "42", source: port1, ports: [port1] });
  assert_equals(e.type, "x");
  assert_equals(e.data, data, "data is kept as is (no clone)");
  assert_equals(e.origin, "https://example.org");
  assert_equals(e.lastEventId, "42");
  assert_equals(e.source, port1);
  assert_array_equals(e.ports, [port1]);
  assert_true(Object.isFrozen(e.ports), "ports is frozen");
  assert_equals(e.ports, e.ports, "the same array on every access");
  assert_false(e.isTrusted, "isTrusted");
  assert_false(e.bubbles);
  assert_false(e.cancelable);
}, "new MessageEvent(type, { data, origin, lastEventId, source, ports })");

test(() => {
  const { port1 } = new MessageChannel();
  const list = [port1];
  const e = new MessageEvent("x", { ports: list });
  assert_not_equals(e.ports, list, "a new array");
  list.push(port1);
  assert_equals(e.ports.length, 1, "not affected by later changes to the argument");
  const fromIterable = new MessageEvent("x", { ports: new Set([port1]) });
  assert_array_equals(fromIterable.ports, [port1], "any iterable is a sequence");
  const withFlags = new MessageEvent("x", { bubbles: true, cancelable: true, composed: true });
  assert_true(withFlags.bubbles);
  assert_true(withFlags.cancelable);
  assert_true(withFlags.composed);
}, "MessageEvent constructor: ports is copied into a frozen array; EventInit members apply");

test(() => {
  for (const init of [undefined, null, {}]) {
    const e = new MessageEvent("x", init);
    assert_equals(e.data, null, "data");
    assert_equals(e.origin, "", "origin");
    assert_equals(e.lastEventId, "", "lastEventId");
    assert_equals(e.source, null, "source");
    assert_array_equals(e.ports, [], "ports");
    assert_true(Object.isFrozen(e.ports));
  }
  assert_equals(new MessageEvent("x", { data: undefined }).data, null, "undefined data is the default");
  assert_equals(new MessageEvent("x", { data: 0 }).data, 0);
  assert_equals(new MessageEvent("x", { source: null }).source, null, "null source");
}, "MessageEvent constructor defaults");

test(() => {
  const e = new MessageEvent("x", { origin: 1, lastEventId: { toString: () => "id" } });
  assert_equals(e.origin, "1");
  assert_equals(e.lastEventId, "id");
  assert_equals(new MessageEvent("x", { origin: "a\uD800b" }).origin, "a\uFFFDb", "origin is a USVString");
  assert_equals(new MessageEvent("x", { lastEventId: "a\uD800b" }).lastEventId, "a\uD800b", "lastEventId is a DOMString");
}, "MessageEvent constructor string conversions");

test(() => {
  const { port1 } = new MessageChannel();
  for (const source of [{}, 1, "port", new EventTarget(), new MessageChannel()]) {
    assert_throws_js(TypeError, () => new MessageEvent("x", { source }), `source ${String(source)}`);
  }
  for (const ports of [null, 1, "x", {}, [1], [port1, {}], [null], [new MessageChannel()]]) {
    assert_throws_js(TypeError, () => new MessageEvent("x", { ports }), `ports ${String(ports)}`);
  }
  assert_throws_js(TypeError, () => new MessageEvent("x", 1), "a dictionary that is not an object");
  assert_throws_js(TypeError, () => new MessageEvent(), "no type");
  assert_throws_js(TypeError, () => MessageEvent("x"), "without new");
}, "MessageEvent constructor: wrong source or ports types throw TypeError");

test(() => {
  const order = [];
  const init = {};
  for (const name of ["bubbles", "cancelable", "composed", "data", "lastEventId", "origin", "ports", "source"]) {
    Object.defineProperty(init, name, { get() { order.push(name); return undefined; } });
  }
  new MessageEvent("x", init);
  assert_array_equals(order, ["bubbles", "cancelable", "composed", "data", "lastEventId", "origin", "ports", "source"]);
}, "MessageEvent constructor reads the dictionary members in order");

test(() => {
  const { port1, port2 } = new MessageChannel();
  const e = new MessageEvent("x");
  const data = { d: 1 };
  assert_equals(e.initMessageEvent("y", true, true, data, "o\uD800", "id", port1, [port2]), undefined);
  assert_equals(e.type, "y");
  assert_true(e.bubbles);
  assert_true(e.cancelable);
  assert_equals(e.data, data);
  assert_equals(e.origin, "o\uFFFD", "origin is a USVString");
  assert_equals(e.lastEventId, "id");
  assert_equals(e.source, port1);
  assert_array_equals(e.ports, [port2]);
  assert_true(Object.isFrozen(e.ports));
  e.initMessageEvent("z");
  assert_equals(e.type, "z");
  assert_false(e.bubbles, "bubbles default");
  assert_false(e.cancelable, "cancelable default");
  assert_equals(e.data, null, "data default");
  assert_equals(e.origin, "", "origin default");
  assert_equals(e.lastEventId, "", "lastEventId default");
  assert_equals(e.source, null, "source default");
  assert_array_equals(e.ports, [], "ports default");
  assert_equals(MessageEvent.prototype.initMessageEvent.length, 1);
}, "initMessageEvent() sets every field, with the IDL defaults");

test(() => {
  const e = new MessageEvent("x");
  assert_throws_js(TypeError, () => e.initMessageEvent(), "no type");
  assert_throws_js(TypeError, () => e.initMessageEvent("y", false, false, null, "", "", {}), "bad source");
  assert_throws_js(TypeError, () => e.initMessageEvent("y", false, false, null, "", "", null, null), "null ports");
  assert_throws_js(TypeError, () => e.initMessageEvent("y", false, false, null, "", "", null, [{}]), "bad port");
  assert_equals(e.type, "x", "nothing changed");
}, "initMessageEvent() argument conversion errors");

test(() => {
  const { port1 } = new MessageChannel();
  const e = new MessageEvent("x", { data: "before", origin: "o", lastEventId: "l" });
  const target = new EventTarget();
  let called = false;
  target.addEventListener("x", () => {
    called = true;
    e.initMessageEvent("y", true, true, "after", "o2", "l2", port1, [port1]);
    assert_equals(e.type, "x");
    assert_false(e.bubbles);
    assert_equals(e.data, "before");
    assert_equals(e.origin, "o");
    assert_equals(e.lastEventId, "l");
    assert_equals(e.source, null);
    assert_array_equals(e.ports, []);
  });
  target.dispatchEvent(e);
  assert_true(called);
  assert_equals(e.data, "before", "still unchanged after dispatch");
  e.initMessageEvent("y", false, false, "after");
  assert_equals(e.data, "after", "takes effect once the dispatch is over");
}, "initMessageEvent() has no effect while dispatching");

test(() => {
  const e = new MessageEvent("x", { data: 1 });
  const originalInit = Event.prototype.initEvent;
  const originalPhase = Object.getOwnPropertyDescriptor(Event.prototype, "eventPhase");
  try {
    Event.prototype.initEvent = function () { throw new Error("user initEvent called"); };
    Object.defineProperty(Event.prototype, "eventPhase", { get() { return 2; }, configurable: true });
    e.initMessageEvent("y", false, false, 2);
  } finally {
    Event.prototype.initEvent = originalInit;
    Object.defineProperty(Event.prototype, "eventPhase", originalPhase);
  }
  assert_equals(e.type, "y");
  assert_equals(e.data, 2);
}, "initMessageEvent() does not depend on user-patchable Event.prototype members");

test(() => {
  const e = new MessageEvent("x");
  for (const name of ["data", "origin", "lastEventId", "source", "ports"]) {
    const d = Object.getOwnPropertyDescriptor(MessageEvent.prototype, name);
    assert_equals(typeof d.get, "function", `${name} is an accessor`);
    assert_equals(d.set, undefined, `${name} is readonly`);
    assert_true(d.enumerable && d.configurable);
    for (const self of [{}, new Event("x"), null]) {
      assert_throws_js(TypeError, () => d.get.call(self), `${name} getter on a wrong this`);
    }
  }
  assert_throws_js(TypeError, () => MessageEvent.prototype.initMessageEvent.call(new Event("x"), "y"));
  assert_equals(Object.prototype.toString.call(e), "[object MessageEvent]");
  assert_equals(Object.getPrototypeOf(MessageEvent.prototype), Event.prototype);
  assert_equals(MessageEvent.length, 1);
}, "MessageEvent attributes, brand checks and toStringTag");
