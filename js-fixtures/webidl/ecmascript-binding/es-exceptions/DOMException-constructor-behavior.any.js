// Modeled on wpt webidl/ecmascript-binding/es-exceptions/DOMException-constructor-behavior.any.js
"use strict";

function checkInherited(ex) {
  assert_false(ex.hasOwnProperty("name"), "name is inherited");
  assert_false(ex.hasOwnProperty("message"), "message is inherited");
  assert_false(ex.hasOwnProperty("cause"), "cause is inherited");
}

test(() => {
  const ex = new DOMException();
  assert_equals(ex.name, "Error");
  assert_equals(ex.message, "");
  assert_equals(ex.cause, undefined);
}, "new DOMException()");

test(() => { checkInherited(new DOMException()); }, "new DOMException(): inherited-ness");

test(() => {
  const ex = new DOMException(null);
  assert_equals(ex.name, "Error");
  assert_equals(ex.message, "null");
  assert_equals(ex.cause, undefined);
}, "new DOMException(null)");

test(() => {
  const ex = new DOMException(undefined);
  assert_equals(ex.name, "Error");
  assert_equals(ex.message, "");
  assert_equals(ex.cause, undefined);
}, "new DOMException(undefined)");

test(() => { checkInherited(new DOMException(undefined)); }, "new DOMException(undefined): inherited-ness");

test(() => {
  const ex = new DOMException("foo");
  assert_equals(ex.name, "Error");
  assert_equals(ex.message, "foo");
  assert_equals(ex.cause, undefined);
}, 'new DOMException("foo")');

test(() => { checkInherited(new DOMException("foo")); }, 'new DOMException("foo"): inherited-ness');

test(() => {
  const ex = new DOMException("bar", undefined);
  assert_equals(ex.name, "Error");
  assert_equals(ex.message, "bar");
  assert_equals(ex.cause, undefined);
}, 'new DOMException("bar", undefined)');

test(() => {
  const ex = new DOMException("bar", "NotSupportedError");
  assert_equals(ex.name, "NotSupportedError");
  assert_equals(ex.message, "bar");
  assert_equals(ex.code, DOMException.NOT_SUPPORTED_ERR);
  assert_equals(ex.cause, undefined);
}, 'new DOMException("bar", "NotSupportedError")');

test(() => { checkInherited(new DOMException("bar", "NotSupportedError")); }, 'new DOMException("bar", "NotSupportedError"): inherited-ness');

test(() => {
  const ex = new DOMException("bar", "foo");
  assert_equals(ex.name, "foo");
  assert_equals(ex.message, "bar");
  assert_equals(ex.code, 0, "names outside the table have code 0");
  assert_equals(ex.cause, undefined);
}, 'new DOMException("bar", "foo")');

test(() => {
  const ex = new DOMException("bar", {});
  assert_equals(ex.name, "Error");
  assert_equals(ex.message, "bar");
  assert_equals(ex.cause, undefined);
}, 'new DOMException("bar", {})');

test(() => { checkInherited(new DOMException("bar", {})); }, 'new DOMException("bar", {}): inherited-ness');

test(() => {
  const ex = new DOMException("bar", { name: "NotSupportedError" });
  assert_equals(ex.name, "NotSupportedError");
  assert_equals(ex.message, "bar");
  assert_equals(ex.code, DOMException.NOT_SUPPORTED_ERR);
  assert_equals(ex.cause, undefined);
}, 'new DOMException("bar", { name: "NotSupportedError" })');

test(() => { checkInherited(new DOMException("bar", { name: "NotSupportedError" })); }, 'new DOMException("bar", { name: "NotSupportedError" }): inherited-ness');

test(() => {
  const ex = new DOMException("bar", { cause: "foo" });
  assert_equals(ex.name, "Error");
  assert_equals(ex.message, "bar");
  assert_equals(ex.cause, "foo");
}, 'new DOMException("bar", { cause: "foo" })');

test(() => { checkInherited(new DOMException("bar", { cause: "foo" })); }, 'new DOMException("bar", { cause: "foo" }): inherited-ness');

test(() => {
  const ex = new DOMException("bar", { name: "NotSupportedError", cause: "foo" });
  assert_equals(ex.name, "NotSupportedError");
  assert_equals(ex.message, "bar");
  assert_equals(ex.code, DOMException.NOT_SUPPORTED_ERR);
  assert_equals(ex.cause, "foo");
}, 'new DOMException("bar", { name: "NotSupportedError", cause: "foo" })');

test(() => { checkInherited(new DOMException("bar", { name: "NotSupportedError", cause: "foo" })); }, 'new DOMException("bar", { name: "NotSupportedError", cause: "foo" }): inherited-ness');

const table = [
  ["IndexSizeError", 1], ["HierarchyRequestError", 3], ["WrongDocumentError", 4],
  ["InvalidCharacterError", 5], ["NoModificationAllowedError", 7], ["NotFoundError", 8],
  ["NotSupportedError", 9], ["InUseAttributeError", 10], ["InvalidStateError", 11],
  ["SyntaxError", 12], ["InvalidModificationError", 13], ["NamespaceError", 14],
  ["InvalidAccessError", 15], ["TypeMismatchError", 17], ["SecurityError", 18],
  ["NetworkError", 19], ["AbortError", 20], ["URLMismatchError", 21], ["QuotaExceededError", 22],
  ["TimeoutError", 23], ["InvalidNodeTypeError", 24], ["DataCloneError", 25],
  // removed from the table
  ["DOMStringSizeError", 0], ["NoDataAllowedError", 0], ["ValidationError", 0],
  // names without a legacy code
  ["EncodingError", 0], ["NotReadableError", 0], ["UnknownError", 0], ["ConstraintError", 0],
  ["DataError", 0], ["TransactionInactiveError", 0], ["ReadOnlyError", 0], ["VersionError", 0],
  ["OperationError", 0], ["NotAllowedError", 0],
];
for (const [name, code] of table) {
  test(() => {
    const ex = new DOMException("msg", name);
    assert_equals(ex.name, name);
    assert_equals(ex.message, "msg");
    assert_equals(ex.code, code);
  }, `new DOMexception("msg", "${name}")`);
}
