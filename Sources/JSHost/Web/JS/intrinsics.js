// intrinsics.js: the built-in functions that the lazily loaded formatting modules (inspect.js, format.js,
// console-table.js) use, captured while the realm is being set up, before any user code runs.
//
// Those modules are evaluated on the first console call that needs them, which can be long after user code
// has patched `Array.prototype.push`, `String.prototype.slice`, `Object.keys`, `Map.prototype.get`,
// `JSON.stringify` or `Function.prototype.call`, or replaced globals such as `String`. Capturing in those
// modules would capture the patched versions, so they take everything from this record instead.
//
// Cost: one frozen object of plain references (no wrappers are built here; the consumers build them),
// about 0.3 ms per realm on the build machine, most of it the first reads of these built-in properties.
//
// Published on `internals`:
//   intrinsics   a frozen null-prototype record of the functions and objects below
(function (ops, internals, global) {
  "use strict";

  const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
  const getPrototypeOf = Object.getPrototypeOf;
  const getterOf = (object, name) => getOwnPropertyDescriptor(object, name).get;

  const TypedArrayPrototype = getPrototypeOf(Uint8Array.prototype);
  const MapIteratorPrototype = getPrototypeOf(new Map().entries());
  const SetIteratorPrototype = getPrototypeOf(new Set().values());

  internals.intrinsics = Object.freeze({
    __proto__: null,

    // Calling and reflection
    FunctionPrototype: Function.prototype,
    FunctionPrototypeCall: Function.prototype.call,
    FunctionPrototypeBind: Function.prototype.bind,
    FunctionPrototypeToString: Function.prototype.toString,
    ReflectApply: Reflect.apply,
    ReflectOwnKeys: Reflect.ownKeys,

    // Objects
    ObjectPrototype: Object.prototype,
    ObjectKeys: Object.keys,
    ObjectGetOwnPropertyNames: Object.getOwnPropertyNames,
    ObjectGetOwnPropertySymbols: Object.getOwnPropertySymbols,
    ObjectGetOwnPropertyDescriptor: getOwnPropertyDescriptor,
    ObjectGetPrototypeOf: getPrototypeOf,
    ObjectDefineProperty: Object.defineProperty,
    ObjectFreeze: Object.freeze,
    ObjectHasOwn: Object.hasOwn,
    ObjectPrototypeToString: Object.prototype.toString,
    ObjectPrototypePropertyIsEnumerable: Object.prototype.propertyIsEnumerable,

    // Arrays
    ArrayIsArray: Array.isArray,
    ArrayPrototypeSort: Array.prototype.sort,
    ArrayPrototype: Array.prototype,

    // Primitives and their wrappers
    StringCtor: String,
    NumberCtor: Number,
    StringFromCharCode: String.fromCharCode,
    StringPrototypeSlice: String.prototype.slice,
    StringPrototypeIndexOf: String.prototype.indexOf,
    StringPrototypeCharCodeAt: String.prototype.charCodeAt,
    StringPrototypeCodePointAt: String.prototype.codePointAt,
    StringPrototypeRepeat: String.prototype.repeat,
    StringPrototypePadStart: String.prototype.padStart,
    StringPrototypePadEnd: String.prototype.padEnd,
    StringPrototypeIncludes: String.prototype.includes,
    StringPrototypeStartsWith: String.prototype.startsWith,
    StringPrototypeEndsWith: String.prototype.endsWith,
    StringPrototypeValueOf: String.prototype.valueOf,
    NumberPrototypeValueOf: Number.prototype.valueOf,
    NumberPrototypeToFixed: Number.prototype.toFixed,
    NumberPrototypeToString: Number.prototype.toString,
    BooleanPrototypeValueOf: Boolean.prototype.valueOf,
    BigIntPrototypeValueOf: BigInt.prototype.valueOf,
    SymbolPrototypeValueOf: Symbol.prototype.valueOf,
    SymbolPrototypeToString: Symbol.prototype.toString,
    SymbolToStringTag: Symbol.toStringTag,
    SymbolToPrimitive: Symbol.toPrimitive,
    SymbolInspectCustom: Symbol.for("nodejs.util.inspect.custom"),
    parseInt,
    parseFloat,
    MathMax: Math.max,
    MathMin: Math.min,
    MathRound: Math.round,
    MathFloor: Math.floor,
    MathSqrt: Math.sqrt,
    JSONStringify: JSON.stringify,

    // Errors, dates, regular expressions, functions
    ErrorIsError: typeof Error.isError === "function" ? Error.isError : undefined,
    ErrorPrototype: Error.prototype,
    DatePrototypeGetTime: Date.prototype.getTime,
    DatePrototypeToISOString: Date.prototype.toISOString,
    RegExpPrototype: RegExp.prototype,
    RegExpSource: getterOf(RegExp.prototype, "source"),
    RegExpFlags: getterOf(RegExp.prototype, "flags"),

    // Collections
    MapCtor: Map,
    MapPrototypeGet: Map.prototype.get,
    MapPrototypeSet: Map.prototype.set,
    MapPrototypeHas: Map.prototype.has,
    MapPrototypeDelete: Map.prototype.delete,
    MapPrototypeEntries: Map.prototype.entries,
    MapSize: getterOf(Map.prototype, "size"),
    MapIteratorNext: MapIteratorPrototype.next,
    SetPrototypeValues: Set.prototype.values,
    SetSize: getterOf(Set.prototype, "size"),
    SetIteratorNext: SetIteratorPrototype.next,
    WeakMapPrototypeHas: WeakMap.prototype.has,
    WeakSetPrototypeHas: WeakSet.prototype.has,
    WeakRefPrototypeDeref: typeof WeakRef === "function" ? WeakRef.prototype.deref : undefined,

    // Binary data
    Uint8ArrayCtor: Uint8Array,
    TypedArrayToStringTag: getterOf(TypedArrayPrototype, Symbol.toStringTag),
    TypedArrayLength: getterOf(TypedArrayPrototype, "length"),
    ArrayBufferByteLength: getterOf(ArrayBuffer.prototype, "byteLength"),
    ArrayBufferDetached: getOwnPropertyDescriptor(ArrayBuffer.prototype, "detached")?.get,
    DataViewBuffer: getterOf(DataView.prototype, "buffer"),
    DataViewByteLength: getterOf(DataView.prototype, "byteLength"),
    DataViewByteOffset: getterOf(DataView.prototype, "byteOffset"),
  });
})
