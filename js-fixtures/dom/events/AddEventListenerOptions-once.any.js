// Modeled on wpt dom/events/AddEventListenerOptions-once.any.js
"use strict";

test(() => {
  const et = new EventTarget();
  let onceCalls = 0;
  let normalCalls = 0;
  const onceHandler = () => { onceCalls++; };
  const normalHandler = () => { normalCalls++; };
  et.addEventListener("test", onceHandler, { once: true });
  et.addEventListener("test", normalHandler);
  et.dispatchEvent(new Event("test"));
  assert_equals(onceCalls, 1, "once listener runs on the first dispatch");
  assert_equals(normalCalls, 1, "normal listener runs on the first dispatch");
  et.dispatchEvent(new Event("test"));
  assert_equals(onceCalls, 1, "once listener does not run again");
  assert_equals(normalCalls, 2, "normal listener runs again");
  et.removeEventListener("test", normalHandler);
}, "Once listener should be invoked only once");

test(() => {
  const et = new EventTarget();
  let count = 0;
  function nested() {
    count++;
    if (count === 1) et.dispatchEvent(new Event("test"));
  }
  et.addEventListener("test", nested, { once: true });
  et.dispatchEvent(new Event("test"));
  assert_equals(count, 1, "removed before it runs, so a nested dispatch does not reach it");

  count = 0;
  function readding() {
    count++;
    if (count === 1) et.addEventListener("test", readding, { once: true });
    if (count <= 2) et.dispatchEvent(new Event("test"));
  }
  et.addEventListener("test", readding, { once: true });
  et.dispatchEvent(new Event("test"));
  assert_equals(count, 2, "runs once per time it is added");
}, "Once listener should be invoked only once even if the event is nested");

test(() => {
  const et = new EventTarget();
  let count = 0;
  const handler = () => { count++; };
  et.addEventListener("test", handler, { once: true });
  et.addEventListener("test", handler); // duplicate: ignored
  et.dispatchEvent(new Event("test"));
  assert_equals(count, 1);
  count = 0;
  et.dispatchEvent(new Event("test"));
  assert_equals(count, 0, "the single registration was the once one");
  et.addEventListener("test", handler, { once: true });
  et.removeEventListener("test", handler);
  et.dispatchEvent(new Event("test"));
  assert_equals(count, 0, "removeEventListener removes a once listener");
}, "Once listener should be added / removed like normal listeners");

test(() => {
  const et = new EventTarget();
  let count = 0;
  for (let i = 0; i < 4; i++) {
    et.addEventListener("test", (e) => {
      count++;
      e.stopImmediatePropagation();
    }, { once: true });
  }
  for (let i = 0; i < 4; i++) et.dispatchEvent(new Event("test"));
  assert_equals(count, 4);
}, "Multiple once listeners should be invoked even if the stopImmediatePropagation is set");
