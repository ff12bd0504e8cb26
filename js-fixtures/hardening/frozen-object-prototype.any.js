// With Object.prototype frozen (a common hardening step), objects and arrays whose keys are names of
// Object.prototype's properties still clone and post correctly, and events, timers and AbortSignal work.
// (Freezing cannot be undone: a file of its own.)

Object.freeze(Object.prototype);

const value = {
  toString: "own toString",
  constructor: "own constructor",
  valueOf: 1,
  hasOwnProperty: [2],
  nested: { isPrototypeOf: true, propertyIsEnumerable: null },
};

function check(copy) {
  assert_not_equals(copy, value);
  for (const key of ["toString", "constructor", "valueOf"]) {
    assert_true(Object.hasOwn(copy, key), key);
    assert_equals(copy[key], value[key], key);
  }
  assert_array_equals(copy.hasOwnProperty, [2]);
  assert_equals(copy.nested.isPrototypeOf, true);
  assert_equals(copy.nested.propertyIsEnumerable, null);
}

test(() => {
  assert_true(Object.isFrozen(Object.prototype));
  check(structuredClone(value));
  const array = [1, 2];
  array.toString = "own";
  const arrayCopy = structuredClone(array);
  assert_true(Object.hasOwn(arrayCopy, "toString"));
  assert_equals(arrayCopy.toString, "own");
}, "structuredClone() under a frozen Object.prototype");

async_test((t) => {
  const { port1, port2 } = new MessageChannel();
  port2.onmessage = t.step_func_done((event) => check(event.data));
  port1.postMessage(value);
}, "postMessage() under a frozen Object.prototype");

async_test((t) => {
  const target = new EventTarget();
  const seen = [];
  target.addEventListener("ping", (event) => seen.push(event.detail), { once: true });
  target.dispatchEvent(new CustomEvent("ping", { detail: 1 }));
  target.dispatchEvent(new CustomEvent("ping", { detail: 2 }));
  const controller = new AbortController();
  target.addEventListener("pong", t.unreached_func("removed by its signal"), { signal: controller.signal });
  controller.abort();
  target.dispatchEvent(new Event("pong"));
  assert_array_equals(seen, [1]);
  assert_equals(controller.signal.reason.name, "AbortError");
  const timeout = AbortSignal.timeout(1);
  const keepAlive = setTimeout(() => {}, 5000);
  timeout.onabort = t.step_func(() => {
    clearTimeout(keepAlive);
    assert_equals(timeout.reason.name, "TimeoutError");
    queueMicrotask(t.step_func(() => setTimeout(t.step_func_done((a, b) => assert_array_equals([a, b], ["a", "b"])), 0, "a", "b")));
  });
}, "events, AbortSignal, microtasks and timers under a frozen Object.prototype");
