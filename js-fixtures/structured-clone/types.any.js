// Map, Set, ArrayBuffer and every view type, Error objects (cause, stack), DOMException.

test(() => {
  const key = { k: 1 };
  const m = new Map([[1, "one"], ["two", 2], [key, { v: key }], [NaN, -0], [undefined, null]]);
  const c = structuredClone(m);
  assert_true(c instanceof Map, "instanceof Map");
  assert_not_equals(c, m);
  assert_equals(c.size, 5);
  const keys = [...c.keys()];
  assert_equals(keys[0], 1);
  assert_equals(keys[1], "two");
  assert_not_equals(keys[2], key, "object key is a copy");
  assert_equals(keys[2].k, 1);
  assert_equals(c.get(keys[2]).v, keys[2], "key and value share the copied object");
  assert_true(Number.isNaN(keys[3]), "NaN key");
  assert_equals(c.get(NaN), -0, "-0 value kept");
  assert_true(c.has(undefined));
  assert_array_equals([...c.values()].slice(0, 2), ["one", 2]);
}, "Map: insertion order, object keys, NaN key, -0 value");

test(() => {
  const s = new Set([3, "a", 3n, null]);
  const o = {};
  s.add(o).add(s);
  const c = structuredClone(s);
  assert_true(c instanceof Set, "instanceof Set");
  assert_not_equals(c, s);
  const values = [...c];
  assert_equals(values.length, 6);
  assert_array_equals(values.slice(0, 4), [3, "a", 3n, null]);
  assert_not_equals(values[4], o);
  assert_equals(values[5], c, "the set contains itself");
}, "Set: order kept, self reference");

test(() => {
  const m = new Map();
  m.set(m, m);
  const c = structuredClone(m);
  assert_equals(c.get(c), c);
}, "Map that is its own key and value");

test(() => {
  const m = new Map([["a", 1]]);
  m.extra = "dropped";
  const c = structuredClone(m);
  assert_false("extra" in c, "own properties of a Map are not cloned");
}, "Map own properties are not cloned");

test(() => {
  class MyMap extends Map {}
  const c = structuredClone(new MyMap([[1, 2]]));
  assert_equals(Object.getPrototypeOf(c), Map.prototype);
  assert_equals(c.get(1), 2);
}, "A Map subclass instance clones as a Map");

const typedArrayTypes = ["Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array",
  "Uint32Array", "Float16Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array"];
for (const name of typedArrayTypes) {
  const C = globalThis[name];
  if (typeof C !== "function") continue;
  test(() => {
    const big = name.startsWith("Big");
    const values = big ? [0n, -1n, 2n ** 40n, 7n] : [0, 1, -1, 100, 0.5, NaN];
    const buffer = new ArrayBuffer(C.BYTES_PER_ELEMENT * 10);
    const ta = new C(buffer, C.BYTES_PER_ELEMENT * 2, values.length);
    ta.set(values.map((v) => (big && name === "BigUint64Array" && v < 0n) ? 5n : v));
    const c = structuredClone(ta);
    assert_true(c instanceof C, "instanceof " + name);
    assert_not_equals(c.buffer, ta.buffer);
    assert_equals(c.buffer.byteLength, buffer.byteLength, "whole buffer copied");
    assert_equals(c.byteOffset, ta.byteOffset, "byteOffset");
    assert_equals(c.length, ta.length, "length");
    for (let i = 0; i < ta.length; i++) assert_equals(c[i], ta[i], "element " + i);
    ta[0] = big ? 9n : 9;
    assert_not_equals(c[0], ta[0], "clone is independent of the original");
  }, `${name} with byteOffset and length`);
}

test(() => {
  const dv = new DataView(new ArrayBuffer(12), 4, 6);
  dv.setInt16(0, -2);
  const c = structuredClone(dv);
  assert_true(c instanceof DataView);
  assert_equals(c.byteOffset, 4);
  assert_equals(c.byteLength, 6);
  assert_equals(c.getInt16(0), -2);
  assert_equals(c.buffer.byteLength, 12);
}, "DataView with byteOffset and byteLength");

test(() => {
  const buffer = new ArrayBuffer(16);
  const a = new Uint8Array(buffer, 0, 8), b = new Float32Array(buffer, 8, 2), d = new DataView(buffer, 4);
  const c = structuredClone({ a, b, d, buffer });
  assert_equals(c.a.buffer, c.buffer, "a");
  assert_equals(c.b.buffer, c.buffer, "b");
  assert_equals(c.d.buffer, c.buffer, "d");
  c.d.setUint8(0, 42);
  assert_equals(c.a[4], 42, "views of the copy share bytes");
  assert_equals(new Uint8Array(buffer)[4], 0, "the original is untouched");
}, "Views of one buffer stay views of one buffer");

test(() => {
  const ta = new Uint16Array([1, 2, 3]);
  const c = structuredClone([ta, ta]);
  assert_equals(c[0], c[1]);
}, "The same view twice is one view in the copy");

