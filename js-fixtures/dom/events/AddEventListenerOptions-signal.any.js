// Modeled on wpt dom/events/AddEventListenerOptions-signal.any.js
"use strict";

test(() => {
  let count = 0;
  const handler = () => { count++; };
  const et = new EventTarget();
  const controller = new AbortController();
  et.addEventListener("test", handler, { signal: controller.signal });
  et.dispatchEvent(new Event("test"));
  assert_equals(count, 1, "the listener is added");
  et.dispatchEvent(new Event("test"));
  assert_equals(count, 2, "not a once listener");
  controller.abort();
  et.dispatchEvent(new Event("test"));
  assert_equals(count, 2, "abort removes the listener");
  et.addEventListener("test", handler, { signal: controller.signal });
  et.dispatchEvent(new Event("test"));
  assert_equals(count, 2, "an aborted signal never adds the listener");
}, "Passing an AbortSignal to addEventListener options should allow removing a listener");

test(() => {
  let count = 0;
  const handler = () => { count++; };
  const et = new EventTarget();
  const controller = new AbortController();
  et.addEventListener("test", handler, { signal: controller.signal });
  et.removeEventListener("test", handler);
  et.dispatchEvent(new Event("test"));
  assert_equals(count, 0);
}, "Passing an AbortSignal to addEventListener does not prevent removeEventListener");

test(() => {
  let count = 0;
  const handler = () => { count++; };
  const et = new EventTarget();
  const controller = new AbortController();
  et.addEventListener("test", handler, { signal: controller.signal, once: true });
  controller.abort();
  et.dispatchEvent(new Event("test"));
  assert_equals(count, 0);
}, "Passing an AbortSignal to addEventListener works with the once flag");

test(() => {
  let count = 0;
  const handler = () => { count++; };
  const et = new EventTarget();
  const controller = new AbortController();
  et.addEventListener("test", handler, { signal: controller.signal, once: true });
  et.removeEventListener("test", handler);
  et.dispatchEvent(new Event("test"));
  assert_equals(count, 0);
}, "Removing a once listener works with a passed signal");

test(() => {
  let count = 0;
  const handler = () => { count++; };
  const et = new EventTarget();
  const controller = new AbortController();
  et.addEventListener("first", handler, { signal: controller.signal, once: true });
  et.addEventListener("second", handler, { signal: controller.signal, once: true });
  controller.abort();
  et.dispatchEvent(new Event("first"));
  et.dispatchEvent(new Event("second"));
  assert_equals(count, 0);
}, "Passing an AbortSignal to multiple listeners");

test(() => {
  let count = 0;
  const handler = () => { count++; };
  const et = new EventTarget();
  const controller = new AbortController();
  et.addEventListener("test", handler, { signal: controller.signal, capture: true });
  controller.abort();
  et.dispatchEvent(new Event("test"));
  assert_equals(count, 0);
}, "Passing an AbortSignal to addEventListener works with the capture flag");

test(() => {
  let count = 0;
  const handler = () => { count++; };
  const et = new EventTarget();
  const controller = new AbortController();
  et.addEventListener("test", () => { controller.abort(); }, { signal: controller.signal });
  et.addEventListener("test", handler, { signal: controller.signal });
  et.dispatchEvent(new Event("test"));
  assert_equals(count, 0);
}, "Aborting from a listener does not call future listeners");

test(() => {
  let count = 0;
  const handler = () => { count++; };
  const et = new EventTarget();
  const controller = new AbortController();
  et.addEventListener("test", () => {
    et.addEventListener("test", handler, { signal: controller.signal });
    controller.abort();
  }, { signal: controller.signal });
  et.dispatchEvent(new Event("test"));
  assert_equals(count, 0);
}, "Adding then aborting a listener in another listener does not call it");

test(() => {
  const et = new EventTarget();
  const controller = new AbortController();
  let count = 0;
  et.addEventListener("foo", () => {
    et.addEventListener("foo", () => {
      count++;
      if (count > 5) controller.abort();
      et.dispatchEvent(new Event("foo"));
    }, { signal: controller.signal });
    et.dispatchEvent(new Event("foo"));
  }, { once: true });
  et.dispatchEvent(new Event("foo"));
  assert_equals(count, 6, "the nested listener stops once aborted");
}, "Aborting from a nested listener should remove it");

test(() => {
  const et = new EventTarget();
  assert_throws_js(TypeError, () => { et.addEventListener("foo", () => {}, { signal: null }); });
}, "Passing null as the signal should throw");

test(() => {
  const et = new EventTarget();
  assert_throws_js(TypeError, () => { et.addEventListener("foo", null, { signal: null }); });
}, "Passing null as the signal should throw (listener is also null)");
