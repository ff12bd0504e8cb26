// console.js: the `console` namespace and Node-style value formatting (util.inspect / util.format).
//
// Output format follows Node.js 20 (console.log, util.inspect defaults: depth 2, breakLength 80, compact 3).
// The algorithms are re-implemented here from Node's documented/observed behaviour.
//
// Known limitations (JavaScriptCore has no JS-visible way to get at these):
// - Promise state: JSC offers no synchronous API to read a promise's state from JS, and attaching a
//   handler to find out would both be asynchronous and mark a rejected promise as handled. Promises
//   therefore print as `Promise { <unknown> }`, unless some later module or the host publishes
//   `internals.promiseState(promise)` returning `[state, result]` (state 0 pending, 1 fulfilled,
//   2 rejected); it is looked up at call time.
// - Proxies cannot be detected: a Proxy is inspected through its traps, like an ordinary object.
// - Map/Set iterators cannot be brand-checked without consuming them: they print as
//   `Object [Map Iterator] {}`.
// - Stack frames come from JSC (`fn@url:line:col`) and are converted to V8's `    at fn (url:line:col)`
//   shape; JSC does not know receiver types, so Node's `at Foo.method` prints as `at method`.
// - `showHidden` is supported for ordinary properties; V8-only hidden details (e.g. typed array
//   internals) are not shown.

