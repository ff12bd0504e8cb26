// With Object.prototype frozen (a common hardening step), objects and arrays whose keys are names of
// Object.prototype's properties still clone and post correctly. (Freezing cannot be undone: a file of its own.)

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
