// Tests of the built-in testharness.js: passing assertions, and the exact messages of failing ones
// (upstream testharness.js wording). Every subtest here must PASS.

function failure_message(func) {
  try {
    func();
  } catch (e) {
    if (e instanceof AssertionError) {
      return e.message;
    }
    throw e;
  }
  return null;
}

function assert_fails_with(func, expected) {
  assert_equals(failure_message(func), expected);
}

test(() => {
  assert_true(true);
  assert_false(false);
  assert_fails_with(() => assert_true(false), "assert_true: expected true got false");
  assert_fails_with(() => assert_true(1, "truthy is not true"),
                    "assert_true: truthy is not true expected true got 1");
  assert_fails_with(() => assert_false(0), "assert_false: expected false got 0");
  assert_fails_with(() => assert_false("", "d"), 'assert_false: d expected false got ""');
}, "assert_true / assert_false");

test(() => {
  assert_equals(1, 1);
  assert_equals("a", "a");
  assert_equals(NaN, NaN);
  assert_equals(-0, -0);
  const o = {};
  assert_equals(o, o);
  assert_fails_with(() => assert_equals(3, 4, "message"), "assert_equals: message expected 4 but got 3");
  assert_fails_with(() => assert_equals(0, -0), "assert_equals: expected -0 but got 0");
  assert_fails_with(() => assert_equals(-0, 0), "assert_equals: expected 0 but got -0");
  assert_fails_with(() => assert_equals("3", 3), 'assert_equals: expected (number) 3 but got (string) "3"');
  assert_fails_with(() => assert_equals(null, undefined),
                    "assert_equals: expected (undefined) undefined but got (object) null");
  assert_fails_with(() => assert_equals({}, {}),
                    'assert_equals: expected object "[object Object]" but got object "[object Object]"');
  assert_fails_with(() => assert_equals(NaN, 1), "assert_equals: expected 1 but got NaN");
  // The description is not a template.
  assert_fails_with(() => assert_equals(1, 2, "${actual}"), "assert_equals: ${actual} expected 2 but got 1");
}, "assert_equals uses SameValue");

test(() => {
  assert_not_equals(1, 2);
  assert_not_equals(0, -0);
  assert_not_equals({}, {});
  assert_fails_with(() => assert_not_equals(1, 1), "assert_not_equals: got disallowed value 1");
  assert_fails_with(() => assert_not_equals(NaN, NaN, "d"), "assert_not_equals: d got disallowed value NaN");
}, "assert_not_equals");

test(() => {
  assert_in_array(2, [1, 2, 3]);
  assert_fails_with(() => assert_in_array(4, [1, 2]), "assert_in_array: value 4 not in array [1, 2]");
  assert_fails_with(() => assert_in_array("1", [1], "d"), 'assert_in_array: d value "1" not in array [1]');
}, "assert_in_array");

test(() => {
  assert_array_equals([], []);
  assert_array_equals([1, "a", NaN], [1, "a", NaN]);
  assert_array_equals(new Uint8Array([1, 2]), [1, 2]);
  assert_fails_with(() => assert_array_equals([1, 2], [1, 2, 3]),
                    "assert_array_equals: lengths differ, expected array [1, 2, 3] length 3, got [1, 2] length 2");
  assert_fails_with(() => assert_array_equals([1, 2], [1, 3], "d"),
                    "assert_array_equals: d expected property 1 to be 3 but got 2 (expected array [1, 3] got [1, 2])");
  assert_fails_with(() => assert_array_equals([0], [-0]),
                    "assert_array_equals: expected property 0 to be -0 but got 0 (expected array [-0] got [0])");
  assert_fails_with(() => assert_array_equals([1, , 3], [1, 2, 3]),
                    'assert_array_equals: expected property 1 to be "present" but was "missing" (expected array [1, 2, 3] got [1, , 3])');
  assert_fails_with(() => assert_array_equals(5, [1]), "assert_array_equals: value is 5, expected array");
  assert_fails_with(() => assert_array_equals(null, []), "assert_array_equals: value is null, expected array");
}, "assert_array_equals");

