// Modelled on web-platform-tests html/webappapis/structured-clone/structured-clone-battery-of-tests.js
// (subtest names kept where a test is modelled on one there), run through self.structuredClone().

function check(description, input, callback) {
  test(() => {
    const value = typeof input === "function" ? input() : input;
    const copy = structuredClone(value);
    callback(copy, value);
  }, description);
}

function compare_primitive(actual, input) {
  assert_equals(actual, input);
}
function compare_Array(callback) {
  return function (actual, input) {
    if (typeof actual === "string") assert_unreached(actual);
    assert_true(actual instanceof Array, "instanceof Array");
    assert_not_equals(actual, input);
    assert_equals(actual.length, input.length, "length");
    callback(actual, input);
  };
}
function compare_Object(callback) {
  return function (actual, input) {
    if (typeof actual === "string") assert_unreached(actual);
    assert_true(actual instanceof Object, "instanceof Object");
    assert_false(actual instanceof Array, "instanceof Array");
    assert_not_equals(actual, input);
    callback(actual, input);
  };
}
function enumerate_props(compare_func) {
  return function (actual, input) {
    for (const x in input) compare_func(actual[x], input[x]);
  };
}

check("primitive undefined", undefined, compare_primitive);
check("primitive null", null, compare_primitive);
check("primitive true", true, compare_primitive);
check("primitive false", false, compare_primitive);
check("primitive string, empty string", "", compare_primitive);
check("primitive string, lone high surrogate", "\uD800", compare_primitive);
check("primitive string, lone low surrogate", "\uDC00", compare_primitive);
check("primitive string, NUL", "\u0000", compare_primitive);
check("primitive string, astral character", "\uDBFF\uDFFD", compare_primitive);
check("primitive number, 0.2", 0.2, compare_primitive);
check("primitive number, 0", 0, compare_primitive);
check("primitive number, -0", -0, compare_primitive);
check("primitive number, NaN", NaN, compare_primitive);
check("primitive number, Infinity", Infinity, compare_primitive);
check("primitive number, -Infinity", -Infinity, compare_primitive);
check("primitive number, 9007199254740992", 9007199254740992, compare_primitive);
check("primitive number, -9007199254740992", -9007199254740992, compare_primitive);
check("primitive number, 9007199254740994", 9007199254740994, compare_primitive);
check("primitive number, -9007199254740994", -9007199254740994, compare_primitive);
check("primitive BigInt, 0n", 0n, compare_primitive);
check("primitive BigInt, -0n", -0n, compare_primitive);
check("primitive BigInt, -9007199254740994000n", -9007199254740994000n, compare_primitive);
check("primitive BigInt, -9007199254740994000900719925474099400090071992547409940009007199254740994000n",
  -9007199254740994000900719925474099400090071992547409940009007199254740994000n, compare_primitive);

check("Array primitives", [undefined, null, true, false, "", "\uD800", "\uDC00", "\u0000", "\uDBFF\uDFFD", 0.2, 0, -0,
  NaN, Infinity, -Infinity, 9007199254740992, -9007199254740992, 9007199254740994, -9007199254740994, -12n, -0n, 0n],
  compare_Array(enumerate_props(compare_primitive)));
check("Object primitives", { "undefined": undefined, "null": null, "true": true, "false": false, "empty": "",
  "high surrogate": "\uD800", "low surrogate": "\uDC00", "nul": "\u0000", "astral": "\uDBFF\uDFFD", "0.2": 0.2,
  "0": 0, "-0": -0, "NaN": NaN, "Infinity": Infinity, "-Infinity": -Infinity, "9007199254740992": 9007199254740992,
  "-9007199254740992": -9007199254740992, "9007199254740994": 9007199254740994,
  "-9007199254740994": -9007199254740994 }, compare_Object(enumerate_props(compare_primitive)));

function compare_Boolean(actual, input) {
  if (typeof actual === "string") assert_unreached(actual);
  assert_true(actual instanceof Boolean, "instanceof Boolean");
  assert_equals(String(actual), String(input), "converted to primitive");
  assert_not_equals(actual, input);
}
check("Boolean true", new Boolean(true), compare_Boolean);
check("Boolean false", new Boolean(false), compare_Boolean);
check("Array Boolean objects", [new Boolean(true), new Boolean(false)], compare_Array(enumerate_props(compare_Boolean)));
check("Object Boolean objects", { "true": new Boolean(true), "false": new Boolean(false) },
  compare_Object(enumerate_props(compare_Boolean)));

