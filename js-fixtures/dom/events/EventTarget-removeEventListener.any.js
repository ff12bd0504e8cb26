// Modeled on wpt dom/events/EventTarget-removeEventListener.any.js

test(() => {
  assert_equals(globalThis.removeEventListener("x", null, false), undefined);
  assert_equals(globalThis.removeEventListener("x", null, true), undefined);
  assert_equals(globalThis.removeEventListener("x", null), undefined);
}, "removing a null event listener should succeed");
