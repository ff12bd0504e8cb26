// Modeled on wpt dom/events/Event-stopImmediatePropagation.any.js (a single_test there).
"use strict";

test(() => {
  const target = new EventTarget();
  let calls = 0;
  target.addEventListener("test", (e) => {
    ++calls;
    e.stopImmediatePropagation();
    assert_equals(e.cancelBubble, true, "stop propagation flag set too");
  });
  target.addEventListener("test", () => { ++calls; });
  target.dispatchEvent(new Event("test"));
  assert_equals(calls, 1, "the second listener is not called");
}, "Event's stopImmediatePropagation");

test(() => {
  const target = new EventTarget();
  const order = [];
  target.addEventListener("test", (e) => { order.push("capture"); e.stopImmediatePropagation(); }, true);
  target.addEventListener("test", () => { order.push("bubble"); });
  target.dispatchEvent(new Event("test"));
  assert_array_equals(order, ["capture"], "stops the non-capture listeners after a capture one");
}, "stopImmediatePropagation() in a capture listener stops the non-capture ones");