(function (ops, internals, global) {
  "use strict";

  // ---------------------------------------------------------------------------------------------
  // Intrinsics, captured now so that user code patching prototypes later cannot break printing.

  const uncurry = (fn) => Function.prototype.call.bind(fn);
  const getter = (proto, name) => uncurry(Object.getOwnPropertyDescriptor(proto, name).get);

  const ObjectKeys = Object.keys;
  const ObjectGetOwnPropertyNames = Object.getOwnPropertyNames;
  const ObjectGetOwnPropertySymbols = Object.getOwnPropertySymbols;
  const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
  const ObjectGetPrototypeOf = Object.getPrototypeOf;
  const ObjectDefineProperty = Object.defineProperty;
  const ObjectIs = Object.is;
  const ArrayIsArray = Array.isArray;
  const hasOwn = uncurry(Object.prototype.hasOwnProperty);
  const propertyIsEnumerable = uncurry(Object.prototype.propertyIsEnumerable);
  const objectToString = uncurry(Object.prototype.toString);
  const functionToString = uncurry(Function.prototype.toString);
  const symbolToString = uncurry(Symbol.prototype.toString);
  const regExpToString = uncurry(RegExp.prototype.toString);
  const regExpSourceGetter = getter(RegExp.prototype, "source");
  const dateGetTime = uncurry(Date.prototype.getTime);
  const dateToISOString = uncurry(Date.prototype.toISOString);
  const mapSize = getter(Map.prototype, "size");
  const setSize = getter(Set.prototype, "size");
  const mapEntries = uncurry(Map.prototype.entries);
  const setValues = uncurry(Set.prototype.values);
  const mapIteratorNext = uncurry(ObjectGetPrototypeOf(new Map().entries()).next);
  const setIteratorNext = uncurry(ObjectGetPrototypeOf(new Set().values()).next);
  const weakMapHas = uncurry(WeakMap.prototype.has);
  const weakSetHas = uncurry(WeakSet.prototype.has);
  const TypedArrayPrototype = ObjectGetPrototypeOf(Uint8Array.prototype);
  const typedArrayTag = getter(TypedArrayPrototype, Symbol.toStringTag);
  const typedArrayLength = getter(TypedArrayPrototype, "length");
  const arrayBufferByteLength = getter(ArrayBuffer.prototype, "byteLength");
  const sharedArrayBufferByteLength = typeof SharedArrayBuffer === "function"
    ? getter(SharedArrayBuffer.prototype, "byteLength") : undefined;
  const dataViewByteLength = getter(DataView.prototype, "byteLength");
  const numberValueOf = uncurry(Number.prototype.valueOf);
  const stringValueOf = uncurry(String.prototype.valueOf);
  const booleanValueOf = uncurry(Boolean.prototype.valueOf);
  const bigIntValueOf = uncurry(BigInt.prototype.valueOf);
  const symbolValueOf = uncurry(Symbol.prototype.valueOf);
  const ErrorIsError = typeof Error.isError === "function" ? Error.isError : undefined;
  const ErrorCaptureStackTrace = typeof Error.captureStackTrace === "function" ? Error.captureStackTrace : undefined;
  const JSONStringify = JSON.stringify;
  const IntrinsicPromise = Promise;
  const IntrinsicError = Error;
  const IntrinsicUint8Array = Uint8Array;
  const MathMin = Math.min, MathMax = Math.max, MathFloor = Math.floor, MathRound = Math.round,
    MathSqrt = Math.sqrt;
  const AsyncFunctionPrototype = ObjectGetPrototypeOf(async function () {});
  const GeneratorFunctionPrototype = ObjectGetPrototypeOf(function* () {});
  const AsyncGeneratorFunctionPrototype = ObjectGetPrototypeOf(async function* () {});
  const SymbolToStringTag = Symbol.toStringTag;
  const SymbolIterator = Symbol.iterator;
  const SymbolToPrimitive = Symbol.toPrimitive;
  const customInspectSymbol = Symbol.for("nodejs.util.inspect.custom");

  // Names of the built-in constructors (as Node computes them): `%s` uses inspect() instead of
  // toString() for objects whose toString comes from one of these. console.js runs first, so the
  // global holds only engine built-ins at this point.
  const builtInObjects = new Set(
    ObjectGetOwnPropertyNames(global).filter((name) => /^[A-Z][a-zA-Z0-9]+$/.test(name)));

  // ---------------------------------------------------------------------------------------------
  // Brand checks. Each uses an intrinsic that throws on a wrong receiver (no side effects), so
  // Symbol.toStringTag or a swapped prototype cannot fool them.

  function throwsOn(check, value) {
    try { check(value); return true; } catch { return false; }
  }
  const isMap = (v) => throwsOn(mapSize, v);
  const isSet = (v) => throwsOn(setSize, v);
  const isTypedArray = (v) => typedArrayTag(v) !== undefined;
  const isArrayBuffer = (v) => throwsOn(arrayBufferByteLength, v);
  const isSharedArrayBuffer = (v) =>
    sharedArrayBufferByteLength !== undefined && throwsOn(sharedArrayBufferByteLength, v);
  const isDataView = (v) => throwsOn(dataViewByteLength, v);
  const isDate = (v) => throwsOn(dateGetTime, v);
  // RegExp.prototype itself is accepted by the `source` getter but is not a RegExp.
  const isRegExp = (v) => v !== RegExp.prototype && throwsOn(regExpSourceGetter, v);
  const isWeakMap = (v) => throwsOn((x) => weakMapHas(x, isWeakMap), v);
  const isWeakSet = (v) => throwsOn((x) => weakSetHas(x, isWeakSet), v);
  // No side-effect-free brand check exists for promises (then() would register a reaction).
  const isPromise = (v) => v instanceof IntrinsicPromise;
  const isArguments = (v) => objectToString(v) === "[object Arguments]";

  function isError(v) {
    if (ErrorIsError !== undefined && ErrorIsError(v)) return true;
    try { return v instanceof IntrinsicError; } catch { return false; }
  }

  const isNumberObject = (v) => throwsOn(numberValueOf, v);
  const isStringObject = (v) => throwsOn(stringValueOf, v);
  const isBooleanObject = (v) => throwsOn(booleanValueOf, v);
  const isBigIntObject = (v) => throwsOn(bigIntValueOf, v);
  const isSymbolObject = (v) => throwsOn(symbolValueOf, v);

  // Object kinds that print specially, in the order Node tests them, with their brand checks.
  const brandChecks = {
    Set: isSet, Map: isMap, TypedArray: isTypedArray, RegExp: isRegExp, Date: isDate, Error: isError,
    ArrayBuffer: isArrayBuffer, SharedArrayBuffer: isSharedArrayBuffer, DataView: isDataView,
    Promise: isPromise, WeakSet: isWeakSet, WeakMap: isWeakMap, Number: isNumberObject,
    String: isStringObject, Boolean: isBooleanObject, BigInt: isBigIntObject, Symbol: isSymbolObject,
  };
  const kindOrder = ObjectKeys(brandChecks);
  const unboxers = {
    Number: numberValueOf, String: stringValueOf, Boolean: booleanValueOf, BigInt: bigIntValueOf,
    Symbol: symbolValueOf,
  };

  // Brand checks that fail throw, and a throw is slow in JSC (it builds an Error with a stack), so
  // the prototype chain picks the one check worth trying first. The intrinsic prototypes:
  const intrinsicKinds = new Map([
    [Set.prototype, "Set"], [Map.prototype, "Map"], [TypedArrayPrototype, "TypedArray"],
    [RegExp.prototype, "RegExp"], [Date.prototype, "Date"], [Error.prototype, "Error"],
    [ArrayBuffer.prototype, "ArrayBuffer"], [DataView.prototype, "DataView"],
    [Promise.prototype, "Promise"], [WeakSet.prototype, "WeakSet"], [WeakMap.prototype, "WeakMap"],
    [Number.prototype, "Number"], [String.prototype, "String"], [Boolean.prototype, "Boolean"],
    [BigInt.prototype, "BigInt"], [Symbol.prototype, "Symbol"],
  ]);
  if (typeof SharedArrayBuffer === "function") intrinsicKinds.set(SharedArrayBuffer.prototype, "SharedArrayBuffer");
  const ObjectPrototype = Object.prototype;

  // The kind of `value` (a key of brandChecks) or "" for an ordinary object.
  function objectKind(value) {
    let proto = ObjectGetPrototypeOf(value);
    while (proto !== null && proto !== ObjectPrototype) {
      const hint = intrinsicKinds.get(proto);
      if (hint !== undefined) {
        // `instanceof Error` is no brand: a Date re-parented onto Error.prototype is still a Date.
        const verified = hint === "Error" ? ErrorIsError !== undefined && ErrorIsError(value) : brandChecks[hint](value);
        if (verified) return hint;
        break;
      }
      proto = ObjectGetPrototypeOf(proto);
    }
    // An ordinary chain without intrinsic prototypes and the plain built-in tag: an ordinary object
    // (the tag would reveal a re-parented Error, Date, RegExp or boxed primitive).
    if (proto === ObjectPrototype && objectToString(value) === "[object Object]") return "";
    // Null-prototype or re-parented objects: try every check.
    for (const kind of kindOrder) if (brandChecks[kind](value)) return kind;
    return "";
  }

  // ---------------------------------------------------------------------------------------------
  // Stack frames: JSC writes `fn@url:line:col` lines (no header); we print V8's `    at fn (url:line:col)`.

  // A JSC frame: optional function name, `@`, then a location that is empty, `[native code]`, or
  // ends in `:line` / `:line:col`. Anything else means the stack was replaced by user code.
  const jscFrameRegExp = /^([^@]*)@(|\[native code\]|.*:\d+(?::\d+)?)$/;

  function convertFrame(line) {
    const m = jscFrameRegExp.exec(line);
    let name = m[1];
    const location = m[2];
    if (location.startsWith("jshost:")) return undefined; // JSHost's own embedded modules
    if (name === "global code" || name === "module code") name = "";
    else if (name === "eval code") name = "eval";
    if (location === "[native code]") return `    at ${name || "<anonymous>"} (native)`;
    if (location === "") return `    at ${name || "<anonymous>"} (<anonymous>)`;
    return name === "" ? `    at ${location}` : `    at ${name} (${location})`;
  }

  // JSC stack string → array of `    at ...` lines, or undefined when the string is not a JSC stack.
  function convertStack(stack) {
    const lines = stack.split("\n");
    const out = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (line === "") continue;
      if (!jscFrameRegExp.test(line) || line.includes(": ")) return undefined;
      const frame = convertFrame(line);
      if (frame !== undefined) out.push(frame);
    }
    return out;
  }

  function formatStackFrames(stackString) {
    if (typeof stackString !== "string") return [];
    const frames = convertStack(stackString);
    if (frames !== undefined) return frames;
    // Already V8-shaped (or user-made): keep the `at` lines as they are.
    return stackString.split("\n").filter((line) => /^\s+at /.test(line));
  }

  function safeGet(obj, key) {
    try { return obj[key]; } catch { return undefined; }
  }

  // The `Name: message` line V8 puts first in `stack` (ErrorUtils::ToString rules).
  function errorHeader(err) {
    const rawName = safeGet(err, "name");
    const rawMessage = safeGet(err, "message");
    const name = rawName === undefined ? "Error" : safeString(rawName);
    const message = rawMessage === undefined ? "" : safeString(rawMessage);
    if (name === "") return message;
    if (message === "") return name;
    return `${name}: ${message}`;
  }

  function safeString(value) {
    try { return String(value); } catch { return "[object Unknown]"; }
  }

  // The equivalent of V8's `err.stack`: header plus converted frames. A stack the user replaced
  // with their own string is kept verbatim, as Node would print it.
  function errorStackString(err) {
    const raw = safeGet(err, "stack");
    if (typeof raw === "string" && raw !== "") {
      const frames = convertStack(raw);
      if (frames === undefined) return raw;
      const header = errorHeader(err);
      return frames.length === 0 ? header : `${header}\n${frames.join("\n")}`;
    }
    if (raw) return safeString(raw);
    return errorHeader(err);
  }

  // ---------------------------------------------------------------------------------------------
  // Primitive formatting

  // Characters that need escaping inside a quoted string: C0 controls, the quote, backslash,
  // DEL and C1 controls, and lone surrogates.
  const escapeSingle = /[\x00-\x1f\x27\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
  const escapeSingleG = new RegExp(escapeSingle.source, "g");
  const escapeNoQuote = /[\x00-\x1f\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
  const escapeNoQuoteG = new RegExp(escapeNoQuote.source, "g");
  const namedEscapes = { "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", "'": "\\'", "\\": "\\\\" };

  function escapeChar(ch) {
    const named = namedEscapes[ch];
    if (named !== undefined) return named;
    const code = ch.charCodeAt(0);
    if (code >= 0xd800) return `\\u${code.toString(16)}`; // lone surrogate (Node uses lowercase)
    return `\\x${code.toString(16).toUpperCase().padStart(2, "0")}`;
  }

  // Quote a string like Node: single quotes unless the string contains one; then double quotes,
  // then backticks (only if no `${`), else single quotes with \' escapes.
  function strEscape(str) {
    let quote = "'";
    let pattern = escapeSingle, patternG = escapeSingleG;
    if (str.includes("'")) {
      if (!str.includes('"')) quote = '"';
      else if (!str.includes("`") && !str.includes("${")) quote = "`";
      if (quote !== "'") { pattern = escapeNoQuote; patternG = escapeNoQuoteG; }
    }
    if (str.length < 5000 && !pattern.test(str)) return quote + str + quote;
    return quote + str.replace(patternG, escapeChar) + quote;
  }

  function formatNumber(n) {
    return ObjectIs(n, -0) ? "-0" : `${n}`;
  }

  function formatPrimitive(value, ctx) {
    switch (typeof value) {
      case "string": return formatString(value, ctx);
      case "number": return formatNumber(value);
      case "bigint": return `${value}n`;
      case "symbol": return symbolToString(value);
      default: return `${value}`; // boolean, undefined
    }
  }

  function formatString(value, ctx) {
    let trailer = "";
    if (value.length > ctx.maxStringLength) {
      const remaining = value.length - ctx.maxStringLength;
      value = value.slice(0, ctx.maxStringLength);
      trailer = `... ${remaining} more character${remaining > 1 ? "s" : ""}`;
    }
    // Long strings are split after each newline into `'line\n' +` pieces, one per line.
    if (ctx.compact !== true && value.length > 16 && value.length > ctx.breakLength - ctx.indentationLvl - 4) {
      return value.split(/(?<=\n)/).map(strEscape).join(` +\n${" ".repeat(ctx.indentationLvl + 2)}`) + trailer;
    }
    return strEscape(value) + trailer;
  }

  // ---------------------------------------------------------------------------------------------
  // inspect

  const kObjectType = 0, kArrayType = 1, kArrayExtrasType = 2;

  const defaultOptions = {
    showHidden: false, depth: 2, colors: false, customInspect: true, showProxy: false,
    maxArrayLength: 100, maxStringLength: 10000, breakLength: 80, compact: 3, sorted: false,
    getters: false, numericSeparator: false,
  };

  function makeContext(options) {
    const ctx = {
      seen: [], circular: undefined, indentationLvl: 0, currentDepth: 0,
      showHidden: false, depth: 2, customInspect: true, maxArrayLength: 100, maxStringLength: 10000,
      breakLength: 80, compact: 3, sorted: false,
    };
    if (options !== null && typeof options === "object") {
      for (const key of ["showHidden", "depth", "customInspect", "maxArrayLength", "maxStringLength",
        "breakLength", "compact", "sorted"]) {
        if (options[key] !== undefined) ctx[key] = options[key];
      }
    }
    if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
    if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
    return ctx;
  }

  function inspect(value, options) {
    return formatValue(makeContext(options), value, 0);
  }

  function formatValue(ctx, value, recurseTimes, typedArray) {
    if (typeof value !== "object" && typeof value !== "function") return formatPrimitive(value, ctx);
    if (value === null) return "null";

    if (ctx.customInspect) {
      const custom = callCustomInspect(ctx, value, recurseTimes);
      if (custom !== undefined) return custom;
    }

    // `seen` holds the objects on the current path: meeting one again is a cycle.
    if (ctx.seen.includes(value)) {
      if (ctx.circular === undefined) ctx.circular = new Map();
      let index = ctx.circular.get(value);
      if (index === undefined) {
        index = ctx.circular.size + 1;
        ctx.circular.set(value, index);
      }
      return `[Circular *${index}]`;
    }
    return formatRaw(ctx, value, recurseTimes, typedArray);
  }

  // Objects may define `[Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect)`.
  function callCustomInspect(ctx, value, recurseTimes) {
    const fn = value[customInspectSymbol];
    if (typeof fn !== "function" || fn === inspect) return undefined;
    // Skip prototype objects (their method is meant for the instances).
    const ctor = safeGet(value, "constructor");
    if (ctor && safeGet(ctor, "prototype") === value) return undefined;
    const depth = ctx.depth === null ? null : ctx.depth - recurseTimes;
    const options = {
      ...defaultOptions, showHidden: ctx.showHidden, depth, maxArrayLength: ctx.maxArrayLength,
      maxStringLength: ctx.maxStringLength, breakLength: ctx.breakLength, compact: ctx.compact,
      sorted: ctx.sorted, stylize: (text) => `${text}`,
    };
    const ret = fn.call(value, depth, options, inspect);
    if (ret === value) return undefined;
    if (typeof ret !== "string") return formatValue(ctx, ret, recurseTimes);
    return ret.replaceAll("\n", `\n${" ".repeat(ctx.indentationLvl)}`);
  }

  function isInstanceof(object, ctor) {
    try { return object instanceof ctor; } catch { return false; }
  }

  // The name of the nearest constructor on the prototype chain that `obj` is an instance of;
  // null for null-prototype objects; `X <Proto>` when the chain has no usable constructor.
  function getConstructorName(obj, ctx, recurseTimes) {
    let firstProto;
    const start = obj;
    while (obj) {
      const desc = ObjectGetOwnPropertyDescriptor(obj, "constructor");
      if (desc !== undefined && typeof desc.value === "function" && desc.value.name !== "" &&
          isInstanceof(start, desc.value)) {
        return String(desc.value.name);
      }
      obj = ObjectGetPrototypeOf(obj);
      if (firstProto === undefined) firstProto = obj;
    }
    if (firstProto === null) return null;
    const fallback = typeof start === "function" ? "Function" : ArrayIsArray(start) ? "Array" : "Object";
    if (ctx.depth !== null && recurseTimes > ctx.depth) return `${fallback} <Complex prototype>`;
    const protoName = getConstructorName(firstProto, ctx, recurseTimes + 1);
    if (protoName === null) {
      const protoText = formatValue({ ...makeContext(ctx), customInspect: false, depth: -1 }, firstProto, 0);
      return `${fallback} <${protoText}>`;
    }
    return `${fallback} <${protoName}>`;
  }

  // `Foo [Tag] `, `[Object: null prototype] `, `Map(2) ` ...
  function getPrefix(constructor, tag, fallback, size = "") {
    if (constructor === null) {
      if (tag !== "" && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}] `;
      return `[${fallback}${size}: null prototype] `;
    }
    if (tag !== "" && constructor !== tag) return `${constructor}${size} [${tag}] `;
    return `${constructor}${size} `;
  }

  // Own enumerable string keys then enumerable symbols (all of them with showHidden).
  function getKeys(value, showHidden) {
    const symbols = ObjectGetOwnPropertySymbols(value);
    let keys;
    if (showHidden) {
      keys = ObjectGetOwnPropertyNames(value);
      for (const s of symbols) keys.push(s);
    } else {
      keys = ObjectKeys(value);
      for (const s of symbols) if (propertyIsEnumerable(value, s)) keys.push(s);
    }
    return keys;
  }

  const indexKeyRegExp = /^(?:0|[1-9][0-9]*)$/;

  // Keys of an array-like that are not indices (e.g. `arr.extra = 1`).
  function getNonIndexKeys(value, showHidden) {
    return getKeys(value, showHidden).filter((key) =>
      typeof key === "symbol" || !indexKeyRegExp.test(key) || +key > 2 ** 32 - 2);
  }

  function moreItems(n) {
    return `... ${n} more item${n > 1 ? "s" : ""}`;
  }

  // Decides how an object prints: its braces, a `base` text before them, the formatter of its
  // entries, and which own keys follow. Mirrors Node's formatRaw.
  function formatRaw(ctx, value, recurseTimes, typedArray) {
    let keys;
    const constructor = getConstructorName(value, ctx, recurseTimes);
    let tag = value[SymbolToStringTag];
    // Show the tag only when it is not already printed as an own property.
    if (typeof tag !== "string" ||
        (tag !== "" && (ctx.showHidden ? hasOwn : propertyIsEnumerable)(value, SymbolToStringTag))) {
      tag = "";
    }
    let base = "";
    let formatter = () => [];
    let braces;
    let noIterator = true;
    let extrasType = kObjectType;

    const kind = ArrayIsArray(value) ? "Array" : objectKind(value);
    if (SymbolIterator in value || constructor === null) {
      noIterator = false;
      if (ArrayIsArray(value)) {
        const prefix = (constructor !== "Array" || tag !== "")
          ? getPrefix(constructor, tag, "Array", `(${value.length})`) : "";
        keys = getNonIndexKeys(value, ctx.showHidden);
        braces = [`${prefix}[`, "]"];
        if (value.length === 0 && keys.length === 0) return `${braces[0]}]`;
        extrasType = kArrayExtrasType;
        formatter = formatArray;
      } else if (kind === "Set") {
        const size = setSize(value);
        const prefix = getPrefix(constructor, tag, "Set", `(${size})`);
        keys = getKeys(value, ctx.showHidden);
        formatter = formatSet;
        if (size === 0 && keys.length === 0) return `${prefix}{}`;
        braces = [`${prefix}{`, "}"];
      } else if (kind === "Map") {
        const size = mapSize(value);
        const prefix = getPrefix(constructor, tag, "Map", `(${size})`);
        keys = getKeys(value, ctx.showHidden);
        formatter = formatMap;
        if (size === 0 && keys.length === 0) return `${prefix}{}`;
        braces = [`${prefix}{`, "}"];
      } else if (kind === "TypedArray") {
        keys = getNonIndexKeys(value, ctx.showHidden);
        const size = typedArrayLength(value);
        const fallback = constructor === null ? typedArrayTag(value) : "";
        const prefix = getPrefix(constructor, tag, fallback, `(${size})`);
        braces = [`${prefix}[`, "]"];
        if (size === 0 && keys.length === 0 && !ctx.showHidden) return `${braces[0]}]`;
        formatter = formatTypedArray;
        extrasType = kArrayExtrasType;
      } else {
        noIterator = true;
      }
    }
    if (noIterator) {
      keys = getKeys(value, ctx.showHidden);
      braces = ["{", "}"];
      if (typeof value === "function") {
        base = getFunctionBase(value, constructor, tag);
        if (keys.length === 0) return base;
      } else if (constructor === "Object") {
        if (isArguments(value)) braces[0] = "[Arguments] {";
        else if (tag !== "") braces[0] = `${getPrefix(constructor, tag, "Object")}{`;
        if (keys.length === 0) return `${braces[0]}}`;
      } else if (kind === "RegExp") {
        base = regExpToString(constructor !== null ? value : new RegExp(value));
        const prefix = getPrefix(constructor, tag, "RegExp");
        if (prefix !== "RegExp ") base = `${prefix}${base}`;
        if (keys.length === 0 || (ctx.depth !== null && recurseTimes > ctx.depth)) return base;
      } else if (kind === "Date") {
        base = Number.isNaN(dateGetTime(value)) ? "Invalid Date" : dateToISOString(value);
        const prefix = getPrefix(constructor, tag, "Date");
        if (prefix !== "Date ") base = `${prefix}${base}`;
        if (keys.length === 0) return base;
      } else if (kind === "Error") {
        base = formatError(value, constructor, tag, ctx, keys);
        if (keys.length === 0) return base;
      } else if (kind === "ArrayBuffer" || kind === "SharedArrayBuffer") {
        const prefix = getPrefix(constructor, tag, kind);
        if (typedArray === undefined) {
          formatter = formatArrayBuffer;
        } else if (keys.length === 0) {
          return `${prefix}{ byteLength: ${formatNumber(value.byteLength)} }`;
        }
        braces[0] = `${prefix}{`;
        keys.unshift("byteLength");
      } else if (kind === "DataView") {
        braces[0] = `${getPrefix(constructor, tag, "DataView")}{`;
        keys.unshift("byteLength", "byteOffset", "buffer"); // buffer last: it is not a primitive
      } else if (kind === "Promise") {
        braces[0] = `${getPrefix(constructor, tag, "Promise")}{`;
        formatter = formatPromise;
      } else if (kind === "WeakSet") {
        braces[0] = `${getPrefix(constructor, tag, "WeakSet")}{`;
        formatter = () => ["<items unknown>"];
      } else if (kind === "WeakMap") {
        braces[0] = `${getPrefix(constructor, tag, "WeakMap")}{`;
        formatter = () => ["<items unknown>"];
      } else if (kind !== "") { // boxed primitive
        base = getBoxedBase(value, keys, constructor, tag, kind);
        if (keys.length === 0) return base;
      } else {
        if (keys.length === 0) return `${getPrefix(constructor, tag, "Object")}{}`;
        braces[0] = `${getPrefix(constructor, tag, "Object")}{`;
      }
    }

    // Past the depth limit: `[Object]`, `[Array]`, `[Foo]`.
    if (ctx.depth !== null && recurseTimes > ctx.depth) {
      const name = getPrefix(constructor, tag, "Object").slice(0, -1);
      return constructor !== null ? `[${name}]` : name;
    }
    recurseTimes += 1;
    ctx.seen.push(value);
    ctx.currentDepth = recurseTimes;
    let output;
    try {
      output = formatter(ctx, value, recurseTimes);
      for (let i = 0; i < keys.length; i++) {
        output.push(formatProperty(ctx, value, recurseTimes, keys[i], extrasType));
      }
    } catch (err) {
      ctx.seen.pop();
      throw err;
    }
    if (ctx.circular !== undefined) {
      const index = ctx.circular.get(value);
      if (index !== undefined) {
        const reference = `<ref *${index}>`;
        if (ctx.compact !== true) base = base === "" ? reference : `${reference} ${base}`;
        else braces[0] = `${reference} ${braces[0]}`;
      }
    }
    ctx.seen.pop();
    if (ctx.sorted) sortOutput(ctx, output, keys, extrasType);
    return reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
  }

  function sortOutput(ctx, output, keys, extrasType) {
    const comparator = ctx.sorted === true ? undefined : ctx.sorted;
    if (extrasType === kObjectType) {
      output.sort(comparator);
    } else if (keys.length > 1) {
      const sorted = output.slice(output.length - keys.length).sort(comparator);
      output.splice(output.length - keys.length, keys.length, ...sorted);
    }
  }

  // `[Function: f]`, `[AsyncFunction (anonymous)]`, `[class A extends B]` ...
  function getFunctionBase(value, constructor, tag) {
    const source = functionToString(value);
    if (source.startsWith("class") && source.endsWith("}")) {
      const slice = source.slice(5, -1);
      const bracketIndex = slice.indexOf("{");
      if (bracketIndex !== -1 && (!slice.slice(0, bracketIndex).includes("(") ||
          /^(\s+[^(]*?)\s*{/.test(slice.replace(/(\/\/.*?\n)|(\/\*(.|\n)*?\*\/)/g, "")))) {
        return getClassBase(value, constructor, tag);
      }
    }
    let type = "Function";
    const proto = ObjectGetPrototypeOf(value);
    if (proto === GeneratorFunctionPrototype) type = "GeneratorFunction";
    else if (proto === AsyncFunctionPrototype) type = "AsyncFunction";
    else if (proto === AsyncGeneratorFunctionPrototype) type = "AsyncGeneratorFunction";
    let base = `[${type}`;
    if (constructor === null) base += " (null prototype)";
    const name = safeGet(value, "name");
    base += name === "" || typeof name !== "string" ? " (anonymous)" : `: ${name}`;
    base += "]";
    if (constructor !== type && constructor !== null) base += ` ${constructor}`;
    if (tag !== "" && constructor !== tag) base += ` [${tag}]`;
    return base;
  }

  function getClassBase(value, constructor, tag) {
    const name = (hasOwn(value, "name") && value.name) || "(anonymous)";
    let base = `class ${name}`;
    if (constructor !== "Function" && constructor !== null) base += ` [${constructor}]`;
    if (tag !== "" && constructor !== tag) base += ` [${tag}]`;
    if (constructor !== null) {
      const superName = ObjectGetPrototypeOf(value).name;
      if (superName) base += ` extends ${superName}`;
    } else {
      base += " extends [null prototype]";
    }
    return `[${base}]`;
  }

  // `[Number: 3]`, `[String: 'x']`, `[Number (MyNum): 3]` ...
  function getBoxedBase(value, keys, constructor, tag, type) {
    const unbox = unboxers[type];
    if (type === "String") keys.splice(0, stringValueOf(value).length); // drop the per-character keys
    let base = `[${type}`;
    if (type !== constructor) base += constructor === null ? " (null prototype)" : ` (${constructor})`;
    base += `: ${formatPrimitive(unbox(value), makeContext({ compact: true }))}]`;
    if (tag !== "" && tag !== constructor) base += ` [${tag}]`;
    return base;
  }

  // Error → its stack (header and frames), with Node's adjustments for the constructor name and
  // the entries that the stack already shows.
  function formatError(err, constructor, tag, ctx, keys) {
    const rawName = safeGet(err, "name");
    const name = rawName != null ? safeString(rawName) : "Error";
    let stack = errorStackString(err);
    removeDuplicateErrorKeys(ctx, keys, err, stack);
    if ("cause" in err && !keys.includes("cause")) keys.push("cause");
    if (ArrayIsArray(safeGet(err, "errors")) && !keys.includes("errors")) keys.push("errors");
    stack = improveStack(stack, constructor, name, tag);

    const message = safeGet(err, "message");
    let pos = (message && typeof message === "string" && stack.indexOf(message)) || -1;
    if (pos !== -1) pos += message.length;
    // Without frames the text is wrapped in brackets: `[Error: msg]`.
    if (stack.indexOf("\n    at", pos) === -1) stack = `[${stack}]`;
    if (ctx.indentationLvl !== 0) stack = stack.replaceAll("\n", `\n${" ".repeat(ctx.indentationLvl)}`);
    return stack;
  }

  function removeDuplicateErrorKeys(ctx, keys, err, stack) {
    if (ctx.showHidden || keys.length === 0) return;
    for (const name of ["name", "message", "stack"]) {
      const index = keys.indexOf(name);
      if (index !== -1 && stack.includes(err[name])) keys.splice(index, 1);
    }
  }

  // Put the constructor name into the header when it differs from `name`
  // (e.g. `class MyError extends Error` without its own name prints `MyError: msg`).
  function improveStack(stack, constructor, name, tag) {
    let len = name.length;
    if (constructor === null ||
        (name.endsWith("Error") && stack.startsWith(name) &&
         (stack.length === len || stack[len] === ":" || stack[len] === "\n"))) {
      let fallback = "Error";
      if (constructor === null) {
        const start = /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)/.exec(stack) ||
          /^([a-z_A-Z0-9-]*Error)$/.exec(stack);
        fallback = (start && start[1]) || "";
        len = fallback.length;
        fallback = fallback || "Error";
      }
      const prefix = getPrefix(constructor, tag, fallback).slice(0, -1);
      if (name !== prefix) {
        if (prefix.includes(name)) {
          stack = len === 0 ? `${prefix}: ${stack}` : `${prefix}${stack.slice(len)}`;
        } else {
          stack = `${prefix} [${name}]${stack.slice(len)}`;
        }
      }
    }
    return stack;
  }

  // ---------------------------------------------------------------------------------------------
  // Entry formatters: each returns the array of entry strings of one object.

  function formatArray(ctx, value, recurseTimes) {
    const length = value.length;
    const max = MathMin(MathMax(0, ctx.maxArrayLength), length);
    const output = [];
    for (let i = 0; i < max; i++) {
      if (!hasOwn(value, i)) return formatSparseArray(ctx, value, recurseTimes, max, output, i);
      output.push(formatProperty(ctx, value, recurseTimes, i, kArrayType));
    }
    if (length - max > 0) output.push(moreItems(length - max));
    return output;
  }

  // Arrays with holes: runs of missing indices print as `<N empty items>`.
  function formatSparseArray(ctx, value, recurseTimes, maxLength, output, i) {
    const keys = ObjectKeys(value);
    let index = i;
    for (; i < keys.length && output.length < maxLength; i++) {
      const key = keys[i];
      const num = +key;
      if (num > 2 ** 32 - 2) break; // not an index
      if (`${index}` !== key) {
        if (!indexKeyRegExp.test(key)) break;
        const empty = num - index;
        output.push(`<${empty} empty item${empty > 1 ? "s" : ""}>`);
        index = num;
        if (output.length === maxLength) break;
      }
      output.push(formatProperty(ctx, value, recurseTimes, key, kArrayType));
      index++;
    }
    const remaining = value.length - index;
    if (output.length !== maxLength) {
      if (remaining > 0) output.push(`<${remaining} empty item${remaining > 1 ? "s" : ""}>`);
    } else if (remaining > 0) {
      output.push(moreItems(remaining));
    }
    return output;
  }

  function formatTypedArray(ctx, value) {
    const length = typedArrayLength(value);
    const max = MathMin(MathMax(0, ctx.maxArrayLength), length);
    const output = [];
    for (let i = 0; i < max; i++) {
      const element = value[i];
      output.push(typeof element === "bigint" ? `${element}n` : formatNumber(element));
    }
    if (length - max > 0) output.push(moreItems(length - max));
    return output;
  }

  function formatArrayBuffer(ctx, value) {
    let bytes;
    try {
      bytes = new IntrinsicUint8Array(value);
    } catch {
      return ["(detached)"];
    }
    const max = MathMin(ctx.maxArrayLength, bytes.length);
    let hex = "";
    for (let i = 0; i < max; i++) {
      hex += (i === 0 ? "" : " ") + (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
    }
    const remaining = bytes.length - max;
    if (remaining > 0) hex += ` ... ${remaining} more byte${remaining > 1 ? "s" : ""}`;
    return [`[Uint8Contents]: <${hex}>`];
  }

  // Set/Map contents are read through the intrinsic iterators, not the (patchable) public ones.
  function formatSet(ctx, value, recurseTimes) {
    const size = setSize(value);
    const max = MathMin(MathMax(0, ctx.maxArrayLength), size);
    const output = [];
    ctx.indentationLvl += 2;
    const it = setValues(value);
    for (let i = 0; i < max; i++) {
      const step = setIteratorNext(it);
      if (step.done) break;
      output.push(formatValue(ctx, step.value, recurseTimes));
    }
    if (size - max > 0) output.push(moreItems(size - max));
    ctx.indentationLvl -= 2;
    return output;
  }

  function formatMap(ctx, value, recurseTimes) {
    const size = mapSize(value);
    const max = MathMin(MathMax(0, ctx.maxArrayLength), size);
    const output = [];
    ctx.indentationLvl += 2;
    const it = mapEntries(value);
    for (let i = 0; i < max; i++) {
      const step = mapIteratorNext(it);
      if (step.done) break;
      const [k, v] = step.value;
      output.push(`${formatValue(ctx, k, recurseTimes)} => ${formatValue(ctx, v, recurseTimes)}`);
    }
    if (size - max > 0) output.push(moreItems(size - max));
    ctx.indentationLvl -= 2;
    return output;
  }

  function formatPromise(ctx, value, recurseTimes) {
    const hook = internals.promiseState; // optional, see the top of this file
    const details = typeof hook === "function" ? hook(value) : undefined;
    if (!details) return ["<unknown>"];
    const [state, result] = details;
    if (state === 0) return ["<pending>"];
    ctx.indentationLvl += 2;
    const str = formatValue(ctx, result, recurseTimes);
    ctx.indentationLvl -= 2;
    return [state === 2 ? `<rejected> ${str}` : str];
  }

  const keyStrRegExp = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

  // One `key: value` entry (or just the value, for array elements).
  function formatProperty(ctx, value, recurseTimes, key, type) {
    let str;
    const desc = ObjectGetOwnPropertyDescriptor(value, key) || { value: value[key], enumerable: true };
    if (desc.value !== undefined) {
      ctx.indentationLvl += 2;
      str = formatValue(ctx, desc.value, recurseTimes);
      ctx.indentationLvl -= 2;
    } else if (desc.get !== undefined) {
      str = desc.set !== undefined ? "[Getter/Setter]" : "[Getter]";
    } else if (desc.set !== undefined) {
      str = "[Setter]";
    } else {
      str = "undefined";
    }
    if (type === kArrayType) return str;
    let name;
    if (typeof key === "symbol") {
      name = `[${symbolToString(key).replace(escapeSingleG, escapeChar)}]`;
    } else if (key === "__proto__") {
      name = "['__proto__']";
    } else if (desc.enumerable === false) {
      name = `[${String(key).replace(escapeSingleG, escapeChar)}]`;
    } else if (keyStrRegExp.test(key)) {
      name = key;
    } else {
      name = strEscape(String(key));
    }
    return `${name}: ${str}`;
  }

  // ---------------------------------------------------------------------------------------------
  // Line breaking

  // Combine entries on one line when they fit; otherwise one entry per line. Arrays with more
  // than 6 entries are first grouped into aligned columns.
  function reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value) {
    if (ctx.compact !== true) {
      if (typeof ctx.compact === "number" && ctx.compact >= 1) {
        const entries = output.length;
        if (extrasType === kArrayExtrasType && entries > 6) {
          output = groupArrayElements(ctx, output, value);
        }
        // Only the `compact` innermost levels may be combined on a single line.
        if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
          const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
          if (isBelowBreakLength(ctx, output, start, base)) {
            const joined = output.join(", ");
            if (!joined.includes("\n")) {
              return `${base ? `${base} ` : ""}${braces[0]} ${joined} ${braces[1]}`;
            }
          }
        }
      }
      const indentation = `\n${" ".repeat(ctx.indentationLvl)}`;
      return `${base ? `${base} ` : ""}${braces[0]}${indentation}  ${
        output.join(`,${indentation}  `)}${indentation}${braces[1]}`;
    }
    // compact: true
    if (isBelowBreakLength(ctx, output, 0, base)) {
      return `${braces[0]}${base ? ` ${base}` : ""} ${output.join(", ")} ${braces[1]}`;
    }
    const indentation = " ".repeat(ctx.indentationLvl);
    const ln = base === "" && braces[0].length === 1 ? " " : `${base ? ` ${base}` : ""}\n${indentation}  `;
    return `${braces[0]}${ln}${output.join(`,\n${indentation}  `)} ${braces[1]}`;
  }

  function isBelowBreakLength(ctx, output, start, base) {
    let totalLength = output.length + start;
    if (totalLength + output.length > ctx.breakLength) return false;
    for (let i = 0; i < output.length; i++) {
      totalLength += output[i].length;
      if (totalLength > ctx.breakLength) return false;
    }
    return base === "" || !base.includes("\n");
  }

  // Lay out many short array entries in columns (numbers right-aligned, others left-aligned).
  function groupArrayElements(ctx, output, value) {
    let totalLength = 0;
    let maxLength = 0;
    let outputLength = output.length;
    // The `... more items` entry is not part of the grid.
    if (ctx.maxArrayLength < output.length) outputLength--;
    const separatorSpace = 2; // ", "
    const dataLen = new Array(outputLength);
    for (let i = 0; i < outputLength; i++) {
      const len = output[i].length;
      dataLen[i] = len;
      totalLength += len + separatorSpace;
      if (maxLength < len) maxLength = len;
    }
    const actualMax = maxLength + separatorSpace;
    // Group only if 3 entries fit in a line and entries have similar lengths.
    if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength &&
        (totalLength / actualMax > 5 || maxLength <= 6)) {
      const averageBias = MathSqrt(actualMax - totalLength / output.length);
      const biasedMax = MathMax(actualMax - 3 - averageBias, 1);
      // Aim for a roughly square block (characters are ~2.5 times as high as wide).
      const columns = MathMin(
        MathRound(MathSqrt(2.5 * biasedMax * outputLength) / biasedMax),
        MathFloor((ctx.breakLength - ctx.indentationLvl) / actualMax),
        ctx.compact * 4,
        15,
      );
      if (columns <= 1) return output;
      const maxLineLength = [];
      for (let i = 0; i < columns; i++) {
        let lineLength = 0;
        for (let j = i; j < output.length; j += columns) {
          if (dataLen[j] > lineLength) lineLength = dataLen[j];
        }
        maxLineLength.push(lineLength + separatorSpace);
      }
      let padStart = true;
      if (value !== undefined) {
        for (let i = 0; i < output.length; i++) {
          if (typeof value[i] !== "number" && typeof value[i] !== "bigint") {
            padStart = false;
            break;
          }
        }
      }
      const grouped = [];
      for (let i = 0; i < outputLength; i += columns) {
        const max = MathMin(i + columns, outputLength);
        let str = "";
        let j = i;
        for (; j < max - 1; j++) {
          const cell = `${output[j]}, `;
          str += padStart ? cell.padStart(maxLineLength[j - i], " ") : cell.padEnd(maxLineLength[j - i], " ");
        }
        str += padStart ? output[j].padStart(maxLineLength[j - i] - separatorSpace, " ") : output[j];
        grouped.push(str);
      }
      if (ctx.maxArrayLength < output.length) grouped.push(output[outputLength]);
      output = grouped;
    }
    return output;
  }

  // ---------------------------------------------------------------------------------------------
  // format (util.format)

  // True when `%s` should inspect the object rather than call its own toString().
  function hasBuiltInToString(value) {
    const hasToString = (obj) => hasOwn(obj, "toString") || hasOwn(obj, SymbolToPrimitive);
    if (typeof value.toString !== "function" && typeof value[SymbolToPrimitive] !== "function") return true;
    if (hasToString(value)) return false;
    // Find where the conversion comes from; built-in prototypes (Date, Array ...) count as built-in.
    let pointer = value;
    do {
      pointer = ObjectGetPrototypeOf(pointer);
    } while (!hasToString(pointer));
    const desc = ObjectGetOwnPropertyDescriptor(pointer, "constructor");
    return desc !== undefined && typeof desc.value === "function" && builtInObjects.has(desc.value.name);
  }

  function formatPercentS(arg) {
    if (typeof arg === "number") return formatNumber(arg);
    if (typeof arg === "bigint") return `${arg}n`;
    if (typeof arg !== "object" || arg === null || !hasBuiltInToString(arg)) return String(arg);
    return inspect(arg, { depth: 0, compact: 3 });
  }

  function tryStringify(arg) {
    try {
      return JSONStringify(arg);
    } catch (err) {
      if (err instanceof TypeError && /circular|cyclic/i.test(err.message)) return "[Circular]";
      throw err;
    }
  }

  // printf-style substitution; leftover arguments are appended, separated by spaces.
  function format(...args) {
    return formatArgs(args);
  }

  function formatArgs(args) {
    const first = args[0];
    let a = 0;
    let str = "";
    let join = "";
    if (typeof first === "string") {
      if (args.length === 1) return first;
      let lastPos = 0;
      for (let i = 0; i < first.length - 1; i++) {
        if (first.charCodeAt(i) !== 37) continue; // '%'
        const next = first.charCodeAt(++i);
        if (a + 1 !== args.length) {
          let tempStr;
          switch (next) {
            case 115: tempStr = formatPercentS(args[++a]); break; // s
            case 106: tempStr = tryStringify(args[++a]); break; // j
            case 100: { // d
              const n = args[++a];
              tempStr = typeof n === "bigint" ? `${n}n` : typeof n === "symbol" ? "NaN" : formatNumber(Number(n));
              break;
            }
            case 79: tempStr = inspect(args[++a]); break; // O
            case 111: tempStr = inspect(args[++a], { showHidden: true, showProxy: true, depth: 4 }); break; // o
            case 105: { // i
              const n = args[++a];
              tempStr = typeof n === "bigint" ? `${n}n` : typeof n === "symbol" ? "NaN" : formatNumber(parseInt(n));
              break;
            }
            case 102: { // f
              const n = args[++a];
              tempStr = typeof n === "symbol" ? "NaN" : formatNumber(parseFloat(n));
              break;
            }
            case 99: a += 1; tempStr = ""; break; // c: CSS is consumed and ignored
            case 37: // %%
              str += first.slice(lastPos, i);
              lastPos = i + 1;
              continue;
            default: // not a specifier: leave the text as is
              continue;
          }
          if (lastPos !== i - 1) str += first.slice(lastPos, i - 1);
          str += tempStr;
          lastPos = i + 1;
        } else if (next === 37) {
          str += first.slice(lastPos, i);
          lastPos = i + 1;
        }
      }
      if (lastPos !== 0) {
        a++;
        join = " ";
        if (lastPos < first.length) str += first.slice(lastPos);
      }
    }
    while (a < args.length) {
      const value = args[a];
      str += join;
      str += typeof value !== "string" ? inspect(value) : value;
      join = " ";
      a++;
    }
    return str;
  }

  // ---------------------------------------------------------------------------------------------
  // Uncaught errors

  function formatUncaught(value, inPromise) {
    const prefix = inPromise ? "Uncaught (in promise) " : "Uncaught ";
    try {
      if (value !== null && typeof value === "object" && isError(value)) return prefix + errorStackString(value);
      if (typeof value === "string") return prefix + value;
      return prefix + inspect(value);
    } catch {
      return prefix + safeString(value);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // console.table helpers

  // Display width: East Asian wide/fullwidth characters take two columns, combining marks none.
  function stringWidth(str) {
    let width = 0;
    for (const ch of str) {
      const code = ch.codePointAt(0);
      if (isZeroWidth(code)) continue;
      width += isFullWidth(code) ? 2 : 1;
    }
    return width;
  }

  function isZeroWidth(code) {
    return code <= 0x1f || (code >= 0x7f && code <= 0x9f) || (code >= 0x300 && code <= 0x36f) ||
      (code >= 0x200b && code <= 0x200f) || (code >= 0x20d0 && code <= 0x20ff) ||
      (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0xfe20 && code <= 0xfe2f) ||
      (code >= 0xe0100 && code <= 0xe01ef);
  }

  function isFullWidth(code) {
    return code >= 0x1100 && (code <= 0x115f || code === 0x2329 || code === 0x232a ||
      (code >= 0x2e80 && code <= 0x3247 && code !== 0x303f) || (code >= 0x3250 && code <= 0x4dbf) ||
      (code >= 0x4e00 && code <= 0xa4c6) || (code >= 0xa960 && code <= 0xa97c) ||
      (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe10 && code <= 0xfe19) || (code >= 0xfe30 && code <= 0xfe6b) ||
      (code >= 0xff01 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x1b000 && code <= 0x1b001) || (code >= 0x1f200 && code <= 0x1f251) ||
      (code >= 0x1f300 && code <= 0x1f64f) || (code >= 0x20000 && code <= 0x3fffd));
  }

  function renderTableRow(row, widths) {
    let out = "│ ";
    for (let i = 0; i < row.length; i++) {
      out += row[i] + " ".repeat(widths[i] - stringWidth(row[i]));
      if (i !== row.length - 1) out += " │ ";
    }
    return `${out} │`;
  }

  // head: column titles; columns: one sparse array of cell strings per column.
  function renderTable(head, columns) {
    const widths = head.map(stringWidth);
    const rowCount = MathMax(...columns.map((column) => column.length));
    const rows = [];
    for (let i = 0; i < head.length; i++) {
      const column = columns[i];
      for (let j = 0; j < rowCount; j++) {
        if (rows[j] === undefined) rows[j] = [];
        const cell = rows[j][i] = hasOwn(column, j) ? column[j] : "";
        widths[i] = MathMax(widths[i] || 0, stringWidth(cell));
      }
    }
    const divider = widths.map((w) => "─".repeat(w + 2));
    let result = `┌${divider.join("┬")}┐\n${renderTableRow(head, widths)}\n├${divider.join("┼")}┤\n`;
    for (const row of rows) result += `${renderTableRow(row, widths)}\n`;
    return `${result}└${divider.join("┴")}┘`;
  }

  // Cell text: small objects inline, bigger ones collapsed to `[Object]`.
  function tableCell(v) {
    const depth = v !== null && typeof v === "object" && !ArrayIsArray(v) && ObjectKeys(v).length > 2 ? -1 : 0;
    return inspect(v, { depth, maxArrayLength: 3, breakLength: Infinity });
  }

  function tableText(data, properties) {
    const indexArray = (length) => Array.from({ length }, (_, i) => tableCell(i));
    if (isMap(data)) {
      const keys = [], values = [];
      const it = mapEntries(data);
      for (let step = mapIteratorNext(it); !step.done; step = mapIteratorNext(it)) {
        keys.push(tableCell(step.value[0]));
        values.push(tableCell(step.value[1]));
      }
      return renderTable(["(iteration index)", "Key", "Values"], [indexArray(keys.length), keys, values]);
    }
    if (isSet(data)) {
      const values = [];
      const it = setValues(data);
      for (let step = setIteratorNext(it); !step.done; step = setIteratorNext(it)) values.push(tableCell(step.value));
      return renderTable(["(iteration index)", "Values"], [indexArray(values.length), values]);
    }
    const map = { __proto__: null };
    let hasPrimitives = false;
    const valuesColumn = [];
    const indexColumn = ObjectKeys(data);
    for (let i = 0; i < indexColumn.length; i++) {
      const item = data[indexColumn[i]];
      const primitive = item === null || (typeof item !== "function" && typeof item !== "object");
      if (properties === undefined && primitive) {
        hasPrimitives = true;
        valuesColumn[i] = tableCell(item);
      } else {
        const keys = properties || ObjectKeys(item);
        for (const key of keys) {
          map[key] ??= [];
          map[key][i] = (primitive && properties) || !hasOwn(item, key) ? "" : tableCell(item[key]);
        }
      }
    }
    const head = ObjectKeys(map);
    const columns = head.map((key) => map[key]);
    if (hasPrimitives) {
      head.push("Values");
      columns.push(valuesColumn);
    }
    head.unshift("(index)");
    columns.unshift(indexColumn);
    return renderTable(head, columns);
  }

  // ---------------------------------------------------------------------------------------------
  // The console namespace

  let groupIndent = "";
  const counts = new Map();
  const timers = new Map();

  // One native call per console call: indentation applies to every line of the text.
  function write(fd, text) {
    if (groupIndent !== "") {
      if (text.includes("\n")) text = text.replaceAll("\n", `\n${groupIndent}`);
      text = groupIndent + text;
    }
    ops.print(fd, `${text}\n`);
  }

  function warnProcess(message) {
    ops.print(2, `Warning: ${message}\n`);
  }

  function log(...args) {
    // Fast path: a single string needs no formatting.
    if (args.length === 1 && typeof args[0] === "string" && groupIndent === "") {
      ops.print(1, `${args[0]}\n`);
      return;
    }
    write(1, formatArgs(args));
  }

  function error(...args) {
    write(2, formatArgs(args));
  }

  // Node's console.time format: `1.234ms`, `1.234s`, `1:02.345 (m:ss.mmm)`.
  function formatTime(ms) {
    let hours = 0, minutes = 0, seconds = 0;
    if (ms >= 1000) {
      if (ms >= 60000) {
        if (ms >= 3600000) {
          hours = MathFloor(ms / 3600000);
          ms %= 3600000;
        }
        minutes = MathFloor(ms / 60000);
        ms %= 60000;
      }
      seconds = ms / 1000;
    }
    if (hours !== 0 || minutes !== 0) {
      const [s, frac] = seconds.toFixed(3).split(".");
      const pad = (n) => `${n}`.padStart(2, "0");
      const res = hours !== 0 ? `${hours}:${pad(minutes)}` : minutes;
      return `${res}:${pad(s)}.${frac} (${hours !== 0 ? "h:m" : ""}m:ss.mmm)`;
    }
    if (seconds !== 0) return `${seconds.toFixed(3)}s`;
    return `${Number(ms.toFixed(3))}ms`;
  }

  function timeLogImpl(name, label, data) {
    const start = timers.get(label);
    if (start === undefined) {
      warnProcess(`No such label '${label}' for console.${name}()`);
      return false;
    }
    const duration = formatTime(ops.now() - start);
    if (data === undefined) write(1, `${label}: ${duration}`);
    else write(1, formatArgs(["%s: %s", label, duration, ...data]));
    return true;
  }

  function group(...data) {
    if (data.length > 0) log(...data);
    groupIndent += "  ";
  }

  const consoleNamespace = {
    assert(condition = false, ...data) {
      if (condition) return;
      if (data.length === 0) data = ["Assertion failed"];
      else data[0] = `Assertion failed: ${data[0]}`;
      error(...data);
    },
    clear() {}, // output is not a terminal: nothing to clear
    debug(...data) { log(...data); },
    error(...data) { error(...data); },
    info(...data) { log(...data); },
    log(...data) { log(...data); },
    table(data = undefined, properties = undefined) { // defaults keep length 0 (WebIDL optional)
      if (properties !== undefined && !ArrayIsArray(properties)) {
        throw new TypeError('The "properties" argument must be an instance of Array');
      }
      if (data === null || typeof data !== "object") return log(data);
      write(1, tableText(data, properties));
    },
    trace(...data) {
      const holder = { name: "Trace", message: formatArgs(data) };
      // Frames above console.trace itself are dropped (in JSHost they are jshost: frames anyway).
      if (ErrorCaptureStackTrace !== undefined) ErrorCaptureStackTrace(holder, traceMethod);
      else holder.stack = new IntrinsicError().stack;
      const frames = formatStackFrames(holder.stack);
      const header = holder.message === "" ? "Trace" : `Trace: ${holder.message}`;
      write(2, frames.length === 0 ? header : `${header}\n${frames.join("\n")}`);
    },
    warn(...data) { error(...data); },
    dir(item = undefined, options = undefined) {
      write(1, inspect(item, { customInspect: false, ...options }));
    },
    dirxml(...data) { log(...data); },
    count(label = "default") {
      label = `${label}`;
      const count = (counts.get(label) || 0) + 1;
      counts.set(label, count);
      write(1, `${label}: ${count}`);
    },
    countReset(label = "default") {
      label = `${label}`;
      if (!counts.has(label)) {
        warnProcess(`Count for '${label}' does not exist`);
        return;
      }
      counts.delete(label);
    },
    group(...data) { group(...data); },
    groupCollapsed(...data) { group(...data); },
    groupEnd() {
      groupIndent = groupIndent.slice(0, groupIndent.length - 2);
    },
    time(label = "default") {
      label = `${label}`;
      if (timers.has(label)) {
        warnProcess(`Label '${label}' already exists for console.time()`);
        return;
      }
      timers.set(label, ops.now());
    },
    timeLog(label = "default", ...data) {
      timeLogImpl("timeLog", `${label}`, data);
    },
    timeEnd(label = "default") {
      label = `${label}`;
      if (timeLogImpl("timeEnd", label)) timers.delete(label);
    },
  };
  // Each operation is its own non-constructor function named after the operation (WebIDL), so the
  // object literal uses method syntax and delegates to the shared implementations.
  const traceMethod = consoleNamespace.trace;

  // WebIDL: the console namespace object's prototype is an empty object (historical
  // web-compat) and it carries @@toStringTag "console".
  Object.setPrototypeOf(consoleNamespace, {});
  ObjectDefineProperty(consoleNamespace, SymbolToStringTag, {
    value: "console", writable: false, enumerable: false, configurable: true,
  });
  ObjectDefineProperty(global, "console", {
    value: consoleNamespace, writable: true, enumerable: false, configurable: true,
  });

  internals.inspect = inspect;
  internals.format = format;
  internals.formatUncaught = formatUncaught;
  internals.formatStackFrames = formatStackFrames;
})
