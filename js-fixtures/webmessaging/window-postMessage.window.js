// META: global=window
// META: script=resources/messaging-helpers.js
// window.postMessage to one's own window (HTML §9.3.3 "Posting messages"), the pattern of wpt
// webmessaging/without-ports and webmessaging/with-ports: a MessageEvent at the window with the data, the
// sender's origin (jshost: a file: realm has the host's opaque origin, serialized "null"), the sender's window
// as `source`, and the transferred ports.
"use strict";

// Resolves with the next `type` event at this window.
function next_window_event(type = "message") {
  return new Promise((resolve) => window.addEventListener(type, resolve, { once: true }));
}

// Posts each of `posts` (argument lists), then a "*" marker, and resolves with the data of every message that
// arrived up to the marker: what a dropped message leaves out.
function deliveries(posts) {
  const marker = { marker: Math.random() };
  return new Promise((resolve) => {
    const seen = [];
    window.addEventListener("message", function listener(e) {
      if (e.data !== null && typeof e.data === "object" && e.data.marker === marker.marker) {
        window.removeEventListener("message", listener);
        resolve(seen);
      } else {
        seen.push(e.data);
      }
    });
    for (const args of posts) window.postMessage(...args);
    window.postMessage(marker, "*");
  });
}

test(() => {
  assert_equals(window, globalThis, "window is the global");
  assert_equals(self, window);
  assert_equals(frames, window, "frames is the window");
  assert_equals(parent, window, "a top-level window is its own parent");
  assert_equals(top, window, "and its own top");
  assert_equals(length, 0, "no frames");
  assert_false(closed);
  assert_equals(Object.prototype.toString.call(window), "[object Window]");
  const w = Object.getOwnPropertyDescriptor(globalThis, "window");
  assert_equals(typeof w.get, "function", "window is an accessor");
  assert_false(w.configurable, "[LegacyUnforgeable]");
  assert_true(w.enumerable);
  assert_equals(w.set, undefined, "readonly");
  assert_false(Object.getOwnPropertyDescriptor(globalThis, "top").configurable, "top is [LegacyUnforgeable]");
  const p = Object.getOwnPropertyDescriptor(globalThis, "postMessage");
  assert_equals(typeof p.value, "function");
  assert_equals(p.value.length, 1, "postMessage.length");
  assert_equals(p.value.name, "postMessage");
  assert_true(p.enumerable && p.writable && p.configurable);
  assert_equals(onmessage, null);
  assert_equals(onmessageerror, null);
}, "window, self, frames, parent, top, length, closed, postMessage and onmessage on a top-level window");

test(() => {
  const saved = Object.getOwnPropertyDescriptor(globalThis, "parent");
  try {
    parent = 5;
    assert_equals(parent, 5, "[Replaceable]: the value set replaces the attribute");
  } finally {
    Object.defineProperty(globalThis, "parent", saved);
  }
  assert_equals(parent, window);
  const savedClosed = Object.getOwnPropertyDescriptor(globalThis, "closed");
  try {
    closed = "mine";
    assert_equals(closed, "mine", "jshost: a set replaces closed too (a script's own global named closed works)");
  } finally {
    Object.defineProperty(globalThis, "closed", savedClosed);
  }
  assert_false(closed);
}, "parent is [Replaceable]; so is closed in jshost");

promise_test(async () => {
  const payload = { text: "hello", list: [1, 2, 3], when: new Date(7) };
  const received = next_window_event();
  window.postMessage(payload, "*");
  const e = await received;
  assert_true(e instanceof MessageEvent, "a MessageEvent");
  assert_equals(e.type, "message");
  assert_true(e.isTrusted, "isTrusted");
  assert_false(e.bubbles);
  assert_false(e.cancelable);
  assert_equals(e.target, window);
  assert_not_equals(e.data, payload, "a copy");
  assert_equals(e.data.text, "hello");
  assert_array_equals(e.data.list, [1, 2, 3]);
  assert_true(e.data.when instanceof Date);
  assert_equals(e.data.when.getTime(), 7);
  assert_equals(e.origin, "null", "a file: realm's origin is opaque");
  assert_equals(e.lastEventId, "");
  assert_equals(e.source, window, "source is the sender's window");
  assert_array_equals(e.ports, []);
  assert_true(Object.isFrozen(e.ports), "ports is a frozen array");
}, "postMessage(message, '*') delivers a MessageEvent to the window");

promise_test(async () => {
  let sync = true;
  const received = next_window_event().then((e) => { assert_false(sync, "not synchronous"); return e; });
  window.postMessage("later", "*");
  sync = false;
  assert_equals((await received).data, "later");
}, "delivery is asynchronous");

promise_test(async () => {
  const received = new Promise((resolve) => { onmessage = resolve; });
  postMessage(42);
  const e = await received;
  onmessage = null;
  assert_equals(e.data, 42);
  assert_equals(e.origin, "null");
}, "postMessage(message) with no target origin means '/': the sender's own origin");

promise_test(async () => {
  assert_array_equals(await deliveries([["a", "/"], ["b", "*"], ["c", { targetOrigin: "/" }], ["d", {}], ["e", undefined]]),
    ["a", "b", "c", "d", "e"]);
}, "'/', '*', { targetOrigin: '/' }, {} and undefined all reach one's own window");

