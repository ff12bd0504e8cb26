// Values that cannot be cloned: DataCloneError whose message names what could not be cloned.

// testharness.js's assert_throws_dom returns nothing (as upstream); capture the exception here to inspect it.
function capture_dom_exception(name, func, description) {
  let caught;
  assert_throws_dom(name, () => {
    try {
      func();
    } catch (e) {
      caught = e;
      throw e;
    }
  }, description);
  return caught;
}

function assert_clone_error(value, expectedText, description) {
  const e = capture_dom_exception("DataCloneError", () => structuredClone(value), description);
  if (expectedText !== undefined) {
    assert_true(typeof e.message === "string" && e.message.includes(expectedText),
      `message ${JSON.stringify(e && e.message)} should mention ${JSON.stringify(expectedText)}`);
  }
}

test(() => {
  assert_clone_error(function foo() {}, "function foo() {} could not be cloned.");
  assert_clone_error(() => 1, "() => 1 could not be cloned.");
  assert_clone_error(class K {}, "class K {} could not be cloned.");
  assert_clone_error(Math.max, "could not be cloned.");
  assert_clone_error(async function af() {}, "async function af() {} could not be cloned.");
  assert_clone_error(function* gen() {}, "could not be cloned.");
}, "Functions are not serializable");

test(() => {
  assert_clone_error(Symbol("x"), "Symbol(x) could not be cloned.");
  assert_clone_error(Symbol(), "Symbol() could not be cloned.");
  assert_clone_error(Symbol.iterator, "Symbol(Symbol.iterator) could not be cloned.");
  assert_clone_error({ a: [1, { s: Symbol("deep") }] }, "Symbol(deep) could not be cloned.");
  assert_clone_error(Object(Symbol("w")), "Symbol object could not be cloned.");
}, "Symbols are not serializable");

test(() => {
  assert_clone_error({ f() {} }, "f() {} could not be cloned.", "method in an object");
  assert_clone_error([1, 2, function bar() {}], "function bar() {} could not be cloned.", "in an array");
  assert_clone_error(new Map([[1, () => 0]]), "could not be cloned.", "as a Map value");
  assert_clone_error(new Map([[Symbol("k"), 1]]), "Symbol(k) could not be cloned.", "as a Map key");
  assert_clone_error(new Set([Math.min]), "could not be cloned.", "in a Set");
  assert_clone_error(new Error("e", { cause: () => 1 }), "could not be cloned.", "as an Error cause");
}, "A non-serializable value anywhere in the graph");

test(() => {
  assert_clone_error(new WeakMap(), "WeakMap object could not be cloned.");
  assert_clone_error(new WeakSet(), "WeakSet object could not be cloned.");
  assert_clone_error(new WeakRef({}), "WeakRef object could not be cloned.");
  assert_clone_error(new FinalizationRegistry(() => {}), "FinalizationRegistry object could not be cloned.");
  assert_clone_error(Promise.resolve(1), "Promise object could not be cloned.");
}, "WeakMap, WeakSet, WeakRef, FinalizationRegistry, Promise");

test(() => {
  class MyPromise extends Promise {}
  assert_clone_error(MyPromise.resolve(1), "Promise object could not be cloned.");
  class MyWeakMap extends WeakMap {}
  assert_clone_error(new MyWeakMap(), "WeakMap object could not be cloned.");
}, "Subclasses of non-serializable built-ins");

test(() => {
  assert_clone_error([1, 2, 3][Symbol.iterator](), "Array Iterator object could not be cloned.");
  assert_clone_error(new Map().entries(), "Map Iterator object could not be cloned.");
  assert_clone_error((function* () {})(), "Generator object could not be cloned.");
}, "Iterators and generator objects");

test(() => {
  assert_clone_error(new EventTarget(), "EventTarget object could not be cloned.");
  assert_clone_error({ target: new EventTarget() }, "EventTarget object could not be cloned.");
}, "Platform objects that are not serializable");

test(() => {
  assert_clone_error(globalThis, "could not be cloned.");
}, "The global object");

if (typeof MessageChannel === "function") {
  test(() => {
    const { port1 } = new MessageChannel();
    assert_clone_error(port1, "MessagePort");
    assert_clone_error({ port: port1 }, "MessagePort");
  }, "A MessagePort that is not in the transfer list");
}

test(() => {
  const log = [];
  const o = { get a() { log.push("a"); return 1; }, f: function named() {}, get b() { log.push("b"); return 2; } };
  assert_clone_error(o, "function named() {} could not be cloned.");
  assert_array_equals(log, ["a"], "cloning stops at the first failure");
}, "Cloning stops at the first non-serializable value");

test(() => {
  const big = function () { /* a long body ............................................................................................................................... */ };
  const e = capture_dom_exception("DataCloneError", () => structuredClone(big));
  assert_true(e.message.length < 200, "long function sources are shortened");
  assert_true(e.message.endsWith(" could not be cloned."));
}, "Message for a function with a long source");

test(() => {
  // JSC hides the SharedArrayBuffer global, but shared WebAssembly memory makes them all the same.
  assert_equals(self.crossOriginIsolated, false, "jshost has no cross-origin isolated capability");
  let SAB;
  try {
    SAB = new WebAssembly.Memory({ shared: true, initial: 0, maximum: 0 }).buffer.constructor;
  } catch {
    return; // no shared memory in this engine build: nothing to clone
  }
  for (const sab of [new SAB(8), new SAB(16, { maxByteLength: 1024 })]) {
    assert_throws_dom("DataCloneError", () => structuredClone(sab), "structuredClone");
    assert_throws_dom("DataCloneError", () => structuredClone({ nested: [sab] }), "nested");
    const { port1 } = new MessageChannel();
    assert_throws_dom("DataCloneError", () => port1.postMessage(sab), "postMessage");
    port1.close();
  }
}, "a SharedArrayBuffer is a DataCloneError (not cross-origin isolated), never an empty object");
