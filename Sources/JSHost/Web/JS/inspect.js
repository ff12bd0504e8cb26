// inspect.js: turns any JS value into the text `console.log` prints for it (Node's `util.inspect`).
// Loaded by console.js, with inspect-text.js before it and inspect-errors.js after it, on the first console
// call that prints something other than one string.
//
// The output format is Node.js 20's documented and observable `util.inspect` format (default options: depth 2,
// breakLength 80, compact 3, maxArrayLength 100, maxStringLength 10000), so that scripts print the same
// text under jshost and node. The format was taken from Node's documentation and from running node on probe
// scripts (and checked by comparing both on generated values); the code is this project's own. Where
// JavaScriptCore hides what V8 shows, the output differs:
// - a Proxy cannot be detected: it is printed through its traps, like the object it pretends to be
//   (a revoked Proxy prints as `<Revoked Proxy>`);
// - a Promise's state cannot be read synchronously: promises print as `Promise { <unknown> }`;
// - Map/Set iterators cannot be previewed without consuming them: they print as plain objects;
// - an object whose prototype chain has no `constructor` is named `Object` (V8 knows the creating function);
// - stacks are JSC's (see inspect-errors.js).
// Colors are never used.
//
// This file: the walk over a value (kinds of objects, own properties, cycles, the depth limit) and the
// layout (one line or one entry per line, short array entries in columns).
//
// Published on `internals`:
//   inspect(value, options?)  → string (options as util.inspect: depth, breakLength, compact, sorted,
//                                showHidden, maxArrayLength, maxStringLength, customInspect, getters)
//   inspectCell(value)        → the short form console.table puts in a cell
//   inspectCore               the pieces inspect-errors.js builds on
//
// Every built-in it calls comes from `internals.intrinsics` (see intrinsics.js), so user code that patched
// prototypes before this module was loaded cannot change or break the output.
(function (ops, internals, global) {
  "use strict";

  const I = internals.intrinsics;
  const { ReflectApply, FunctionPrototypeCall, FunctionPrototypeBind } = I;
  const uncurry = (fn) => ReflectApply(FunctionPrototypeBind, FunctionPrototypeCall, [fn]);

  const {
    ObjectKeys, ObjectGetOwnPropertyNames, ObjectGetOwnPropertySymbols, ObjectGetOwnPropertyDescriptor,
    ObjectGetPrototypeOf, ObjectHasOwn, ObjectFreeze, ArrayIsArray, MathMax, MathMin, MathRound, MathFloor,
    MathSqrt, SymbolToStringTag, SymbolInspectCustom, ErrorIsError, RegExpPrototype, MapCtor, Uint8ArrayCtor,
  } = I;
  const {
    append, join, spaces, indentAfterNewlines, displayWidth, formatNumber, formatString, formatSymbol,
    formatPrimitive, formatKey, isArrayIndex, safeGet, safeString,
  } = internals.inspectText;
  const objectToString = uncurry(I.ObjectPrototypeToString);
  const isEnumerable = uncurry(I.ObjectPrototypePropertyIsEnumerable);
  const functionToString = uncurry(I.FunctionPrototypeToString);
  const sortArray = uncurry(I.ArrayPrototypeSort);
  const charCodeAt = uncurry(I.StringPrototypeCharCodeAt);
  const padStart = uncurry(I.StringPrototypePadStart);
  const padEnd = uncurry(I.StringPrototypePadEnd);
  const includes = uncurry(I.StringPrototypeIncludes);
  const startsWith = uncurry(I.StringPrototypeStartsWith);
  const unboxString = uncurry(I.StringPrototypeValueOf);
  const unboxNumber = uncurry(I.NumberPrototypeValueOf);
  const unboxBoolean = uncurry(I.BooleanPrototypeValueOf);
  const unboxBigInt = uncurry(I.BigIntPrototypeValueOf);
  const unboxSymbol = uncurry(I.SymbolPrototypeValueOf);
  const dateGetTime = uncurry(I.DatePrototypeGetTime);
  const dateToISOString = uncurry(I.DatePrototypeToISOString);
  const regExpSource = uncurry(I.RegExpSource);
  const regExpFlags = uncurry(I.RegExpFlags);
  const mapGet = uncurry(I.MapPrototypeGet);
  const mapSet = uncurry(I.MapPrototypeSet);
  const mapSize = uncurry(I.MapSize);
  const mapEntries = uncurry(I.MapPrototypeEntries);
  const mapIteratorNext = uncurry(I.MapIteratorNext);
  const setSize = uncurry(I.SetSize);
  const setValues = uncurry(I.SetPrototypeValues);
  const setIteratorNext = uncurry(I.SetIteratorNext);
  const weakMapHas = uncurry(I.WeakMapPrototypeHas);
  const weakSetHas = uncurry(I.WeakSetPrototypeHas);
  const typedArrayTag = uncurry(I.TypedArrayToStringTag);
  const typedArrayLength = uncurry(I.TypedArrayLength);
  const arrayBufferByteLength = uncurry(I.ArrayBufferByteLength);
  const arrayBufferDetached = I.ArrayBufferDetached && uncurry(I.ArrayBufferDetached);
  const dataViewBuffer = uncurry(I.DataViewBuffer);
  const dataViewByteLength = uncurry(I.DataViewByteLength);
  const dataViewByteOffset = uncurry(I.DataViewByteOffset);

  // ---- what kind of object -----------------------------------------------------------------------------------

  function succeeds(check, value) {
    try {
      check(value);
      return true;
    } catch {
      return false;
    }
  }

  function isError(value) {
    if (ErrorIsError !== undefined) return ErrorIsError(value);
    return objectToString(value) === "[object Error]";
  }

  // The name of the nearest constructor on the prototype chain, or null when there is none.
  function constructorName(object) {
    for (let proto = object; proto !== null; proto = ObjectGetPrototypeOf(proto)) {
      const descriptor = ObjectGetOwnPropertyDescriptor(proto, "constructor");
      if (descriptor !== undefined && typeof descriptor.value === "function") {
        const name = ObjectGetOwnPropertyDescriptor(descriptor.value, "name");
        if (name !== undefined && typeof name.value === "string" && name.value !== "") return name.value;
      }
    }
    return null;
  }

  // The object's Symbol.toStringTag when it says something the constructor name does not (an own enumerable
  // tag is ordinary data and shown as a key instead).
  function extraTag(object, name) {
    let tag;
    try {
      tag = object[SymbolToStringTag];
    } catch {
      return "";
    }
    if (typeof tag !== "string" || tag === "" || tag === name) return "";
    const own = ObjectGetOwnPropertyDescriptor(object, SymbolToStringTag);
    if (own !== undefined && own.enumerable) return "";
    return tag;
  }

  // "Foo ", "Foo [Tag] ", "[Object: null prototype] ", "" for plain objects; `fallback` is the built-in kind.
  function prefixFor(object, fallback, size) {
    const name = constructorName(object);
    const tag = extraTag(object, name === null ? fallback : name);
    const sized = size === undefined ? "" : `(${size})`;
    if (name === null) {
      const proto = ObjectGetPrototypeOf(object);
      if (proto !== null) return `${fallback}${sized} <${describeProto(proto)}> ${tag === "" ? "" : `[${tag}] `}`;
      return `[${fallback}${sized}: null prototype] ${tag === "" ? "" : `[${tag}] `}`;
    }
    if (tag !== "") return `${name}${sized} [${tag}] `;
    if (name === fallback && (fallback === "Object" || fallback === "Array") && size === undefined) return "";
    return `${name}${sized} `;
  }

  function describeProto(proto) {
    const run = makeRun(undefined);
    run.depth = -1;
    run.customInspect = false;
    return formatValue(run, proto, 0);
  }

  // The short form used beyond the depth limit: `[Foo]`, `[Object: null prototype]`, `[Bar [Map]]`.
  function truncatedName(object, fallback) {
    const name = constructorName(object);
    if (name === null) return `[${fallback}: null prototype]`;
    const tag = extraTag(object, name);
    return tag === "" ? `[${name}]` : `[${name} [${tag}]]`;
  }

  // ---- one inspect call ----------------------------------------------------------------------------------

  function makeRun(options) {
    const run = {
      __proto__: null,
      depth: 2,
      breakLength: 80,
      compact: 3,
      maxArrayLength: 100,
      maxStringLength: 10000,
      sorted: false,
      showHidden: false,
      customInspect: true,
      getters: false,
      indent: 0,
      ancestors: [], // the objects being printed, outermost first (cycle detection)
      refs: null, // Map: object → its `<ref *N>` number, made when the first cycle is found
      nextRef: 1,
      // Level of the container that most recently laid out its entries. A container goes on one line only
      // if that level is less than `compact` levels below its own (the innermost levels are kept compact).
      lastExpandedLevel: 0,
      userOptions: options,
    };
    if (options !== null && typeof options === "object") {
      const depth = options.depth;
      if (depth === null) run.depth = Infinity;
      else if (typeof depth === "number") run.depth = depth;
      readNumber(run, options, "breakLength");
      readNumber(run, options, "maxArrayLength");
      readNumber(run, options, "maxStringLength");
      const compact = options.compact;
      if (typeof compact === "boolean" || typeof compact === "number") run.compact = compact;
      for (let i = 0; i < FLAG_OPTIONS.length; i++) {
        const flag = options[FLAG_OPTIONS[i]];
        if (flag !== undefined) run[FLAG_OPTIONS[i]] = !!flag;
      }
    }
    return run;
  }

  const FLAG_OPTIONS = ["sorted", "showHidden", "customInspect", "getters"];

  function readNumber(run, options, name) {
    const value = options[name];
    if (value === null) run[name] = Infinity;
    else if (typeof value === "number") run[name] = value;
  }

  function inspect(value, options) {
    return formatValue(makeRun(options), value, 0);
  }

  function formatValue(run, value, level) {
    if ((typeof value !== "object" || value === null) && typeof value !== "function") {
      return formatPrimitive(run, value);
    }
    try {
      ArrayIsArray(value);
    } catch {
      return "<Revoked Proxy>"; // the one object on which Array.isArray throws
    }
    if (run.customInspect) {
      const custom = customText(run, value, level);
      if (custom !== undefined) return custom;
    }
    const ancestors = run.ancestors;
    for (let i = 0; i < ancestors.length; i++) {
      if (ancestors[i] === value) return `[Circular *${refNumber(run, value)}]`;
    }
    return formatObject(run, value, level);
  }

  function refNumber(run, object) {
    if (run.refs === null) run.refs = new MapCtor();
    let number = mapGet(run.refs, object);
    if (number === undefined) {
      number = run.nextRef++;
      mapSet(run.refs, object, number);
    }
    return number;
  }

  // An object's own `[Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect)` decides its text.
  function customText(run, value, level) {
    let method;
    try {
      method = value[SymbolInspectCustom];
    } catch {
      return undefined;
    }
    if (typeof method !== "function" || method === inspect) return undefined;
    const options = { __proto__: null };
    const user = run.userOptions;
    if (user !== null && typeof user === "object") {
      const keys = ObjectKeys(user);
      for (let i = 0; i < keys.length; i++) options[keys[i]] = user[keys[i]];
    }
    options.depth = run.depth - level;
    const result = ReflectApply(method, value, [run.depth - level, options, inspect]);
    if (result === value) return undefined;
    if (typeof result === "string") return indentAfterNewlines(result, spaces(run.indent));
    return formatValue(run, result, level);
  }

  // ---- objects --------------------------------------------------------------------------------------------

  // Each kind of object is described by a "shape" (makeShape): `base` (text before the braces: a function's
  // name, a date, an error's stack), `open`/`close` braces with their prefix (`Map(2) {`), `truncated` (the
  // text beyond the depth limit) and `items` (entries that are not own properties: elements, map entries,
  // special fields). The own properties follow the items; `layout` then puts the entries on one line or many.
  function formatObject(run, object, level) {
    const shape = describe(run, object, level);
    const keys = propertyKeys(run, object, shape.skipIndexKeys, shape.hiddenKeys);
    if (shape.itemCount === 0 && keys.length === 0) {
      return shape.base !== "" ? shape.base : shape.open + shape.close;
    }
    if (level > run.depth) return shape.truncated;

    append(run.ancestors, object);
    run.lastExpandedLevel = level;
    const entries = [];
    let firstKeyEntry = 0;
    try {
      if (shape.items !== null && !shape.itemsLast) shape.items(run, object, level, entries);
      firstKeyEntry = entries.length;
      for (let i = 0; i < keys.length; i++) append(entries, formatProperty(run, object, keys[i], level, shape.arrayLike));
      if (shape.items !== null && shape.itemsLast) shape.items(run, object, level, entries);
    } finally {
      run.ancestors.length--;
    }
    if (run.sorted) sortEntries(entries, shape.arrayLike ? firstKeyEntry : 0);
    // An object reached again through a cycle is marked `<ref *N>`; the mark counts for the line width.
    if (run.refs !== null) {
      const number = mapGet(run.refs, object);
      if (number !== undefined) {
        const mark = `<ref *${number}>`;
        if (run.compact === true) shape.open = `${mark} ${shape.open}`;
        else shape.base = shape.base === "" ? mark : `${mark} ${shape.base}`;
      }
    }
    return layout(run, shape, entries, level);
  }

  // Sorts entries[from..] in place (for arrays only the keys after the elements are sorted).
  function sortEntries(entries, from) {
    if (from === 0) {
      sortArray(entries, compareText);
      return;
    }
    const tail = [];
    for (let i = from; i < entries.length; i++) append(tail, entries[i]);
    sortArray(tail, compareText);
    for (let i = 0; i < tail.length; i++) entries[from + i] = tail[i];
  }

  function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function makeShape(base, open, close, truncated) {
    return {
      __proto__: null,
      base,
      open,
      close,
      truncated,
      items: null,
      itemsLast: false, // items after the keys (an error's [cause])
      itemCount: 0,
      arrayLike: false, // entries may go in columns; own properties are written as array extras
      numericItems: null, // the array whose element types decide right alignment in columns
      skipIndexKeys: false,
      hiddenKeys: null,
    };
  }

  function describe(run, object, level) {
    if (ArrayIsArray(object)) return describeArray(run, object);
    if (typeof object === "function") return describeFunction(object);
    if (typedArrayTag(object) !== undefined) return describeTypedArray(object);
    if (isError(object)) return internals.describeError(run, object); // inspect-errors.js

    switch (builtinTag(object)) {
      case "[object Map]":
        if (succeeds(mapSize, object)) return describeMap(object);
        break;
      case "[object Set]":
        if (succeeds(setSize, object)) return describeSet(object);
        break;
      case "[object Date]":
        if (succeeds(dateGetTime, object)) return describeDate(object);
        break;
      case "[object RegExp]":
        if (object !== RegExpPrototype && succeeds(regExpSource, object)) {
          const text = `/${regExpSource(object)}/${regExpFlags(object)}`;
          const name = constructorName(object);
          const base = name === "RegExp" ? text : name === null ? `[RegExp: null prototype] ${text}` : `${name} ${text}`;
          return makeShape(base, "{", "}", base); // a regular expression is shown even beyond the depth limit
        }
        break;
      case "[object Number]":
        if (succeeds(unboxNumber, object)) return describeBoxed(object, "Number", formatNumber(unboxNumber(object)));
        break;
      case "[object String]":
        if (succeeds(unboxString, object)) return describeBoxedString(run, object);
        break;
      case "[object Boolean]":
        if (succeeds(unboxBoolean, object)) return describeBoxed(object, "Boolean", unboxBoolean(object) ? "true" : "false");
        break;
      case "[object BigInt]":
        if (succeeds(unboxBigInt, object)) return describeBoxed(object, "BigInt", `${unboxBigInt(object)}n`);
        break;
      case "[object Symbol]":
        if (succeeds(unboxSymbol, object)) return describeBoxed(object, "Symbol", formatSymbol(unboxSymbol(object)));
        break;
      case "[object ArrayBuffer]":
        if (succeeds(arrayBufferByteLength, object)) return describeArrayBuffer(object);
        break;
      case "[object DataView]":
        if (succeeds(dataViewBuffer, object)) return describeDataView(object);
        break;
      case "[object WeakMap]":
        if (succeeds(weakMapHas, object)) return describeOpaque(object, "WeakMap", "<items unknown>");
        break;
      case "[object WeakSet]":
        if (succeeds(weakSetHas, object)) return describeOpaque(object, "WeakSet", "<items unknown>");
        break;
      case "[object Promise]":
        return describeOpaque(object, "Promise", "<unknown>");
      case "[object Arguments]":
        return makeShape("", "[Arguments] {", "}", "[Arguments]");
    }
    const prefix = prefixFor(object, "Object", undefined);
    return makeShape("", `${prefix}{`, "}", truncatedName(object, "Object"));
  }

  // The `[object X]` tag that picks the brand check below. An object without a prototype has lost its
  // Symbol.toStringTag (it lives on the prototype), so its brand is probed instead.
  const PROBES = [
    ["[object Map]", mapSize], ["[object Set]", setSize], ["[object Date]", dateGetTime],
    ["[object RegExp]", regExpSource], ["[object ArrayBuffer]", arrayBufferByteLength],
    ["[object DataView]", dataViewBuffer], ["[object WeakMap]", weakMapHas], ["[object WeakSet]", weakSetHas],
    ["[object Symbol]", unboxSymbol], ["[object BigInt]", unboxBigInt],
  ];

  function builtinTag(object) {
    const tag = objectToString(object);
    if (tag !== "[object Object]" || ObjectGetPrototypeOf(object) !== null) return tag;
    for (let i = 0; i < PROBES.length; i++) {
      if (succeeds(PROBES[i][1], object)) return PROBES[i][0];
    }
    return tag;
  }

  function describeArray(run, array) {
    const length = array.length;
    const prefix = prefixFor(array, "Array", ObjectGetPrototypeOf(array) === I.ArrayPrototype ? undefined : length);
    const shape = makeShape("", `${prefix}[`, "]", truncatedName(array, "Array"));
    shape.itemCount = length;
    shape.arrayLike = true;
    shape.numericItems = array;
    shape.skipIndexKeys = true;
    shape.items = arrayItems;
    return shape;
  }

  function arrayItems(run, array, level, entries) {
    const length = array.length;
    const limit = run.maxArrayLength;
    let indexKeys = null; // own keys, fetched once when a run of holes needs skipping
    let index = 0;
    while (index < length && entries.length < limit) {
      if (ObjectHasOwn(array, index)) {
        append(entries, formatElement(run, array[index], level));
        index++;
        continue;
      }
      if (indexKeys === null) indexKeys = ObjectKeys(array);
      let next = length;
      for (let i = 0; i < indexKeys.length; i++) {
        const key = indexKeys[i];
        if (!isArrayIndex(key)) break;
        const position = +key;
        if (position > index) {
          next = position;
          break;
        }
      }
      const holes = next - index;
      append(entries, `<${holes} empty item${holes > 1 ? "s" : ""}>`);
      index = next;
    }
    if (index < length) {
      const rest = length - index;
      append(entries, `... ${rest} more item${rest > 1 ? "s" : ""}`);
    }
  }

  function formatElement(run, value, level) {
    run.indent += 2;
    try {
      return formatValue(run, value, level + 1);
    } finally {
      run.indent -= 2;
    }
  }

  function describeTypedArray(array) {
    const kind = typedArrayTag(array);
    const length = typedArrayLength(array);
    const prefix = prefixFor(array, kind, length);
    const shape = makeShape("", `${prefix}[`, "]", truncatedName(array, kind));
    shape.itemCount = length;
    shape.arrayLike = true;
    shape.numericItems = array;
    shape.skipIndexKeys = true;
    shape.items = typedArrayItems;
    return shape;
  }

  function typedArrayItems(run, array, level, entries) {
    const length = typedArrayLength(array);
    const shown = MathMin(length, MathMax(0, run.maxArrayLength));
    for (let i = 0; i < shown; i++) {
      const element = array[i];
      append(entries, typeof element === "bigint" ? `${element}n` : formatNumber(element));
    }
    if (shown < length) {
      const rest = length - shown;
      append(entries, `... ${rest} more item${rest > 1 ? "s" : ""}`);
    }
  }

  function describeMap(map) {
    const size = mapSize(map);
    const shape = makeShape("", `${prefixFor(map, "Map", size)}{`, "}", truncatedName(map, "Map"));
    shape.itemCount = size;
    shape.items = mapItems;
    return shape;
  }

  function mapItems(run, map, level, entries) {
    const iterator = mapEntries(map);
    const limit = MathMax(0, run.maxArrayLength);
    run.indent += 2;
    try {
      for (let step = mapIteratorNext(iterator); !step.done; step = mapIteratorNext(iterator)) {
        if (entries.length >= limit) break;
        const pair = step.value;
        append(entries, `${formatValue(run, pair[0], level + 1)} => ${formatValue(run, pair[1], level + 1)}`);
      }
    } finally {
      run.indent -= 2;
    }
    addMoreItems(entries, mapSize(map));
  }

  function addMoreItems(entries, size) {
    if (entries.length < size) {
      const rest = size - entries.length;
      append(entries, `... ${rest} more item${rest > 1 ? "s" : ""}`);
    }
  }

  function describeSet(set) {
    const size = setSize(set);
    const shape = makeShape("", `${prefixFor(set, "Set", size)}{`, "}", truncatedName(set, "Set"));
    shape.itemCount = size;
    shape.items = setItems;
    return shape;
  }

  function setItems(run, set, level, entries) {
    const iterator = setValues(set);
    const limit = MathMax(0, run.maxArrayLength);
    run.indent += 2;
    try {
      for (let step = setIteratorNext(iterator); !step.done; step = setIteratorNext(iterator)) {
        if (entries.length >= limit) break;
        append(entries, formatValue(run, step.value, level + 1));
      }
    } finally {
      run.indent -= 2;
    }
    addMoreItems(entries, setSize(set));
  }

  function describeDate(date) {
    const time = dateGetTime(date);
    const text = time === time ? dateToISOString(date) : "Invalid Date";
    const name = constructorName(date);
    const base = name === "Date" ? text : name === null ? `[Date: null prototype] ${text}` : `${name} ${text}`;
    return makeShape(base, "{", "}", truncatedName(date, "Date"));
  }

  function describeBoxed(object, kind, shown) {
    const name = constructorName(object);
    const label = name === kind ? kind : name === null ? `${kind} (null prototype)` : `${name} [${kind}]`;
    return makeShape(`[${label}: ${shown}]`, "{", "}", truncatedName(object, kind));
  }

  function describeBoxedString(run, object) {
    const shape = describeBoxed(object, "String", formatString(run, unboxString(object)));
    shape.skipIndexKeys = true;
    shape.hiddenKeys = "length";
    return shape;
  }

  function describeOpaque(object, kind, note) {
    const shape = makeShape("", `${prefixFor(object, kind, undefined)}{`, "}", truncatedName(object, kind));
    shape.itemCount = 1;
    shape.items = (run, object, level, entries) => append(entries, note);
    return shape;
  }

  function describeArrayBuffer(buffer) {
    const shape = makeShape("", `${prefixFor(buffer, "ArrayBuffer", undefined)}{`, "}", truncatedName(buffer, "ArrayBuffer"));
    shape.itemCount = 1;
    shape.items = arrayBufferItems;
    return shape;
  }

  function arrayBufferItems(run, buffer, level, entries) {
    const length = arrayBufferByteLength(buffer);
    if (arrayBufferDetached && arrayBufferDetached(buffer)) {
      append(entries, "(detached)");
    } else {
      const shown = MathMin(length, MathMax(0, run.maxArrayLength));
      const bytes = new Uint8ArrayCtor(buffer, 0, shown);
      let hex = "";
      for (let i = 0; i < bytes.length; i++) {
        const byte = bytes[i];
        hex += `${i === 0 ? "" : " "}${HEX_LOWER[byte >> 4]}${HEX_LOWER[byte & 15]}`;
      }
      if (length > shown) hex += ` ... ${length - shown} more byte${length - shown > 1 ? "s" : ""}`;
      append(entries, `[Uint8Contents]: <${hex}>`);
    }
    append(entries, `byteLength: ${formatNumber(length)}`);
  }

  const HEX_LOWER = "0123456789abcdef";

  function describeDataView(view) {
    const shape = makeShape("", `${prefixFor(view, "DataView", undefined)}{`, "}", truncatedName(view, "DataView"));
    shape.itemCount = 1;
    shape.items = (run, object, level, entries) => {
      append(entries, `byteLength: ${formatNumber(dataViewByteLength(object))}`);
      append(entries, `byteOffset: ${formatNumber(dataViewByteOffset(object))}`);
      run.indent += 2;
      try {
        append(entries, `buffer: ${formatValue(run, dataViewBuffer(object), level + 1)}`);
      } finally {
        run.indent -= 2;
      }
    };
    return shape;
  }

  // ---- functions ----------------------------------------------------------------------------------------------

  function describeFunction(fn) {
    let source = "";
    try {
      source = functionToString(fn);
    } catch {}
    const nameDescriptor = ObjectGetOwnPropertyDescriptor(fn, "name");
    const name = nameDescriptor !== undefined && typeof nameDescriptor.value === "string" ? nameDescriptor.value : "";
    let base;
    if (startsWith(source, "class") && (source.length === 5 || !isIdentifierPart(charCodeAt(source, 5)))) {
      base = `[class ${name === "" ? "(anonymous)" : name}`;
      const parent = ObjectGetPrototypeOf(fn);
      if (parent !== null && parent !== I.FunctionPrototype) {
        const parentName = ObjectGetOwnPropertyDescriptor(parent, "name");
        if (parentName && typeof parentName.value === "string" && parentName.value !== "") base += ` extends ${parentName.value}`;
      }
      base += "]";
    } else {
      let kind = "Function";
      const tag = objectToString(fn);
      if (tag === "[object AsyncFunction]") kind = "AsyncFunction";
      else if (tag === "[object GeneratorFunction]") kind = "GeneratorFunction";
      else if (tag === "[object AsyncGeneratorFunction]") kind = "AsyncGeneratorFunction";
      const ctor = constructorName(fn);
      const label = ctor === null ? `${kind} (null prototype)` : kind;
      base = name === "" ? `[${label} (anonymous)]` : `[${label}: ${name}]`;
      if (ctor !== null && ctor !== kind) base += ` ${ctor}`;
    }
    return makeShape(base, "{", "}", `[${constructorName(fn) ?? "Function"}]`);
  }

  function isIdentifierPart(code) {
    return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) ||
      code === 0x5f || code === 0x24 || code > 0x7f;
  }

  // ---- own properties -----------------------------------------------------------------------------------------

  function propertyKeys(run, object, skipIndexKeys, hiddenKeys) {
    const names = run.showHidden ? ObjectGetOwnPropertyNames(object) : ObjectKeys(object);
    const symbols = ObjectGetOwnPropertySymbols(object);
    const keys = [];
    for (let i = 0; i < names.length; i++) {
      const key = names[i];
      if (skipIndexKeys && isArrayIndex(key)) continue;
      if (hiddenKeys !== null && isHidden(hiddenKeys, key)) continue;
      append(keys, key);
    }
    for (let i = 0; i < symbols.length; i++) {
      if (run.showHidden || isEnumerable(object, symbols[i])) append(keys, symbols[i]);
    }
    return keys;
  }

  function isHidden(hiddenKeys, key) {
    if (typeof hiddenKeys === "string") return key === hiddenKeys;
    for (let i = 0; i < hiddenKeys.length; i++) if (hiddenKeys[i] === key) return true;
    return false;
  }

  // `name: value` for an own property; `ofArray` for the extra (non-index) properties of arrays.
  function formatProperty(run, object, key, level, ofArray) {
    const descriptor = ObjectGetOwnPropertyDescriptor(object, key);
    if (descriptor === undefined) return `${formatKey(key, true)}: undefined`;
    const label = formatKey(key, descriptor.enumerable);
    if (descriptor.get === undefined && descriptor.set === undefined && !ObjectHasOwn(descriptor, "get")) {
      // The older compact layout indents object values by 3 and moves a value wider than a line below its key.
      const step = run.compact === true && !ofArray ? 3 : 2;
      run.indent += step;
      try {
        const shown = formatValue(run, descriptor.value, level + 1);
        if (step === 3 && displayWidth(shown) > run.breakLength) return `${label}:\n${spaces(run.indent)}${shown}`;
        return `${label}: ${shown}`;
      } finally {
        run.indent -= step;
      }
    }
    const kind = descriptor.get !== undefined ? (descriptor.set !== undefined ? "Getter/Setter" : "Getter") : "Setter";
    if (run.getters && descriptor.get !== undefined) {
      let shown;
      try {
        const value = ReflectApply(descriptor.get, object, []);
        run.indent += 2;
        try {
          shown = formatValue(run, value, level + 1);
        } finally {
          run.indent -= 2;
        }
      } catch (error) {
        shown = `<Inspection threw (${safeString(safeGet(error, "message"))})>`;
      }
      return `${label}: [${kind}: ${shown}]`;
    }
    return `${label}: [${kind}]`;
  }

  // ---- layout ---------------------------------------------------------------------------------------------------

  function layout(run, shape, entries, level) {
    const base = shape.base;
    const open = shape.open;
    const head = base === "" ? open : `${base} ${open}`;
    if (run.compact === true) {
      // The older compact layout: the base goes inside the braces, entries fill lines from the first one.
      const inside = base === "" ? "" : ` ${base}`;
      if (fitsOnOneLine(run, entries, 0, base)) return `${open}${inside} ${join(entries, ", ")} ${shape.close}`;
      const indent = `\n${spaces(run.indent)}`;
      const lead = base === "" && open.length === 1 ? " " : `${inside}${indent}  `;
      return `${open}${lead}${join(entries, `,${indent}  `)} ${shape.close}`;
    }
    if (run.compact !== false && run.compact >= 1) {
      const count = entries.length;
      let rows = entries;
      if (shape.arrayLike && count > 6) rows = arrangeInColumns(run, entries, shape.numericItems);
      if (rows === entries && run.lastExpandedLevel - level < run.compact) {
        const start = count + run.indent + open.length + base.length + 10;
        if (fitsOnOneLine(run, entries, start, base)) {
          const line = join(entries, ", ");
          if (!includes(line, "\n")) return `${head} ${line} ${shape.close}`;
        }
      }
      entries = rows;
    }
    const indent = `\n${spaces(run.indent)}`;
    return `${head}${indent}  ${join(entries, `,${indent}  `)}${indent}${shape.close}`;
  }

  function fitsOnOneLine(run, entries, start, base) {
    let total = entries.length + start;
    if (total + entries.length > run.breakLength) return false;
    for (let i = 0; i < entries.length; i++) {
      total += entries[i].length;
      if (total > run.breakLength) return false;
    }
    return base === "" || !includes(base, "\n");
  }

  // Lays out many short array entries as a table of rows: as many columns as fit (at most 15, and fewer for
  // short arrays so the block stays roughly square), each column as wide as its widest entry; numbers are
  // right-aligned, anything else left-aligned. A "... more items" entry stays on a line of its own.
  function arrangeInColumns(run, entries, items) {
    // A trailing "... more items" entry is not laid out in the table.
    const dataCount = run.maxArrayLength < entries.length ? entries.length - 1 : entries.length;
    const gap = 2; // ", "
    const widths = [];
    let total = 0;
    let widest = 0;
    for (let i = 0; i < dataCount; i++) {
      const width = displayWidth(entries[i]);
      widths[i] = width;
      total += width + gap;
      if (width > widest) widest = width;
    }
    const cell = widest + gap;
    if (cell * 3 + run.indent >= run.breakLength || (total / cell <= 5 && widest > 6)) return entries;

    const bias = MathSqrt(cell - total / entries.length);
    const shrunk = MathMax(cell - 3 - bias, 1);
    const columns = MathMin(
      MathRound(MathSqrt(2.5 * shrunk * dataCount) / shrunk),
      MathFloor((run.breakLength - run.indent) / cell),
      run.compact * 4,
      15,
    );
    if (columns <= 1) return entries;

    const columnWidths = [];
    for (let column = 0; column < columns; column++) {
      let width = 0;
      for (let i = column; i < dataCount; i += columns) if (widths[i] > width) width = widths[i];
      columnWidths[column] = width + gap;
    }
    let rightAlign = items !== null;
    if (rightAlign) {
      for (let i = 0; i < entries.length; i++) {
        const item = items[i];
        if (typeof item !== "number" && typeof item !== "bigint") {
          rightAlign = false;
          break;
        }
      }
    }
    const rows = [];
    for (let first = 0; first < dataCount; first += columns) {
      const end = MathMin(first + columns, dataCount);
      let row = "";
      let i = first;
      for (; i < end - 1; i++) {
        const target = columnWidths[i - first] + entries[i].length - widths[i];
        row += rightAlign ? padStart(`${entries[i]}, `, target, " ") : padEnd(`${entries[i]}, `, target, " ");
      }
      if (rightAlign) {
        row += padStart(entries[i], columnWidths[i - first] + entries[i].length - widths[i] - gap, " ");
      } else {
        row += entries[i];
      }
      append(rows, row);
    }
    if (dataCount < entries.length) append(rows, entries[dataCount]);
    return rows;
  }
  // A console.table cell: an object with more than two keys collapses to its short name (`[Object]`), arrays
  // show three items, everything stays on one line.
  function inspectCell(value) {
    const collapse = value !== null && typeof value === "object" && !ArrayIsArray(value) && ObjectKeys(value).length > 2;
    return inspect(value, { __proto__: null, depth: collapse ? -1 : 0, maxArrayLength: 3, breakLength: Infinity });
  }

  internals.inspect = inspect;
  internals.inspectCell = inspectCell;
  internals.inspectCore = ObjectFreeze({
    __proto__: null,
    makeRun,
    makeShape,
    constructorName,
    truncatedName,
    formatProperty,
    propertyKeys,
    layout,
    inspect,
    isError,
  });
})
