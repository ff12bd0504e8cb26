// Modeled on wpt dom/abort/event.any.js

test((t) => {
  const c = new AbortController();
  const s = c.signal;
  let state = "begin";
  assert_false(s.aborted);
  s.addEventListener("abort", t.step_func(() => {
    assert_equals(state, "begin");
    state = "aborted";
  }));
  c.abort();
  assert_equals(state, "aborted");
  assert_true(s.aborted);
  c.abort();
}, "AbortController abort() should fire event synchronously");

test(() => {
  const controller = new AbortController();
  const signal = controller.signal;
  assert_equals(controller.signal, signal);
  controller.abort();
  assert_equals(controller.signal, signal);
}, "controller.signal should always return the same object");

test(() => {
  const controller = new AbortController();
  const signal = controller.signal;
  let count = 0;
  signal.onabort = () => { ++count; };
  controller.abort();
  assert_true(signal.aborted);
  assert_equals(count, 1);
  controller.abort();
  assert_true(signal.aborted);
  assert_equals(count, 1, "not fired again");
}, "controller.abort() should do nothing the second time it is called");

test((t) => {
  const controller = new AbortController();
  controller.abort();
  controller.signal.onabort = t.unreached_func("event handler should not be called");
}, "event handler should not be called if added after controller.abort()");

test((t) => {
  const controller = new AbortController();
  const signal = controller.signal;
  let fired = false;
  signal.onabort = t.step_func((e) => {
    fired = true;
    assert_equals(e.type, "abort");
    assert_equals(e.target, signal);
    assert_false(e.bubbles);
    assert_true(e.isTrusted);
  });
  controller.abort();
  assert_true(fired);
}, "the abort event should have the right properties");

test(() => {
  const signal = AbortSignal.abort();
  assert_true(signal.aborted);
}, "the AbortSignal.abort() static returns an already aborted signal");

test(() => {
  const signalGetter = Object.getOwnPropertyDescriptor(AbortController.prototype, "signal").get;
  const abort = AbortController.prototype.abort;
  for (const bad of [null, undefined, 0, NaN, true, "AbortController", Object.create(AbortController.prototype)]) {
    assert_throws_js(TypeError, signalGetter.bind(bad), "controller.signal should throw");
    assert_throws_js(TypeError, abort.bind(bad), "controller.abort() should throw");
  }
}, "AbortController should perform brand checks");

test(() => {
  const abortedGetter = Object.getOwnPropertyDescriptor(AbortSignal.prototype, "aborted").get;
  for (const bad of [null, undefined, 0, NaN, true, "AbortSignal", Object.create(AbortSignal.prototype)]) {
    assert_throws_js(TypeError, abortedGetter.bind(bad), "signal.aborted should throw");
  }
}, "AbortSignal should perform brand checks");