function compare_obj(what) {
  const Type = globalThis[what];
  return function (actual, input) {
    if (typeof actual === "string") assert_unreached(actual);
    assert_true(actual instanceof Type, "instanceof " + what);
    assert_equals(Type(actual), Type(input), "converted to primitive");
    assert_not_equals(actual, input);
  };
}
check("String empty string", new String(""), compare_obj("String"));
check("String lone high surrogate", new String("\uD800"), compare_obj("String"));
check("String lone low surrogate", new String("\uDC00"), compare_obj("String"));
check("String NUL", new String("\u0000"), compare_obj("String"));
check("String astral character", new String("\uDBFF\uDFFD"), compare_obj("String"));
check("Array String objects", [new String(""), new String("\uD800"), new String("\uDC00"), new String("\u0000"),
  new String("\uDBFF\uDFFD")], compare_Array(enumerate_props(compare_obj("String"))));
check("Object String objects", { "empty": new String(""), "high surrogate": new String("\uD800"),
  "low surrogate": new String("\uDC00"), "nul": new String("\u0000"), "astral": new String("\uDBFF\uDFFD") },
  compare_Object(enumerate_props(compare_obj("String"))));

check("Number 0.2", new Number(0.2), compare_obj("Number"));
check("Number 0", new Number(0), compare_obj("Number"));
check("Number -0", new Number(-0), compare_obj("Number"));
check("Number NaN", new Number(NaN), compare_obj("Number"));
check("Number Infinity", new Number(Infinity), compare_obj("Number"));
check("Number -Infinity", new Number(-Infinity), compare_obj("Number"));
check("Number 9007199254740992", new Number(9007199254740992), compare_obj("Number"));
check("Number -9007199254740992", new Number(-9007199254740992), compare_obj("Number"));
check("Number 9007199254740994", new Number(9007199254740994), compare_obj("Number"));
check("Number -9007199254740994", new Number(-9007199254740994), compare_obj("Number"));
check("BigInt -9007199254740994n", Object(-9007199254740994n), compare_obj("BigInt"));
check("Array Number objects", [new Number(0.2), new Number(0), new Number(-0), new Number(NaN), new Number(Infinity),
  new Number(-Infinity), new Number(9007199254740992), new Number(-9007199254740992), new Number(9007199254740994),
  new Number(-9007199254740994)], compare_Array(enumerate_props(compare_obj("Number"))));
check("Object Number objects", { "0.2": new Number(0.2), "0": new Number(0), "-0": new Number(-0),
  "NaN": new Number(NaN), "Infinity": new Number(Infinity), "-Infinity": new Number(-Infinity),
  "9007199254740992": new Number(9007199254740992), "-9007199254740992": new Number(-9007199254740992),
  "9007199254740994": new Number(9007199254740994), "-9007199254740994": new Number(-9007199254740994) },
  compare_Object(enumerate_props(compare_obj("Number"))));

function compare_Date(actual, input) {
  if (typeof actual === "string") assert_unreached(actual);
  assert_true(actual instanceof Date, "instanceof Date");
  assert_equals(Number(actual), Number(input), "converted to primitive");
  assert_not_equals(actual, input);
}
check("Date 0", new Date(0), compare_Date);
check("Date -0", new Date(-0), compare_Date);
check("Date -8.64e15", new Date(-8.64e15), compare_Date);
check("Date 8.64e15", new Date(8.64e15), compare_Date);
check("Array Date objects", [new Date(0), new Date(-0), new Date(-8.64e15), new Date(8.64e15)],
  compare_Array(enumerate_props(compare_Date)));
check("Object Date objects", { "0": new Date(0), "-0": new Date(-0), "-8.64e15": new Date(-8.64e15),
  "8.64e15": new Date(8.64e15) }, compare_Object(enumerate_props(compare_Date)));

function compare_RegExp(expected_source) {
  return function (actual, input) {
    if (typeof actual === "string") assert_unreached(actual);
    assert_true(actual instanceof RegExp, "instanceof RegExp");
    assert_equals(actual.global, input.global, "global");
    assert_equals(actual.ignoreCase, input.ignoreCase, "ignoreCase");
    assert_equals(actual.multiline, input.multiline, "multiline");
    assert_equals(actual.source, expected_source, "source");
    assert_equals(actual.sticky, input.sticky, "sticky");
    assert_equals(actual.unicode, input.unicode, "unicode");
    assert_equals(actual.lastIndex, 0, "lastIndex");
    assert_not_equals(actual, input);
  };
}
function func_RegExp_flags_lastIndex() {
  const r = /foo/gim;
  r.lastIndex = 2;
  return r;
}
function func_RegExp_sticky() { return new RegExp("foo", "y"); }
function func_RegExp_unicode() { return new RegExp("foo", "u"); }
check("RegExp flags and lastIndex", func_RegExp_flags_lastIndex, compare_RegExp("foo"));
check("RegExp sticky flag", func_RegExp_sticky, compare_RegExp("foo"));
check("RegExp unicode flag", func_RegExp_unicode, compare_RegExp("foo"));
check("RegExp empty", new RegExp(""), compare_RegExp("(?:)"));
check("RegExp slash", new RegExp("/"), compare_RegExp("\\/"));
check("RegExp new line", new RegExp("\n"), compare_RegExp("\\n"));
check("Array RegExp object, RegExp flags and lastIndex", [func_RegExp_flags_lastIndex()],
  compare_Array(enumerate_props(compare_RegExp("foo"))));
