// Blob and File (File API §3, §4).
//
// A Blob's bytes are a Uint8Array over an ArrayBuffer that nothing ever writes after the Blob is built: slices
// and clones share it (offset + length), so slicing and structured cloning copy no bytes. Because the buffer
// is immutable it could later be handed to another agent (a no-copy wrap of the same memory); see
// blobSerialize below for the thread-neutral record.
//
// Not built: stream() (jshost has no ReadableStream yet; the method is absent, so feature tests see that).
//
// Published on `internals`:
//   isBlob(v)                     brand check (true for File too)
//   blobBytes(blob) → Uint8Array  the blob's bytes (shared: never write to them)
//   blobType(blob) → string       its type
//   blobClone(blob)               a Blob/File of this realm sharing the bytes (structuredClone within a realm)
//   blobSerialize(blob) → record  { kind, buffer, offset, length, type, name, lastModified }: only an
//                                 immutable ArrayBuffer and primitives, so it can cross realms (and later agents)
//   blobDeserialize(record)       a Blob/File of this realm over the record's bytes
//   makeBlob(bytes, type)         a Blob over `bytes` (the caller gives up the right to write them)
(function (ops, internals, global) {
  "use strict";
  // Intrinsics as they were before any user code ran (this module is loaded on first use; web-loader.js).
  const {
    ReflectApply, StringPrototypeCharCodeAt, StringPrototypeSlice, StringPrototypeToLowerCase, NumberIsFinite,
    MathTrunc, MathMax, MathMin, SymbolIterator, PromiseCtor, TypeErrorCtor, DateNow, ArrayBufferIsView,
    TypedArrayPrototype, TypedArrayBuffer, TypedArrayByteOffset, TypedArraySet, TypedArraySlice, TypedArraySubarray,
    Uint8ArrayCtor, SymbolCtor, MathFloor,
  } = internals.capturedBuiltins;

  const {
    toDOMString, failedToConstruct, failedToExecute, notEnoughArguments, illegalInvocation, checkDictionary,
    finishInterface,
  } = internals.webIdl;
  const publishGlobal = internals.publishGlobal;
  const utf8Encode = internals.utf8Encode;
  const utf8Decode = internals.utf8Decode;
  const bufferSourceBytes = internals.bufferSourceBytes;
  const toUSVString = internals.toUSVString;
  const EMPTY_BYTES = new Uint8ArrayCtor(0);

  const construct = SymbolCtor("Blob construction");
  const callAsFunction = (name) =>
    new TypeErrorCtor(`${failedToConstruct(name)}Please use the 'new' operator, this DOM object constructor cannot be called as a function.`);

  // A type is kept only when it is printable ASCII; it is then lowercased (File API "type" steps).
  function normalizeType(s) {
    for (let i = 0; i < s.length; i++) {
      const c = ReflectApply(StringPrototypeCharCodeAt, s, [i]);
      if (c < 0x20 || c > 0x7e) return "";
    }
    return ReflectApply(StringPrototypeToLowerCase, s, []);
  }

  // WebIDL sequence<BlobPart>: each item is kept as a Blob, a Uint8Array view (BufferSource) or a string.
  function convertParts(value, prefix) {
    if (value === undefined) return [];
    if ((typeof value !== "object" && typeof value !== "function") || value === null) {
      throw new TypeErrorCtor(`${prefix}The provided value cannot be converted to a sequence.`);
    }
    const method = value[SymbolIterator];
    if (typeof method !== "function") {
      throw new TypeErrorCtor(`${prefix}The object must have a callable @@iterator property.`);
    }
    const iterator = ReflectApply(method, value, []);
    const next = iterator.next;
    const parts = [];
    for (;;) {
      const step = ReflectApply(next, iterator, []);
      if ((typeof step !== "object" && typeof step !== "function") || step === null) {
        throw new TypeErrorCtor(`${prefix}The iterator result is not an object.`);
      }
      if (step.done) break;
      const item = step.value;
      if (isBlob(item)) parts[parts.length] = item;
      else {
        const bytes = bufferSourceBytes(item);
        parts[parts.length] = bytes !== undefined ? bytes : toUSVString(item, prefix);
      }
    }
    return parts;
  }

  // BlobPropertyBag (members in lexicographic order: endings, type) and FilePropertyBag (+ lastModified).
  function convertOptions(options, prefix, dictionary, isFile) {
    const out = { endings: "transparent", type: "", lastModified: undefined };
    if (!checkDictionary(options, prefix, dictionary)) return out;
    const endings = options.endings;
    if (endings !== undefined) {
      const e = toDOMString(endings, prefix);
      if (e !== "transparent" && e !== "native") {
        throw new TypeErrorCtor(`${prefix}Failed to read the 'endings' property from '${dictionary}': The provided value '${e}' is not a valid enum value of type EndingType.`);
      }
      out.endings = e;
    }
    if (isFile) {
      const lastModified = options.lastModified;
      if (lastModified !== undefined) out.lastModified = toLongLong(lastModified);
    }
    const type = options.type;
    if (type !== undefined) out.type = normalizeType(toDOMString(type, prefix));
    return out;
  }

  // WebIDL long long (no [Clamp]/[EnforceRange]): NaN and infinities become 0, fractions are truncated.
  function toLongLong(value) {
    const n = +value;
    if (!NumberIsFinite(n)) return 0;
    return MathTrunc(n) + 0;
  }
  // WebIDL [Clamp] long long.
  function toClampedLongLong(value) {
    const n = +value;
    if (n !== n) return 0;
    const limit = 9007199254740991;
    if (n >= limit) return limit;
    if (n <= -limit) return -limit;
    const f = MathFloor(n), diff = n - f;
    if (diff < 0.5) return f + 0;
    if (diff > 0.5) return f + 1;
    return (f % 2 === 0 ? f : f + 1) + 0; // ties to even
  }

  // File API "process blob parts": the bytes of all parts, one new buffer.
  function processParts(parts, endings) {
    const chunks = [];
    let total = 0;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      let bytes;
      if (typeof part === "string") {
        const s = endings === "native" ? nativeLineEndings(part) : part;
        bytes = utf8Encode(s);
      } else if (isBlob(part)) {
        bytes = blobBytes(part);
      } else {
        bytes = part;
      }
      chunks[chunks.length] = bytes;
      total += bytes.length;
    }
    // A fresh encoding, or another Blob's immutable bytes: either can be used as they are.
    if (chunks.length === 1 && !ArrayBufferIsView(parts[0])) return chunks[0];
    const out = new Uint8ArrayCtor(total);
    let at = 0;
    for (let i = 0; i < chunks.length; i++) {
      ReflectApply(TypedArraySet, out, [chunks[i], at]);
      at += chunks[i].length;
    }
    return out;
  }

  // File API "convert line endings to native" on Linux: CRLF and lone CR become LF.
  function nativeLineEndings(s) {
    let out = "", start = 0;
    for (let i = 0; i < s.length; i++) {
      if (ReflectApply(StringPrototypeCharCodeAt, s, [i]) !== 0x0d) continue;
      out += ReflectApply(StringPrototypeSlice, s, [start, i]) + "\n";
      if (ReflectApply(StringPrototypeCharCodeAt, s, [i + 1]) === 0x0a) i++;
      start = i + 1;
    }
    return start === 0 ? s : out + ReflectApply(StringPrototypeSlice, s, [start]);
  }

  function relativeIndex(value, size) {
    const n = toClampedLongLong(value);
    return n < 0 ? MathMax(size + n, 0) : MathMin(n, size);
  }

  let isBlob, blobBytes, blobType, makeBlobObject;
  let isFile, fileName, fileLastModified;

  class Blob {
    #bytes;
    #type;

    constructor(blobParts = undefined, options = undefined) {
      if (blobParts === construct) { // internal: new Blob(construct, bytes, type)
        this.#bytes = options;
        this.#type = arguments[2];
        return;
      }
      if (new.target === undefined) throw callAsFunction("Blob");
      const prefix = failedToConstruct("Blob");
      const parts = convertParts(blobParts, prefix);
      const o = convertOptions(options, prefix, "BlobPropertyBag", false);
      this.#bytes = processParts(parts, o.endings);
      this.#type = o.type;
    }

    get size() {
      if (!isBlob(this)) throw illegalInvocation("size", "Blob");
      return this.#bytes.length;
    }

    get type() {
      if (!isBlob(this)) throw illegalInvocation("type", "Blob");
      return this.#type;
    }

    slice(start = undefined, end = undefined, contentType = undefined) {
      if (!isBlob(this)) throw illegalInvocation("slice", "Blob");
      const prefix = failedToExecute("slice", "Blob");
      const bytes = this.#bytes;
      const size = bytes.length;
      const from = start === undefined ? 0 : relativeIndex(start, size);
      const to = end === undefined ? size : relativeIndex(end, size);
      const type = contentType === undefined ? "" : normalizeType(toDOMString(contentType, prefix));
      const span = MathMax(to - from, 0);
      return new Blob(construct, ReflectApply(TypedArraySubarray, bytes, [from, from + span]), type);
    }

    text() {
      if (!isBlob(this)) return rejectInvocation("text");
      const bytes = this.#bytes;
      return new PromiseCtor((resolve) => resolve(utf8Decode(bytes)));
    }

    arrayBuffer() {
      if (!isBlob(this)) return rejectInvocation("arrayBuffer");
      const bytes = this.#bytes;
      return new PromiseCtor((resolve) => resolve(ReflectApply(TypedArrayBuffer, ReflectApply(TypedArraySlice, bytes, []), [])));
    }

    bytes() {
      if (!isBlob(this)) return rejectInvocation("bytes");
      const bytes = this.#bytes;
      return new PromiseCtor((resolve) => resolve(ReflectApply(TypedArraySlice, bytes, [])));
    }

    static {
      isBlob = (v) => typeof v === "object" && v !== null && #bytes in v;
      blobBytes = (b) => b.#bytes;
      blobType = (b) => b.#type;
      makeBlobObject = (bytes, type) => new Blob(construct, bytes, type);
    }
  }

  function rejectInvocation(name) {
    const error = illegalInvocation(name, "Blob");
    return new PromiseCtor((resolve, reject) => reject(error));
  }

  class File extends Blob {
    #name;
    #lastModified;

    constructor(fileBits, fileName, options = undefined) {
      if (fileBits === construct) { // internal: new File(construct, bytes, type, name, lastModified)
        super(construct, fileName, options);
        this.#name = arguments[3];
        this.#lastModified = arguments[4];
        return;
      }
      if (new.target === undefined) throw callAsFunction("File");
      const prefix = failedToConstruct("File");
      if (arguments.length < 2) throw notEnoughArguments(prefix, 2, arguments.length);
      const parts = convertParts(fileBits, prefix);
      const name = toUSVString(fileName, prefix);
      const o = convertOptions(options, prefix, "FilePropertyBag", true);
      super(construct, processParts(parts, o.endings), o.type);
      this.#name = name;
      this.#lastModified = o.lastModified !== undefined ? o.lastModified : DateNow();
    }

    get name() {
      if (!isFile(this)) throw illegalInvocation("name", "File");
      return this.#name;
    }

    get lastModified() {
      if (!isFile(this)) throw illegalInvocation("lastModified", "File");
      return this.#lastModified;
    }

    static {
      isFile = (v) => typeof v === "object" && v !== null && #name in v;
      fileName = (f) => f.#name;
      fileLastModified = (f) => f.#lastModified;
    }
  }

  finishInterface(Blob, "Blob");
  finishInterface(File, "File");
  publishGlobal("Blob", Blob);
  publishGlobal("File", File);

  function makeFile(bytes, type, name, lastModified) {
    return new File(construct, bytes, type, name, lastModified);
  }

  internals.isBlob = isBlob;
  internals.blobBytes = blobBytes;
  internals.blobType = blobType;
  internals.makeBlob = makeBlobObject;
  internals.blobClone = (b) => (isFile(b) ? makeFile(blobBytes(b), blobType(b), fileName(b), fileLastModified(b))
    : makeBlobObject(blobBytes(b), blobType(b)));
  internals.blobSerialize = (b) => {
    const bytes = blobBytes(b);
    const file = isFile(b);
    return {
      __proto__: null, kind: file ? "File" : "Blob",
      buffer: ReflectApply(TypedArrayBuffer, bytes, []), offset: ReflectApply(TypedArrayByteOffset, bytes, []),
      length: bytes.length, type: blobType(b),
      name: file ? fileName(b) : "", lastModified: file ? fileLastModified(b) : 0,
    };
  };
  internals.blobDeserialize = (r) => {
    const bytes = r.length === 0 ? EMPTY_BYTES : new Uint8ArrayCtor(r.buffer, r.offset, r.length);
    return r.kind === "File" ? makeFile(bytes, r.type, r.name, r.lastModified) : makeBlobObject(bytes, r.type);
  };
})
