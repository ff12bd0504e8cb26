// JSHost's own checks: WebIDL shape, brand checks, argument checks and conversions of the event
// interfaces.
"use strict";

// assert_throws_js returns nothing (as upstream testharness.js does): this wrapper checks the exception
// with it and hands the exception back for further checks of its message.
function throwsJs(Type, fn, description) {
  let thrown;
  assert_throws_js(Type, () => {
    try {
      fn();
    } catch (e) {
      thrown = e;
      throw e;
    }
  }, description);
  return thrown;
}

function checkMembers(proto, names) {
  for (const name of names) {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    assert_true(d !== undefined, `${name} exists`);
    assert_true(d.enumerable, `${name} is enumerable`);
    assert_true(d.configurable, `${name} is configurable`);
    if ("value" in d) assert_true(d.writable, `${name} is writable`);
  }
}

test(() => {
  checkMembers(EventTarget.prototype, ["addEventListener", "removeEventListener", "dispatchEvent"]);
  checkMembers(Event.prototype, ["type", "target", "srcElement", "currentTarget", "composedPath",
    "eventPhase", "stopPropagation", "cancelBubble", "stopImmediatePropagation", "bubbles",
    "cancelable", "returnValue", "preventDefault", "defaultPrevented", "composed", "timeStamp",
    "initEvent"]);
  checkMembers(CustomEvent.prototype, ["detail", "initCustomEvent"]);
  checkMembers(ErrorEvent.prototype, ["message", "filename", "lineno", "colno", "error"]);
  checkMembers(PromiseRejectionEvent.prototype, ["promise", "reason"]);
}, "operations and attributes are enumerable, configurable prototype members");

test(() => {
  assert_equals(EventTarget.length, 0);
  assert_equals(Event.length, 1);
  assert_equals(CustomEvent.length, 1);
  assert_equals(ErrorEvent.length, 1);
  assert_equals(PromiseRejectionEvent.length, 2);
  assert_equals(EventTarget.prototype.addEventListener.length, 2);
  assert_equals(EventTarget.prototype.removeEventListener.length, 2);
  assert_equals(EventTarget.prototype.dispatchEvent.length, 1);
  assert_equals(Event.prototype.initEvent.length, 1);
  assert_equals(Event.prototype.composedPath.length, 0);
  assert_equals(Event.prototype.preventDefault.length, 0);
  assert_equals(Object.getOwnPropertyDescriptor(Event.prototype, "type").get.name, "get type");
}, "constructor and method lengths follow the IDL");

test(() => {
  for (const [ctor, name] of [[EventTarget, "EventTarget"], [Event, "Event"], [CustomEvent, "CustomEvent"],
    [ErrorEvent, "ErrorEvent"], [PromiseRejectionEvent, "PromiseRejectionEvent"]]) {
    const tag = Object.getOwnPropertyDescriptor(ctor.prototype, Symbol.toStringTag);
    assert_equals(tag.value, name);
    assert_false(tag.writable);
    assert_false(tag.enumerable);
    assert_true(tag.configurable);
    const g = Object.getOwnPropertyDescriptor(globalThis, name);
    assert_equals(g.value, ctor);
    assert_true(g.writable);
    assert_false(g.enumerable);
    assert_true(g.configurable);
  }
  assert_class_string(new EventTarget(), "EventTarget");
  assert_class_string(new Event("x"), "Event");
  assert_equals(Object.getPrototypeOf(ErrorEvent), Event);
  assert_equals(Object.getPrototypeOf(EventTarget), Function.prototype);
}, "interfaces have @@toStringTag and are installed as WebIDL globals");

test(() => {
  const et = new EventTarget();
  const notTarget = {};
  for (const method of ["addEventListener", "removeEventListener", "dispatchEvent"]) {
    const e = throwsJs(TypeError, () => EventTarget.prototype[method].call(notTarget, "x", null));
    assert_true(e.message.includes(method), `message names the operation: ${e.message}`);
    assert_throws_js(TypeError, () => EventTarget.prototype[method].call(Object.create(EventTarget.prototype), "x", null));
    assert_throws_js(TypeError, () => EventTarget.prototype[method].call(1, "x", null));
  }
  const ev = new Event("x");
  for (const name of ["type", "target", "currentTarget", "eventPhase", "bubbles", "cancelable",
    "defaultPrevented", "composed", "timeStamp", "returnValue", "cancelBubble", "srcElement"]) {
    const getter = Object.getOwnPropertyDescriptor(Event.prototype, name).get;
    assert_throws_js(TypeError, () => getter.call(et), `${name} getter brand check`);
    assert_throws_js(TypeError, () => getter.call(undefined), `${name} getter with undefined this`);
  }
  for (const name of ["preventDefault", "stopPropagation", "stopImmediatePropagation", "composedPath"]) {
    assert_throws_js(TypeError, () => Event.prototype[name].call({}), `${name} brand check`);
  }
  assert_throws_js(TypeError, () => Object.getOwnPropertyDescriptor(CustomEvent.prototype, "detail").get.call(ev));
  assert_throws_js(TypeError, () => Object.getOwnPropertyDescriptor(ErrorEvent.prototype, "message").get.call(ev));
}, "brand checks");