test(() => {
  const ta = new Uint8Array([1]);
  ta.extra = 1;
  assert_false("extra" in structuredClone(ta));
}, "Own properties of a TypedArray are not cloned");

test(() => {
  const ab = new ArrayBuffer(4, { maxByteLength: 16 });
  new Uint8Array(ab).set([1, 2, 3, 4]);
  const c = structuredClone(ab);
  assert_true(c.resizable);
  assert_equals(c.maxByteLength, 16);
  assert_array_equals(new Uint8Array(c), [1, 2, 3, 4]);
  c.resize(8);
  assert_equals(ab.byteLength, 4, "original not resized");
}, "Resizable ArrayBuffer keeps maxByteLength and contents");

test(() => {
  const ab = new ArrayBuffer(8, { maxByteLength: 16 });
  const tracking = new Uint16Array(ab, 2);
  const fixed = new Uint16Array(ab, 2, 3);
  const c = structuredClone({ tracking, fixed });
  assert_equals(c.tracking.buffer, c.fixed.buffer);
  assert_equals(c.tracking.length, 3);
  c.tracking.buffer.resize(16);
  assert_equals(c.tracking.length, 7, "length-tracking view follows the buffer");
  assert_equals(c.fixed.length, 3, "fixed-length view keeps its length");
  assert_equals(ab.byteLength, 8, "original buffer untouched");
  assert_equals(tracking.length, 3);
}, "Length-tracking and fixed-length views of a resizable buffer");

test(() => {
  const ab = new ArrayBuffer(8, { maxByteLength: 8 });
  new Uint8Array(ab).set([1, 2, 3, 4, 5, 6, 7, 8]);
  const tracking = new Uint32Array(ab);
  const fixed = new DataView(ab, 0, 8);
  const c = structuredClone({ tracking, fixed });
  assert_array_equals(new Uint8Array(ab), [1, 2, 3, 4, 5, 6, 7, 8], "original contents kept");
  c.tracking.buffer.resize(4);
  assert_equals(c.tracking.length, 1, "tracking view shrank with the buffer");
  assert_throws_js(TypeError, () => c.fixed.byteLength, "fixed view is now out of bounds");
}, "Length-tracking views of a resizable buffer at its maximum size");

test(() => {
  const ab = new ArrayBuffer(8);
  const c = structuredClone(ab);
  assert_false(c.resizable);
  assert_equals(c.maxByteLength, 8);
}, "Fixed-length ArrayBuffer stays fixed-length");

test(() => {
  const ab = new ArrayBuffer(4);
  const view = new Uint8Array(ab);
  ab.transfer();
  assert_throws_dom("DataCloneError", () => structuredClone(ab));
  assert_throws_dom("DataCloneError", () => structuredClone(view));
}, "A detached ArrayBuffer (or a view of one) cannot be cloned");

// ---- Errors ----
test(() => {
  const e = new TypeError("bad", { cause: { why: "because" } });
  const c = structuredClone(e);
  assert_true(c instanceof TypeError);
  assert_equals(c.message, "bad");
  assert_own_property(c, "cause");
  assert_not_equals(c.cause, e.cause);
  assert_equals(c.cause.why, "because");
  assert_false(Object.getOwnPropertyDescriptor(c, "cause").enumerable, "cause is not enumerable");
  assert_false(Object.getOwnPropertyDescriptor(c, "message").enumerable, "message is not enumerable");
}, "Error cause is cloned as a full value");

test(() => {
  const e = new Error("no cause");
  assert_false("cause" in structuredClone(e));
  const u = new Error("undefined cause", { cause: undefined });
  const cu = structuredClone(u);
  assert_own_property(cu, "cause");
  assert_equals(cu.cause, undefined);
}, "Error without cause has none; an undefined cause is kept");

test(() => {
  const a = new Error("a");
  const b = new RangeError("b", { cause: a });
  a.cause = b;
  const c = structuredClone(a);
  assert_true(c.cause instanceof RangeError);
  assert_equals(c.cause.cause, c, "cycle through cause");
}, "Cycles through Error cause");

test(() => {
  const e = new Error("self");
  e.cause = e;
  const c = structuredClone({ e, again: e });
  assert_equals(c.e.cause, c.e);
  assert_equals(c.again, c.e);
}, "An Error that is its own cause, referenced twice");

test(() => {
  const e = new Error("with stack");
  const c = structuredClone(e);
  assert_equals(typeof e.stack, "string");
  assert_equals(c.stack, e.stack, "stack kept");
}, "Error stack is kept");

test(() => {
  class MyError extends Error {
    constructor(m) { super(m); this.name = "MyError"; }
  }
  const c = structuredClone(new MyError("mine"));
  assert_equals(Object.getPrototypeOf(c), Error.prototype);
  assert_equals(c.name, "Error");
  assert_equals(c.message, "mine");
  const agg = structuredClone(new AggregateError([1], "agg"));
  assert_equals(Object.getPrototypeOf(agg), Error.prototype);
  assert_false("errors" in agg);
}, "Non-standard error names become Error");

