// Modeled on wpt dom/events/Event-type-empty.any.js

async_test(function () {
  const e = new Event("");
  assert_equals(e.type, "");
  assert_equals(e.bubbles, false);
  assert_equals(e.cancelable, false);
  const target = new EventTarget();
  let handled = false;
  target.addEventListener("", this.step_func(() => { handled = true; }));
  assert_true(target.dispatchEvent(e));
  assert_true(handled);
  this.done();
}, "Constructor");
