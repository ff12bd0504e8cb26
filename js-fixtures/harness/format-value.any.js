// format_value() output, as upstream testharness.js produces it. Every subtest here must PASS.

const cases = [
  ["string", "foo", '"foo"'],
  ["empty string", "", '""'],
  ["double quote", 'a"b', '"a\\"b"'],
  ["backslashes", "a\\b\\c", '"a\\\\b\\\\c"'],
  ["named control characters", "\n\t\r\b\f\v\0", '"\\n\\t\\r\\b\\f\\v\\0"'],
  ["other C0 controls", "\x01\x07\x0e\x1b\x1f", '"\\x01\\x07\\x0e\\x1b\\x1f"'],
  ["U+FFFD..U+FFFF", "\ufffd\ufffe\uffff", '"\\ufffd\\ufffe\\uffff"'],
  ["DEL and U+2028 unescaped", "\x7f\u2028", '"\x7f\u2028"'],
  ["non-ASCII", "caf\u00e9 \u{1F600}", '"caf\u00e9 \u{1F600}"'],
  ["number", 1, "1"],
  ["zero", 0, "0"],
  ["negative zero", -0, "-0"],
  ["NaN", NaN, "NaN"],
  ["Infinity", Infinity, "Infinity"],
  ["-Infinity", -Infinity, "-Infinity"],
  ["fraction", 0.5, "0.5"],
  ["large number", 1e21, "1e+21"],
  ["true", true, "true"],
  ["false", false, "false"],
  ["undefined", undefined, "undefined"],
  ["null", null, "null"],
  ["bigint", 10n, 'bigint "10"'],
  ["symbol", Symbol("s"), 'symbol "Symbol(s)"'],
  ["empty array", [], "[]"],
  ["array", [1, "a", [2, -0], null], '[1, "a", [2, -0], null]'],
  ["sparse array", [1, , 3], "[1, , 3]"],
  ["plain object", {}, 'object "[object Object]"'],
  ["object with toString", { toString() { return "x"; } }, 'object "x"'],
  ["Error", new Error("m"), 'object "Error: m"'],
  ["TypeError", new TypeError("m"), 'object "TypeError: m"'],
  ["RegExp", /a+/g, 'object "/a+/g"'],
  ["Date-like", { toString() { return "then"; } }, 'object "then"'],
  ["boxed string", new String("s"), 'object "s"'],
  ["Text node duck type", { nodeType: 3, nodeName: "#text", nodeValue: "hi", childNodes: [], data: "hi" },
   'Text node "hi"'],
];

for (const [name, value, expected] of cases) {
  test(() => {
    assert_equals(format_value(value), expected);
  }, "format_value: " + name);
}

test(() => {
  function f(a) { return a; }
  assert_equals(format_value(f), 'function "' + String(f) + '"');
  const arrow = () => 1;
  assert_equals(format_value(arrow), 'function "() => 1"');
}, "format_value: functions");

test(() => {
  const long = { toString() { return "x".repeat(2000); } };
  assert_equals(format_value(long), 'object "' + "x".repeat(997) + '..."');
  const exact = { toString() { return "y".repeat(1000); } };
  assert_equals(format_value(exact), 'object "' + "y".repeat(1000) + '"');
}, "format_value: object strings are truncated to 1000 characters");

test(() => {
  const e = new Error("e");
  const thrower = { toString() { throw e; } };
  assert_equals(format_value(thrower), "[stringifying object threw Error: e with type object]");
  assert_equals(format_value({ toString() { throw 1; } }), "[stringifying object threw 1 with type number]");
}, "format_value: toString throws");

test(() => {
  const a = [1];
  a.push(a);
  assert_equals(format_value(a), "[1, [...]]");
  const o = {};
  // An object seen once is shown as [...] afterwards, even when it is not a cycle (as upstream).
  assert_equals(format_value([o, o]), '[object "[object Object]", [...]]');
}, "format_value: repeated objects");

test(() => {
  assert_equals(format_value("a\ud800b"), '"a\ud800b"', "format_value leaves lone surrogates alone");
  let error;
  try {
    assert_equals("a\ud800b", "x");
  } catch (e) {
    error = e;
  }
  assert_equals(error.message, 'assert_equals: expected "x" but got "aU+d800b"',
                "assertion messages replace lone surrogates with U+XXXX");
}, "format_value: lone surrogates");
