// The thread-neutral form of a structured-clone message, for messages between agents (workers).
//
// clone.js does the clone algorithm (HTML StructuredSerializeWithTransfer): its snapshot is a private deep copy
// made of this realm's built-in objects, with transferred things as placeholder records. This module writes
// that copy as a flat list of tokens (JSON text: a string, which may cross threads) plus the bytes of every
// ArrayBuffer it holds (handed to the host, which copies them once into memory of its own), and reads such a
// list back into objects of the receiving realm. The copy is our own, made from known constructors, so each
// object is classified by its prototype alone; nothing user-defined runs here.
//
// Loaded on first use (ops.loadModule), from worker.js. Published on `internals`:
//   encodeForAgent(value, transferList) → { text, buffers, ports }   throws DataCloneError like postMessage;
//                                          `ports`: the MessagePorts of the transfer list, for the caller to hand over
//   encodeCopyForAgent(copy) → { text, buffers, ports }   the same for what copyForPost returned
//   decodeFromAgent(text, buffers, ports) → value   `ports`: the receiving realm's new MessagePorts, in order;
//                                                   throws on a malformed message (messageerror)
(function (ops, internals, global) {
  "use strict";

  const I = internals.cloneIntrinsics;
  const { apply, getPrototypeOf, isArray, isView, defineProperty, hasOwn } = I;
  const { MapProto, SetProto, RegExpProto, ABProto, ObjectPrototype, errorCtors } = I;
  const { MapForEach, SetForEach, MapSet, SetAdd, DateGetTime, RegExpSource, RegExpFlagGetters } = I;
  const { BooleanValueOf, NumberValueOf, StringValueOf, BigIntValueOf } = I;
  const { ABByteLength, ABResizable, ABMaxByteLength, TABuffer, TAByteOffset, TALength, TATag } = I;
  const { DVBuffer, DVByteOffset, DVByteLength, TASet } = I;
  const { ArrayCtor, MapCtor, SetCtor, DateCtor, RegExpCtor, BooleanCtor, NumberCtor, StringCtor, ObjectCtor } = I;
  const { ArrayBufferCtor, DataViewCtor, Uint8ArrayCtor, TypeErrorCtor, reflectDelete, typedArrays, freeze } = I;
  // This module loads on first use, after user code may have replaced built-ins: everything comes from the
  // records captured while the realm was new (clone-loader.js, web-loader.js).
  const { JSONStringify, JSONParse, ObjectSetPrototypeOf, SymbolToStringTag } = internals.capturedBuiltins;
  const { getOwnPropertyDescriptor, objectToString, ABDetached, ABTransfer } = I;
  // Strings and ordinary numbers alone: worker.js writes and reads those (in this format) itself.
  const encodePrimitive = internals.encodePrimitiveForAgent, decodePrimitive = internals.decodePrimitiveFromAgent;
  const notPrimitive = internals.notPrimitive;
  // The module's own working lists: arrays without a prototype, so that storing past their end never reaches
  // a setter user code defined for that index on Array.prototype.
  function newList() { return ObjectSetPrototypeOf([], null); }
  const ObjectKeys = I.objectKeys;
  const BigIntCtor = I.kindConstructors.BigInt;

  // Prototype → kind, for the copy's objects (all made by clone.js with this realm's constructors).
  const DatePrototype = DateCtor.prototype, BooleanPrototype = BooleanCtor.prototype;
  const NumberPrototype = NumberCtor.prototype, StringPrototype = StringCtor.prototype;
  const BigIntPrototype = BigIntCtor.prototype, DataViewPrototype = DataViewCtor.prototype;
  const errorNameOf = new MapCtor();
  for (const name in errorCtors) apply(MapSet, errorNameOf, [errorCtors[name].prototype, name]);
  const viewConstructors = { __proto__: null, DataView: DataViewCtor };
  for (const name in typedArrays) viewConstructors[name] = typedArrays[name][0];
  const ERROR_EXTRAS = ["stack", "line", "column", "sourceURL"];
  const EMPTY_LIST = freeze([]);

  // Tokens. Each value starts with a tag; the fields that follow depend on it.
  const T_UNDEFINED = 0, T_NULL = 1, T_TRUE = 2, T_FALSE = 3, T_NUMBER = 4, T_ODD_NUMBER = 5, T_STRING = 6;
  const T_BIGINT = 7, T_REF = 8, T_OBJECT = 9, T_ARRAY = 10, T_END = 11, T_DATE = 12, T_REGEXP = 13, T_MAP = 14;
  const T_SET = 15, T_BOXED = 16, T_BUFFER = 17, T_VIEW = 18, T_ERROR = 19, T_DOMEXCEPTION = 20, T_BLOB = 21;
  const T_HOLE_RUN = 22, T_PORT = 23;

  // ---- writing ----------------------------------------------------------------------------------------

  let out = null;        // the token list being written
  const primitiveTokens = newList();
  let count = 0;         // tokens written
  let seen = null;       // copy object → object number
  let objects = 0;
  let buffers = null;    // ArrayBuffers handed to the host, by number
  let bufferNumber = null;
  let transferred = null;
  let foreign = null;    // DOMException copies (snapshot.foreign)

  function put(token) { out[count++] = token; }

  function encodeForAgent(value, transferList) {
    const type = typeof value;
    if (transferList.length === 0 && (value === null || (type !== "object" && type !== "function" && type !== "symbol"))) {
      // A primitive needs no clone. The commonest ones (a string, an ordinary number) are written by worker.js's
      // encoder, so that a stream of them never runs (nor makes the engine compile) the general writer; the
      // other few tokens go into a list kept for them.
      let text = encodePrimitive(value);
      if (text === undefined) {
        out = primitiveTokens; count = 0;
        try {
          write(value);
          primitiveTokens.length = count;
        } finally {
          out = null;
        }
        text = JSONStringify(primitiveTokens);
      }
      return { __proto__: null, text, buffers: EMPTY_LIST, ports: EMPTY_LIST };
    }
    if (transferList.length !== 0) {
      const direct = encodeDirect(value, transferList);
      if (direct !== null) return direct;
    }
    return encodeSnapshot(internals.serializeForPost(value, transferList));
  }

  // ---- the direct path: a transfer of buffers in a plain object of primitives, or of one buffer ----------
  // The commonest transfer, `postMessage({ buffer, ... }, [buffer])`, written without the clone and the walk
  // over it (serializeForPost, then encodeSnapshot): the same tokens, in about half the time. It is taken only
  // when every step of the general path is certain to be unobservable and to succeed, decided before anything
  // script could see happens (so that giving up runs nothing twice):
  // - the transfer list is at most 8 distinct, attached, fixed-length ArrayBuffers (brand checks run no code);
  // - the value is one of them, or an object that the engine says is no Proxy, whose prototype is
  //   Object.prototype and which is an ordinary object (its builtin tag is "Object", read by
  //   Object.prototype.toString once neither it nor Object.prototype has a Symbol.toStringTag to run);
  // - each own enumerable property is a data property (read by descriptor: no getter runs) holding a
  //   primitive other than a symbol, or a buffer of the list that no other property holds.
  // The general path reads the same properties in the same order (for-in with an own check), so what it
  // would have read and written is exactly this.
  const MAX_DIRECT = 8;
  const directTokens = newList();      // (the writer's `out` while the direct path runs)
  const directReferenced = newList();  // transfer-list index of each buffer the message holds, in order
  const isProxy = ops.isProxy;

  // Index of `v` in the transfer list, or -1.
  function transferIndex(transferList, v) {
    for (let i = 0; i < transferList.length; i++) if (transferList[i] === v) return i;
    return -1;
  }

  function encodeDirect(value, transferList) {
    const n = transferList.length;
    if (n > MAX_DIRECT || typeof value !== "object" || value === null) return null;
    for (let i = 0; i < n; i++) {
      const t = transferList[i];
      if (typeof t !== "object" || t === null) return null;
      let detached;
      try { detached = apply(ABDetached, t, []); } catch { return null; } // not an ArrayBuffer (a port, a SharedArrayBuffer...)
      if (detached || apply(ABResizable, t, []) || transferIndex(transferList, t) !== i) return null;
    }
    const top = transferIndex(transferList, value);
    if (top === -1 && !isDirectObject(value)) return null;
    out = directTokens; count = 0;
    let referencedCount = 0;
    try {
      if (top !== -1) {
        put(T_BUFFER); put(0); put(-1);
        directReferenced[referencedCount++] = top;
      } else {
        const keys = ObjectKeys(value);
        put(T_OBJECT);
        for (let k = 0; k < keys.length; k++) {
          const d = getOwnPropertyDescriptor(value, keys[k]);
          if (d === undefined || !hasOwn(d, "value")) return null;
          const v = d.value;
          put(keys[k]);
          if (typeof v === "object" && v !== null) {
            const index = transferIndex(transferList, v);
            if (index === -1) return null;
            for (let b = 0; b < referencedCount; b++) if (directReferenced[b] === index) return null; // (the general path writes a reference)
            put(T_BUFFER); put(referencedCount); put(-1);
            directReferenced[referencedCount++] = index;
          } else if (typeof v === "symbol" || typeof v === "function") {
            return null; // the general path reports it
          } else {
            write(v); // a primitive: no object, so nothing the general writer keeps is touched
          }
        }
        put(T_END);
      }
      // Nothing can fail from here on: detach every buffer of the list, as the general path does, and send
      // the ones the message holds, in the order it holds them.
      directTokens.length = count;
      const text = JSONStringify(directTokens);
      const moved = newList();
      for (let i = 0; i < n; i++) moved[i] = apply(ABTransfer, transferList[i], []);
      const sent = newList();
      for (let b = 0; b < referencedCount; b++) sent[b] = moved[directReferenced[b]];
      return { __proto__: null, text, buffers: sent, ports: EMPTY_LIST };
    } finally {
      out = null;
      directTokens.length = 0;
    }
  }

  // An ordinary object with Object.prototype as its prototype, known without running script: the engine says
  // it is no Proxy, and Object.prototype.toString finds no Symbol.toStringTag to read on it or its prototype.
  function isDirectObject(value) {
    return !isProxy(value) && getPrototypeOf(value) === ObjectPrototype
      && getOwnPropertyDescriptor(value, SymbolToStringTag) === undefined
      && getOwnPropertyDescriptor(ObjectPrototype, SymbolToStringTag) === undefined
      && apply(objectToString, value, []) === "[object Object]";
  }

  // A message cloned earlier (copyForPost's copy or snapshot, or a primitive): BroadcastChannel clones once at
  // post time and encodes only when a destination is in another agent, so the message's getters run once.
  function encodeCopyForAgent(copy) {
    const type = typeof copy;
    if (copy === null || (type !== "object" && type !== "function")) return encodeForAgent(copy, EMPTY_LIST);
    return encodeSnapshot(internals.isPostSnapshot(copy) ? copy : internals.snapshotOf(copy));
  }

  function encodeSnapshot(snapshot) {
    out = newList(); count = 0; seen = new MapCtor(); objects = 0; buffers = newList(); bufferNumber = new MapCtor();
    transferred = snapshot.buffers;
    foreign = new MapCtor();
    if (snapshot.foreign !== null) {
      for (let i = 0; i < snapshot.foreign.length; i++) {
        const record = snapshot.foreign[i];
        apply(MapSet, foreign, [record.copy, record]);
      }
    }
    try {
      write(snapshot.value);
      return { __proto__: null, text: JSONStringify(out), buffers, ports: snapshot.ports };
    } finally {
      out = seen = buffers = bufferNumber = transferred = foreign = null;
    }
  }

  function writeNumber(n) {
    if (n === n && n !== Infinity && n !== -Infinity && (n !== 0 || 1 / n > 0)) {
      put(T_NUMBER); put(n);
    } else {
      put(T_ODD_NUMBER); put(n !== n ? "NaN" : n === 0 ? "-0" : n > 0 ? "Infinity" : "-Infinity");
    }
  }

  function bufferIndex(buffer) {
    let index = apply(I.MapGet, bufferNumber, [buffer]);
    if (index === undefined) {
      index = buffers.length;
      buffers[index] = buffer;
      apply(MapSet, bufferNumber, [buffer, index]);
    }
    return index;
  }

  function write(v) {
    switch (typeof v) {
      case "undefined": put(T_UNDEFINED); return;
      case "boolean": put(v ? T_TRUE : T_FALSE); return;
      case "number": writeNumber(v); return;
      case "string": put(T_STRING); put(v); return;
      case "bigint": put(T_BIGINT); put(`${v}`); return;
    }
    if (v === null) { put(T_NULL); return; }
    const known = apply(I.MapGet, seen, [v]);
    if (known !== undefined) { put(T_REF); put(known); return; }
    apply(MapSet, seen, [v, objects++]);
    const proto = getPrototypeOf(v);
    if (proto === null) { writeSlot(v); return; }
    if (isArray(v)) { writeArray(v); return; }
    if (proto === ObjectPrototype) { put(T_OBJECT); writeEntries(v); return; }
    const record = apply(I.MapGet, foreign, [v]);
    if (record !== undefined) { writeDOMException(record); return; }
    if (proto === DatePrototype) { put(T_DATE); writeNumber(apply(DateGetTime, v, [])); return; }
    if (proto === RegExpProto) {
      let flags = "";
      for (let i = 0; i < RegExpFlagGetters.length; i++) if (apply(RegExpFlagGetters[i][1], v, [])) flags += RegExpFlagGetters[i][0];
      put(T_REGEXP); put(apply(RegExpSource, v, [])); put(flags); return;
    }
    if (proto === MapProto) {
      put(T_MAP);
      const entries = newList();
      let n = 0;
      apply(MapForEach, v, [(value, key) => { entries[n++] = key; entries[n++] = value; }]);
      for (let i = 0; i < n; i++) write(entries[i]);
      put(T_END); return;
    }
    if (proto === SetProto) {
      put(T_SET);
      const entries = newList();
      let n = 0;
      apply(SetForEach, v, [(value) => { entries[n++] = value; }]);
      for (let i = 0; i < n; i++) write(entries[i]);
      put(T_END); return;
    }
    if (proto === BooleanPrototype) { put(T_BOXED); put("Boolean"); write(apply(BooleanValueOf, v, [])); return; }
    if (proto === NumberPrototype) { put(T_BOXED); put("Number"); write(apply(NumberValueOf, v, [])); return; }
    if (proto === StringPrototype) { put(T_BOXED); put("String"); write(apply(StringValueOf, v, [])); return; }
    if (proto === BigIntPrototype) { put(T_BOXED); put("BigInt"); write(apply(BigIntValueOf, v, [])); return; }
    if (proto === ABProto) {
      put(T_BUFFER); put(bufferIndex(v));
      put(apply(ABResizable, v, []) ? apply(ABMaxByteLength, v, []) : -1);
      return;
    }
    if (isView(v)) { writeView(v, proto); return; }
    const errorName = apply(I.MapGet, errorNameOf, [proto]);
    if (errorName !== undefined) { writeError(v, errorName); return; }
    put(T_OBJECT); writeEntries(v);
  }

  function writeEntries(v) {
    const keys = ObjectKeys(v);
    for (let i = 0; i < keys.length; i++) {
      put(keys[i]);
      write(v[keys[i]]);
    }
    put(T_END);
  }

  // An array is two sections: its elements from index 0 in order (a run of holes is one token), then as
  // key/value pairs whatever remains: the indices after a long run of holes (a sparse array is not walked
  // index by index) and the other own keys.
  function writeArray(v) {
    const length = v.length;
    put(T_ARRAY); put(length);
    let dense = 0, own = 0, holes = 0;
    for (let i = 0; i < length; i++) {
      if (!hasOwn(v, i)) {
        if (++holes > 1024 && holes > own) break;
        continue;
      }
      if (holes !== 0) { put(T_HOLE_RUN); put(holes); holes = 0; }
      write(v[i]);
      own++;
      dense = i + 1;
    }
    put(T_END);
    const keys = ObjectKeys(v);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const index = +key;
      if (`${index >>> 0}` === key && index < dense) continue; // written in the first section
      put(key);
      write(v[key]);
    }
    put(T_END);
  }

  function writeView(v, proto) {
    const isDataView = proto === DataViewPrototype;
    const type = isDataView ? "DataView" : apply(TATag, v, []);
    const buffer = isDataView ? apply(DVBuffer, v, []) : apply(TABuffer, v, []);
    const offset = isDataView ? apply(DVByteOffset, v, []) : apply(TAByteOffset, v, []);
    const length = isDataView ? apply(DVByteLength, v, []) : apply(TALength, v, []);
    put(T_VIEW); put(type); write(buffer); put(offset); put(length);
  }

  function writeError(v, name) {
    put(T_ERROR); put(name);
    const message = hasOwn(v, "message") ? v.message : undefined;
    write(message === undefined ? undefined : `${message}`);
    for (let i = 0; i < ERROR_EXTRAS.length; i++) {
      const extra = hasOwn(v, ERROR_EXTRAS[i]) ? v[ERROR_EXTRAS[i]] : undefined;
      write(typeof extra === "string" || typeof extra === "number" ? extra : undefined);
    }
    if (hasOwn(v, "cause")) { put(T_TRUE); write(v.cause); } else put(T_FALSE);
  }

  function writeDOMException(record) {
    put(T_DOMEXCEPTION); put(`${record.name}`); put(`${record.message}`);
    write(typeof record.stack === "string" ? record.stack : undefined);
  }

  // Placeholder records of the snapshot: transferred buffers, views of them, Blobs.
  function writeSlot(record) {
    switch (record.slot) {
      case "buffer":
        put(T_BUFFER); put(bufferIndex(transferred[record.index])); put(-1);
        return;
      case "view":
        put(T_VIEW); put(record.type);
        put(T_BUFFER); put(bufferIndex(transferred[record.buffer])); put(-1);
        objects++; // the buffer token above counts as an object when read back
        put(record.offset); put(record.length === undefined ? -1 : record.length);
        return;
      case "port":
        put(T_PORT); put(record.index);
        return;
      case "blob": {
        // The blob's bytes are immutable: the host copies them once for the other agent.
        const bytes = new Uint8ArrayCtor(record.length);
        apply(TASet, bytes, [new Uint8ArrayCtor(record.buffer, record.offset, record.length)]);
        put(T_BLOB); put(record.kind); put(bufferIndex(apply(TABuffer, bytes, []))); put(record.type);
        put(record.name); writeNumber(record.lastModified);
        return;
      }
      default:
        throw new TypeErrorCtor(`cannot send a ${record.slot} to another agent yet`);
    }
  }

  // ---- reading ----------------------------------------------------------------------------------------

  let tokens = null;
  let at = 0;
  let made = null;
  let received = null;
  let receivedPorts = null;

  // One list of made objects serves every message (a setter a script put on Object.prototype could run
  // while a message is read, but it cannot make another message be read then; if it ever did, that one gets
  // a list of its own).
  const madeObjects = newList();

  function decodeFromAgent(text, receivedBuffers, ports) {
    // A lone number or string, the commonest messages, without the general reader (see encodeForAgent).
    const primitive = decodePrimitive(text);
    if (primitive !== notPrimitive) return primitive;
    const parsed = JSONParse(text);
    if (made !== null) return decodeNested(parsed, receivedBuffers, ports);
    tokens = parsed; at = 0; made = madeObjects; received = receivedBuffers; receivedPorts = ports;
    try {
      const value = read();
      if (at !== tokens.length) throw new TypeErrorCtor("malformed message: trailing data");
      return value;
    } finally {
      madeObjects.length = 0;
      tokens = made = received = receivedPorts = null;
    }
  }

  function decodeNested(parsed, receivedBuffers, ports) {
    const savedTokens = tokens, savedAt = at, savedMade = made, savedReceived = received, savedPorts = receivedPorts;
    tokens = parsed; at = 0; made = newList(); received = receivedBuffers; receivedPorts = ports;
    try {
      const value = read();
      if (at !== tokens.length) throw new TypeErrorCtor("malformed message: trailing data");
      return value;
    } finally {
      tokens = savedTokens; at = savedAt; made = savedMade; received = savedReceived; receivedPorts = savedPorts;
    }
  }

  function next() {
    if (at >= tokens.length) throw new TypeErrorCtor("malformed message: truncated");
    return tokens[at++];
  }

  function remember(object) { made[made.length] = object; return object; }

  function readNumber() {
    const tag = next();
    if (tag === T_NUMBER) return next();
    if (tag !== T_ODD_NUMBER) throw new TypeErrorCtor("malformed message: number expected");
    const text = next();
    return text === "NaN" ? NaN : text === "-0" ? -0 : text === "Infinity" ? Infinity : -Infinity;
  }

  function read() {
    const tag = next();
    switch (tag) {
      case T_UNDEFINED: return undefined;
      case T_NULL: return null;
      case T_TRUE: return true;
      case T_FALSE: return false;
      case T_NUMBER: return next();
      case T_ODD_NUMBER: at--; return readNumber();
      case T_STRING: return `${next()}`;
      case T_BIGINT: return BigIntCtor(next());
      case T_REF: {
        const object = made[next()];
        if (object === undefined) throw new TypeErrorCtor("malformed message: bad reference");
        return object;
      }
      case T_OBJECT: return readEntries(remember({}));
      case T_ARRAY: return readArray();
      case T_DATE: { const index = made.length; made[index] = null; return (made[index] = new DateCtor(readNumber())); }
      case T_REGEXP: return remember(new RegExpCtor(`${next()}`, `${next()}`));
      case T_MAP: {
        const map = remember(new MapCtor());
        while (tokens[at] !== T_END) { const key = read(); apply(MapSet, map, [key, read()]); }
        at++;
        return map;
      }
      case T_SET: {
        const set = remember(new SetCtor());
        while (tokens[at] !== T_END) apply(SetAdd, set, [read()]);
        at++;
        return set;
      }
      case T_BOXED: {
        const index = made.length; made[index] = null;
        const kind = next();
        const inner = read();
        const box = kind === "Boolean" ? new BooleanCtor(inner) : kind === "Number" ? new NumberCtor(inner)
          : kind === "String" ? new StringCtor(inner) : ObjectCtor(inner);
        return (made[index] = box);
      }
      case T_BUFFER: return remember(readBuffer());
      case T_VIEW: return readView();
      case T_ERROR: return readError();
      case T_DOMEXCEPTION: {
        const index = made.length; made[index] = null;
        const name = `${next()}`, message = `${next()}`, stack = read();
        const exception = internals.makeDOMException(message, name);
        if (stack !== undefined) defineProperty(exception, "stack", { __proto__: null, value: stack, writable: true, enumerable: false, configurable: true });
        return (made[index] = exception);
      }
      case T_PORT: {
        const port = receivedPorts === undefined || receivedPorts === null ? undefined : receivedPorts[next()];
        if (port === undefined) throw new TypeErrorCtor("malformed message: missing port");
        return remember(port);
      }
      case T_BLOB: {
        const kind = next(), buffer = receivedBuffer(next()), type = `${next()}`, name = `${next()}`;
        const lastModified = readNumber();
        const length = apply(ABByteLength, buffer, []);
        return remember(internals.blobDeserialize({ __proto__: null, kind, buffer, offset: 0, length, type, name, lastModified }));
      }
      default:
        throw new TypeErrorCtor(`malformed message: unknown tag ${tag}`);
    }
  }

  function receivedBuffer(index) {
    const buffer = received[index];
    if (buffer === undefined) throw new TypeErrorCtor("malformed message: missing buffer");
    return buffer;
  }

  function readBuffer() {
    const buffer = receivedBuffer(next());
    const maxByteLength = next();
    if (maxByteLength < 0) return buffer;
    // A resizable buffer: the host's block is fixed-length, so the bytes go into a new resizable one.
    const length = apply(ABByteLength, buffer, []);
    const resizable = new ArrayBufferCtor(length, { __proto__: null, maxByteLength });
    apply(TASet, new Uint8ArrayCtor(resizable), [new Uint8ArrayCtor(buffer)]);
    return resizable;
  }

  function readEntries(object) {
    while (tokens[at] !== T_END) {
      const key = `${next()}`;
      const value = read();
      // Assigned, unless the key resolves through a prototype (a setter user code put there, "__proto__"):
      // a received property is a data property of its own, whatever the prototypes hold.
      if (key in object) defineProperty(object, key, { __proto__: null, value, writable: true, enumerable: true, configurable: true });
      else object[key] = value;
    }
    at++;
    return object;
  }

  function readArray() {
    const length = next();
    const array = remember(new ArrayCtor(length));
    let i = 0;
    while (tokens[at] !== T_END) {
      if (tokens[at] === T_HOLE_RUN) { at++; i += next(); continue; }
      const value = read();
      if (i in array) defineProperty(array, i, { __proto__: null, value, writable: true, enumerable: true, configurable: true });
      else array[i] = value;
      i++;
    }
    at++;
    return readEntries(array);
  }

  function readView() {
    const index = made.length; made[index] = null;
    const type = `${next()}`;
    const buffer = read();
    const offset = next(), length = next();
    const Ctor = viewConstructors[type];
    if (Ctor === undefined || getPrototypeOf(buffer) !== ABProto) throw new TypeErrorCtor("malformed message: bad view");
    return (made[index] = length < 0 ? new Ctor(buffer, offset) : new Ctor(buffer, offset, length));
  }

  function readError() {
    const index = made.length; made[index] = null;
    const name = `${next()}`;
    const message = read();
    const Ctor = errorCtors[name] ?? errorCtors.Error;
    const error = message === undefined ? new Ctor() : new Ctor(message);
    made[index] = error;
    for (let i = 0; i < ERROR_EXTRAS.length; i++) {
      const extra = read();
      if (extra === undefined) reflectDelete(error, ERROR_EXTRAS[i]);
      else defineProperty(error, ERROR_EXTRAS[i], { __proto__: null, value: extra, writable: true, enumerable: false, configurable: true });
    }
    if (next() === T_TRUE) {
      defineProperty(error, "cause", { __proto__: null, value: read(), writable: true, enumerable: false, configurable: true });
    }
    return error;
  }

  internals.encodeForAgent = encodeForAgent;
  internals.encodeCopyForAgent = encodeCopyForAgent;
  internals.decodeFromAgent = decodeFromAgent;
})
