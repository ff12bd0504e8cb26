// Loads clone.js the first time structured cloning is needed. It is the second-largest module and most
// scripts never clone (postMessage of a primitive needs no clone either), so realms start ~1 ms faster.
// The global `structuredClone` installed here is the permanent one: its identity, name and length never change.
//
// clone.js is evaluated after user code has run, when any built-in may have been replaced. So the built-ins it
// uses are captured here, while the realm is new, and handed over as `internals.cloneIntrinsics`.
(function (ops, internals, global) {
  "use strict";

  const { apply: reflectApply, defineProperty } = Reflect;
  const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor, hasOwn = Object.hasOwn;
  const TypeErrorCtor = TypeError;

  function captureIntrinsics() {
    const getter = (obj, key) => { const d = getOwnPropertyDescriptor(obj, key); return d && d.get; };
    const I = { __proto__: null };
    const ObjectPrototype = Object.prototype;
    I.ObjectCtor = Object; I.ArrayCtor = Array; I.MapCtor = Map; I.SetCtor = Set; I.DateCtor = Date;
    I.RegExpCtor = RegExp; I.BooleanCtor = Boolean; I.NumberCtor = Number; I.StringCtor = String;
    I.ArrayBufferCtor = ArrayBuffer; I.DataViewCtor = DataView; I.Uint8ArrayCtor = Uint8Array;
    I.TypeErrorCtor = TypeError; I.WeakMapCtor = WeakMap;
    I.ObjectPrototype = ObjectPrototype; I.FunctionPrototype = Function.prototype;
    I.FunctionCall = Function.prototype.call; I.hasOwnProperty = ObjectPrototype.hasOwnProperty;
    I.getPrototypeOf = Object.getPrototypeOf; I.defineProperty = Object.defineProperty;
    I.getOwnPropertyDescriptor = getOwnPropertyDescriptor; I.hasOwn = hasOwn;
    I.freeze = Object.freeze; I.create = Object.create; I.objectKeys = Object.keys;
    I.isArray = Array.isArray; I.isView = ArrayBuffer.isView;
    I.apply = Reflect.apply; I.reflectDefine = Reflect.defineProperty; I.reflectDelete = Reflect.deleteProperty;
    I.isError = typeof Error.isError === "function" ? Error.isError : null;
    I.SymbolIterator = Symbol.iterator;
    I.objectToString = ObjectPrototype.toString; I.propertyIsEnumerable = ObjectPrototype.propertyIsEnumerable;
    I.lookupGetter = ObjectPrototype.__lookupGetter__;
    I.functionToString = Function.prototype.toString;
    I.symbolToString = Symbol.prototype.toString; I.StringSlice = String.prototype.slice;
    I.BooleanValueOf = Boolean.prototype.valueOf; I.NumberValueOf = Number.prototype.valueOf;
    I.StringValueOf = String.prototype.valueOf; I.BigIntValueOf = BigInt.prototype.valueOf;
    I.SymbolValueOf = Symbol.prototype.valueOf; I.DateGetTime = Date.prototype.getTime;
    const RegExpProto = RegExp.prototype;
    I.RegExpProto = RegExpProto; I.RegExpSource = getter(RegExpProto, "source");
    const flags = [["d", "hasIndices"], ["g", "global"], ["i", "ignoreCase"], ["m", "multiline"], ["s", "dotAll"],
      ["u", "unicode"], ["v", "unicodeSets"], ["y", "sticky"]];
    const flagGetters = [];
    for (let i = 0; i < flags.length; i++) {
      const g = getter(RegExpProto, flags[i][1]);
      if (typeof g === "function") flagGetters[flagGetters.length] = [flags[i][0], g];
    }
    I.RegExpFlagGetters = flagGetters;
    const MapProto = Map.prototype, SetProto = Set.prototype, WeakMapProto = WeakMap.prototype;
    I.MapProto = MapProto; I.SetProto = SetProto;
    I.MapSize = getter(MapProto, "size"); I.SetSize = getter(SetProto, "size");
    I.MapForEach = MapProto.forEach; I.SetForEach = SetProto.forEach; I.MapSet = MapProto.set; I.SetAdd = SetProto.add;
    I.MapGet = MapProto.get; I.MapHas = MapProto.has;
    I.WeakMapGet = WeakMapProto.get; I.WeakMapSet = WeakMapProto.set; I.WeakMapHas = WeakMapProto.has;
    I.WeakSetHas = WeakSet.prototype.has;
    I.WeakRefDeref = typeof WeakRef === "function" ? WeakRef.prototype.deref : null;
    I.FinRegUnregister = typeof FinalizationRegistry === "function" ? FinalizationRegistry.prototype.unregister : null;
    const ABProto = ArrayBuffer.prototype;
    I.ABProto = ABProto;
    I.ABByteLength = getter(ABProto, "byteLength"); I.ABDetached = getter(ABProto, "detached");
    I.ABResizable = getter(ABProto, "resizable"); I.ABMaxByteLength = getter(ABProto, "maxByteLength");
    I.ABTransfer = ABProto.transfer; I.ABResize = ABProto.resize;
    // JSC hides the SharedArrayBuffer global unless an engine option is set, but shared WebAssembly memory
    // still makes them: capture the constructor that way, so that one is recognised (and refused) rather than
    // cloned as an empty ordinary object.
    let SABCtor = typeof SharedArrayBuffer === "function" ? SharedArrayBuffer : null;
    if (SABCtor === null && typeof WebAssembly === "object") {
      try {
        SABCtor = new WebAssembly.Memory({ shared: true, initial: 0, maximum: 0 }).buffer.constructor;
      } catch {
        SABCtor = null;
      }
    }
    I.SABCtor = SABCtor; I.SABByteLength = SABCtor ? getter(SABCtor.prototype, "byteLength") : null;
    const TypedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
    I.TATag = getter(TypedArrayProto, Symbol.toStringTag); I.TABuffer = getter(TypedArrayProto, "buffer");
    I.TAByteOffset = getter(TypedArrayProto, "byteOffset"); I.TALength = getter(TypedArrayProto, "length");
    I.TASet = TypedArrayProto.set; I.TAIncludes = TypedArrayProto.includes;
    const DVProto = DataView.prototype;
    I.DVBuffer = getter(DVProto, "buffer");
    I.DVByteOffset = getter(DVProto, "byteOffset"); I.DVByteLength = getter(DVProto, "byteLength");
    // Prototypes (and constructors) that identify built-in kinds.
    I.kindConstructors = {
      __proto__: null, Boolean, Number, String, BigInt, Date, RegExp, Map, Set, ArrayBuffer,
      SharedArrayBuffer: SABCtor, Symbol, WeakMap, WeakSet, WeakRef: global.WeakRef,
      FinalizationRegistry: global.FinalizationRegistry,
    };
    I.PromisePrototype = Promise.prototype;
    const errorCtors = { __proto__: null };
    const errorNames = ["Error", "EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError"];
    for (let i = 0; i < errorNames.length; i++) errorCtors[errorNames[i]] = global[errorNames[i]];
    I.errorCtors = errorCtors;
    const typedArrays = { __proto__: null }; // name → [constructor, element size]
    const typedArrayNames = ["Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array",
      "Int32Array", "Uint32Array", "Float16Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array"];
    for (let i = 0; i < typedArrayNames.length; i++) {
      const C = global[typedArrayNames[i]];
      if (typeof C === "function") typedArrays[typedArrayNames[i]] = [C, C.BYTES_PER_ELEMENT];
    }
    I.typedArrays = typedArrays;
    return Object.freeze(I);
  }

  internals.cloneIntrinsics = captureIntrinsics();

  // Hooks other modules call through `internals`: the first read loads clone.js, which replaces these accessors
  // with the real functions. A load that fails (no stack left, say) throws to the caller and leaves the
  // accessors in place, so the next use tries again.
  function loaded(name) {
    ops.loadModule("clone.js");
    const d = getOwnPropertyDescriptor(internals, name);
    if (d === undefined || !hasOwn(d, "value")) throw new TypeErrorCtor(`jshost: clone.js did not define ${name}`);
    return d.value;
  }

  const names = ["structuredClone", "serializeForPost", "deserializeFromPost", "structuredCloneWebIDL", "copyForPost",
    "isPostSnapshot", "snapshotOf"];
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    defineProperty(internals, name, {
      __proto__: null,
      get() { return loaded(name); },
      set(value) {
        defineProperty(internals, name, { __proto__: null, value, writable: true, enumerable: true, configurable: true });
      },
      enumerable: true,
      configurable: true,
    });
  }

  internals.structuredCloneGlobalInstalled = true;
  const structuredClone = {
    structuredClone(value, options = undefined) {
      return reflectApply(internals.structuredCloneWebIDL, undefined, arguments);
    },
  }.structuredClone;
  defineProperty(global, "structuredClone", { __proto__: null, value: structuredClone, writable: true, enumerable: false, configurable: true });
})
