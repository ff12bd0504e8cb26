// clone.js: HTML "safe passing of structured data" (StructuredSerializeWithTransfer and
// StructuredDeserializeWithTransfer), the global structuredClone(), and the snapshot hooks that postMessage uses.
//
// Published on `internals`:
//   structuredClone(value, transferList?)      the algorithm without WebIDL argument conversion. transferList is
//                                              an array of objects (or undefined). Returns the clone.
//   serializeForPost(value, transferList?)     → snapshot (see "Snapshots" below), made in the sender's realm.
//   deserializeFromPost(snapshot, newPorts?)   → the value in THIS module's realm (call the receiver realm's one).
//   copyForPost(value)                         postMessage without a transfer list: the copy itself when a snapshot
//                                              would hold nothing else (most messages), else a snapshot. The copy
//                                              is of this realm (it never has a null prototype).
//   isPostSnapshot(v)                          v is a snapshot made by this realm's module
//   snapshotOf(copy)                           a snapshot of a copyForPost() copy, for another realm to rebuild
// Published on the global: structuredClone(value, options) (WebIDL).
//
// Hooks this module consumes from other modules, looked up at call time (all optional):
//   DOMException                       the class; DataCloneError is `new DOMException(message, "DataCloneError")`
//   isDOMException(v), makeDOMException(message, name)
//   isMessagePort(v)                   brand check for MessagePort
//   isMessagePortDetached(port)        true when the port was already shipped (transferred) elsewhere
//   transferMessagePorts(ports)        used by structuredClone() only: run the transfer steps on each port and
//                                      return fresh MessagePort objects of this realm that took their place
//   platformObjectKind(v)              interface name for a (non-serializable) platform object, else undefined
//
// Snapshots (serializeForPost → deserializeFromPost). Private to the host; the fields are:
//   value     the deep copy, made of the sender realm's objects. Transferred things are placeholder records here.
//   ports     the original MessagePort objects of the transfer list, in order. The caller runs their transfer
//             steps and passes the replacements to deserializeFromPost as newPorts (same order).
//   buffers   the ArrayBuffers that now own the bytes of the transferred buffers (made by transfer(), in
//             transfer-list order; the originals are detached). A thread-crossing encoder can hand these over
//             without copying.
//             (ports and buffers are one shared frozen empty array when there are none.)
//   slots     placeholder records inside `value` (ports, transferred buffers, views of them), or null
//   foreign   records ({copy, name, message, stack}) of the DOMExceptions in `value`, which a different realm
//             rebuilds with its own class, or null
//   realm     the sender realm's token
// A snapshot is deserialized at most once: for the same realm with no placeholders the copy itself is returned.
// A later thread-crossing encoding can add e.g. an `encoded` field that deserializeFromPost decodes first;
// callers do not change.
//
// Known deviations (JSC gives JS no way to observe them): a Proxy is cloned through its traps as the object or
// array it presents itself as (browsers throw DataCloneError for every Proxy); a built-in object whose prototype
// was replaced and whose kind is only visible through its prototype's Symbol.toStringTag (Map, Set, WeakMap,
// WeakSet, WeakRef, FinalizationRegistry, Promise, ArrayBuffer) is classified by prototype/tag, so
// Object.setPrototypeOf(new Map, Object.prototype) clones as a plain object; a plain object whose own
// Symbol.toStringTag claims "Promise" (etc.) is refused; a setter that user code put on Object.prototype (or,
// for an array index, on Array.prototype) under a cloned key's name runs when the clone is built (read-only
// ones are handled: a frozen Object.prototype is fine); an enumerable index on Array.prototype can hide a
// non-index key of a holey array from the fast array walk.
(function (ops, internals, global) {
  "use strict";

  // ---- intrinsics: captured by clone-loader.js when the realm was new (this module loads later) ----------
  const I = internals.cloneIntrinsics;
  const { ObjectCtor, ArrayCtor, MapCtor, SetCtor, DateCtor, RegExpCtor, BooleanCtor, NumberCtor, StringCtor,
    ArrayBufferCtor, DataViewCtor, Uint8ArrayCtor, TypeErrorCtor, WeakMapCtor, ObjectPrototype, FunctionPrototype,
    FunctionCall, hasOwnProperty, getPrototypeOf, defineProperty, getOwnPropertyDescriptor, hasOwn, freeze,
    isArray, isView, apply, reflectDefine, reflectDelete, SymbolIterator, objectToString,
    functionToString, symbolToString, StringSlice, BooleanValueOf, NumberValueOf, StringValueOf, BigIntValueOf,
    SymbolValueOf, DateGetTime, RegExpProto, RegExpSource, RegExpFlagGetters, MapSize, SetSize,
    MapForEach, SetForEach, MapSet, SetAdd, MapGet, MapHas, WeakMapGet, WeakMapSet, WeakMapHas, WeakSetHas,
    WeakRefDeref, FinRegUnregister, ABProto, ABByteLength, ABDetached, ABResizable, ABMaxByteLength, ABTransfer,
    ABResize, SABByteLength, TATag, TABuffer, TAByteOffset, TALength, TASet, TAIncludes, DVBuffer,
    DVByteOffset, DVByteLength, kindConstructors, PromisePrototype, errorCtors, typedArrays } = I;
  const isErrorIntrinsic = I.isError;
  const EMPTY = freeze([]);
  // The walk's own working lists grow by storing past their end, which on an ordinary array would reach any
  // setter user code defined for that index on Array.prototype: they have no prototype.
  const setPrototypeOfList = internals.capturedBuiltins.ObjectSetPrototypeOf;
  const list = () => setPrototypeOfList([], null);
  // JSC puts these own properties on every Error; they describe where the error was made, so a clone keeps them.
  const ERROR_EXTRAS = ["stack", "line", "column", "sourceURL"];
  // A data property as the clone defines it (the descriptor has no prototype a script could have given
  // `get`, `set` or `value`).
  const dataDescriptor = (value, enumerable) => ({ __proto__: null, value, writable: true, enumerable, configurable: true });

  // Maps the user cannot patch: own copies of the methods on private prototypes. The memory of the walk is a
  // WeakMap: in JSC its get/set cost half of a Map's here (keys are always objects).
  class SealedMap extends MapCtor { constructor() { super(); } } // (no implicit ...args spread)
  defineProperty(SealedMap.prototype, "get", { __proto__: null, value: MapGet });
  defineProperty(SealedMap.prototype, "set", { __proto__: null, value: MapSet });
  defineProperty(SealedMap.prototype, "has", { __proto__: null, value: MapHas });
  class SealedWeakMap extends WeakMapCtor { constructor() { super(); } }
  defineProperty(SealedWeakMap.prototype, "get", { __proto__: null, value: WeakMapGet });
  defineProperty(SealedWeakMap.prototype, "set", { __proto__: null, value: WeakMapSet });
  defineProperty(SealedWeakMap.prototype, "has", { __proto__: null, value: WeakMapHas });
  // `hasOwnProperty.call(o, k)` inside for-in is a fast path in JSC (Object.hasOwn is not); it is used only while
  // Function.prototype.call is the original (checked once per clone).

  // ---- object kinds -------------------------------------------------------------------------------------
  const K_OBJECT = 0, K_BOOLEAN = 1, K_NUMBER = 2, K_STRING = 3, K_BIGINT = 4, K_DATE = 5, K_REGEXP = 6,
    K_MAP = 7, K_SET = 8, K_ARRAYBUFFER = 9, K_SHARED = 10, K_SYMBOL = 11, K_WEAKMAP = 12, K_WEAKSET = 13,
    K_WEAKREF = 14, K_FINREG = 15, K_REFUSE = 16;
  // Built-in kinds by prototype (this realm) and by Symbol.toStringTag / builtin tag (any realm, subclasses).
  const protoKinds = new SealedMap();
  const tagKinds = new SealedMap();
  const kindNames = list();
  function kind(k, name) {
    kindNames[k] = name;
    tagKinds.set("[object " + name + "]", k);
    const C = kindConstructors[name];
    const proto = typeof C === "function" ? getOwnPropertyDescriptor(C, "prototype") : undefined;
    if (proto !== undefined && proto.value) protoKinds.set(proto.value, k);
  }
  kind(K_BOOLEAN, "Boolean"); kind(K_NUMBER, "Number"); kind(K_STRING, "String"); kind(K_BIGINT, "BigInt");
  kind(K_DATE, "Date"); kind(K_REGEXP, "RegExp"); kind(K_MAP, "Map"); kind(K_SET, "Set");
  kind(K_ARRAYBUFFER, "ArrayBuffer"); kind(K_SHARED, "SharedArrayBuffer"); kind(K_SYMBOL, "Symbol");
  kind(K_WEAKMAP, "WeakMap"); kind(K_WEAKSET, "WeakSet"); kind(K_WEAKREF, "WeakRef");
  kind(K_FINREG, "FinalizationRegistry");
  // Objects with internal state and no way to serialize it (brand not checkable without side effects).
  const refusedTags = ["Arguments", "Promise", "Generator", "AsyncGenerator", "Module", "Array Iterator",
    "Map Iterator", "Set Iterator", "String Iterator", "RegExp String Iterator", "Iterator Helper",
    "WrapForValidIteratorPrototype", "Async-from-Sync Iterator", "Intl.Collator", "Intl.DateTimeFormat",
    "Intl.DisplayNames", "Intl.DurationFormat", "Intl.ListFormat", "Intl.Locale", "Intl.NumberFormat",
    "Intl.PluralRules", "Intl.RelativeTimeFormat", "Intl.Segmenter", "Segmenter String Iterator", "Segments"];
  for (let i = 0; i < refusedTags.length; i++) tagKinds.set("[object " + refusedTags[i] + "]", K_REFUSE);
  protoKinds.set(PromisePrototype, K_REFUSE);

  function brandOK(k, v) { // v really has the internal slots of kind k (these calls throw otherwise)
    try {
      switch (k) {
        case K_BOOLEAN: apply(BooleanValueOf, v, EMPTY); break;
        case K_NUMBER: apply(NumberValueOf, v, EMPTY); break;
        case K_STRING: apply(StringValueOf, v, EMPTY); break;
        case K_BIGINT: apply(BigIntValueOf, v, EMPTY); break;
        case K_SYMBOL: apply(SymbolValueOf, v, EMPTY); break;
        case K_DATE: apply(DateGetTime, v, EMPTY); break;
        case K_REGEXP: apply(RegExpSource, v, EMPTY); return v !== RegExpProto;
        case K_MAP: apply(MapSize, v, EMPTY); break;
        case K_SET: apply(SetSize, v, EMPTY); break;
        case K_ARRAYBUFFER: apply(ABByteLength, v, EMPTY); break;
        case K_SHARED: apply(SABByteLength, v, EMPTY); break;
        case K_WEAKMAP: apply(WeakMapHas, v, [EMPTY]); break;
        case K_WEAKSET: apply(WeakSetHas, v, [EMPTY]); break;
        case K_WEAKREF: apply(WeakRefDeref, v, EMPTY); break;
        case K_FINREG: apply(FinRegUnregister, v, [EMPTY]); break;
      }
      return true;
    } catch {
      return false;
    }
  }

  // ---- errors -----------------------------------------------------------------------------------------
  function dataCloneError(message) {
    const DOMException = internals.DOMException;
    return new DOMException(message, "DataCloneError");
  }
  function describe(v) { // what could not be cloned, for the DataCloneError message
    try {
      if (typeof v === "symbol") return apply(symbolToString, v, EMPTY);
      if (typeof v === "function") {
        let s = apply(functionToString, v, EMPTY);
        if (s.length > 120) s = apply(StringSlice, s, [0, 100]) + "…" + apply(StringSlice, s, [-10]);
        return s;
      }
    } catch {}
    return "An object";
  }
  function refuse(v, what) {
    throw dataCloneError((what === undefined ? describe(v) : what + " object") + " could not be cloned.");
  }
  function isArrayBuffer(v) {
    try { apply(ABDetached, v, EMPTY); return true; } catch { return false; }
  }

  // ---- the walk ---------------------------------------------------------------------------------------
  // One recursive pass that builds the copy while it reads the input (getters run once, depth first, in spec
  // order). `mem` is the spec's memory (input object → copy). Placeholders and ports are pre-seeded in it.
  // Most messages are a few objects: the first MEM_SMALL pairs live in two arrays searched in order (reused
  // from one clone to the next), the rest in a WeakMap made when needed. (A WeakMap per clone was most of
  // the garbage a burst of small messages left behind.)
  const MEM_SMALL = 8;
  const scratchKeys = list(), scratchCopies = list();
  let memKeys = scratchKeys, memCopies = scratchCopies, memCount = 0, memMap = null;
  let active = false;     // a clone is running (a getter may start another one)
  let fastCall = true;    // Function.prototype.call is the original
  let adopting = false;   // walking our own snapshot copy: ArrayBuffers are moved/reused, not copied
  let posting = false;    // serializing into a snapshot (not structuredClone())
  let foreign = null;     // serializing: copies a different realm would have to rebuild (DOMExceptions)

  const mem = {
    get(v) {
      for (let i = 0; i < memCount; i++) if (memKeys[i] === v) return memCopies[i];
      return memMap === null ? undefined : memMap.get(v);
    },
    set(v, out) {
      if (memCount < MEM_SMALL) {
        memKeys[memCount] = v;
        memCopies[memCount] = out;
        memCount++;
      } else {
        if (memMap === null) memMap = new SealedWeakMap();
        memMap.set(v, out);
      }
    },
  };

  function walk(v) {
    if (typeof v !== "object") {
      if (typeof v === "function" || typeof v === "symbol") refuse(v);
      return v;
    }
    if (v === null) return null;
    const seen = mem.get(v);
    if (seen !== undefined) return seen;
    const proto = getPrototypeOf(v);
    // Plain objects. (The builtin tag catches a Date, RegExp, Error, wrapper... whose prototype was replaced.)
    if (proto === ObjectPrototype && (fastCall ? objectToString.call(v) : apply(objectToString, v, EMPTY)) === "[object Object]") {
      return walkObject(v, {});
    }
    if (isArray(v)) return walkArray(v);
    return walkOther(v, proto);
  }

  // Plain objects. for-in fixes its list of keys when it starts (a key a getter adds is not visited; one it
  // deletes is skipped by the own-property check), as the spec's EnumerableOwnProperties list is fixed.
  // The copy gets its properties by assignment, the fast way, unless the key already resolves on the copy
  // (through Object.prototype: a setter or a read-only property user code put there, or "__proto__"): the
  // spec's CreateDataProperty must not run a setter, so those keys are defined.
  function walkObject(v, out) {
    mem.set(v, out);
    if (fastCall) {
      for (const k in v) {
        if (!hasOwnProperty.call(v, k)) continue;
        const x = v[k];
        const c = (typeof x === "object" || typeof x === "function" || typeof x === "symbol") ? walk(x) : x;
        if (k in out) defineProperty(out, k, dataDescriptor(c, true));
        else out[k] = c;
      }
    } else {
      for (const k in v) {
        if (!hasOwn(v, k)) continue;
        const x = v[k];
        const c = (typeof x === "object" || typeof x === "function" || typeof x === "symbol") ? walk(x) : x;
        if (k in out) defineProperty(out, k, dataDescriptor(c, true));
        else out[k] = c;
      }
    }
    return out;
  }

  // Arrays. The spec reads the list of keys before any value, so a getter that adds an element or a key is not
  // seen by this walk. Reading an array's keys runs no user code (Proxies aside), so: keys first, then values.
  // The common case is a dense array whose keys are its indices, in order, then maybe a few other keys: a
  // for-in pass checks that (for-in is slow on arrays, ~25 ns per index, so it skips the indices by count) and
  // collects the other keys; anything else (holes, a non-enumerable index) takes the careful way.
  function walkArray(v) {
    const length = v.length;
    const out = new ArrayCtor(length);
    mem.set(v, out);
    let names = null;
    let skip = length;
    for (const k in v) {
      if (skip !== 0) {
        if (--skip !== 0) continue;
        // The length-th key must be the last index (for-in lists the own indices first, ascending).
        if (arrayIndex(k) === length - 1) continue;
        return walkArrayByKeys(v, out);
      }
      if (fastCall ? hasOwnProperty.call(v, k) : hasOwn(v, k)) {
        if (names === null) names = list();
        names[names.length] = k;
      }
    }
    if (skip !== 0) return walkArrayByKeys(v, out);
    for (let i = 0; i < length; i++) {
      if (!(fastCall ? hasOwnProperty.call(v, i) : hasOwn(v, i))) continue; // deleted by a getter
      const x = v[i];
      const c = (typeof x === "object" || typeof x === "function" || typeof x === "symbol") ? walk(x) : x;
      // (An index that resolves on the new, holey array comes from Array.prototype: define, never assign.)
      if (i in out) defineProperty(out, i, dataDescriptor(c, true));
      else out[i] = c;
    }
    if (names !== null) {
      for (let i = 0; i < names.length; i++) walkArrayKey(v, out, names[i]);
    }
    return out;
  }
  // Holes, sparse arrays, non-enumerable indices: the exact list of enumerable own keys, then the values.
  function walkArrayByKeys(v, out) {
    const keys = list();
    for (const k in v) {
      if (fastCall ? hasOwnProperty.call(v, k) : hasOwn(v, k)) keys[keys.length] = k;
    }
    for (let i = 0; i < keys.length; i++) walkArrayKey(v, out, keys[i]);
    return out;
  }
  function walkArrayKey(v, out, k) {
    if (!(fastCall ? hasOwnProperty.call(v, k) : hasOwn(v, k))) return; // deleted by a getter
    const x = v[k];
    const c = (typeof x === "object" || typeof x === "function" || typeof x === "symbol") ? walk(x) : x;
    const n = arrayIndex(k);
    if (n !== -1 && !(n in out)) out[n] = c;
    else defineProperty(out, k, dataDescriptor(c, true));
  }
  function arrayIndex(k) { // the array index that string k denotes, or -1
    const c0 = k[0];
    if (!(c0 >= "0" && c0 <= "9")) return -1;
    const n = k >>> 0;
    return n !== 4294967295 && "" + n === k ? n : -1;
  }

  function walkOther(v, proto) {
    if (isView(v)) return walkView(v);
    const isBlob = internals.isBlob;
    if (isBlob !== undefined && isBlob(v)) return walkBlob(v);
    // Platform objects first: DOMException is serializable, every other one is not (ports only by transfer).
    if (v === global) refuse(v, ops && ops.globalName || "Window");
    const isPort = internals.isMessagePort;
    if (isPort !== undefined && isPort(v)) {
      throw dataCloneError("A MessagePort could not be cloned because it was not transferred.");
    }
    const isDOMException = internals.isDOMException;
    if (isDOMException !== undefined && isDOMException(v)) return walkDOMException(v);
    const platformKind = internals.platformObjectKind;
    if (platformKind !== undefined) {
      const name = platformKind(v);
      if (name !== undefined) refuse(v, name);
    }
    if (isErrorIntrinsic !== null ? isErrorIntrinsic(v) : apply(objectToString, v, EMPTY) === "[object Error]") {
      return walkError(v);
    }
    let k = protoKinds.get(proto);
    if (k === undefined) k = tagKinds.get(apply(objectToString, v, EMPTY));
    if (k !== undefined && k !== K_REFUSE && !brandOK(k, v)) k = K_OBJECT; // an ordinary object in disguise
    switch (k) {
      case undefined: case K_OBJECT: return walkObject(v, {});
      case K_BOOLEAN: return remember(v, new BooleanCtor(apply(BooleanValueOf, v, EMPTY)));
      case K_NUMBER: return remember(v, new NumberCtor(apply(NumberValueOf, v, EMPTY)));
      case K_STRING: return remember(v, new StringCtor(apply(StringValueOf, v, EMPTY)));
      case K_BIGINT: return remember(v, ObjectCtor(apply(BigIntValueOf, v, EMPTY)));
      case K_DATE: return remember(v, new DateCtor(apply(DateGetTime, v, EMPTY)));
      case K_REGEXP: return remember(v, walkRegExp(v));
      case K_MAP: return walkMap(v);
      case K_SET: return walkSet(v);
      case K_ARRAYBUFFER: return remember(v, walkArrayBuffer(v));
      case K_REFUSE: {
        const tag = apply(objectToString, v, EMPTY);
        return refuse(v, apply(StringSlice, tag, [8, -1]));
      }
      default: return refuse(v, kindNames[k]);
    }
  }

  function remember(v, out) { mem.set(v, out); return out; }

  // Blob and File (blob.js): bytes are immutable and shared, never copied. structuredClone() makes the copy at
  // once; a snapshot holds a thread-neutral record (a slot) that deserialize turns into a Blob of its realm.
  function walkBlob(v) {
    if (!posting) return remember(v, internals.blobClone(v));
    const record = internals.blobSerialize(v);
    record.slot = "blob";
    if (slots === null) slots = list();
    slots[slots.length] = record;
    return remember(v, record);
  }

  function walkRegExp(v) {
    let flags = "";
    for (let i = 0; i < RegExpFlagGetters.length; i++) {
      if (apply(RegExpFlagGetters[i][1], v, EMPTY)) flags += RegExpFlagGetters[i][0];
    }
    return new RegExpCtor(apply(RegExpSource, v, EMPTY), flags);
  }

  function walkMap(v) {
    const entries = list();
    let n = 0;
    apply(MapForEach, v, [(value, key) => { entries[n++] = key; entries[n++] = value; }]);
    const out = new MapCtor();
    mem.set(v, out);
    for (let i = 0; i < entries.length; i += 2) {
      const key = walk(entries[i]);
      apply(MapSet, out, [key, walk(entries[i + 1])]);
    }
    return out;
  }

  function walkSet(v) {
    const entries = list();
    let n = 0;
    apply(SetForEach, v, [(value) => { entries[n++] = value; }]);
    const out = new SetCtor();
    mem.set(v, out);
    for (let i = 0; i < entries.length; i++) apply(SetAdd, out, [walk(entries[i])]);
    return out;
  }

  function walkError(v) {
    const name = v.name;
    const type = typeof name === "string" && errorCtors[name] !== undefined ? name : "Error";
    const md = getOwnPropertyDescriptor(v, "message");
    const message = md !== undefined && hasOwn(md, "value") ? `${md.value}` : undefined;
    const extras = list();
    for (let i = 0; i < ERROR_EXTRAS.length; i++) {
      const d = getOwnPropertyDescriptor(v, ERROR_EXTRAS[i]);
      extras[i] = d !== undefined && hasOwn(d, "value") && (typeof d.value === "string" || typeof d.value === "number")
        ? d.value : undefined;
    }
    const cd = getOwnPropertyDescriptor(v, "cause");
    const Ctor = errorCtors[type];
    const out = message === undefined ? new Ctor() : new Ctor(message);
    for (let i = 0; i < ERROR_EXTRAS.length; i++) {
      if (extras[i] === undefined) reflectDelete(out, ERROR_EXTRAS[i]);
      else reflectDefine(out, ERROR_EXTRAS[i], dataDescriptor(extras[i], false));
    }
    mem.set(v, out);
    if (cd !== undefined && hasOwn(cd, "value")) {
      defineProperty(out, "cause", dataDescriptor(walk(cd.value), false));
    }
    return out;
  }

  // A DOMException's serialization is its name and message slots (not an own `name` or `message` property a
  // script put on it), and, like an Error's, where it was made. Another realm rebuilds it from the same record.
  function walkDOMException(v) {
    const d = getOwnPropertyDescriptor(v, "stack");
    const record = {
      __proto__: null, copy: null, name: internals.domExceptionName(v), message: internals.domExceptionMessage(v),
      stack: d !== undefined && typeof d.value === "string" ? d.value : undefined,
    };
    record.copy = rebuildDOMException(record);
    if (posting) {
      if (foreign === null) foreign = list();
      foreign[foreign.length] = record;
    }
    return remember(v, record.copy);
  }
  function rebuildDOMException(record) {
    const out = internals.makeDOMException(record.message, record.name);
    if (record.stack !== undefined) reflectDefine(out, "stack", dataDescriptor(record.stack, false));
    return out;
  }

  function walkArrayBuffer(v) {
    if (apply(ABDetached, v, EMPTY)) throw dataCloneError("An ArrayBuffer is detached and could not be cloned.");
    if (adopting) {
      // Our own private copy (or a buffer that transfer() gave us): move it instead of copying.
      return getPrototypeOf(v) === ABProto ? v : apply(ABTransfer, v, EMPTY);
    }
    const length = apply(ABByteLength, v, EMPTY);
    const out = apply(ABResizable, v, EMPTY)
      ? new ArrayBufferCtor(length, { maxByteLength: apply(ABMaxByteLength, v, EMPTY) })
      : new ArrayBufferCtor(length);
    if (length !== 0) apply(TASet, new Uint8ArrayCtor(out), [new Uint8ArrayCtor(v, 0, length)]);
    return out;
  }

  // Reads what a view is: [type name, buffer, byteOffset, length (elements; bytes for DataView) or -1 when it
  // tracks the length of a resizable buffer]. Throws DataCloneError for an out-of-bounds (or detached) view.
  function viewRecord(v) {
    const type = apply(TATag, v, EMPTY);
    if (isOutOfBounds(v, type)) throw outOfBounds();
    let buffer, offset, length, size;
    if (type === undefined) {
      buffer = apply(DVBuffer, v, EMPTY);
      length = apply(DVByteLength, v, EMPTY);
      offset = apply(DVByteOffset, v, EMPTY);
      size = 1;
    } else {
      buffer = apply(TABuffer, v, EMPTY);
      length = apply(TALength, v, EMPTY);
      offset = apply(TAByteOffset, v, EMPTY);
      size = typedArrays[type][1];
    }
    if (isArrayBuffer(buffer) && apply(ABResizable, buffer, EMPTY) && tracksLength(v, type, buffer, offset, length, size)) {
      length = -1;
    }
    return [type === undefined ? "DataView" : type, buffer, offset, length];
  }
  function outOfBounds() {
    return dataCloneError("An ArrayBufferView is out of bounds (or its buffer detached) and could not be cloned.");
  }
  // (A view of a detached buffer is out of bounds too.)
  function isOutOfBounds(v, type) {
    if (type === undefined) {
      try { apply(DVByteLength, v, EMPTY); return false; } catch { return true; }
    }
    if (apply(TALength, v, EMPTY) !== 0) return false;
    try { apply(TAIncludes, v, [0]); return false; } catch { return true; }
  }
  function viewLength(v, type) {
    return type === undefined ? apply(DVByteLength, v, EMPTY) : apply(TALength, v, EMPTY);
  }
  // No API tells whether a view tracks its buffer's length, so the buffer is resized for a moment to a length
  // where the two kinds differ, and back (no user code runs in between; the bytes are restored).
  function tracksLength(v, type, buffer, offset, length, size) {
    const bufferLength = apply(ABByteLength, buffer, EMPTY);
    // A length-tracking view always reaches to within one element of its buffer's end.
    if (bufferLength - offset - length * size >= size) return false;
    if (length > 0) {
      // End the buffer one byte short of the view: a fixed-length view is then out of bounds, a
      // length-tracking one just one element shorter.
      const cut = offset + length * size - 1;
      const tail = new Uint8ArrayCtor(bufferLength - cut);
      apply(TASet, tail, [new Uint8ArrayCtor(buffer, cut, bufferLength - cut)]);
      apply(ABResize, buffer, [cut]);
      try {
        return !isOutOfBounds(v, type);
      } finally {
        apply(ABResize, buffer, [bufferLength]);
        apply(TASet, new Uint8ArrayCtor(buffer, cut, bufferLength - cut), [tail]);
      }
    }
    // An empty view: with room for one element, a length-tracking view has one, a fixed-length one none.
    // Without that room the two kinds behave the same at every length the buffer can take.
    if (apply(ABMaxByteLength, buffer, EMPTY) - offset < size) return false;
    apply(ABResize, buffer, [offset + size]);
    try {
      return viewLength(v, type) !== 0;
    } finally {
      apply(ABResize, buffer, [bufferLength]);
    }
  }
  function makeView(type, buffer, offset, length) {
    const C = type === "DataView" ? DataViewCtor : typedArrays[type][0];
    return length === -1 ? new C(buffer, offset) : new C(buffer, offset, length);
  }

  function walkView(v) {
    const r = viewRecord(v);
    const type = r[0], offset = r[2], length = r[3];
    const b = walk(r[1]);
    let out;
    if (slotOf !== null && slotOf.has(b)) {
      // A view of a buffer in the transfer list: its bytes move only after the walk succeeded.
      out = { __proto__: null, slot: "view", type, buffer: slotOf.get(b), offset, length };
      slots[slots.length] = out;
    } else {
      out = makeView(type, b, offset, length);
    }
    return remember(v, out);
  }

  // ---- serialize / deserialize --------------------------------------------------------------------------
  let slotOf = null;   // placeholder record → index (serializing with a transfer list)
  let slots = null;
  const REALM = freeze({ __proto__: null });

  function checkTransferList(transferList) {
    // StructuredSerializeWithTransfer steps 1–2 (before the walk): kinds and duplicates.
    const buffers = list(), ports = list(), seen = new SealedMap();
    const isPort = internals.isMessagePort;
    for (let i = 0; i < transferList.length; i++) {
      const t = transferList[i];
      if (seen.has(t)) {
        throw dataCloneError(`The transfer list contains the same ${seen.get(t)} twice (at index ${i}).`);
      }
      if (isPort !== undefined && (typeof t === "object" || typeof t === "function") && t !== null && isPort(t)) {
        seen.set(t, "MessagePort"); ports[ports.length] = t;
      } else if (isArrayBuffer(t)) {
        seen.set(t, "ArrayBuffer"); buffers[buffers.length] = t;
      } else {
        throw dataCloneError(`Value at index ${i} of the transfer list does not have a transferable type.`);
      }
    }
    return { buffers, ports };
  }

  function checkDetached(buffers, ports) {
    // Step 5's checks, all of them before anything is detached: a failed clone has no side effect.
    for (let i = 0; i < buffers.length; i++) {
      if (apply(ABDetached, buffers[i], EMPTY)) {
        throw dataCloneError("An ArrayBuffer in the transfer list is detached and could not be transferred.");
      }
    }
    const isDetached = internals.isMessagePortDetached;
    for (let i = 0; i < ports.length; i++) {
      if (isDetached !== undefined && isDetached(ports[i])) {
        throw dataCloneError("A MessagePort in the transfer list is detached and could not be transferred.");
      }
    }
  }

  // Plain structured clone without transfer, in this realm: one pass.
  function cloneOnce(value) {
    if (typeof value !== "object" || value === null) return walkPrimitive(value);
    const saved = begin(false, false);
    try { return walk(value); } finally { end(saved); }
  }
  function walkPrimitive(v) {
    if (typeof v === "function" || typeof v === "symbol") refuse(v);
    return v;
  }
  // Starts a clone; returns what end() needs to resume the clone this one interrupts (null when none was
  // running: the common case allocates nothing).
  function begin(isAdopting, isPosting) {
    let saved = null;
    if (active) {
      saved = { memKeys, memCopies, memCount, memMap, adopting, posting, foreign, slotOf, slots, fastCall };
      memKeys = list();
      memCopies = list();
    } else {
      memKeys = scratchKeys;
      memCopies = scratchCopies;
    }
    active = true;
    memCount = 0; memMap = null; adopting = isAdopting; posting = isPosting; foreign = null; slotOf = null; slots = null;
    fastCall = callIsOriginal();
    return saved;
  }
  const CALL_KEY = freeze(["call"]);
  // Whether `f.call(...)` on the two functions the walk calls that way is certain to be the original
  // Function.prototype.call, found without running script (no getter is read): neither has a `call` of its
  // own or another prototype, and Function.prototype's `call` is the original data property.
  const lookupGetter = I.lookupGetter;
  function callIsOriginal() {
    // (__lookupGetter__ finds an accessor without calling it, and allocates nothing, unlike a descriptor.)
    return apply(lookupGetter, FunctionPrototype, CALL_KEY) === undefined && FunctionPrototype.call === FunctionCall
      && getPrototypeOf(objectToString) === FunctionPrototype && !hasOwn(objectToString, "call")
      && getPrototypeOf(hasOwnProperty) === FunctionPrototype && !hasOwn(hasOwnProperty, "call");
  }
  function end(saved) {
    if (saved === null) {
      // Let go of the objects of the clone that ended.
      for (let i = 0; i < memCount; i++) scratchKeys[i] = scratchCopies[i] = undefined;
      memCount = 0; memMap = null; foreign = null; slotOf = null; slots = null; active = false;
      return;
    }
    memKeys = saved.memKeys; memCopies = saved.memCopies; memCount = saved.memCount; memMap = saved.memMap;
    adopting = saved.adopting; posting = saved.posting; foreign = saved.foreign; slotOf = saved.slotOf;
    slots = saved.slots; fastCall = saved.fastCall;
  }

  function serialize(value, transferList) {
    let buffers = EMPTY, ports = EMPTY;
    if (transferList !== undefined && transferList.length !== 0) {
      const lists = checkTransferList(transferList);
      buffers = lists.buffers; ports = lists.ports;
    }
    const saved = begin(false, true);
    let copy, snapSlots, snapForeign;
    try {
      if (buffers.length !== 0 || ports.length !== 0) {
        slotOf = new SealedMap(); slots = list();
        for (let i = 0; i < ports.length; i++) {
          const p = { __proto__: null, slot: "port", index: i };
          mem.set(ports[i], p); slotOf.set(p, i); slots[slots.length] = p;
        }
        for (let i = 0; i < buffers.length; i++) {
          const b = { __proto__: null, slot: "buffer", index: i };
          mem.set(buffers[i], b); slotOf.set(b, i); slots[slots.length] = b;
        }
      }
      copy = walk(value);
      checkDetached(buffers, ports);
      snapSlots = slots; snapForeign = foreign;
    } finally {
      end(saved);
    }
    // Nothing can fail from here on: move the bytes of the transferred buffers.
    let moved = EMPTY;
    if (buffers.length !== 0) {
      moved = list();
      for (let i = 0; i < buffers.length; i++) moved[i] = apply(ABTransfer, buffers[i], EMPTY);
    }
    return makeSnapshot(copy, ports, moved, snapSlots !== null && snapSlots.length !== 0 ? snapSlots : null, snapForeign);
  }

  // (ports and buffers are the frozen EMPTY when there are none.)
  function makeSnapshot(value, ports, buffers, slots, foreign) {
    return { __proto__: null, value, ports, buffers, slots, foreign, realm: REALM };
  }
  function isSnapshot(v) {
    return typeof v === "object" && v !== null && getPrototypeOf(v) === null && v.realm === REALM;
  }

  // postMessage without a transfer list: the copy itself when that is all a snapshot would hold (no
  // placeholders, nothing another realm must rebuild), else the snapshot. The copy is of this realm; another
  // realm gets a snapshot of it from snapshotOf() first. (A copy never has a null prototype; a snapshot does.)
  function copyForPost(value) {
    if (typeof value !== "object" || value === null) return walkPrimitive(value);
    const saved = begin(false, true);
    let copy, snapSlots, snapForeign;
    try {
      copy = walk(value);
      snapSlots = slots; snapForeign = foreign;
    } finally {
      end(saved);
    }
    if (snapSlots === null && snapForeign === null) return copy;
    return makeSnapshot(copy, EMPTY, EMPTY, snapSlots, snapForeign);
  }

  function deserialize(snapshot, newPorts) {
    const sameRealm = snapshot.realm === REALM;
    if (sameRealm && snapshot.slots === null) return snapshot.value;
    const value = snapshot.value;
    if (typeof value !== "object" || value === null) return value;
    const saved = begin(true, false);
    try {
      const buffers = list();
      for (let i = 0; i < snapshot.buffers.length; i++) {
        const b = snapshot.buffers[i];
        buffers[i] = sameRealm ? b : apply(ABTransfer, b, EMPTY);
      }
      if (snapshot.slots !== null) {
        for (let i = 0; i < snapshot.slots.length; i++) {
          const s = snapshot.slots[i];
          let r;
          if (s.slot === "port") {
            r = newPorts !== undefined ? newPorts[s.index] : undefined;
            if (r === undefined) throw new TypeErrorCtor("deserializeFromPost: missing port " + s.index);
          } else if (s.slot === "buffer") {
            r = buffers[s.index];
          } else if (s.slot === "blob") {
            r = internals.blobDeserialize(s);
          } else {
            r = makeView(s.type, buffers[s.buffer], s.offset, s.length);
          }
          mem.set(s, r);
        }
      }
      if (!sameRealm && snapshot.foreign !== null) {
        for (let i = 0; i < snapshot.foreign.length; i++) {
          const record = snapshot.foreign[i];
          mem.set(record.copy, rebuildDOMException(record));
        }
      }
      return walk(value);
    } finally {
      end(saved);
    }
  }

  function structuredCloneInternal(value, transferList) {
    if (transferList === undefined || transferList.length === 0) return cloneOnce(value);
    const transferPorts = internals.transferMessagePorts, isPort = internals.isMessagePort;
    if (transferPorts === undefined && isPort !== undefined) { // fail before anything is detached
      for (let i = 0; i < transferList.length; i++) {
        const t = transferList[i];
        if ((typeof t === "object" || typeof t === "function") && t !== null && isPort(t)) {
          throw dataCloneError("MessagePort objects cannot be transferred here.");
        }
      }
    }
    const snapshot = serialize(value, transferList);
    const newPorts = snapshot.ports.length !== 0 ? transferPorts(snapshot.ports) : undefined;
    return deserialize(snapshot, newPorts);
  }

  // ---- WebIDL -----------------------------------------------------------------------------------------
  function toObjectSequence(v) {
    if ((typeof v !== "object" && typeof v !== "function") || v === null) {
      throw new TypeErrorCtor("Failed to execute 'structuredClone': The provided value cannot be converted to a sequence.");
    }
    const method = v[SymbolIterator];
    if (method === undefined || method === null) {
      throw new TypeErrorCtor("Failed to execute 'structuredClone': The object must have a callable @@iterator property.");
    }
    if (typeof method !== "function") {
      throw new TypeErrorCtor("Failed to execute 'structuredClone': The object's @@iterator property is not callable.");
    }
    return internals.idl.objectSequence(v, method, "Failed to execute 'structuredClone': ", "the transfer list");
  }

  const structuredClone = {
    structuredClone(value, options = undefined) {
      if (arguments.length < 1) {
        throw new TypeErrorCtor("Failed to execute 'structuredClone': 1 argument required, but only 0 present.");
      }
      let transfer;
      if (options !== undefined && options !== null) {
        if (typeof options !== "object" && typeof options !== "function") {
          throw new TypeErrorCtor("Failed to execute 'structuredClone': The provided value is not of type 'StructuredSerializeOptions'.");
        }
        const t = options.transfer;
        if (t !== undefined) transfer = toObjectSequence(t);
      }
      return structuredCloneInternal(value, transfer);
    },
  }.structuredClone;

  // clone-loader.js installs the global and loads this module on first use; standing alone, install it here.
  internals.structuredCloneWebIDL = structuredClone;
  if (!internals.structuredCloneGlobalInstalled) {
    defineProperty(global, "structuredClone", { __proto__: null, value: structuredClone, writable: true, enumerable: false, configurable: true });
  }
  internals.structuredClone = structuredCloneInternal;
  internals.serializeForPost = serialize;
  internals.copyForPost = copyForPost;
  internals.isPostSnapshot = isSnapshot;
  internals.snapshotOf = (copy) => makeSnapshot(copy, EMPTY, EMPTY, null, null);
  internals.deserializeFromPost = deserialize;
})
