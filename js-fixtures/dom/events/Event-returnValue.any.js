// Modeled on wpt dom/events/Event-returnValue.any.js

test(() => {
  const ev = new Event("foo");
  assert_true(ev.returnValue);
}, "When an event is created, returnValue should be initialized to true.");

test(() => {
  const ev = new Event("foo", { cancelable: false });
  assert_false(ev.cancelable);
  ev.preventDefault();
  assert_false(ev.cancelable);
  assert_true(ev.returnValue);
}, "preventDefault() should not change returnValue if cancelable is false.");

test(() => {
  const ev = new Event("foo", { cancelable: false });
  assert_false(ev.cancelable);
  ev.returnValue = false;
  assert_false(ev.cancelable);
  assert_true(ev.returnValue);
}, "returnValue=false should have no effect if cancelable is false.");

test(() => {
  const ev = new Event("foo", { cancelable: true });
  assert_true(ev.cancelable);
  ev.preventDefault();
  assert_true(ev.cancelable);
  assert_false(ev.returnValue);
}, "preventDefault() should change returnValue if cancelable is true.");

test(() => {
  const ev = new Event("foo", { cancelable: true });
  assert_true(ev.cancelable);
  ev.returnValue = false;
  assert_true(ev.cancelable);
  assert_false(ev.returnValue);
}, "returnValue should change returnValue if cancelable is true.");

test(() => {
  const ev = new Event("foo");
  ev.returnValue = false;
  ev.initEvent("foo", true, true);
  assert_true(ev.bubbles);
  assert_true(ev.cancelable);
  assert_true(ev.returnValue);
}, "initEvent should unset returnValue.");

test(() => {
  const ev = new Event("foo", { cancelable: true });
  ev.preventDefault();
  ev.returnValue = true;
  assert_true(ev.defaultPrevented);
  assert_false(ev.returnValue);
}, "returnValue=true should have no effect once the canceled flag was set.");