check("Array RegExp object, RegExp sticky flag", () => [func_RegExp_sticky()],
  compare_Array(enumerate_props(compare_RegExp("foo"))));
check("Array RegExp object, RegExp unicode flag", () => [func_RegExp_unicode()],
  compare_Array(enumerate_props(compare_RegExp("foo"))));
check("Array RegExp object, RegExp empty", [new RegExp("")], compare_Array(enumerate_props(compare_RegExp("(?:)"))));
check("Array RegExp object, RegExp slash", [new RegExp("/")], compare_Array(enumerate_props(compare_RegExp("\\/"))));
check("Array RegExp object, RegExp new line", [new RegExp("\n")],
  compare_Array(enumerate_props(compare_RegExp("\\n"))));
check("Object RegExp object, RegExp flags and lastIndex", { "x": func_RegExp_flags_lastIndex() },
  compare_Object(enumerate_props(compare_RegExp("foo"))));
check("Object RegExp object, RegExp sticky flag", () => ({ "x": func_RegExp_sticky() }),
  compare_Object(enumerate_props(compare_RegExp("foo"))));
check("Object RegExp object, RegExp unicode flag", () => ({ "x": func_RegExp_unicode() }),
  compare_Object(enumerate_props(compare_RegExp("foo"))));
check("Object RegExp object, RegExp empty", { "x": new RegExp("") },
  compare_Object(enumerate_props(compare_RegExp("(?:)"))));
check("Object RegExp object, RegExp slash", { "x": new RegExp("/") },
  compare_Object(enumerate_props(compare_RegExp("\\/"))));
check("Object RegExp object, RegExp new line", { "x": new RegExp("\n") },
  compare_Object(enumerate_props(compare_RegExp("\\n"))));

function compare_Error(actual, input) {
  assert_true(actual instanceof Error, "Checking instanceof");
  assert_equals(actual.constructor, input.constructor, "Checking constructor");
  assert_equals(actual.name, input.name, "Checking name");
  assert_equals(actual.hasOwnProperty("message"), input.hasOwnProperty("message"), "Checking message existence");
  assert_equals(actual.message, input.message, "Checking message");
  assert_equals(actual.foo, undefined, "Checking for absence of custom property");
}
check("Empty Error object", new Error(), compare_Error);
for (const constructor of [Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError]) {
  check(`${constructor.name} object`, () => {
    const error = new constructor("Error message here");
    error.foo = "testing";
    return error;
  }, compare_Error);
}

function compare_ArrayBuffer(actual, input) {
  assert_true(actual instanceof ArrayBuffer, "instanceof ArrayBuffer");
  assert_equals(actual.byteLength, input.byteLength, "byteLength");
  assert_equals(actual.maxByteLength, input.maxByteLength, "maxByteLength");
  assert_equals(actual.resizable, input.resizable, "resizable");
  assert_equals(actual.growable, input.growable, "growable");
}
function compare_ArrayBufferView(view) {
  const Type = globalThis[view];
  return function (actual, input) {
    if (typeof actual === "string") assert_unreached(actual);
    assert_true(actual instanceof Type, "instanceof " + view);
    assert_equals(actual.length, input.length, "length");
    assert_equals(actual.byteLength, input.byteLength, "byteLength");
    assert_equals(actual.byteOffset, input.byteOffset, "byteOffset");
    assert_not_equals(actual.buffer, input.buffer, "buffer");
    for (let i = 0; i < actual.length; ++i) assert_equals(actual[i], input[i], "actual[" + i + "]");
  };
}

check("Array sparse", new Array(10), compare_Array(enumerate_props(compare_primitive)));
check("Array with non-index property", () => {
  const rv = [];
  rv.foo = "bar";
  return rv;
}, compare_Array(enumerate_props(compare_primitive)));
check("Object with index property and length", { "0": "foo", "length": 1 },
  compare_Object(enumerate_props(compare_primitive)));