test(() => {
  const expected = [];
  for (let i = 0; i < 30; i++) expected.push(i);
  const actual = expected.slice();
  actual[25] = -1;
  const window_of = arr => "[\u2026, " + arr.slice(10, 30).join(", ") + "]";
  assert_fails_with(() => assert_array_equals(actual, expected),
                    "assert_array_equals: expected property 25 to be 25 but got -1 (expected array " +
                    window_of(expected) + " got " + window_of(actual) + ")");
  const longer = expected.concat([30]);
  assert_fails_with(() => assert_array_equals(expected, longer),
                    "assert_array_equals: lengths differ, expected array [\u2026, " + longer.slice(11).join(", ") +
                    "] length 31, got [\u2026, " + expected.slice(10).join(", ") + "] length 30");
  const first = expected.slice();
  first[0] = "x";
  assert_fails_with(() => assert_array_equals(first, expected),
                    "assert_array_equals: expected property 0 to be 0 but got \"x\" (expected array [" +
                    expected.slice(0, 20).join(", ") + ", \u2026] got [\"x\", " + first.slice(1, 20).join(", ") + ", \u2026])");
}, "assert_array_equals shortens long arrays around the difference");

test(() => {
  assert_approx_equals(1.05, 1, 0.1);
  assert_approx_equals(Infinity, Infinity, 0);
  assert_approx_equals(NaN, NaN, 1);
  assert_fails_with(() => assert_approx_equals(1, 2, 0.5), "assert_approx_equals: expected 2 +/- 0.5 but got 1");
  assert_fails_with(() => assert_approx_equals("1", 1, 0, "d"),
                    'assert_approx_equals: d expected a number but got a "string"');
  assert_fails_with(() => assert_approx_equals(Infinity, -Infinity, 1),
                    "assert_equals: expected -Infinity but got Infinity");
}, "assert_approx_equals");

test(() => {
  assert_array_approx_equals([1.01, 2], [1, 2.01], 0.02);
  assert_fails_with(() => assert_array_approx_equals([1, 2], [1, 3], 0.5),
                    "assert_array_approx_equals: property 1, expected 3 +/- 0.5, expected 3 but got 2");
  assert_fails_with(() => assert_array_approx_equals([1], [1, 2], 0.5),
                    "assert_array_approx_equals: lengths differ, expected 2 got 1");
}, "assert_array_approx_equals");

test(() => {
  assert_less_than(1, 2);
  assert_greater_than(2, 1);
  assert_less_than_equal(2, 2);
  assert_greater_than_equal(2, 2);
  assert_between_exclusive(2, 1, 3);
  assert_between_inclusive(1, 1, 3);
  assert_between_inclusive(3, 1, 3);
  assert_fails_with(() => assert_less_than(2, 1), "assert_less_than: expected a number less than 1 but got 2");
  assert_fails_with(() => assert_less_than(1, 1), "assert_less_than: expected a number less than 1 but got 1");
  assert_fails_with(() => assert_less_than("1", 2),
                    'assert_less_than: expected a number but got a "string"');
  assert_fails_with(() => assert_greater_than(1, 2),
                    "assert_greater_than: expected a number greater than 2 but got 1");
  assert_fails_with(() => assert_less_than_equal(2, 1),
                    "assert_less_than_equal: expected a number less than or equal to 1 but got 2");
  assert_fails_with(() => assert_greater_than_equal(1, 2, "d"),
                    "assert_greater_than_equal: d expected a number greater than or equal to 2 but got 1");
  assert_fails_with(() => assert_between_exclusive(1, 1, 2),
                    "assert_between_exclusive: expected a number greater than 1 and less than 2 but got 1");
  assert_fails_with(() => assert_between_inclusive(3, 1, 2),
                    "assert_between_inclusive: expected a number greater than or equal to 1 and less than or equal to 2 but got 3");
  assert_fails_with(() => assert_between_inclusive(null, 1, 2),
                    'assert_between_inclusive: expected a number but got a "object"');
}, "numeric comparisons");

test(() => {
  assert_regexp_match("abc", /b/);
  assert_fails_with(() => assert_regexp_match("abc", /x/), 'assert_regexp_match: expected object "/x/" but got "abc"');
  assert_class_string([], "Array");
  assert_class_string(new Map(), "Map");
  assert_fails_with(() => assert_class_string([], "Object", "d"),
                    'assert_class_string: d expected "[object Object]" but got "[object Array]"');
}, "assert_regexp_match / assert_class_string");

