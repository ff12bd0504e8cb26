// Exact failure messages of the assert_* functions beyond assertions.any.js, as recorded from the
// previous harness on probe files. Every subtest here must PASS.

function failure_message(func) {
  try {
    func();
  } catch (e) {
    if (e instanceof AssertionError) {
      return e.message;
    }
    return "not an AssertionError: " + e;
  }
  return null;
}

function assert_fails_with(func, expected) {
  assert_equals(failure_message(func), expected);
}

const range = n => Array.from({ length: n }, (_, i) => i);

test(() => {
  assert_fails_with(() => assert_true({}), 'assert_true: expected true got object "[object Object]"');
  assert_fails_with(() => assert_false([]), "assert_false: expected false got []");
  assert_fails_with(() => assert_equals(true, 1), "assert_equals: expected (number) 1 but got (boolean) true");
  assert_fails_with(() => assert_equals(1n, 1), 'assert_equals: expected (number) 1 but got (bigint) bigint "1"');
  assert_fails_with(() => assert_equals(Symbol("a"), Symbol("a")),
                    'assert_equals: expected symbol "Symbol(a)" but got symbol "Symbol(a)"');
  assert_fails_with(() => assert_equals(1, 2, 5), "assert_equals: 5 expected 2 but got 1");
  assert_fails_with(() => assert_equals(1, 2, null), "assert_equals: expected 2 but got 1");
  assert_fails_with(() => assert_equals(1, 2, "d\ud800"), "assert_equals: dU+d800 expected 2 but got 1");
  assert_fails_with(() => assert_equals("\ud83d\ude00", "x"), 'assert_equals: expected "x" but got "\ud83d\ude00"');
  assert_equals(failure_message(() => assert_equals()), null, "undefined is undefined");
  assert_fails_with(() => assert_not_equals(undefined, undefined), "assert_not_equals: got disallowed value undefined");
  assert_fails_with(() => assert_in_array(NaN, [NaN]), "assert_in_array: value NaN not in array [NaN]");
  assert_fails_with(() => assert_in_array(1, "abc"), 'assert_in_array: value 1 not in array "abc"');
  assert_in_array(-0, [0]);
}, "truth, equality, arrays of candidates");

test(() => {
  assert_fails_with(() => assert_array_equals("ab", ["a", "b"]), 'assert_array_equals: value is "ab", expected array');
  assert_fails_with(() => assert_array_equals([1], 5),
                    "assert_array_equals: lengths differ, expected array [] length undefined, got [1] length 1");
  assert_fails_with(() => assert_array_equals(new Uint8Array([1, 3]), new Uint8Array([1, 2])),
                    'assert_array_equals: expected property 1 to be 2 but got 3 (expected array object "1,2" got object "1,3")');
  assert_fails_with(() => assert_array_equals([1, 2, 3], [1, , 3]),
                    'assert_array_equals: expected property 1 to be "missing" but was "present" (expected array [1, , 3] got [1, 2, 3])');
  assert_array_equals({ length: 1, 0: 1 }, [1]);
  // Up to 21 elements are shown in full; longer arrays as 20 around the difference (the end for lengths).
  const a21 = range(21);
  const b21 = a21.slice();
  b21[0] = "x";
  assert_fails_with(() => assert_array_equals(b21, a21),
                    `assert_array_equals: expected property 0 to be 0 but got "x" (expected array [${a21.join(", ")}] got ["x", ${a21.slice(1).join(", ")}])`);
  const a50 = range(50);
  const b50 = a50.slice();
  b50[49] = "x";
  assert_fails_with(() => assert_array_equals(b50, a50),
                    `assert_array_equals: expected property 49 to be 49 but got "x" (expected array [\u2026, ${a50.slice(30).join(", ")}] got [\u2026, ${a50.slice(30, 49).join(", ")}, "x"])`);
  b50[49] = 49;
  b50[19] = "y";
  assert_fails_with(() => assert_array_equals(b50, a50),
                    `assert_array_equals: expected property 19 to be 19 but got "y" (expected array [\u2026, ${a50.slice(9, 29).join(", ")}, \u2026] got [\u2026, ${a50.slice(9, 19).join(", ")}, "y", ${a50.slice(20, 29).join(", ")}, \u2026])`);
  assert_fails_with(() => assert_array_equals(range(22), [1]),
                    `assert_array_equals: lengths differ, expected array [1] length 1, got [\u2026, ${range(22).slice(2).join(", ")}] length 22`);
}, "assert_array_equals: shapes and windows");

