// Modeled on wpt dom/events/CustomEvent.any.js

test(function () {
  const target = new EventTarget();
  let called = false;
  target.addEventListener("foo", this.step_func((e) => {
    called = true;
    assert_equals(e.type, "foo");
  }), true);
  target.dispatchEvent(new CustomEvent("foo", { bubbles: true, cancelable: true }));
  assert_true(called);
}, "CustomEvent dispatching.");

test(() => {
  const e = new CustomEvent("foo");
  assert_throws_js(TypeError, () => { e.initCustomEvent(); });
}, "First parameter to initCustomEvent should be mandatory.");

test(() => {
  const e = new CustomEvent("foo");
  assert_equals(e.type, "foo", "type");
  assert_false(e.bubbles, "bubbles");
  assert_false(e.cancelable, "cancelable");
  assert_equals(e.detail, null, "detail");
}, "CustomEvent's default option values.");

test(() => {
  const e = new CustomEvent("foo", { detail: undefined });
  assert_equals(e.detail, null, "undefined detail takes the default");
  const o = {};
  e.initCustomEvent("bar", true, true, o);
  assert_equals(e.type, "bar");
  assert_true(e.bubbles);
  assert_true(e.cancelable);
  assert_equals(e.detail, o);
  e.initCustomEvent("baz");
  assert_equals(e.detail, null, "initCustomEvent's detail defaults to null");
  assert_equals(CustomEvent.length, 1);
  assert_equals(CustomEvent.prototype.initCustomEvent.length, 1);
  assert_equals(Object.getPrototypeOf(CustomEvent.prototype), Event.prototype);
  assert_equals(Object.getPrototypeOf(CustomEvent), Event);
}, "CustomEvent detail and initCustomEvent");
