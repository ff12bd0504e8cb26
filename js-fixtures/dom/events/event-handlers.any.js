// JSHost's own checks of event handler attributes (HTML §8.1.8), through AbortSignal's onabort.
"use strict";

test(() => {
  const c = new AbortController();
  const s = c.signal;
  const order = [];
  s.addEventListener("abort", () => order.push("A"));
  s.onabort = () => order.push("first handler");
  s.addEventListener("abort", () => order.push("B"));
  s.onabort = () => order.push("second handler"); // keeps the position of the first set
  c.abort();
  assert_array_equals(order, ["A", "second handler", "B"]);
}, "an event handler runs in the position where it was first set");

test(() => {
  const c = new AbortController();
  const s = c.signal;
  const order = [];
  s.onabort = () => order.push("handler");
  s.addEventListener("abort", () => order.push("A"));
  s.onabort = null; // removes it
  assert_equals(s.onabort, null);
  s.onabort = () => order.push("handler again"); // now at the end
  c.abort();
  assert_array_equals(order, ["A", "handler again"]);
}, "setting null removes the handler; setting it again adds it at the end");

test(() => {
  const s = new AbortController().signal;
  const f = () => {};
  s.onabort = f;
  assert_equals(s.onabort, f);
  s.onabort = {};
  assert_equals(s.onabort, null, "a non-callable object is stored as null");
  s.onabort = f;
  s.onabort = 1;
  assert_equals(s.onabort, null, "a primitive is stored as null");
  s.onabort = f;
  s.onabort = undefined;
  assert_equals(s.onabort, null);
}, "event handler values are converted like [LegacyTreatNonObjectAsNull] callbacks");

test(() => {
  const c = new AbortController();
  let seenThis;
  let seenEvent;
  c.signal.onabort = function (e) { seenThis = this; seenEvent = e; };
  c.abort();
  assert_equals(seenThis, c.signal);
  assert_equals(seenEvent.type, "abort");
}, "an event handler is called with this = the target and the event");

// The global's onerror is checked in global-event-target.any.js: an `error` event dispatched at the
// global also reaches the harness's own error listener, which (as upstream testharness.js does) takes
// it for an uncaught error and ends the file with status ERROR unless
// setup({ allow_uncaught_exception: true }).
test(() => {
  const s = new AbortController().signal;
  const ev = new Event("abort", { cancelable: true });
  s.onabort = () => false;
  assert_true(s.dispatchEvent(ev) === false, "dispatchEvent reports the cancellation");
  assert_true(ev.defaultPrevented, "returning false cancels the event");
  assert_false(s.aborted, "a synthetic abort event does not abort the signal");
  const ev2 = new Event("abort", { cancelable: true });
  s.onabort = () => 0;
  s.dispatchEvent(ev2);
  assert_false(ev2.defaultPrevented, "only exactly false cancels");
  const ev3 = new Event("abort", { cancelable: true });
  s.onabort = () => true;
  s.dispatchEvent(ev3);
  assert_false(ev3.defaultPrevented, "true does not cancel (only onerror at the global is special)");
  const ev4 = new Event("abort");
  s.onabort = () => false;
  s.dispatchEvent(ev4);
  s.onabort = null;
  assert_false(ev4.defaultPrevented, "a non-cancelable event is not cancelled");
}, "an event handler returning false cancels the event");

test(() => {
  const d = Object.getOwnPropertyDescriptor(AbortSignal.prototype, "onabort");
  assert_equals(d.get.name, "get onabort");
  assert_equals(d.set.name, "set onabort");
  assert_true(d.enumerable);
  assert_true(d.configurable);
  assert_throws_js(TypeError, () => d.set.call({}, null), "setter brand check");
}, "event handler attributes are WebIDL attributes");
