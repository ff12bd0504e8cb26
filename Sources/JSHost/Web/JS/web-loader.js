// Installs the web platform pieces that most scripts never touch (Encoding, File API, URL, base64, crypto,
// navigator, location, FileReader, Response) without evaluating them: each module is evaluated the first
// time one of its globals is read (realms are made per test file, so startup matters).
//
// - Functions (atob, btoa) are installed at once as their permanent selves; the first call loads the module.
// - Attributes (crypto, navigator, location) are the global's accessors from the start; the first get loads.
// - Interface objects (Blob, URL, ...) start as an accessor on the global that, when first read, loads the
//   module and turns itself into the WebIDL data property { writable, configurable, not enumerable } holding
//   the class. (Until then, Object.getOwnPropertyDescriptor shows that accessor: the one visible deviation.)
//   A value the script assigns first wins, and a module loaded later leaves it alone.
//
// Published on `internals`: requireModule(name) loads a module (and what it needs) now; publishGlobal(name,
// value) is what a lazily loaded module calls instead of installGlobal.
(function (ops, internals, global) {
  "use strict";

  const ObjectDefineProperty = Object.defineProperty;
  const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
  const ObjectGetOwnPropertyNames = Object.getOwnPropertyNames;
  const ObjectGetPrototypeOf = Object.getPrototypeOf;
  const ReflectApply = Reflect.apply;

  // ---- intrinsics for the lazily loaded modules ----------------------------------------------------------
  // Those modules are evaluated after user code has run, so they must not read intrinsics from the global or
  // the prototypes then: everything they use is captured here, before any user code, as
  // `internals.capturedBuiltins`.
  const getter = (object, key) => ObjectGetOwnPropertyDescriptor(object, key).get;
  const TypedArrayPrototype = ObjectGetPrototypeOf(Uint8Array.prototype);
  const S = String.prototype;
  const capturedBuiltins = {
    __proto__: null,
    ReflectApply, ReflectOwnKeys: Reflect.ownKeys,
    ObjectDefineProperty, ObjectGetOwnPropertyDescriptor, ObjectGetOwnPropertyNames, ObjectGetPrototypeOf,
    ObjectCreate: Object.create, ObjectFreeze: Object.freeze, ObjectHasOwn: Object.hasOwn,
    ObjectSetPrototypeOf: Object.setPrototypeOf,
    StringFromCharCode: String.fromCharCode, StringFromCodePoint: String.fromCodePoint,
    StringPrototypeCharCodeAt: S.charCodeAt, StringPrototypeCodePointAt: S.codePointAt, StringPrototypeSlice: S.slice,
    StringPrototypeToLowerCase: S.toLowerCase, StringPrototypeToWellFormed: S.toWellFormed,
    StringPrototypeNormalize: S.normalize, StringPrototypeSplit: S.split, StringPrototypeIndexOf: S.indexOf,
    NumberPrototypeToString: Number.prototype.toString, NumberIsFinite: Number.isFinite,
    MathTrunc: Math.trunc, MathFloor: Math.floor, MathMax: Math.max, MathMin: Math.min,
    ArrayPrototypeJoin: Array.prototype.join, ArrayPrototypeSplice: Array.prototype.splice,
    ArrayPrototypeSort: Array.prototype.sort,
    JSONParse: JSON.parse, JSONStringify: JSON.stringify,
    SymbolCtor: Symbol, SymbolIterator: Symbol.iterator, SymbolToStringTag: Symbol.toStringTag,
    MapCtor: Map, MapGet: Map.prototype.get, MapSet: Map.prototype.set, MapDelete: Map.prototype.delete,
    WeakMapCtor: WeakMap, WeakMapGet: WeakMap.prototype.get, WeakMapSet: WeakMap.prototype.set,
    PromiseCtor: Promise, TypeErrorCtor: TypeError, RangeErrorCtor: RangeError, DateNow: Date.now,
    RegExpPrototypeExec: RegExp.prototype.exec,
    FunctionPrototype: Function.prototype, FunctionCall: Function.prototype.call,
    ArrayBufferIsView: ArrayBuffer.isView, ArrayBufferByteLength: getter(ArrayBuffer.prototype, "byteLength"),
    ArrayBufferDetached: getter(ArrayBuffer.prototype, "detached"),
    SharedArrayBufferByteLength: typeof SharedArrayBuffer === "function" ? getter(SharedArrayBuffer.prototype, "byteLength") : undefined,
    TypedArrayPrototype, TypedArrayBuffer: getter(TypedArrayPrototype, "buffer"),
    TypedArrayByteOffset: getter(TypedArrayPrototype, "byteOffset"), TypedArrayByteLength: getter(TypedArrayPrototype, "byteLength"),
    TypedArrayTag: getter(TypedArrayPrototype, Symbol.toStringTag), TypedArraySet: TypedArrayPrototype.set,
    TypedArraySlice: TypedArrayPrototype.slice, TypedArraySubarray: TypedArrayPrototype.subarray,
    DataViewBuffer: getter(DataView.prototype, "buffer"), DataViewByteOffset: getter(DataView.prototype, "byteOffset"),
    DataViewByteLength: getter(DataView.prototype, "byteLength"),
    Uint8ArrayCtor: Uint8Array, Uint16ArrayCtor: Uint16Array, Int8ArrayCtor: Int8Array,
    IteratorPrototype: ObjectGetPrototypeOf(ObjectGetPrototypeOf([][Symbol.iterator]())),
  };
  const ObjectFreeze = Object.freeze;
  internals.capturedBuiltins = ObjectFreeze(capturedBuiltins);

  const idl = internals.idl;
  const SymbolToStringTag = Symbol.toStringTag;

  // WebIDL "default iterator objects" of a pair-iterable interface (§3.7.10.2): `pairsOf(target)` gives the
  // current [key, value] list, read again at each step (so the iterator is live over the list, by index).
  // Returns makeIterator(target, kind) for the interface's entries()/keys()/values().
  const { ObjectCreate, WeakMapCtor, WeakMapGet, WeakMapSet, IteratorPrototype } = capturedBuiltins;
  function pairIterators(interfaceName, pairsOf) {
    const states = new WeakMapCtor();
    // (Null-prototype descriptors: this runs when a lazily loaded module is evaluated, after user code, which
    // may have put `get` or `value` on Object.prototype.)
    const prototype = ObjectCreate(IteratorPrototype, {
      __proto__: null,
      next: {
        __proto__: null,
        value: {
          next() {
            const state = ReflectApply(WeakMapGet, states, [this]);
            if (state === undefined) {
              throw new TypeError(`Illegal invocation: 'next' called on an object that is not a ${interfaceName} Iterator.`);
            }
            const pairs = pairsOf(state.target);
            if (state.index >= pairs.length) return { value: undefined, done: true };
            const pair = pairs[state.index++];
            const value = state.kind === "key" ? pair[0] : state.kind === "value" ? pair[1] : [pair[0], pair[1]];
            return { value, done: false };
          },
        }.next,
        writable: true, enumerable: true, configurable: true,
      },
      [SymbolToStringTag]: { __proto__: null, value: `${interfaceName} Iterator`, writable: false, enumerable: false, configurable: true },
    });
    return function makeIterator(target, kind) {
      const iterator = ObjectCreate(prototype);
      ReflectApply(WeakMapSet, states, [iterator, { __proto__: null, target, kind, index: 0 }]);
      return iterator;
    };
  }

  internals.webIdl = ObjectFreeze({
    __proto__: null,
    describe: idl.describe, toDOMString: idl.toDOMString, failedToExecute: idl.failedToExecute,
    failedToConstruct: idl.failedToConstruct, notEnoughArguments: idl.notEnoughArguments,
    illegalConstructor: idl.illegalConstructor, checkDictionary: idl.checkDictionary, installGlobal: idl.installGlobal,
    finishInterface: idl.finishInterface, illegalInvocation: idl.illegalInvocation, pairIterators,
  });

  // module → the modules it uses at evaluation time (loaded first)
  const needs = {
    __proto__: null,
    "encoding.js": [], "base64.js": [], "crypto.js": [], "navigator.js": [],
    "blob.js": ["encoding.js"], "url.js": ["encoding.js"], "location.js": ["url.js"],
    "file-reader.js": ["blob.js", "base64.js"], "response.js": ["blob.js", "url.js"], "shared-worker.js": ["url.js"],
  };
  const interfaces = {
    __proto__: null,
    TextEncoder: "encoding.js", TextDecoder: "encoding.js", Blob: "blob.js", File: "blob.js", URL: "url.js",
    URLSearchParams: "url.js", Crypto: "crypto.js", FileReader: "file-reader.js", ProgressEvent: "file-reader.js",
    Headers: "response.js", Response: "response.js",
    [ops.globalName === "Window" ? "Navigator" : "WorkerNavigator"]: "navigator.js",
    [ops.globalName === "Window" ? "Location" : "WorkerLocation"]: "location.js",
  };
  // [Exposed=Window]
  if (ops.globalName === "Window") interfaces.SharedWorker = "shared-worker.js";
  const loaded = { __proto__: null };
  const stubs = { __proto__: null }; // interface name → the getter standing in for it

  function requireModule(name) {
    if (loaded[name]) return;
    loaded[name] = true;
    const deps = needs[name];
    for (let i = 0; i < deps.length; i++) requireModule(deps[i]);
    ops.loadModule(name);
  }

  function publishGlobal(name, value) {
    const d = ObjectGetOwnPropertyDescriptor(global, name);
    // Only replace our own stand-in: the script may have deleted or replaced the global already.
    if (d !== undefined && d.get !== undefined && d.get === stubs[name]) {
      ObjectDefineProperty(global, name, { __proto__: null, value, writable: true, enumerable: false, configurable: true });
    }
  }

  for (const name in interfaces) {
    const module = interfaces[name];
    const accessors = {
      get [name]() {
        requireModule(module);
        return internals.lazyInterfaces[name];
      },
      set [name](value) {
        ObjectDefineProperty(global, name, { __proto__: null, value, writable: true, enumerable: false, configurable: true });
      },
    };
    const d = ObjectGetOwnPropertyDescriptor(accessors, name);
    stubs[name] = d.get;
    ObjectDefineProperty(global, name, { __proto__: null, get: d.get, set: d.set, enumerable: false, configurable: true });
  }
  internals.lazyInterfaces = { __proto__: null };

  // atob/btoa: permanent functions; the implementation arrives with base64.js.
  const functions = {
    atob(data) { requireModule("base64.js"); return ReflectApply(internals.atob, this, arguments); },
    btoa(data) { requireModule("base64.js"); return ReflectApply(internals.btoa, this, arguments); },
  };
  for (const name of ["atob", "btoa"]) { // (evaluated before any user code)
    ObjectDefineProperty(global, name, { __proto__: null, value: functions[name], writable: true, enumerable: true, configurable: true });
  }

  // crypto, navigator: [SameObject] readonly attributes. location: [LegacyUnforgeable, PutForwards=href] in a
  // window (not configurable; setting it would navigate, which jshost does not do), a plain readonly
  // attribute in a worker.
  const inWorker = ops.globalName !== "Window";
  const attributes = {
    get crypto() { requireModule("crypto.js"); return internals.cryptoObject; },
    get navigator() { requireModule("navigator.js"); return internals.navigatorObject; },
    get location() { requireModule("location.js"); return internals.locationObject; },
    set location(value) {
      requireModule("location.js");
      throw internals.makeDOMException("jshost does not navigate: setting location is not supported.", "NotSupportedError");
    },
  };
  for (const name of ["crypto", "navigator", "location"]) {
    const d = ObjectGetOwnPropertyDescriptor(attributes, name);
    const unforgeable = name === "location" && !inWorker;
    ObjectDefineProperty(global, name, {
      __proto__: null, get: d.get, set: unforgeable ? d.set : undefined, enumerable: true, configurable: !unforgeable,
    });
  }
  // WindowOrWorkerGlobalScope's crossOriginIsolated: jshost grants no cross-origin isolated capability, so
  // SharedArrayBuffers cannot be cloned or posted (DataCloneError), as in a browser page without COOP/COEP.
  const isolation = { get crossOriginIsolated() { return false; } };
  ObjectDefineProperty(global, "crossOriginIsolated", {
    __proto__: null, get: ObjectGetOwnPropertyDescriptor(isolation, "crossOriginIsolated").get, set: undefined,
    enumerable: true, configurable: true,
  });

  // A Blob can arrive in a message before this realm ever evaluated blob.js: clone.js's deserialize hook
  // loads it (blob.js then replaces this stand-in).
  internals.blobDeserialize = (record) => {
    requireModule("blob.js");
    return internals.blobDeserialize(record);
  };

  internals.requireModule = requireModule;
  internals.publishGlobal = (name, value) => {
    internals.lazyInterfaces[name] = value;
    publishGlobal(name, value);
  };
})
