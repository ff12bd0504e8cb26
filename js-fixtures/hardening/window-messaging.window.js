// META: global=window
// A script that patches built-ins (throwing replacements for the functions window messaging and frames could
// reach for, accessors on Object.prototype for descriptor fields and the names of internal records) breaks its own
// code, never window.postMessage or jshost.openFrame: with every patch in force at once, a frame opens (the
// first openFrame loads frames.js under the patches), loads, receives a port through its window, answers
// through the port and through parent.postMessage, the page posts to itself with and without a transfer list,
// and closing the frame fires `close` at the port entangled with it. The harness runs only after the patches
// are gone; the code that runs under them only stores into a null-prototype record.
"use strict";

promise_test(async () => {
  const { defineProperty, getOwnPropertyDescriptor } = Object;
  const seen = { __proto__: null, frameReply: null, portReply: null, selfStar: null, selfSlash: null, selfPorts: -1,
    loaded: false, closed: false, error: null, transferred: null };
  const HostMessageChannel = MessageChannel;
  const hostSetTimeout = setTimeout;
  const openFrame = jshost.openFrame;
  const source = "onmessage = (e) => { e.ports[0].postMessage('via port'); parent.postMessage({ reply: e.data }, '*'); };";
  const url = "data:text/javascript," + encodeURIComponent(source);

  const thrower = (name) => function patched() { throw new Error(`patched built-in called: ${name}`); };
  const targets = [
    [Array.prototype, "Array.prototype", ["push", "map", "slice", "forEach", "indexOf", "includes", "concat", "splice", "join"]],
    [Array, "Array", ["from", "isArray"]],
    [Function.prototype, "Function.prototype", ["call", "apply", "bind"]],
    [Reflect, "Reflect", ["apply", "defineProperty", "ownKeys"]],
    [Object, "Object", ["freeze", "defineProperty", "create", "getOwnPropertyDescriptors", "getOwnPropertyDescriptor", "getPrototypeOf", "keys", "assign"]],
    [WeakMap.prototype, "WeakMap.prototype", ["get", "set", "has"]],
    [Map.prototype, "Map.prototype", ["get", "set", "has", "delete"]],
    [String.prototype, "String.prototype", ["startsWith", "slice", "toWellFormed", "indexOf", "split"]],
    [Promise.prototype, "Promise.prototype", ["then"]],
    [WeakRef.prototype, "WeakRef.prototype", ["deref"]],
  ];
  const saved = [];
  function patch(object, key, descriptor) {
    // Null-prototype descriptors: the patched Object.prototype.get / set / value must not be read back.
    const original = getOwnPropertyDescriptor(object, key);
    saved[saved.length] = [object, key, original === undefined ? undefined : { __proto__: null, ...original }];
    defineProperty(object, key, { __proto__: null, ...descriptor });
  }
  function restore() {
    for (let i = saved.length - 1; i >= 0; i--) {
      const [object, key, original] = saved[i];
      if (original === undefined) delete object[key];
      else defineProperty(object, key, original);
    }
  }

  // (The patches go on in a task of their own: the harness handles this test's promise first.)
  const finished = new Promise((resolve) => hostSetTimeout(() => {
    for (const [object, label, keys] of targets) {
      for (const key of keys) patch(object, key, { value: thrower(`${label}.${key}`), writable: true, configurable: true });
    }
    for (const key of ["value", "get", "set", "parcel", "snapshot", "sides", "origin", "source", "targetOrigin", "frame",
                       "windowRealms", "byID", "closed"]) {
      patch(Object.prototype, key, { get: thrower(`Object.prototype.${key} (get)`), set: thrower(`Object.prototype.${key} (set)`), configurable: true });
    }

    // ---- everything below runs under the patches ----
    try {
      const frame = openFrame(url);
      const channel = new HostMessageChannel();
      channel.port1.onmessage = (e) => { seen.portReply = e.data; };
      onmessage = (e) => {
        const data = e.data;
        if (typeof data === "object" && data !== null && data.reply !== undefined) {
          seen.frameReply = data.reply;
          seen.transferred = e.source === frame.contentWindow;
          // Now to oneself: with "*", with "/" and a port.
          const own = new HostMessageChannel();
          postMessage("star", "*");
          postMessage("slash", "/", [own.port1]);
        } else if (data === "star") {
          seen.selfStar = e.origin;
        } else if (data === "slash") {
          seen.selfSlash = e.origin;
          seen.selfPorts = e.ports.length;
          channel.port1.onclose = () => {
            seen.closed = true;
            resolve();
          };
          frame.remove();
        }
      };
      frame.onload = () => {
        seen.loaded = true;
        frame.contentWindow.postMessage("ping", "*", [channel.port2]);
      };
      frame.onerror = () => { seen.error = "the frame did not load"; resolve(); };
    } catch (e) {
      seen.error = e;
      resolve();
    }
    hostSetTimeout(resolve, 2000);
  }, 0));
  try {
    await finished;
  } finally {
    restore();
    onmessage = null;
  }
  assert_equals(seen.error, null, "nothing threw");
  assert_true(seen.loaded, "the frame loaded");
  assert_equals(seen.frameReply, "ping", "the frame answered through parent.postMessage");
  assert_true(seen.transferred, "with its window as the source");
  assert_equals(seen.portReply, "via port", "and through the transferred port");
  assert_equals(seen.selfStar, "null", "a post to oneself with '*' arrived");
  assert_equals(seen.selfSlash, "null", "and one with '/' and a port");
  assert_equals(seen.selfPorts, 1);
  assert_true(seen.closed, "closing the frame fired close at the port entangled with it");
}, "window.postMessage and frames work with the built-ins patched");