promise_test(async () => {
  const posts = [
    ["http", "http://example.com"],
    ["https with path", "https://example.com/a/b?c#d"],
    ["file", "file:///"],
    ["data", "data:text/plain,x"],
    ["options", { targetOrigin: "http://localhost:8000" }],
    ["kept", "*"],
  ];
  assert_array_equals(await deliveries(posts), ["kept"]);
}, "a target origin that is not the window's drops the message silently (an opaque origin from a URL matches nothing)");

test(() => {
  for (const bad of ["", "null", "example.com", "not a url", "//example.com", "http://[::"]) {
    assert_throws_dom("SyntaxError", () => window.postMessage("x", bad), JSON.stringify(bad));
    assert_throws_dom("SyntaxError", () => window.postMessage("x", { targetOrigin: bad }), `{ targetOrigin: ${JSON.stringify(bad)} }`);
  }
}, "a target origin that is not '/', '*' or a URL throws SyntaxError");

promise_test(async () => {
  const c = new MessageChannel();
  assert_throws_dom("SyntaxError", () => window.postMessage("x", "bad", [c.port1]));
  assert_throws_dom("DataCloneError", () => window.postMessage(() => {}, "*", [c.port2]));
  assert_throws_dom("DataCloneError", () => window.postMessage(Symbol("s"), "*"));
  assert_throws_dom("DataCloneError", () => window.postMessage("x", "*", [c.port1, c.port1]), "a port listed twice");
  const buffer = new ArrayBuffer(8);
  assert_throws_dom("DataCloneError", () => window.postMessage({ f() {} }, "*", [buffer]));
  assert_equals(buffer.byteLength, 8, "the buffer was not detached");
  // The ports were not transferred: they still talk.
  const got = next_message(c.port2);
  c.port1.postMessage("still entangled");
  assert_equals((await got).data, "still entangled");
  assert_array_equals(await deliveries([]), [], "nothing was queued");
}, "a bad target origin or DataCloneError throws before anything is transferred or queued");

test(() => {
  assert_throws_js(TypeError, () => window.postMessage(), "a message is required");
  assert_throws_js(TypeError, () => window.postMessage.call({}, "x", "*"), "this must be a window");
  assert_throws_js(TypeError, () => window.postMessage("x", "*", 5), "transfer must be a sequence");
  assert_throws_js(TypeError, () => window.postMessage("x", "*", [1]), "transfer items must be objects");
  assert_throws_js(TypeError, () => window.postMessage("x", { transfer: 5 }), "options.transfer must be a sequence");
}, "argument errors");

promise_test(async () => {
  const c = new MessageChannel();
  const received = next_window_event();
  window.postMessage({ port: c.port1 }, "*", [c.port1]);
  const e = await received;
  assert_equals(e.ports.length, 1);
  assert_true(e.ports[0] instanceof MessagePort);
  assert_not_equals(e.ports[0], c.port1, "a new MessagePort");
  assert_equals(e.data.port, e.ports[0], "the port inside the data is the one in ports");
  assert_true(Object.isFrozen(e.ports));
  assert_equals(e.ports, e.ports, "[SameObject]");
  const echoed = next_message(c.port2);
  e.ports[0].postMessage("through the transferred port");
  assert_equals((await echoed).data, "through the transferred port");
  assert_throws_dom("DataCloneError", () => window.postMessage("again", "*", [c.port1]), "the original is detached");
}, "postMessage(message, targetOrigin, [port]) transfers the port (with-ports)");

promise_test(async () => {
  const c1 = new MessageChannel(), c2 = new MessageChannel();
  const buffer = new Uint8Array([1, 2, 3]).buffer;
  const received = next_window_event();
  window.postMessage(buffer, { targetOrigin: "*", transfer: [c2.port1, buffer, c1.port1] });
  assert_equals(buffer.byteLength, 0, "the buffer is detached at once");
  const e = await received;
  assert_equals(e.ports.length, 2);
  assert_array_equals(new Uint8Array(e.data), [1, 2, 3]);
  const got = receive_messages(c2.port2, 1);
  e.ports[0].postMessage("first listed");
  assert_array_equals(await got, ["first listed"], "ports keep the order of the transfer list");
}, "postMessage(message, { targetOrigin, transfer }) with ports and an ArrayBuffer");

promise_test(async () => {
  const log = [];
  const c = new MessageChannel();
  c.port2.onmessage = (e) => log.push(`port ${e.data}`);
  const done = new Promise((resolve) => {
    window.addEventListener("message", function listener(e) {
      log.push(`window ${e.data}`);
      Promise.resolve().then(() => log.push(`microtask after ${e.data}`));
      if (e.data === 3) {
        window.removeEventListener("message", listener);
        resolve();
      }
    });
  });
  window.postMessage(1, "*");
  c.port1.postMessage(1);
  window.postMessage(2, "*");
  c.port1.postMessage(2);
  window.postMessage(3, "*");
  await done;
  assert_array_equals(log, ["window 1", "microtask after 1", "port 1", "window 2", "microtask after 2", "port 2", "window 3", "microtask after 3"]);
}, "one message, one task: window messages keep their order with port messages, microtasks between them");

test(() => {
  assert_equals(new MessageEvent("message", { source: window }).source, window, "a WindowProxy is a MessageEventSource");
  assert_throws_js(TypeError, () => new MessageEvent("message", { source: {} }));
  const e = new MessageEvent("message");
  e.initMessageEvent("message", false, false, null, "", "", window);
  assert_equals(e.source, window);
}, "MessageEvent accepts a window as its source");
