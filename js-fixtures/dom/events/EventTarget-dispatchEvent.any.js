// Modeled on wpt dom/events/EventTarget-dispatchEvent.any.js

setup({ allow_uncaught_exception: true });

test(() => {
  assert_throws_js(TypeError, () => { dispatchEvent(null); });
}, "Calling dispatchEvent(null).");

const reentrant = async_test("If the event's dispatch flag is set, an InvalidStateError must be thrown.");
reentrant.step(() => {
  const e = new Event("type", { bubbles: false, cancelable: false });
  const target = new EventTarget();
  target.addEventListener("type", reentrant.step_func(() => {
    assert_throws_dom("InvalidStateError", () => { target.dispatchEvent(e); });
    assert_throws_dom("InvalidStateError", () => { dispatchEvent(e); });
  }), false);
  assert_equals(target.dispatchEvent(e), true);
  reentrant.done();
});

test(() => {
  const e = new Event("type", { bubbles: false, cancelable: false });
  const called = [];
  const target = new EventTarget();
  const onError = (ev) => { ev.preventDefault(); };
  globalThis.addEventListener("error", onError);
  target.addEventListener("type", () => {
    called.push("First");
    throw new Error();
  }, false);
  target.addEventListener("type", () => { called.push("Second"); }, false);
  try {
    assert_equals(target.dispatchEvent(e), true);
  } finally {
    globalThis.removeEventListener("error", onError);
  }
  assert_array_equals(called, ["First", "Second"]);
}, "Exceptions from event listeners must not be propagated.");

async_test(function () {
  const results = [];
  const target = new EventTarget();
  target.addEventListener("x", this.step_func(() => { results.push(1); }), true);
  target.addEventListener("x", this.step_func(() => { results.push(2); }), false);
  target.addEventListener("x", this.step_func(() => { results.push(3); }), true);
  target.dispatchEvent(new Event("x"));
  assert_array_equals(results, [1, 3, 2]);
  this.done();
}, "Capturing event listeners should be called before non-capturing ones");