test(() => {
  assert_own_property({ x: 1 }, "x");
  assert_own_property(Object.create(null, { y: { value: 1 } }), "y");
  assert_not_own_property({}, "x");
  assert_fails_with(() => assert_own_property({}, "x"), 'assert_own_property: expected property "x" missing');
  assert_fails_with(() => assert_not_own_property({ x: 1 }, "x", "d"),
                    'assert_not_own_property: d unexpected property "x" is found on object');
}, "assert_own_property / assert_not_own_property");

test(() => {
  class A { get x() { return 1; } }
  assert_inherits(new A(), "x");
  assert_idl_attribute(new A(), "x");
  assert_fails_with(() => assert_inherits({ x: 1 }, "x"),
                    'assert_inherits: property "x" found on object expected in prototype chain');
  assert_fails_with(() => assert_inherits({}, "y"), 'assert_inherits: property "y" not found in prototype chain');
  assert_fails_with(() => assert_inherits(1, "x"), "assert_inherits: provided value is not an object");
  assert_fails_with(() => assert_inherits(Object.create(null), "x"),
                    "assert_inherits: provided value is an object but has no hasOwnProperty method");
  assert_fails_with(() => assert_idl_attribute({}, "y", "d"),
                    'assert_idl_attribute: d property "y" not found in prototype chain');
}, "assert_inherits / assert_idl_attribute");

test(() => {
  assert_readonly(Object.freeze({ x: 1 }), "x");
  assert_readonly({ get x() { return 1; } }, "x");
  const writable = { x: 1 };
  assert_fails_with(() => assert_readonly(writable, "x"), 'assert_readonly: changing property "x" succeeded');
  assert_equals(writable.x, 1, "the original value is restored");
}, "assert_readonly");

test(() => {
  assert_throws_js(TypeError, () => { null.x; });
  assert_throws_js(RangeError, () => { new Array(-1); });
  assert_throws_js(Error, () => { throw new Error("e"); });
  assert_fails_with(() => assert_throws_js(TypeError, () => {}), 'assert_throws_js: function "() => {}" did not throw');
  const f1 = () => { throw new RangeError("r"); };
  assert_fails_with(() => assert_throws_js(TypeError, f1, "d"),
                    'assert_throws_js: d function "' + String(f1) + '" threw object "RangeError: r" ("RangeError")' +
                    ' expected instance of function "' + String(TypeError) + '" ("TypeError")');
  const f2 = () => { throw 1; };
  assert_fails_with(() => assert_throws_js(TypeError, f2),
                    'assert_throws_js: function "' + String(f2) + '" threw 1 with type "number", not an object');
  const f3 = () => { throw null; };
  assert_fails_with(() => assert_throws_js(TypeError, f3),
                    'assert_throws_js: function "' + String(f3) + '" threw null, not an object');
  assert_fails_with(() => assert_throws_js(Object, f1),
                    'assert_throws_js: function "' + String(Object) + '" is not an Error subtype');
  // A subclass instance is not the expected constructor.
  assert_fails_with(() => assert_throws_js(Error, f1),
                    'assert_throws_js: function "' + String(f1) + '" threw object "RangeError: r" ("RangeError")' +
                    ' expected instance of function "' + String(Error) + '" ("Error")');
  // An AssertionError thrown inside is passed through unchanged.
  assert_fails_with(() => assert_throws_js(Error, () => assert_equals(3, 4, "message")),
                    "assert_equals: message expected 4 but got 3");
}, "assert_throws_js");