test(() => {
  assert_fails_with(() => assert_object_equals({ a: 1 }, { b: 1 }), 'assert_object_equals: unexpected property "a"');
  assert_fails_with(() => assert_object_equals({ b: 2, a: 1 }, { a: 2 }), 'assert_object_equals: unexpected property "b"');
  assert_fails_with(() => assert_object_equals({ a: 1 }, { a: 2, b: 1 }), 'assert_object_equals: property "a" expected 2 got 1');
  assert_fails_with(() => assert_object_equals({ a: { b: 1 } }, { a: { b: 2 } }), 'assert_object_equals: property "b" expected 2 got 1');
  assert_fails_with(() => assert_object_equals({ a: 0 }, { a: -0 }), 'assert_object_equals: property "a" expected -0 got 0');
  assert_fails_with(() => assert_object_equals({}, { a: undefined }), 'assert_object_equals: expected property "a" missing');
  assert_fails_with(() => assert_object_equals(Object.create({ a: 1 }), Object.create({ a: 2 })),
                    'assert_object_equals: unexpected property "a"');
  assert_fails_with(() => assert_object_equals({ a: null }, { a: {} }),
                    'assert_object_equals: property "a" expected object "[object Object]" got null');
  assert_fails_with(() => assert_object_equals(null, {}), "assert_object_equals: value is null, expected object");
  const a = { x: 1 };
  a.self = a;
  const b = { x: 1 };
  b.self = b;
  assert_object_equals(a, b, "cycles are skipped");
  assert_object_equals({ a: NaN }, { a: NaN });
  // Kept from the previous harness: an object value is compared only by the expected side's properties.
  assert_object_equals({ a: {} }, { a: 1 });
  assert_object_equals({ [Symbol("s")]: 1 }, {}, "symbol keys are ignored");
}, "assert_object_equals");

test(() => {
  assert_fails_with(() => assert_approx_equals(1, Infinity, 1), "assert_approx_equals: expected Infinity +/- 1 but got 1");
  assert_fails_with(() => assert_approx_equals(Infinity, -Infinity, 1, "d"), "assert_equals: expected -Infinity but got Infinity");
  assert_fails_with(() => assert_approx_equals(1n, 2n, 0), 'assert_approx_equals: expected a number but got a "bigint"');
  assert_fails_with(() => assert_approx_equals(1, 3, 1, "d"), "assert_approx_equals: d expected 3 +/- 1 but got 1");
  assert_approx_equals(-Infinity, -Infinity, 1);
  assert_fails_with(() => assert_array_approx_equals([Infinity], [-Infinity], 1),
                    "assert_array_approx_equals: property 0, expected -Infinity +/- 1, expected -Infinity but got Infinity");
  assert_fails_with(() => assert_array_approx_equals(["1"], [1], 1),
                    'assert_array_approx_equals: property 0, expected a number but got a "string"');
  assert_fails_with(() => assert_array_approx_equals({}, [1], 1),
                    "assert_array_approx_equals: lengths differ, expected 1 got undefined");
  assert_fails_with(() => assert_less_than(NaN, 1), "assert_less_than: expected a number less than 1 but got NaN");
  assert_fails_with(() => assert_less_than(2n, 1n), 'assert_less_than: expected a number but got a "bigint"');
  assert_fails_with(() => assert_greater_than(1, 1, "d"), "assert_greater_than: d expected a number greater than 1 but got 1");
  assert_fails_with(() => assert_greater_than_equal(undefined, 1),
                    'assert_greater_than_equal: expected a number but got a "undefined"');
  assert_fails_with(() => assert_between_exclusive(3, 1, 3, "d"),
                    "assert_between_exclusive: d expected a number greater than 1 and less than 3 but got 3");
}, "numeric assertions");

