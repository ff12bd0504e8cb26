// Modeled on wpt dom/events/EventTarget-addEventListener.any.js

test(() => {
  const et = new EventTarget();
  assert_equals(et.addEventListener("x", null, false), undefined);
  assert_equals(et.addEventListener("x", null, true), undefined);
  assert_equals(et.addEventListener("x", null), undefined);
  assert_equals(et.addEventListener("x", undefined), undefined);
}, "Adding a null event listener should succeed");
