// Modeled on wpt dom/events/Event-defaultPrevented-after-dispatch.any.js

test(function () {
  const target = new EventTarget();
  const evt = new Event("foo", { bubbles: true, cancelable: true });
  target.addEventListener("foo", this.step_func((e) => {
    e.preventDefault();
    assert_true(e.defaultPrevented, "during dispatch");
  }), true);
  target.dispatchEvent(evt);
  assert_true(evt.defaultPrevented, "after dispatch");
  assert_equals(evt.target, target);
  assert_equals(evt.srcElement, target);
}, "Default prevention via preventDefault");

test(function () {
  const target = new EventTarget();
  const evt = new Event("foo", { bubbles: true, cancelable: true });
  target.addEventListener("foo", this.step_func((e) => {
    e.returnValue = false;
    assert_true(e.defaultPrevented, "during dispatch");
  }), true);
  target.dispatchEvent(evt);
  assert_true(evt.defaultPrevented, "after dispatch");
  assert_equals(evt.target, target);
  assert_equals(evt.srcElement, target);
}, "Default prevention via returnValue");