test(() => {
  const e = new Error("m");
  e.name = "SyntaxError";
  const c = structuredClone(e);
  assert_equals(Object.getPrototypeOf(c), SyntaxError.prototype, "name decides the prototype");
  const r = new RangeError("m");
  r.name = "Nope";
  assert_equals(Object.getPrototypeOf(structuredClone(r)), Error.prototype);
}, "Error name is read with Get and decides the prototype");

test(() => {
  const e = new Error();
  Object.defineProperty(e, "message", { get() { return "getter"; } });
  const c = structuredClone(e);
  assert_false(c.hasOwnProperty("message"), "accessor message is not read");
  const n = new Error();
  n.message = 42;
  assert_equals(structuredClone(n).message, "42", "message converted to string");
}, "Error message: only an own data property, converted to string");

test(() => {
  const e = new Error("x");
  const sym = Symbol("s");
  e.message = sym;
  assert_throws_js(TypeError, () => structuredClone(e));
}, "Error message ToString exception propagates");

test(() => {
  const c = structuredClone([new Error("a"), new URIError("b")]);
  assert_true(c[0] instanceof Error);
  assert_true(c[1] instanceof URIError);
  assert_equals(c[1].message, "b");
}, "Errors inside an array");

// ---- DOMException ----
test(() => {
  const e = new DOMException("Something went wrong", "NotFoundError");
  const c = structuredClone(e);
  assert_true(c instanceof DOMException, "instanceof DOMException");
  assert_not_equals(c, e);
  assert_equals(c.name, "NotFoundError");
  assert_equals(c.message, "Something went wrong");
  assert_equals(c.code, 8);
}, "DOMException name, message and code are kept");

test(() => {
  const e = new DOMException("custom", "MyOwnName");
  const c = structuredClone({ e, e2: e });
  assert_equals(c.e.name, "MyOwnName");
  assert_equals(c.e.message, "custom");
  assert_equals(c.e.code, 0);
  assert_equals(c.e, c.e2);
}, "DOMException with a non-standard name");

// ---- Wrappers and misc ----
test(() => {
  const c = structuredClone(Object(10n));
  assert_equals(typeof c, "object");
  assert_equals(c.valueOf(), 10n);
}, "BigInt wrapper object");

test(() => {
  const s = new String("abc");
  s.extra = 1;
  const c = structuredClone(s);
  assert_equals(c.valueOf(), "abc");
  assert_false("extra" in c);
}, "String wrapper: only the value is cloned");

test(() => {
  const d = new Date(NaN);
  const c = structuredClone(d);
  assert_true(c instanceof Date);
  assert_true(Number.isNaN(c.getTime()));
}, "Invalid Date");

test(() => {
  const r = /a.b/dgimsuy;
  const c = structuredClone(r);
  assert_equals(c.flags, r.flags);
  assert_equals(c.source, "a.b");
  const v = new RegExp("[\\p{L}--[a-z]]", "v");
  assert_equals(structuredClone(v).flags, "v");
}, "RegExp keeps every flag");

test(() => {
  const r = /x/g;
  r.lastIndex = 3;
  r.extra = 1;
  const c = structuredClone(r);
  assert_equals(c.lastIndex, 0);
  assert_false("extra" in c);
}, "RegExp lastIndex and own properties are not cloned");

test(() => {
  const nul = Object.create(null);
  nul.a = 1;
  const c = structuredClone(nul);
  assert_equals(Object.getPrototypeOf(c), Object.prototype);
  assert_equals(c.a, 1);
}, "Null-prototype object clones as a plain object");

test(() => {
  class Point { constructor() { this.x = 1; this.y = 2; } get len() { return 3; } }
  const c = structuredClone(new Point());
  assert_equals(Object.getPrototypeOf(c), Object.prototype);
  assert_array_equals(Object.keys(c), ["x", "y"]);
}, "Class instance clones as a plain object with own enumerable properties");

test(() => {
  const fake = Object.create(Date.prototype);
  fake.x = 1;
  const c = structuredClone(fake);
  assert_equals(Object.getPrototypeOf(c), Object.prototype, "an ordinary object with Date.prototype is not a Date");
  assert_equals(c.x, 1);
  const tagged = { [Symbol.toStringTag]: "Map", y: 2 };
  assert_equals(structuredClone(tagged).y, 2, "a Symbol.toStringTag does not make a Map");
}, "Ordinary objects that only look like built-ins");

test(() => {
  const d = new Date(5);
  Object.setPrototypeOf(d, Object.prototype);
  const c = structuredClone(d);
  assert_true(c instanceof Date, "a Date with a replaced prototype is still a Date");
  assert_equals(Date.prototype.getTime.call(c), 5);
}, "A Date whose prototype was replaced is still cloned as a Date");
