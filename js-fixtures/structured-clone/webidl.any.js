// structuredClone(value, options): WebIDL argument handling and the global property.

test(() => {
  const desc = Object.getOwnPropertyDescriptor(globalThis, "structuredClone");
  assert_equals(typeof desc.value, "function");
  assert_true(desc.writable, "writable");
  assert_false(desc.enumerable, "enumerable");
  assert_true(desc.configurable, "configurable");
  assert_equals(structuredClone.length, 1, "length");
  assert_equals(structuredClone.name, "structuredClone", "name");
  assert_false("prototype" in structuredClone, "not a constructor");
  assert_throws_js(TypeError, () => new structuredClone(1));
}, "structuredClone is a non-enumerable, writable, configurable global function of length 1");

test(() => {
  assert_throws_js(TypeError, () => structuredClone());
  assert_equals(structuredClone(undefined), undefined);
}, "structuredClone requires one argument");

test(() => {
  assert_equals(structuredClone(1, undefined), 1);
  assert_equals(structuredClone(1, null), 1);
  assert_equals(structuredClone(1, {}), 1);
  assert_equals(structuredClone(1, { transfer: undefined }), 1);
  assert_equals(structuredClone(1, { transfer: [] }), 1);
  assert_equals(structuredClone(1, function () {}), 1, "a function is an object");
}, "options may be missing, undefined, null, or a dictionary");

test(() => {
  for (const bad of [1, "x", true, Symbol("s"), 1n]) {
    assert_throws_js(TypeError, () => structuredClone(1, bad), typeof bad);
  }
}, "options that are not objects throw TypeError");

test(() => {
  for (const bad of [null, 1, "ab", true]) {
    assert_throws_js(TypeError, () => structuredClone(1, { transfer: bad }), String(bad));
  }
  assert_throws_js(TypeError, () => structuredClone(1, { transfer: {} }), "not iterable");
  assert_throws_js(TypeError, () => structuredClone(1, { transfer: { [Symbol.iterator]: 1 } }), "@@iterator not callable");
}, "transfer must be an iterable object");

test(() => {
  const buffer = new ArrayBuffer(1);
  for (const bad of [1, null, undefined, "s"]) {
    assert_throws_js(TypeError, () => structuredClone(1, { transfer: [buffer, bad] }), String(bad));
  }
  assert_false(buffer.detached);
}, "transfer entries that are not objects throw TypeError");

test(() => {
  const a = new ArrayBuffer(1), b = new ArrayBuffer(2);
  const copy = structuredClone([a, b], { transfer: new Set([a, b]) });
  assert_true(a.detached && b.detached);
  assert_equals(copy[1].byteLength, 2);
  function* gen() { yield a2; }
  const a2 = new ArrayBuffer(3);
  assert_equals(structuredClone(a2, { transfer: gen() }).byteLength, 3);
}, "transfer accepts any iterable");

test(() => {
  const log = [];
  const options = {
    get transfer() {
      log.push("transfer");
      return { [Symbol.iterator]() { log.push("iterator"); return [][Symbol.iterator](); } };
    },
  };
  const value = { get x() { log.push("value"); return 1; } };
  structuredClone(value, options);
  assert_array_equals(log, ["transfer", "iterator", "value"], "options are converted before the value is read");
}, "Order: options conversion, then serialization");

test(() => {
  const err = new Error("from getter");
  assert_throws_exactly(err, () => structuredClone(1, { get transfer() { throw err; } }));
}, "A throwing transfer getter propagates");

test(() => {
  const buffer = new ArrayBuffer(1);
  const copy = structuredClone(buffer, { transfer: [buffer], other: "ignored" });
  assert_equals(copy.byteLength, 1);
}, "Unknown dictionary members are ignored");

test(() => {
  assert_throws_dom("DataCloneError", () => structuredClone(() => {}, null));
  try {
    structuredClone(Symbol("q"));
  } catch (e) {
    assert_true(e instanceof DOMException, "a DOMException");
    assert_equals(e.name, "DataCloneError");
    assert_equals(e.code, 25);
    assert_equals(e.message, "Symbol(q) could not be cloned.");
  }
}, "DataCloneError is a DOMException with code 25");
