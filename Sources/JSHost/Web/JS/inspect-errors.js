// inspect-errors.js: how inspect.js shows errors, and the text of an uncaught error report.
// Loaded with inspect.js (see there for where the format comes from).
//
// An error shows as its stack (JSC's `fn@file:line:col` lines rewritten as V8's `    at fn (file:line:col)`,
// below a `Name: message` line), or as `[Name: message]` when it has no frames, followed by its own
// enumerable properties and its `[cause]` / `[errors]`. When the constructor's name says more than `name`
// it is worked in: `[MyError: msg]` for a subclass of Error, `Child [TypeError]: msg` for a subclass of
// TypeError, `DOMException [AbortError]: msg`.
//
// Published on `internals`:
//   describeError(run, error)         the shape inspect.js lays out for an error
//   formatUncaught(value, inPromise)  → `Uncaught ` + the error as above without brackets (a string as it is,
//                                        any other value inspected); `Uncaught (in promise) ...` for rejections
//   formatStackFrames(stack)          → a JSC stack string as V8-style `    at ...` lines
(function (ops, internals, global) {
  "use strict";

  const I = internals.intrinsics; // captured before user code, see intrinsics.js
  const { ReflectApply, FunctionPrototypeCall, FunctionPrototypeBind, ObjectGetOwnPropertyDescriptor } = I;
  const uncurry = (fn) => ReflectApply(FunctionPrototypeBind, FunctionPrototypeCall, [fn]);
  const slice = uncurry(I.StringPrototypeSlice);
  const indexOf = uncurry(I.StringPrototypeIndexOf);
  const charCodeAt = uncurry(I.StringPrototypeCharCodeAt);
  const includes = uncurry(I.StringPrototypeIncludes);
  const startsWith = uncurry(I.StringPrototypeStartsWith);
  const endsWith = uncurry(I.StringPrototypeEndsWith);
  const { append, spaces, indentAfterNewlines, safeGet, safeString } = internals.inspectText;
  const { makeRun, makeShape, constructorName, truncatedName, formatProperty, propertyKeys, layout, inspect, isError } =
    internals.inspectCore;

  // JSC stack lines look like `fn@file:line:col`, `@file:line:col`, `global code@file:line:col` or
  // `fn@[native code]`. A stack made of such lines is JSC's own; anything else was assigned by user code.
  function isEngineStack(stack) {
    if (stack === "") return false;
    let from = 0;
    while (from <= stack.length) {
      let end = indexOf(stack, "\n", from);
      if (end === -1) end = stack.length;
      const line = slice(stack, from, end);
      if (!includes(line, "@") || startsWith(line, "    at ")) return false;
      from = end + 1;
    }
    return true;
  }

  function formatFrame(line) {
    const at = lastIndexOfChar(line, 0x40);
    const fn = slice(line, 0, at);
    let location = slice(line, at + 1);
    if (location === "[native code]") location = "native";
    else if (location === "") location = "<anonymous>";
    if (fn === "" || fn === "global code" || fn === "module code") return `    at ${location}`;
    if (fn === "eval code") return `    at eval (${location})`;
    return `    at ${fn} (${location})`;
  }

  function lastIndexOfChar(text, code) {
    for (let i = text.length - 1; i >= 0; i--) if (charCodeAt(text, i) === code) return i;
    return -1;
  }

  function formatStackFrames(stack) {
    if (typeof stack !== "string" || stack === "") return "";
    let text = "";
    let from = 0;
    while (from <= stack.length) {
      let end = indexOf(stack, "\n", from);
      if (end === -1) end = stack.length;
      const line = slice(stack, from, end);
      if (line !== "") text += (text === "" ? "" : "\n") + formatFrame(line);
      from = end + 1;
    }
    return text;
  }

  // The error's text as Node shows it: the stack when there is one (JSC stacks get a `Name: message` first
  // line), else `Name: message`; the constructor's name is worked in when it says more than `name` does.
  function errorText(error) {
    const name = safeGet(error, "name");
    const message = safeGet(error, "message");
    const stack = safeGet(error, "stack");
    const nameText = name === undefined ? "Error" : safeString(name);
    const messageText = message === undefined ? "" : safeString(message);
    const header = nameText === "" ? messageText : messageText === "" ? nameText : `${nameText}: ${messageText}`;
    let text;
    if (typeof stack === "string" && stack !== "") {
      text = isEngineStack(stack) ? `${header}\n${formatStackFrames(stack)}` : stack;
    } else if (stack !== undefined && stack !== null && stack !== "") {
      text = safeString(stack);
    } else {
      text = header;
    }
    return { text: withConstructorName(error, text, typeof name === "string" ? name : "Error"), messageText };
  }

  function withConstructorName(error, text, name) {
    const ctor = constructorName(error);
    if (ctor === null) {
      if (startsWith(text, name)) return `[${name}: null prototype]${slice(text, name.length)}`;
      return text;
    }
    if (ctor === name || !endsWith(name, "Error") || !startsWith(text, name)) return text;
    const after = text.length === name.length ? "" : text[name.length];
    if (after !== "" && after !== ":" && after !== "\n") return text;
    const label = includes(ctor, name) ? ctor : `${ctor} [${name}]`;
    return label + slice(text, name.length);
  }

  // True when the text has `    at` frame lines after the message.
  function hasFrames(text, messageText) {
    let from = 0;
    if (messageText !== "") {
      const at = indexOf(text, messageText);
      if (at !== -1) from = at + messageText.length;
    }
    return indexOf(text, "\n    at", from) !== -1;
  }

  const SHOWN_IN_TEXT = ["name", "message", "stack"];
  const SHOWN_IN_BRACKETS = ["cause", "errors"]; // shown as `[cause]` although not enumerable

  function describeError(run, error) {
    const { text, messageText } = errorText(error);
    const framed = hasFrames(text, messageText);
    let base = framed ? text : `[${text}]`;
    base = indentAfterNewlines(base, spaces(run.indent));
    const shape = makeShape(base, "{", "}", truncatedName(error, "Error"));
    // `name`, `message` and `stack` are not repeated as keys when the text already shows them.
    const hidden = [];
    for (let i = 0; i < SHOWN_IN_TEXT.length; i++) {
      const key = SHOWN_IN_TEXT[i];
      const descriptor = ObjectGetOwnPropertyDescriptor(error, key);
      if (descriptor !== undefined && descriptor.enumerable && typeof descriptor.value === "string" &&
          includes(text, descriptor.value)) {
        append(hidden, key);
      }
    }
    shape.hiddenKeys = hidden;
    shape.bareText = text;
    if (!run.showHidden) {
      const extras = [];
      for (let i = 0; i < SHOWN_IN_BRACKETS.length; i++) {
        const key = SHOWN_IN_BRACKETS[i];
        const descriptor = ObjectGetOwnPropertyDescriptor(error, key);
        if (descriptor !== undefined && !descriptor.enumerable) append(extras, key);
      }
      if (extras.length > 0) {
        shape.itemCount = extras.length;
        shape.itemsLast = true;
        shape.items = (run, object, level, entries) => {
          for (let i = 0; i < extras.length; i++) append(entries, formatProperty(run, object, extras[i], level));
        };
      }
    }
    return shape;
  }

  // ---- uncaught errors ------------------------------------------------------------------------------------

  function formatUncaught(value, inPromise) {
    const lead = inPromise ? "Uncaught (in promise) " : "Uncaught ";
    if (typeof value === "string") return lead + value;
    if (value !== null && typeof value === "object" && isError(value)) {
      const run = makeRun(undefined);
      const shape = describeError(run, value);
      shape.base = shape.bareText;
      const keys = propertyKeys(run, value, false, shape.hiddenKeys);
      if (keys.length === 0 && shape.items === null) return lead + shape.bareText;
      append(run.ancestors, value);
      const entries = [];
      for (let i = 0; i < keys.length; i++) append(entries, formatProperty(run, value, keys[i], 0));
      if (shape.items !== null) shape.items(run, value, 0, entries);
      run.ancestors.length--;
      return lead + layout(run, shape, entries, 0);
    }
    return lead + inspect(value, undefined);
  }

  internals.describeError = describeError;
  internals.formatUncaught = formatUncaught;
  internals.formatStackFrames = formatStackFrames;
})