test(() => {
  const thrower = name => () => { throw new DOMException("m", name); };
  assert_throws_dom("NotFoundError", thrower("NotFoundError"));
  assert_throws_dom("NOT_FOUND_ERR", thrower("NotFoundError"));
  assert_throws_dom(8, thrower("NotFoundError"));
  assert_throws_dom("DataError", thrower("DataError"));
  assert_throws_dom("NotFoundError", DOMException, thrower("NotFoundError"), "constructor form");
  const f = thrower("NotFoundError");
  const e = (() => { try { f(); } catch (e) { return e; } })();
  assert_fails_with(() => assert_throws_dom("SyntaxError", f),
                    'assert_throws_dom: function "' + String(f) + '" threw object "' + String(e) +
                    '" that is not a DOMException SyntaxError: property "code" is equal to 8, expected 12');
  assert_fails_with(() => assert_throws_dom("DataError", f, "d"),
                    'assert_throws_dom: d function "' + String(f) + '" threw object "' + String(e) +
                    '" that is not a DOMException DataError: property "code" is equal to 8, expected 0');
  const g = () => { throw new TypeError("t"); };
  assert_fails_with(() => assert_throws_dom("NotFoundError", g),
                    'assert_throws_dom: function "' + String(g) + '" threw object "TypeError: t"' +
                    ' that is not a DOMException NotFoundError: property "code" is equal to undefined, expected 8');
  assert_fails_with(() => assert_throws_dom("NotFoundError", () => {}),
                    'assert_throws_dom: function "() => {}" did not throw');
  assert_fails_with(() => assert_throws_dom("Bogus", f),
                    'Test bug: unrecognized DOMException code name or name "Bogus" passed to assert_throws_dom()');
  assert_fails_with(() => assert_throws_dom(0, f),
                    "Test bug: ambiguous DOMException code 0 passed to assert_throws_dom()");
  const other = { DOMException: class DOMException extends Error {} }.DOMException;
  assert_fails_with(() => assert_throws_dom("NotFoundError", other, f),
                    'assert_throws_dom: function "' + String(f) + '" threw an exception from the wrong global');
}, "assert_throws_dom");

test(() => {
  const value = {};
  assert_throws_exactly(value, () => { throw value; });
  assert_throws_exactly(1, () => { throw 1; });
  assert_throws_exactly(NaN, () => { throw NaN; });
  const f = () => { throw 2; };
  assert_fails_with(() => assert_throws_exactly(1, f),
                    'assert_throws_exactly: function "' + String(f) + '" threw 2 but we expected it to throw 1');
  assert_fails_with(() => assert_throws_exactly(1, () => {}, "d"),
                    'assert_throws_exactly: d function "() => {}" did not throw');
}, "assert_throws_exactly");

test(() => {
  assert_fails_with(() => assert_unreached(), "assert_unreached: Reached unreachable code");
  assert_fails_with(() => assert_unreached("d"), "assert_unreached: d Reached unreachable code");
  assert_implements(true, "x");
  assert_implements({}, "x");
  assert_fails_with(() => assert_implements(false, "feature"), "assert_implements: feature undefined");
  assert_implements_optional(1, "x");
  let error;
  try {
    assert_implements_optional(0, "optional feature");
  } catch (e) {
    error = e;
  }
  assert_true(error instanceof OptionalFeatureUnsupportedError, "OptionalFeatureUnsupportedError");
  assert_true(error instanceof AssertionError, "an AssertionError");
  assert_equals(error.message, "optional feature");
}, "assert_unreached / assert_implements / assert_implements_optional");

test(() => {
  assert_object_equals({ a: 1, b: { c: [1] } }, { a: 1, b: { c: [1] } });
  assert_fails_with(() => assert_object_equals({ a: 1 }, { a: 2 }), 'assert_object_equals: property "a" expected 2 got 1');
  assert_fails_with(() => assert_object_equals({ a: 1 }, {}), 'assert_object_equals: unexpected property "a"');
  assert_fails_with(() => assert_object_equals({}, { a: 1 }), 'assert_object_equals: expected property "a" missing');
  assert_fails_with(() => assert_object_equals(1, {}), "assert_object_equals: value is 1, expected object");
}, "assert_object_equals");

test(() => {
  assert_any(assert_equals, 2, [1, 2]);
  assert_fails_with(() => assert_any(assert_equals, 1, [2, 3]),
                    "assert_equals: expected 2 but got 1\n\nassert_equals: expected 3 but got 1");
}, "assert_any");

test(() => {
  let error;
  try {
    assert_true(false);
  } catch (e) {
    error = e;
  }
  assert_true(error instanceof AssertionError);
  assert_true(error instanceof Error);
  assert_equals(error.message, "assert_true: expected true got false");
  assert_equals(typeof error.stack, "string");
}, "AssertionError");