test(() => {
  assert_fails_with(() => assert_regexp_match(123, /x/), 'assert_regexp_match: expected object "/x/" but got 123');
  assert_fails_with(() => assert_regexp_match("abc", /X/gi, "d"), 'assert_regexp_match: d expected object "/X/gi" but got "abc"');
  assert_class_string(null, "Null");
  assert_fails_with(() => assert_class_string({ [Symbol.toStringTag]: "Foo" }, "Bar"),
                    'assert_class_string: expected "[object Bar]" but got "[object Foo]"');
  assert_own_property("abc", "length");
  assert_fails_with(() => assert_own_property({}, Symbol("s")), 'assert_own_property: expected property symbol "Symbol(s)" missing');
  assert_fails_with(() => assert_own_property({}, 5), "assert_own_property: expected property 5 missing");
  assert_fails_with(() => assert_not_own_property([1], "length"), 'assert_not_own_property: unexpected property "length" is found on object');
  assert_inherits(function () {}, "call");
  assert_fails_with(() => assert_inherits(function () {}, "length"),
                    'assert_inherits: property "length" found on object expected in prototype chain');
  assert_fails_with(() => assert_idl_attribute(5, "toFixed"), "assert_idl_attribute: provided value is not an object");
  let v = 1;
  assert_fails_with(() => assert_readonly({ get x() { return v; }, set x(n) { v = n; } }, "x", "d"),
                    'assert_readonly: d changing property "x" succeeded');
  assert_equals(v, 1, "assert_readonly puts the value back");
  assert_fails_with(() => assert_readonly({ x: NaN }, "x"), 'assert_readonly: changing property "x" succeeded');
  assert_readonly(5, "x");
}, "strings, classes and properties");

test(() => {
  const f = () => { throw new DOMException("m", "DataError"); };
  assert_fails_with(() => assert_throws_dom("EncodingError", f),
                    `assert_throws_dom: function "${f}" threw object "DataError: m" that is not a DOMException EncodingError: property "name" is equal to "DataError", expected "EncodingError"`);
  const g = () => { throw new DOMException("m", "NotFoundError"); };
  assert_fails_with(() => assert_throws_dom(12, g),
                    `assert_throws_dom: function "${g}" threw object "NotFoundError: m" that is not a DOMException 12: property "code" is equal to 8, expected 12`);
  assert_fails_with(() => assert_throws_dom("SYNTAX_ERR", g),
                    `assert_throws_dom: function "${g}" threw object "NotFoundError: m" that is not a DOMException SYNTAX_ERR: property "code" is equal to 8, expected 12`);
  assert_fails_with(() => assert_throws_dom(99, g), 'Test bug: unrecognized DOMException code "99" passed to assert_throws_dom()');
  const h = () => { throw { code: 12, name: "Nope" }; };
  assert_fails_with(() => assert_throws_dom("SyntaxError", h),
                    `assert_throws_dom: function "${h}" threw object "[object Object]" that is not a DOMException SyntaxError: property "name" is equal to "Nope", expected "SyntaxError"`);
  const k = () => { throw null; };
  assert_fails_with(() => assert_throws_dom("SyntaxError", k), `assert_throws_dom: function "${k}" threw null, not an object`);
  assert_fails_with(() => assert_throws_dom("SyntaxError", () => assert_true(false)), "assert_true: expected true got false");
  assert_throws_dom(12, () => { throw new DOMException("m", "SyntaxError"); });
  assert_throws_dom("EncodingError", () => { throw new DOMException("m", "EncodingError"); });
}, "assert_throws_dom: codes, names and the order of checks");

test(() => {
  assert_fails_with(() => assert_throws_js(Object, () => {}), 'assert_throws_js: function "() => {}" did not throw');
  const f = () => { throw new Error("x"); };
  assert_fails_with(() => assert_throws_js(function F() {}, f), 'assert_throws_js: function "function F() {}" is not an Error subtype');
  assert_fails_with(() => assert_throws_js("TypeError", f), 'assert_throws_js: "TypeError" is not a constructor');
  const s = () => { throw "str"; };
  assert_fails_with(() => assert_throws_js(TypeError, s), `assert_throws_js: function "${s}" threw "str" with type "string", not an object`);
  const renamed = () => { const e = new TypeError("m"); e.name = "Other"; throw e; };
  assert_fails_with(() => assert_throws_js(TypeError, renamed),
                    `assert_throws_js: function "${renamed}" threw object "Other: m" ("Other") expected instance of function "${TypeError}" ("TypeError")`);
  assert_throws_js(TypeError, () => { throw Object.create(TypeError.prototype); });
  assert_throws_js(AggregateError, () => { throw new AggregateError([], "x"); });
  assert_fails_with(() => assert_throws_exactly(0, () => { throw -0; }), 'assert_throws_exactly: function "() => { throw -0; }" threw -0 but we expected it to throw 0');
  assert_fails_with(() => assert_throws_exactly(1, () => assert_true(false)), "assert_true: expected true got false");
}, "assert_throws_js / assert_throws_exactly: order of checks");

