// JSHost's own checks: legacy code constants, WebIDL shape and the stack of DOMException.
"use strict";

const legacy = [
  ["INDEX_SIZE_ERR", 1], ["DOMSTRING_SIZE_ERR", 2], ["HIERARCHY_REQUEST_ERR", 3],
  ["WRONG_DOCUMENT_ERR", 4], ["INVALID_CHARACTER_ERR", 5], ["NO_DATA_ALLOWED_ERR", 6],
  ["NO_MODIFICATION_ALLOWED_ERR", 7], ["NOT_FOUND_ERR", 8], ["NOT_SUPPORTED_ERR", 9],
  ["INUSE_ATTRIBUTE_ERR", 10], ["INVALID_STATE_ERR", 11], ["SYNTAX_ERR", 12],
  ["INVALID_MODIFICATION_ERR", 13], ["NAMESPACE_ERR", 14], ["INVALID_ACCESS_ERR", 15],
  ["VALIDATION_ERR", 16], ["TYPE_MISMATCH_ERR", 17], ["SECURITY_ERR", 18], ["NETWORK_ERR", 19],
  ["ABORT_ERR", 20], ["URL_MISMATCH_ERR", 21], ["QUOTA_EXCEEDED_ERR", 22], ["TIMEOUT_ERR", 23],
  ["INVALID_NODE_TYPE_ERR", 24], ["DATA_CLONE_ERR", 25],
];

for (const [object, where] of [[DOMException, "constructor"], [DOMException.prototype, "prototype"]]) {
  test(() => {
    for (const [name, value] of legacy) {
      const d = Object.getOwnPropertyDescriptor(object, name);
      assert_true(d !== undefined, `${name} exists`);
      assert_equals(d.value, value, name);
      assert_false(d.writable, `${name} is read-only`);
      assert_true(d.enumerable, `${name} is enumerable`);
      assert_false(d.configurable, `${name} is not configurable`);
    }
  }, `legacy code constants on the DOMException ${where}`);
}

test(() => {
  const e = new DOMException("m", "DataCloneError");
  assert_equals(e.code, 25);
  assert_equals(e.code, e.DATA_CLONE_ERR);
  assert_true(e instanceof Error);
  assert_equals(DOMException.length, 0);
  assert_equals(DOMException.name, "DOMException");
  const d = Object.getOwnPropertyDescriptor(globalThis, "DOMException");
  assert_true(d.writable);
  assert_false(d.enumerable);
  assert_true(d.configurable);
  const tag = Object.getOwnPropertyDescriptor(DOMException.prototype, Symbol.toStringTag);
  assert_equals(tag.value, "DOMException");
  assert_false(tag.writable);
  assert_false(tag.enumerable);
  assert_true(tag.configurable);
  const p = Object.getOwnPropertyDescriptor(DOMException, "prototype");
  assert_false(p.writable);
  assert_false(p.enumerable);
  assert_false(p.configurable);
}, "DOMException has the WebIDL interface shape");

// A JSC stack frame is `functionName@sourceURL:line:column`; jshost's own modules have `jshost:` URLs.
function splitFrame(frame) {
  const m = /^(.*?)@(.*):(\d+):(\d+)$/.exec(frame);
  assert_not_equals(m, null, `a frame with a location: ${frame}`);
  return { name: m[1], url: m[2], line: +m[3], column: +m[4] };
}

test(() => {
  // The reference: a stack captured by this very test function, for comparison.
  const reference = new Error().stack.split("\n");
  const e = new DOMException("m", "SyntaxError");
  assert_equals(typeof e.stack, "string");
  assert_true(e.hasOwnProperty("stack"), "stack is captured on the instance");
  // The stack may continue into the harness (which calls this function through a native frame),
  // but it must START at the caller: this test function, not a frame of jshost's modules.
  const frames = e.stack.split("\n");
  const first = splitFrame(frames[0]);
  const expected = splitFrame(reference[0]);
  assert_false(first.url.startsWith("jshost:"), `the first frame is not in a jshost module: ${frames[0]}`);
  assert_equals(first.name, expected.name, "the first frame is the test function");
  assert_equals(first.url, expected.url, "the first frame is in this file");
  assert_equals(first.line, expected.line + 1, "the first frame is the line of the constructor call");
  assert_array_equals(frames.slice(1), reference.slice(1), "the callers are those of the test function");
  assert_equals(e.sourceURL, first.url, "sourceURL describes the first frame");
  assert_equals(e.line, first.line, "line describes the first frame");
  assert_equals(e.column, first.column, "column describes the first frame");
  function makeException() {
    return new DOMException("m");
  }
  const named = splitFrame(makeException().stack.split("\n")[0]);
  assert_equals(named.name, "makeException", "a named caller is the first frame");
  assert_equals(named.url, expected.url);
  assert_throws_js(TypeError, () => new DOMException(Symbol()), "Symbol message");
  assert_throws_js(TypeError, () => new DOMException("m", Symbol()), "Symbol name");
  class MyException extends DOMException {
    constructor() { super("mine", "NotFoundError"); }
  }
  const mine = new MyException();
  assert_true(mine instanceof MyException);
  assert_equals(mine.name, "NotFoundError");
  assert_equals(mine.code, 8);
}, "DOMException stack, conversions and subclassing");
