// Modeled on wpt dom/events/Event-cancelBubble.any.js

test(() => {
  const e = new Event("foo");
  assert_false(e.cancelBubble);
}, "cancelBubble must be false when an event is initially created.");

test(() => {
  const bubbling = new Event("foo", { bubbles: true, cancelable: false });
  bubbling.cancelBubble = true;
  bubbling.initEvent("foo", true, false);
  assert_false(bubbling.cancelBubble, "reset by initEvent (bubbles=true)");
  const nonBubbling = new Event("foo", { bubbles: false, cancelable: false });
  nonBubbling.cancelBubble = true;
  nonBubbling.initEvent("foo", false, false);
  assert_false(nonBubbling.cancelBubble, "reset by initEvent (bubbles=false)");
}, "Initializing an event must set cancelBubble to false.");

test(() => {
  const e = new Event("foo");
  e.stopPropagation();
  assert_true(e.cancelBubble);
}, "stopPropagation() must set cancelBubble to true.");

test(() => {
  const e = new Event("foo");
  e.stopImmediatePropagation();
  assert_true(e.cancelBubble);
}, "stopImmediatePropagation() must set cancelBubble to true.");

test(() => {
  const e = new Event("foo");
  e.stopPropagation();
  e.cancelBubble = false;
  assert_true(e.cancelBubble, "setting false is a no-op");
}, "Event.cancelBubble=false must have no effect.");

test(() => {
  const e = new Event("foobar", { bubbles: true, cancelable: true });
  const listener = (ev) => { ev.stopPropagation(); };
  addEventListener("foobar", listener);
  dispatchEvent(e);
  removeEventListener("foobar", listener);
  assert_false(e.cancelBubble, "dispatch unsets the stop propagation flag at the end");
}, "cancelBubble must be false after an event has been dispatched.");