function check_circular_property(prop) {
  return function (actual) { assert_equals(actual[prop], actual); };
}
check("Array with circular reference", () => {
  const rv = [];
  rv[0] = rv;
  return rv;
}, compare_Array(check_circular_property("0")));
check("Object with circular reference", () => {
  const rv = {};
  rv["x"] = rv;
  return rv;
}, compare_Object(check_circular_property("x")));
function check_identical_property_values(prop1, prop2) {
  return function (actual) { assert_equals(actual[prop1], actual[prop2]); };
}
check("Array with identical property values", () => {
  const obj = {};
  return [obj, obj];
}, compare_Array(check_identical_property_values("0", "1")));
check("Object with identical property values", () => {
  const obj = {};
  return { "x": obj, "y": obj };
}, compare_Object(check_identical_property_values("x", "y")));
function check_absent_property(prop) {
  return function (actual) { assert_false(prop in actual); };
}
check("Object with property on prototype", () => {
  const Foo = function () {};
  Foo.prototype = { "foo": "bar" };
  return new Foo();
}, compare_Object(check_absent_property("foo")));
check("Object with non-enumerable property", () => {
  const rv = {};
  Object.defineProperty(rv, "foo", { value: "bar", enumerable: false, writable: true, configurable: true });
  return rv;
}, compare_Object(check_absent_property("foo")));
function check_writable_property(prop) {
  return function (actual, input) {
    assert_equals(actual[prop], input[prop]);
    actual[prop] += " baz";
    assert_equals(actual[prop], input[prop] + " baz");
  };
}
check("Object with non-writable property", () => {
  const rv = {};
  Object.defineProperty(rv, "foo", { value: "bar", enumerable: true, writable: false, configurable: true });
  return rv;
}, compare_Object(check_writable_property("foo")));
function check_configurable_property(prop) {
  return function (actual, input) {
    assert_equals(actual[prop], input[prop]);
    delete actual[prop];
    assert_false(prop in actual);
  };
}
check("Object with non-configurable property", () => {
  const rv = {};
  Object.defineProperty(rv, "foo", { value: "bar", enumerable: true, writable: true, configurable: false });
  return rv;
}, compare_Object(check_configurable_property("foo")));

test(() => {
  const exception = new Error();
  const testObject = {
    get testProperty() { throw exception; },
  };
  assert_throws_exactly(exception, () => structuredClone(testObject));
}, "Object with a getter that throws");

check("ObjectPrototype must lose its exotic-ness when cloned", () => Object.prototype, (copy, original) => {
  assert_not_equals(copy, original);
  assert_true(copy instanceof Object);
  const newProto = { some: "proto" };
  Object.setPrototypeOf(copy, newProto); // must not throw
  assert_equals(Object.getPrototypeOf(copy), newProto);
});

test(() => {
  assert_throws_dom("DataCloneError", () => structuredClone(new EventTarget()));
}, "Serializing a non-serializable platform object fails");

check("Resizable ArrayBuffer", () => {
  const ab = new ArrayBuffer(16, { maxByteLength: 1024 });
  assert_true(ab.resizable);
  return ab;
}, compare_ArrayBuffer);
check("Length-tracking TypedArray", () => {
  const ab = new ArrayBuffer(16, { maxByteLength: 1024 });
  assert_true(ab.resizable);
  return new Uint8Array(ab);
}, compare_ArrayBufferView("Uint8Array"));
check("Length-tracking DataView", () => {
  const ab = new ArrayBuffer(16, { maxByteLength: 1024 });
  assert_true(ab.resizable);
  return new DataView(ab);
}, compare_ArrayBufferView("DataView"));
test(() => {
  const ab = new ArrayBuffer(16, { maxByteLength: 1024 });
  const ta = new Uint8Array(ab, 8);
  ab.resize(0);
  assert_throws_dom("DataCloneError", () => structuredClone(ta));
}, "Serializing OOB TypedArray throws");
test(() => {
  const ab = new ArrayBuffer(16, { maxByteLength: 1024 });
  const dv = new DataView(ab, 8);
  ab.resize(0);
  assert_throws_dom("DataCloneError", () => structuredClone(dv));
}, "Serializing OOB DataView throws");

test(() => {
  const obj = { a: 1, b: { a: 1, b: [2, 3, 4] }, c: [7, 8, 9] };
  const copy = structuredClone(obj);
  assert_equals(JSON.stringify(obj), JSON.stringify(copy));
  assert_true(copy !== obj);
}, "structuredClone returns a structural clone of an object");
test(() => {
  assert_equals(structuredClone(4), 4);
}, "structuredClone handles primitives");
