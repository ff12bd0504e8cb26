// Modeled on wpt dom/events/Event-initEvent.any.js

for (const bubbles of [true, false]) {
  for (const cancelable of [true, false]) {
    test(() => {
      const e = new Event("");
      e.initEvent("type", bubbles, cancelable);
      assert_equals(e.defaultPrevented, false, "defaultPrevented");
      assert_equals(e.returnValue, true, "returnValue");
      assert_equals(e.isTrusted, false, "isTrusted");
      assert_equals(e.target, null, "target");
      assert_equals(e.srcElement, null, "srcElement");
      assert_equals(e.type, "type", "type");
      assert_equals(e.bubbles, bubbles, "bubbles");
      assert_equals(e.cancelable, cancelable, "cancelable");
    }, `Properties of initEvent(type, ${bubbles}, ${cancelable})`);
  }
}

test(() => {
  const e = new Event("");
  e.initEvent("type 1", true, false);
  assert_equals(e.type, "type 1");
  assert_equals(e.bubbles, true);
  assert_equals(e.cancelable, false);
  e.initEvent("type 2", false, true);
  assert_equals(e.type, "type 2");
  assert_equals(e.bubbles, false);
  assert_equals(e.cancelable, true);
}, "Calling initEvent multiple times (getting type).");

test(() => {
  const e = new Event("");
  e.initEvent("type 1", true, false);
  assert_equals(e.bubbles, true);
  assert_equals(e.cancelable, false);
  e.initEvent("type 2", false, true);
  assert_equals(e.type, "type 2");
  assert_equals(e.bubbles, false);
  assert_equals(e.cancelable, true);
}, "Calling initEvent multiple times (not getting type).");

async_test(function () {
  const e = new Event("");
  e.initEvent("type", false, false);
  const target = new EventTarget();
  target.addEventListener("type", this.step_func(() => {
    e.initEvent("fail", true, true);
    assert_equals(e.type, "type");
    assert_equals(e.bubbles, false);
    assert_equals(e.cancelable, false);
  }), false);
  assert_equals(target.dispatchEvent(e), true);
  this.done();
}, "Calling initEvent must not have an effect during dispatching.");

test(() => {
  const e = new Event("");
  e.stopPropagation();
  e.initEvent("type", false, false);
  const target = new EventTarget();
  let called = false;
  target.addEventListener("type", () => { called = true; }, false);
  assert_false(e.cancelBubble);
  assert_true(target.dispatchEvent(e));
  assert_true(called);
}, "Calling initEvent must unset the stop propagation flag.");

test(() => {
  const e = new Event("");
  e.stopImmediatePropagation();
  e.initEvent("type", false, false);
  const target = new EventTarget();
  let called = false;
  target.addEventListener("type", () => { called = true; }, false);
  assert_true(target.dispatchEvent(e));
  assert_true(called);
}, "Calling initEvent must unset the stop immediate propagation flag.");

async_test(function () {
  const e = new Event("");
  e.initEvent("type", false, false);
  const target = new EventTarget();
  target.addEventListener("type", this.step_func(() => {
    e.initEvent("type2", true, true);
    assert_equals(e.type, "type");
    assert_false(e.bubbles);
    assert_false(e.cancelable);
  }), false);
  assert_equals(target.dispatchEvent(e), true);
  this.done();
}, "Calling initEvent during propagation.");

test(() => {
  const e = new Event("");
  assert_throws_js(TypeError, () => { e.initEvent(); });
}, "First parameter to initEvent should be mandatory.");

test(() => {
  const e = new Event("");
  e.initEvent("type");
  assert_equals(e.type, "type");
  assert_false(e.bubbles);
  assert_false(e.cancelable);
}, "Tests initEvent's default parameter values.");