test(() => {
  const et = new EventTarget();
  let e = throwsJs(TypeError, () => et.addEventListener("x"));
  assert_equals(e.message, "Failed to execute 'addEventListener' on 'EventTarget': 2 arguments required, but only 1 present.");
  e = throwsJs(TypeError, () => et.removeEventListener());
  assert_equals(e.message, "Failed to execute 'removeEventListener' on 'EventTarget': 2 arguments required, but only 0 present.");
  e = throwsJs(TypeError, () => et.dispatchEvent());
  assert_equals(e.message, "Failed to execute 'dispatchEvent' on 'EventTarget': 1 argument required, but only 0 present.");
  e = throwsJs(TypeError, () => et.dispatchEvent({ type: "x" }));
  assert_equals(e.message, "Failed to execute 'dispatchEvent' on 'EventTarget': parameter 1 is not of type 'Event'.");
  e = throwsJs(TypeError, () => new Event());
  assert_equals(e.message, "Failed to construct 'Event': 1 argument required, but only 0 present.");
  assert_throws_js(TypeError, () => new PromiseRejectionEvent("x"));
  assert_throws_js(TypeError, () => new PromiseRejectionEvent("x", {}), "promise is required");
  assert_throws_js(TypeError, () => new PromiseRejectionEvent("x", { promise: 1 }), "promise must be an object");
}, "missing arguments throw TypeErrors that say what was wrong");

test(() => {
  const et = new EventTarget();
  assert_throws_js(TypeError, () => et.addEventListener(Symbol("x"), () => {}), "Symbol type");
  assert_throws_js(TypeError, () => et.addEventListener("x", 5), "non-object callback");
  assert_throws_js(TypeError, () => et.addEventListener("x", "str"), "string callback");
  assert_throws_js(TypeError, () => et.addEventListener("x", () => {}, { signal: {} }), "signal must be an AbortSignal");
  let calls = 0;
  const listener = () => { calls++; };
  et.addEventListener(1, listener);
  et.dispatchEvent(new Event("1"));
  assert_equals(calls, 1, "type is converted with ToString");
  const read = [];
  const options = {};
  for (const name of ["signal", "passive", "once", "capture", "other"]) {
    Object.defineProperty(options, name, { get() { read.push(name); return undefined; } });
  }
  et.addEventListener("y", listener, options);
  assert_array_equals(read, ["capture", "once", "passive", "signal"], "dictionary members in order");
  read.length = 0;
  et.removeEventListener("y", listener, options);
  assert_array_equals(read, ["capture"], "removeEventListener reads only capture");
}, "WebIDL conversions of addEventListener arguments");

test(() => {
  const et = new EventTarget();
  const order = [];
  const a = () => order.push("a");
  et.addEventListener("x", a, true);
  et.addEventListener("x", a, { capture: true });
  et.addEventListener("x", a, false);
  et.dispatchEvent(new Event("x"));
  assert_array_equals(order, ["a", "a"], "same callback with and without capture are distinct");
  order.length = 0;
  et.removeEventListener("x", a, true);
  et.dispatchEvent(new Event("x"));
  assert_array_equals(order, ["a"]);
  order.length = 0;
  et.addEventListener("x", () => {
    order.push("first");
    et.addEventListener("x", () => order.push("added during dispatch"));
  });
  et.dispatchEvent(new Event("x"));
  assert_array_equals(order, ["a", "first"]);
}, "duplicates are ignored; listeners added during dispatch wait for the next one");

test(() => {
  const et = new EventTarget();
  const order = [];
  et.addEventListener("x", (e) => {
    order.push("capture");
    et.addEventListener("x", () => order.push("bubble added during capture"));
  }, true);
  et.dispatchEvent(new Event("x"));
  assert_array_equals(order, ["capture", "bubble added during capture"], "the non-capture pass takes a fresh list");
  const ev = new Event("y");
  let phase, current, path;
  et.addEventListener("y", (e) => { phase = e.eventPhase; current = e.currentTarget; path = e.composedPath(); });
  et.dispatchEvent(ev);
  assert_equals(phase, Event.AT_TARGET);
  assert_equals(current, et);
  assert_array_equals(path, [et]);
  assert_equals(ev.eventPhase, Event.NONE);
  assert_equals(ev.currentTarget, null);
  assert_array_equals(ev.composedPath(), []);
  assert_equals(ev.target, et, "target stays after dispatch");
}, "dispatch at a parentless target: phases, currentTarget and composedPath");

test(() => {
  const ev = new ErrorEvent("error", { message: "m", filename: "f\uD800", lineno: 2 ** 32 + 3, colno: -1, error: 7 });
  assert_equals(ev.message, "m");
  assert_equals(ev.filename, "f\uFFFD", "USVString");
  assert_equals(ev.lineno, 3, "unsigned long wraps");
  assert_equals(ev.colno, 4294967295);
  assert_equals(ev.error, 7);
  const empty = new ErrorEvent("e");
  assert_equals(empty.message, "");
  assert_equals(empty.filename, "");
  assert_equals(empty.lineno, 0);
  assert_equals(empty.colno, 0);
  assert_equals(empty.error, undefined);
  const read = [];
  const dict = {};
  for (const n of ["message", "lineno", "filename", "error", "colno", "composed", "cancelable", "bubbles"]) {
    Object.defineProperty(dict, n, { get() { read.push(n); return undefined; } });
  }
  new ErrorEvent("e", dict);
  assert_array_equals(read, ["bubbles", "cancelable", "composed", "colno", "error", "filename", "lineno", "message"]);
  const p = Promise.resolve();
  const pre = new PromiseRejectionEvent("unhandledrejection", { promise: p, reason: 1, cancelable: true });
  assert_equals(pre.promise, p);
  assert_equals(pre.reason, 1);
  assert_true(pre.cancelable);
}, "ErrorEvent and PromiseRejectionEvent dictionaries");
