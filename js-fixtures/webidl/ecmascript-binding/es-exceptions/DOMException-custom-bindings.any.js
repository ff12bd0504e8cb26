// Modeled on wpt webidl/ecmascript-binding/es-exceptions/DOMException-custom-bindings.any.js
"use strict";

test(() => {
  assert_throws_js(TypeError, () => DOMException());
}, "Cannot construct without new");

test(() => {
  assert_equals(Object.getPrototypeOf(DOMException.prototype), Error.prototype);
}, "inherits from Error: prototype-side");

test(() => {
  assert_equals(Object.getPrototypeOf(DOMException), Function.prototype);
}, "does not inherit from Error: class-side");

for (const member of ["message", "name", "cause", "code"]) {
  test(() => {
    const e = member === "cause" ? new DOMException("message", { cause: "cause" }) : new DOMException("message", "name");
    assert_false(e.hasOwnProperty(member), "not an own property");
    const d = Object.getOwnPropertyDescriptor(DOMException.prototype, member);
    assert_equals(typeof d.get, "function", "a getter");
    assert_equals(d.set, undefined, "no setter");
    assert_true(d.enumerable, "enumerable");
    assert_true(d.configurable, "configurable");
  }, `${member} property descriptor`);

  test(() => {
    const getter = Object.getOwnPropertyDescriptor(DOMException.prototype, member).get;
    assert_throws_js(TypeError, () => getter.apply({}));
  }, `${member} getter performs brand checks (i.e. is not [LegacyLenientThis])`);
}

test(() => {
  const e = new DOMException("message", "InvalidCharacterError");
  assert_equals(e.code, 5);
  Object.defineProperty(e, "name", { value: "WrongDocumentError" });
  assert_equals(e.code, 5, "code comes from the internal name");
}, "code property is not affected by shadowing the name property");

test(() => {
  assert_equals(Object.prototype.toString.call(new DOMException("message", "name")), "[object DOMException]");
}, "Object.prototype.toString behavior is like other interfaces");

test(() => {
  const e = new DOMException("message", "name");
  assert_false(e.hasOwnProperty("toString"));
  assert_false(DOMException.prototype.hasOwnProperty("toString"));
  assert_equals(typeof e.toString, "function");
}, "Inherits its toString() from Error.prototype");

test(() => {
  const e = new DOMException("message", "name");
  assert_equals(e.toString(), "name: message");
  Object.defineProperty(e, "name", { value: "new name" });
  Object.defineProperty(e, "message", { value: "new message" });
  assert_equals(e.toString(), "new name: new message");
}, "toString() behavior from Error.prototype applies as expected");

test(() => {
  assert_throws_js(TypeError, () => DOMException.prototype.toString());
}, "DOMException.prototype.toString() applied to DOMException.prototype throws because of name/message brand checks");

test(() => {
  let normalStack;
  try { throw new Error("normal error"); } catch (e) { normalStack = e.stack; }
  let domStack;
  try { throw new DOMException("message", "name"); } catch (e) { domStack = e.stack; }
  assert_equals(typeof domStack, typeof normalStack);
}, "If the implementation has a stack property on normal errors, it also does on DOMExceptions");
