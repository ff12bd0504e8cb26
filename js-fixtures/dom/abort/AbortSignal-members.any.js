// JSHost's own checks of AbortController / AbortSignal members.

test(() => {
  assert_throws_js(TypeError, () => new AbortSignal());
  assert_throws_js(TypeError, () => AbortSignal());
  class Sub extends AbortSignal {}
  assert_throws_js(TypeError, () => new Sub());
}, "AbortSignal is not constructible");

test(() => {
  const controller = new AbortController();
  controller.abort();
  const reason = controller.signal.reason;
  assert_true(reason instanceof DOMException);
  assert_equals(reason.name, "AbortError");
  assert_equals(reason.code, DOMException.ABORT_ERR);
  const r2 = AbortSignal.abort().reason;
  assert_equals(r2.name, "AbortError");
  assert_not_equals(r2, AbortSignal.abort().reason, "a new reason every time");
}, "default abort reason is a new AbortError DOMException");

test(() => {
  const controller = new AbortController();
  const reason = { custom: true };
  controller.abort(reason);
  assert_equals(controller.signal.reason, reason);
  assert_equals(AbortSignal.abort(reason).reason, reason);
  controller.abort("other");
  assert_equals(controller.signal.reason, reason, "the first reason stays");
  const c2 = new AbortController();
  c2.abort(undefined);
  assert_equals(c2.signal.reason.name, "AbortError", "undefined means the default reason");
  const c3 = new AbortController();
  c3.abort(null);
  assert_equals(c3.signal.reason, null, "null is a reason");
}, "abort(reason) sets the reason");

test(() => {
  const controller = new AbortController();
  controller.signal.throwIfAborted();
  const reason = new Error("why");
  controller.abort(reason);
  assert_throws_exactly(reason, () => controller.signal.throwIfAborted());
  assert_throws_dom("AbortError", () => AbortSignal.abort().throwIfAborted());
}, "throwIfAborted()");

test(() => {
  assert_throws_js(TypeError, () => AbortSignal.timeout(), "missing argument");
  assert_throws_js(TypeError, () => AbortSignal.timeout(-1), "negative");
  assert_throws_js(TypeError, () => AbortSignal.timeout(NaN), "NaN");
  assert_throws_js(TypeError, () => AbortSignal.timeout(Infinity), "Infinity");
  assert_throws_js(TypeError, () => AbortSignal.timeout(2 ** 53), "too big");
  assert_throws_js(TypeError, () => AbortSignal.timeout(Symbol()), "symbol");
}, "AbortSignal.timeout() validates its argument ([EnforceRange] unsigned long long)");

test(() => {
  for (const [obj, members] of [
    [AbortController.prototype, ["signal", "abort"]],
    [AbortSignal.prototype, ["aborted", "reason", "throwIfAborted", "onabort"]],
    [AbortSignal, ["abort", "timeout", "any"]],
  ]) {
    for (const m of members) {
      const d = Object.getOwnPropertyDescriptor(obj, m);
      assert_true(d !== undefined, m);
      assert_true(d.enumerable, `${m} enumerable`);
      assert_true(d.configurable, `${m} configurable`);
    }
  }
  assert_equals(AbortController.length, 0);
  assert_equals(AbortController.prototype.abort.length, 0);
  assert_equals(AbortSignal.abort.length, 0);
  assert_equals(AbortSignal.timeout.length, 1);
  assert_equals(AbortSignal.any.length, 1);
  assert_equals(Object.getPrototypeOf(AbortSignal), EventTarget);
  assert_equals(Object.getPrototypeOf(AbortSignal.prototype), EventTarget.prototype);
  assert_class_string(new AbortController(), "AbortController");
  assert_class_string(new AbortController().signal, "AbortSignal");
  const gd = Object.getOwnPropertyDescriptor(globalThis, "AbortSignal");
  assert_true(gd.writable);
  assert_false(gd.enumerable);
  assert_true(gd.configurable);
}, "AbortController and AbortSignal have the WebIDL shape");

test(() => {
  const getter = Object.getOwnPropertyDescriptor(AbortSignal.prototype, "onabort").get;
  assert_throws_js(TypeError, () => getter.call(new EventTarget()), "onabort brand-checks AbortSignal");
  const c = new AbortController();
  const order = [];
  c.signal.addEventListener("abort", () => order.push("listener 1"));
  c.signal.onabort = () => order.push("handler");
  c.signal.addEventListener("abort", () => order.push("listener 2"));
  c.abort();
  assert_array_equals(order, ["listener 1", "handler", "listener 2"]);
}, "onabort is an event handler attribute ordered with the listeners");
