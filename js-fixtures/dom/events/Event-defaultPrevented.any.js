// Modeled on wpt dom/events/Event-defaultPrevented.any.js

let ev;

test(() => {
  ev = new Event("foo", { bubbles: true, cancelable: false });
  assert_equals(ev.defaultPrevented, false);
}, "When an event is created, defaultPrevented should be initialized to false.");

test(() => {
  assert_equals(ev.cancelable, false);
  ev.preventDefault();
  assert_equals(ev.cancelable, false);
  assert_equals(ev.defaultPrevented, false);
}, "preventDefault() should not change defaultPrevented if cancelable is false.");

test(() => {
  assert_equals(ev.cancelable, false);
  ev.returnValue = false;
  assert_equals(ev.cancelable, false);
  assert_equals(ev.defaultPrevented, false);
}, "returnValue should not change defaultPrevented if cancelable is false.");

test(() => {
  ev = new Event("foo", { bubbles: true, cancelable: true });
  assert_equals(ev.cancelable, true);
  ev.preventDefault();
  assert_equals(ev.cancelable, true);
  assert_equals(ev.defaultPrevented, true);
}, "preventDefault() should change defaultPrevented if cancelable is true.");

test(() => {
  assert_equals(ev.cancelable, true);
  ev.returnValue = false;
  assert_equals(ev.cancelable, true);
  assert_equals(ev.defaultPrevented, true);
}, "returnValue should change defaultPrevented if cancelable is true.");

test(() => {
  ev.initEvent("foo", true, true);
  assert_equals(ev.bubbles, true);
  assert_equals(ev.cancelable, true);
  assert_equals(ev.defaultPrevented, false);
}, "initEvent should unset defaultPrevented.");
