// Test harness, part 2 of 4: AssertionError and the assert_* functions.
// Every failure message has the shape `assert_name: description message`, where the message wording is
// the one web-platform-tests results are compared against (for example `expected 3 but got 4`).
(function (ops, internals, global) {
  "use strict";

  const th = internals.th;
  const { formatValue, formatArrayAround, replaceLoneSurrogates } = th;
  const { apply, defineProperty, getPrototypeOf, set: reflectSet } = Reflect;
  const StringCtor = String;
  const ObjectIs = Object.is;
  const ObjectCreate = Object.create;
  const hasOwn = Object.hasOwn;
  const ErrorCtor = Error;
  const ErrorPrototype = Error.prototype;
  const objectToString = Object.prototype.toString;
  const regExpTest = RegExp.prototype.test;
  const arrayIndexOf = Array.prototype.indexOf;
  const isFiniteNumber = Number.isFinite;
  const mathAbs = Math.abs;
  const stringSplit = String.prototype.split;
  const stringIncludes = String.prototype.includes;

  // The stack where an assertion failed, without the harness's own frames.
  function captureStack() {
    const lines = apply(stringSplit, new ErrorCtor().stack, ["\n"]);
    let stack = "";
    for (let i = 0; i < lines.length; i++) {
      if (apply(stringIncludes, lines[i], ["@jshost:testharness"])) continue;
      stack += stack === "" ? lines[i] : "\n" + lines[i];
    }
    return stack;
  }

  // AssertionError keeps the classic shape: a plain function whose prototype inherits from
  // Error.prototype without a name or constructor of its own, so it prints as `Error: message` the way
  // uncaught assertion failures always have.
  function AssertionError(message) {
    if (!(this instanceof AssertionError)) return new AssertionError(message);
    defineProperty(this, "message", { __proto__: null, value: message, writable: true, enumerable: true, configurable: true });
    defineProperty(this, "stack", { __proto__: null, value: captureStack(), writable: true, enumerable: true, configurable: true });
  }
  AssertionError.prototype = ObjectCreate(ErrorPrototype);

  // Thrown by assert_implements_optional: the test's status becomes PRECONDITION_FAILED.
  function OptionalFeatureUnsupportedError(message) {
    if (!(this instanceof OptionalFeatureUnsupportedError)) return new OptionalFeatureUnsupportedError(message);
    apply(AssertionError, this, [message]);
  }
  OptionalFeatureUnsupportedError.prototype = ObjectCreate(AssertionError.prototype);

  function isAssertionError(value) {
    return value instanceof AssertionError;
  }

  function hasDescription(description) {
    return description !== undefined && description !== null && description !== "";
  }

  // Throws `assert_name: description message`.
  function fail(assertName, description, message) {
    const prefix = hasDescription(description) ? `${assertName}: ${StringCtor(description)} ` : `${assertName}: `;
    throw new AssertionError(replaceLoneSurrogates(prefix + message));
  }

  const isObject = (value) => (typeof value === "object" && value !== null) || typeof value === "function";

  // --- Truth and equality --------------------------------------------------------------------------

  function assert_true(actual, description) {
    if (actual !== true) fail("assert_true", description, `expected true got ${formatValue(actual)}`);
  }

  function assert_false(actual, description) {
    if (actual !== false) fail("assert_false", description, `expected false got ${formatValue(actual)}`);
  }

  function equalsMessage(actual, expected) {
    if (typeof actual !== typeof expected) {
      return `expected (${typeof expected}) ${formatValue(expected)} but got (${typeof actual}) ${formatValue(actual)}`;
    }
    return `expected ${formatValue(expected)} but got ${formatValue(actual)}`;
  }

  function assert_equals(actual, expected, description) {
    if (!ObjectIs(actual, expected)) fail("assert_equals", description, equalsMessage(actual, expected));
  }

  function assert_not_equals(actual, expected, description) {
    if (ObjectIs(actual, expected)) fail("assert_not_equals", description, `got disallowed value ${formatValue(actual)}`);
  }

  function assert_in_array(actual, expected, description) {
    if (apply(arrayIndexOf, expected, [actual]) === -1) {
      fail("assert_in_array", description, `value ${formatValue(actual)} not in array ${formatValue(expected)}`);
    }
  }

  // Compares enumerable properties (own and inherited) recursively; an object value is compared by its
  // properties, anything else with SameValue. Objects already being compared are skipped (cycles).
  function assert_object_equals(actual, expected, description) {
    if (typeof actual !== "object" || actual === null) {
      fail("assert_object_equals", description, `value is ${formatValue(actual)}, expected object`);
    }
    const inProgress = [];
    function compare(actualObject, expectedObject) {
      defineProperty(inProgress, inProgress.length, { __proto__: null, value: actualObject, writable: true, enumerable: true, configurable: true });
      for (const name in actualObject) {
        if (!hasOwn(expectedObject, name)) fail("assert_object_equals", description, `unexpected property ${formatValue(name)}`);
        const actualValue = actualObject[name];
        const expectedValue = expectedObject[name];
        if (typeof actualValue === "object" && actualValue !== null) {
          if (apply(arrayIndexOf, inProgress, [actualValue]) === -1) compare(actualValue, expectedValue);
        } else if (!ObjectIs(actualValue, expectedValue)) {
          fail("assert_object_equals", description,
               `property ${formatValue(name)} expected ${formatValue(expectedValue)} got ${formatValue(actualValue)}`);
        }
      }
      for (const name in expectedObject) {
        if (!hasOwn(actualObject, name)) fail("assert_object_equals", description, `expected property ${formatValue(name)} missing`);
      }
      inProgress.length--;
    }
    compare(actual, expected);
  }

  function assert_array_equals(actual, expected, description) {
    if (typeof actual !== "object" || actual === null) {
      fail("assert_array_equals", description, `value is ${formatValue(actual)}, expected array`);
    }
    if (actual.length !== expected.length) {
      fail("assert_array_equals", description,
           `lengths differ, expected array ${formatArrayAround(expected)} length ${expected.length}, ` +
           `got ${formatArrayAround(actual)} length ${actual.length}`);
    }
    for (let i = 0; i < actual.length; i++) {
      const context = () => `(expected array ${formatArrayAround(expected, i)} got ${formatArrayAround(actual, i)})`;
      const inActual = i in actual;
      const inExpected = i in expected;
      if (inActual !== inExpected) {
        fail("assert_array_equals", description,
             `expected property ${i} to be ${inExpected ? "\"present\"" : "\"missing\""} but was ` +
             `${inActual ? "\"present\"" : "\"missing\""} ${context()}`);
      }
      if (!ObjectIs(actual[i], expected[i])) {
        fail("assert_array_equals", description,
             `expected property ${i} to be ${formatValue(expected[i])} but got ${formatValue(actual[i])} ${context()}`);
      }
    }
  }

  // --- Numbers -------------------------------------------------------------------------------------

  function requireNumber(assertName, description, actual, prefix) {
    if (typeof actual !== "number") fail(assertName, description, `${prefix}expected a number but got a ${formatValue(typeof actual)}`);
  }

  // Infinite or NaN on both sides: the values must be the same (reported as assert_equals).
  function approximatelyEqual(assertName, description, actual, expected, epsilon, prefix) {
    requireNumber(assertName, description, actual, prefix);
    if (!isFiniteNumber(actual) && !isFiniteNumber(expected)) {
      if (prefix === "") {
        assert_equals(actual, expected);
      } else if (!ObjectIs(actual, expected)) {
        fail(assertName, description, `${prefix}expected ${formatValue(expected)} +/- ${formatValue(epsilon)}, ${equalsMessage(actual, expected)}`);
      }
      return;
    }
    if (!(mathAbs(actual - expected) <= epsilon)) {
      fail(assertName, description, prefix === ""
        ? `expected ${formatValue(expected)} +/- ${formatValue(epsilon)} but got ${formatValue(actual)}`
        : `${prefix}expected ${formatValue(expected)} +/- ${formatValue(epsilon)}, expected ${formatValue(expected)} but got ${formatValue(actual)}`);
    }
  }

  function assert_approx_equals(actual, expected, epsilon, description) {
    approximatelyEqual("assert_approx_equals", description, actual, expected, epsilon, "");
  }

  function assert_array_approx_equals(actual, expected, epsilon, description) {
    if (actual.length !== expected.length) {
      fail("assert_array_approx_equals", description,
           `lengths differ, expected ${formatValue(expected.length)} got ${formatValue(actual.length)}`);
    }
    for (let i = 0; i < actual.length; i++) {
      approximatelyEqual("assert_array_approx_equals", description, actual[i], expected[i], epsilon, `property ${i}, `);
    }
  }

  function comparison(assertName, relation, holds) {
    return function (actual, expected, description) {
      requireNumber(assertName, description, actual, "");
      if (!holds(actual, expected)) {
        fail(assertName, description, `expected a number ${relation} ${formatValue(expected)} but got ${formatValue(actual)}`);
      }
    };
  }

  const assert_less_than = comparison("assert_less_than", "less than", (a, b) => a < b);
  const assert_greater_than = comparison("assert_greater_than", "greater than", (a, b) => a > b);
  const assert_less_than_equal = comparison("assert_less_than_equal", "less than or equal to", (a, b) => a <= b);
  const assert_greater_than_equal = comparison("assert_greater_than_equal", "greater than or equal to", (a, b) => a >= b);

  function assert_between_exclusive(actual, lower, upper, description) {
    requireNumber("assert_between_exclusive", description, actual, "");
    if (!(actual > lower && actual < upper)) {
      fail("assert_between_exclusive", description,
           `expected a number greater than ${formatValue(lower)} and less than ${formatValue(upper)} but got ${formatValue(actual)}`);
    }
  }

  function assert_between_inclusive(actual, lower, upper, description) {
    requireNumber("assert_between_inclusive", description, actual, "");
    if (!(actual >= lower && actual <= upper)) {
      fail("assert_between_inclusive", description,
           `expected a number greater than or equal to ${formatValue(lower)} and less than or equal to ` +
           `${formatValue(upper)} but got ${formatValue(actual)}`);
    }
  }

  // --- Strings, classes and properties -------------------------------------------------------------

  function assert_regexp_match(actual, expected, description) {
    if (!apply(regExpTest, expected, [actual])) {
      fail("assert_regexp_match", description, `expected ${formatValue(expected)} but got ${formatValue(actual)}`);
    }
  }

  function assert_class_string(object, className, description) {
    const actual = apply(objectToString, object, []);
    const expected = `[object ${className}]`;
    if (actual !== expected) fail("assert_class_string", description, equalsMessage(actual, expected));
  }

  function assert_own_property(object, property_name, description) {
    if (!hasOwn(object, property_name)) fail("assert_own_property", description, `expected property ${formatValue(property_name)} missing`);
  }

  function assert_not_own_property(object, name, description) {
    if (hasOwn(object, name)) fail("assert_not_own_property", description, `unexpected property ${formatValue(name)} is found on object`);
  }

  function inherited(assertName) {
    return function (object, name, description) {
      if (!isObject(object)) fail(assertName, description, "provided value is not an object");
      if (!("hasOwnProperty" in object)) fail(assertName, description, "provided value is an object but has no hasOwnProperty method");
      if (hasOwn(object, name)) fail(assertName, description, `property ${formatValue(name)} found on object expected in prototype chain`);
      if (!(name in object)) fail(assertName, description, `property ${formatValue(name)} not found in prototype chain`);
    };
  }

  const assert_inherits = inherited("assert_inherits");
  const assert_idl_attribute = inherited("assert_idl_attribute");

  // Tries to change the property (without throwing, like a sloppy-mode assignment) and puts it back.
  function assert_readonly(object, name, description) {
    if (!isObject(object)) return;
    const initial = object[name];
    try {
      reflectSet(object, name, initial + "a");
      if (!ObjectIs(object[name], initial)) fail("assert_readonly", description, `changing property ${formatValue(name)} succeeded`);
    } finally {
      reflectSet(object, name, initial);
    }
  }

  // --- Exceptions ----------------------------------------------------------------------------------

  // Calls `func`; returns { threw, error }. An AssertionError from inside is the caller's business.
  function callForException(func) {
    try {
      apply(func, undefined, []);
    } catch (error) {
      return { __proto__: null, threw: true, error };
    }
    return { __proto__: null, threw: false, error: undefined };
  }

  function requireObjectThrown(assertName, description, func, error) {
    if (typeof error !== "object" && typeof error !== "function") {
      fail(assertName, description, `${formatValue(func)} threw ${formatValue(error)} with type ${formatValue(typeof error)}, not an object`);
    }
    if (error === null) fail(assertName, description, `${formatValue(func)} threw null, not an object`);
  }

  function throwsJS(assertName, constructor, func, description) {
    const outcome = callForException(func);
    if (!outcome.threw) fail(assertName, description, `${formatValue(func)} did not throw`);
    const error = outcome.error;
    if (isAssertionError(error)) throw error;
    requireObjectThrown(assertName, description, func, error);
    if (typeof constructor !== "function") fail(assertName, description, `${formatValue(constructor)} is not a constructor`);
    let isErrorType = constructor === ErrorCtor;
    for (let proto = constructor.prototype; !isErrorType && isObject(proto); proto = getPrototypeOf(proto)) {
      if (proto === ErrorPrototype) isErrorType = true;
    }
    if (!isErrorType) fail(assertName, description, `${formatValue(constructor)} is not an Error subtype`);
    if (error.constructor !== constructor || error.name !== constructor.name) {
      fail(assertName, description,
           `${formatValue(func)} threw ${formatValue(error)} (${formatValue(error.name)}) expected instance of ` +
           `${formatValue(constructor)} (${formatValue(constructor.name)})`);
    }
  }

  // DOMException names with their legacy codes (0: the name has no code), and the legacy constant names.
  const DOM_CODES = {
    __proto__: null,
    IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5,
    NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InUseAttributeError: 10,
    InvalidStateError: 11, SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14,
    InvalidAccessError: 15, TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20,
    URLMismatchError: 21, QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25,
    EncodingError: 0, NotReadableError: 0, UnknownError: 0, ConstraintError: 0, DataError: 0,
    TransactionInactiveError: 0, ReadOnlyError: 0, VersionError: 0, OperationError: 0, NotAllowedError: 0,
    OptOutError: 0,
  };
  const DOM_CONSTANT_NAMES = {
    __proto__: null,
    INDEX_SIZE_ERR: "IndexSizeError", HIERARCHY_REQUEST_ERR: "HierarchyRequestError",
    WRONG_DOCUMENT_ERR: "WrongDocumentError", INVALID_CHARACTER_ERR: "InvalidCharacterError",
    NO_MODIFICATION_ALLOWED_ERR: "NoModificationAllowedError", NOT_FOUND_ERR: "NotFoundError",
    NOT_SUPPORTED_ERR: "NotSupportedError", INUSE_ATTRIBUTE_ERR: "InUseAttributeError",
    INVALID_STATE_ERR: "InvalidStateError", SYNTAX_ERR: "SyntaxError",
    INVALID_MODIFICATION_ERR: "InvalidModificationError", NAMESPACE_ERR: "NamespaceError",
    INVALID_ACCESS_ERR: "InvalidAccessError", TYPE_MISMATCH_ERR: "TypeMismatchError", SECURITY_ERR: "SecurityError",
    NETWORK_ERR: "NetworkError", ABORT_ERR: "AbortError", URL_MISMATCH_ERR: "URLMismatchError",
    QUOTA_EXCEEDED_ERR: "QuotaExceededError", TIMEOUT_ERR: "TimeoutError",
    INVALID_NODE_TYPE_ERR: "InvalidNodeTypeError", DATA_CLONE_ERR: "DataCloneError",
  };

  function domExpectation(assertName, type) {
    if (typeof type === "number") {
      if (type === 0) throw new AssertionError(`Test bug: ambiguous DOMException code 0 passed to ${assertName}()`);
      for (const name in DOM_CODES) {
        if (DOM_CODES[name] === type) return { __proto__: null, name, code: type };
      }
      throw new AssertionError(`Test bug: unrecognized DOMException code ${formatValue(StringCtor(type))} passed to ${assertName}()`);
    }
    const name = DOM_CONSTANT_NAMES[type] ?? type;
    if (typeof name !== "string" || DOM_CODES[name] === undefined) {
      throw new AssertionError(`Test bug: unrecognized DOMException code name or name ${formatValue(type)} passed to ${assertName}()`);
    }
    return { __proto__: null, name, code: DOM_CODES[name] };
  }

  function throwsDOM(assertName, type, constructor, func, description) {
    const expected = domExpectation(assertName, type);
    const outcome = callForException(func);
    if (!outcome.threw) fail(assertName, description, `${formatValue(func)} did not throw`);
    const error = outcome.error;
    if (isAssertionError(error)) throw error;
    requireObjectThrown(assertName, description, func, error);
    const notDOMException = `${formatValue(func)} threw ${formatValue(error)} that is not a DOMException ${StringCtor(type)}: `;
    if (error.code !== expected.code) {
      fail(assertName, description, notDOMException + `property "code" is equal to ${formatValue(error.code)}, expected ${formatValue(expected.code)}`);
    }
    if (error.name !== expected.name) {
      fail(assertName, description, notDOMException + `property "name" is equal to ${formatValue(error.name)}, expected ${formatValue(expected.name)}`);
    }
    if (error.constructor !== constructor) fail(assertName, description, `${formatValue(func)} threw an exception from the wrong global`);
  }

  function throwsExactly(assertName, exception, func, description) {
    const outcome = callForException(func);
    if (!outcome.threw) fail(assertName, description, `${formatValue(func)} did not throw`);
    const error = outcome.error;
    if (isAssertionError(error)) throw error;
    if (!ObjectIs(error, exception)) {
      fail(assertName, description, `${formatValue(func)} threw ${formatValue(error)} but we expected it to throw ${formatValue(exception)}`);
    }
  }

  function assert_throws_js(constructor, func, description) {
    throwsJS("assert_throws_js", constructor, func, description);
  }

  // The constructor form of assert_throws_dom / promise_rejects_dom is recognised by the constructor's
  // name, so that another global's DOMException works too.
  function isDOMExceptionConstructor(value) {
    return typeof value === "function" && value.name === "DOMException";
  }

  // assert_throws_dom(type, func, description) or, for another global's DOMException,
  // assert_throws_dom(type, constructor, func, description).
  function assert_throws_dom(type, funcOrConstructor, descriptionOrFunc, maybeDescription) {
    if (isDOMExceptionConstructor(funcOrConstructor)) {
      throwsDOM("assert_throws_dom", type, funcOrConstructor, descriptionOrFunc, maybeDescription);
      return;
    }
    if (arguments.length > 3) {
      throw new AssertionError("Test bug: assert_throws_dom() got a fourth argument but no DOMException constructor");
    }
    throwsDOM("assert_throws_dom", type, th.DOMException, funcOrConstructor, descriptionOrFunc);
  }

  function assert_throws_exactly(exception, func, description) {
    throwsExactly("assert_throws_exactly", exception, func, description);
  }

  // --- Reachability and features -------------------------------------------------------------------

  function assert_unreached(description) {
    fail("assert_unreached", description, "Reached unreachable code");
  }

  function assert_implements(condition, description) {
    if (!condition) fail("assert_implements", description, "undefined");
  }

  function assert_implements_optional(condition, description) {
    if (!condition) throw new OptionalFeatureUnsupportedError(description);
  }

  // Passes when `assertFunc(actual, candidate, ...rest)` passes for any candidate; otherwise fails with
  // every candidate's failure message.
  function assert_any(assertFunc, actual, expectedList, ...rest) {
    let messages = "";
    for (let i = 0; i < expectedList.length; i++) {
      try {
        const args = [actual, expectedList[i]];
        for (let j = 0; j < rest.length; j++) args[j + 2] = rest[j];
        apply(assertFunc, undefined, args);
        return;
      } catch (error) {
        messages += (i > 0 ? "\n\n" : "") + th.safeString(isObject(error) ? error.message : error);
      }
    }
    throw new AssertionError(messages);
  }

  // --- Promise rejections (these belong to a test: a fulfilled promise fails it) ------------------

  function expectRejection(test, promise, description, check) {
    return th.promiseThen(th.promiseResolve(promise),
      test.unreached_func("Should have rejected: " + description),
      (e) => check(function() { throw e }));
  }

  function promise_rejects_js(test, constructor, promise, description) {
    return expectRejection(test, promise, description,
      (thrower) => throwsJS("promise_rejects_js", constructor, thrower, description));
  }

  // promise_rejects_dom(test, type, promise, description) or (test, type, constructor, promise, description).
  function promise_rejects_dom(test, type, promiseOrConstructor, descriptionOrPromise, maybeDescription) {
    let constructor = th.DOMException;
    let promise = promiseOrConstructor;
    let description = descriptionOrPromise;
    if (isDOMExceptionConstructor(promiseOrConstructor)) {
      constructor = promiseOrConstructor;
      promise = descriptionOrPromise;
      description = maybeDescription;
    }
    return expectRejection(test, promise, description,
      (thrower) => throwsDOM("promise_rejects_dom", type, constructor, thrower, description));
  }

  function promise_rejects_exactly(test, exception, promise, description) {
    return expectRejection(test, promise, description,
      (thrower) => throwsExactly("promise_rejects_exactly", exception, thrower, description));
  }

  th.AssertionError = AssertionError;
  th.OptionalFeatureUnsupportedError = OptionalFeatureUnsupportedError;
  th.isAssertionError = isAssertionError;
  th.fail = fail;
  th.assertions = {
    __proto__: null,
    assert_true, assert_false, assert_equals, assert_not_equals, assert_in_array, assert_object_equals,
    assert_array_equals, assert_array_approx_equals, assert_approx_equals, assert_less_than, assert_greater_than,
    assert_between_exclusive, assert_less_than_equal, assert_greater_than_equal, assert_between_inclusive,
    assert_regexp_match, assert_class_string, assert_own_property, assert_not_own_property, assert_inherits,
    assert_idl_attribute, assert_readonly, assert_throws_js, assert_throws_dom, assert_throws_exactly,
    assert_unreached, assert_any, assert_implements, assert_implements_optional,
    promise_rejects_js, promise_rejects_dom, promise_rejects_exactly,
  };
})