test(() => {
  assert_fails_with(() => assert_unreached({ toString() { return "X"; } }), "assert_unreached: X Reached unreachable code");
  assert_fails_with(() => assert_unreached(""), "assert_unreached: Reached unreachable code");
  assert_fails_with(() => assert_implements(0), "assert_implements: undefined");
  assert_fails_with(() => assert_implements("", "d"), "assert_implements: d undefined");
  let error;
  try {
    assert_implements_optional(false);
  } catch (e) {
    error = e;
  }
  assert_true(error instanceof OptionalFeatureUnsupportedError);
  assert_equals(error.message, undefined);
  assert_fails_with(() => assert_any(assert_true, false, [1]), "assert_true: 1 expected true got false");
  assert_fails_with(() => assert_any(assert_equals, 1, []), "");
  assert_fails_with(() => assert_any(assert_equals, 1, [2], "d"), "assert_equals: d expected 2 but got 1");
  assert_fails_with(() => assert_any(() => { throw new TypeError("t"); }, 1, [2]), "t");
}, "assert_unreached / assert_implements / assert_any");

test(() => {
  let e;
  try {
    assert_true(false);
  } catch (x) {
    e = x;
  }
  assert_equals(e.name, "Error", "AssertionError has no name of its own");
  assert_equals(String(e), "Error: assert_true: expected true got false");
  assert_equals(Object.getPrototypeOf(AssertionError.prototype), Error.prototype);
  assert_false(e.stack.includes("jshost:testharness"), "the stack starts in the test, not in the harness");
  assert_equals(Object.getPrototypeOf(OptionalFeatureUnsupportedError.prototype), AssertionError.prototype);
}, "AssertionError shape");

test(() => {
  const node = fields => Object.assign({ nodeValue: null, childNodes: [] }, fields);
  assert_equals(format_value(node({ nodeType: 3, nodeName: "#text", data: "y".repeat(100) })),
                'Text node "' + "y".repeat(57) + '..."');
  assert_equals(format_value(node({ nodeType: 8, nodeName: "#comment", data: "c" })), "Comment node <!--c-->");
  assert_equals(format_value(node({ nodeType: 1, nodeName: "DIV", localName: "div", innerHTML: "x",
                                    attributes: [{ name: "id", value: "a" }] })), 'Element node <div id="a">x</div>');
  assert_equals(format_value(node({ nodeType: 9, nodeName: "#document", childNodes: [1] })), "Document node with 1 child");
  assert_equals(format_value(node({ nodeType: 11, nodeName: "#document-fragment", childNodes: [1, 2] })),
                "DocumentFragment node with 2 children");
  assert_equals(format_value(node({ nodeType: 10, nodeName: "html" })), "DocumentType node");
  assert_equals(format_value(node({ nodeType: 7, nodeName: "xml", target: "xml", data: "d" })),
                'ProcessingInstruction node with target "xml" and data "d"');
  assert_equals(format_value(node({ nodeType: 2, nodeName: "id" })), "Node object of unknown type");
  assert_equals(format_value({ nodeType: 1, nodeName: "DIV", childNodes: [] }), 'object "[object Object]"',
                "without nodeValue it is not a node");
  assert_equals(format_value(Object.create(null)), "[stringifying object threw TypeError: No default value with type object]");
  assert_equals(format_value("\u0000\u001f\u007f\u0080"), '"\\0\\x1f\u007f\u0080"');
  assert_equals(format_value([new Error("e"), [1, [2]], Symbol("q"), 2n]), '[object "Error: e", [1, [2]], symbol "Symbol(q)", bigint "2"]');
}, "format_value: nodes and odd objects");

test(() => {
  const thrower = () => { throw new DOMException("m", "SyntaxError"); };
  assert_throws_dom("SyntaxError", DOMException, thrower);
  assert_throws_dom("SyntaxError", thrower, 5);
  // Only a function named DOMException makes the constructor form; anything else is the function to call.
  function X() {}
  assert_fails_with(() => assert_throws_dom("SyntaxError", X, thrower),
                    `assert_throws_dom: ${thrower} function "function X() {}" did not throw`);
}, "assert_throws_dom: which calls are the constructor form");

promise_test(async t => {
  const OtherDOMException = { DOMException: class DOMException {} }.DOMException;
  const message = await promise_rejects_dom(t, "SyntaxError", OtherDOMException,
                                            Promise.reject(new DOMException("m", "SyntaxError")))
    .then(() => null, e => e.message);
  assert_equals(message, 'promise_rejects_dom: function "function() { throw e }" threw an exception from the wrong global');
}, "promise_rejects_dom: the constructor form");

test(() => {
  const a = [1];
  assert_equals(format_value(a, [a]), "[...]", "an object already in `seen`");
  assert_equals(format_value([1, [2]], []), "[1, [2]]");
}, "format_value: the seen argument");
