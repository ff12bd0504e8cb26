// TextEncoder and TextDecoder (Encoding Standard), for UTF-8 and UTF-16LE/BE only: every other label is a
// RangeError. Also publishes the UTF-8 codec for the other modules (Blob parts, Blob.text(), FileReader):
//   internals.utf8Encode(string) → Uint8Array        (lone surrogates become U+FFFD, as USVString conversion)
//   internals.utf8Decode(bytes) → string             (UTF-8 decode: BOM dropped, errors become U+FFFD)
//   internals.toUSVString(value, prefix) → string
(function (ops, internals, global) {
  "use strict";
  // Intrinsics as they were before any user code ran (this module is loaded on first use; web-loader.js).
  const {
    ReflectApply, ObjectGetOwnPropertyDescriptor, StringFromCharCode, StringPrototypeCharCodeAt,
    StringPrototypeSlice, StringPrototypeToWellFormed, TypeErrorCtor, RangeErrorCtor, ArrayBufferIsView,
    ArrayBufferByteLength, SharedArrayBufferByteLength, TypedArrayPrototype, TypedArrayBuffer, TypedArrayByteOffset,
    TypedArrayByteLength, TypedArrayTag, TypedArraySet, TypedArraySubarray, DataViewBuffer,
    DataViewByteOffset, DataViewByteLength, Uint8ArrayCtor, Uint16ArrayCtor,
    ArrayBufferDetached,
  } = internals.capturedBuiltins;

  const {
    toDOMString, failedToConstruct, failedToExecute, notEnoughArguments, illegalInvocation, checkDictionary, finishInterface,
  } = internals.webIdl;
  const publishGlobal = internals.publishGlobal;

  function toUSVString(value, prefix) {
    const s = toDOMString(value, prefix);
    return ReflectApply(StringPrototypeToWellFormed, s, []);
  }

  // ---- BufferSource → bytes (a Uint8Array over the caller's memory; read before any user code runs again)
  function isArrayBufferLike(value) {
    try { ReflectApply(ArrayBufferByteLength, value, []); return true; } catch {}
    if (SharedArrayBufferByteLength !== undefined) {
      try { ReflectApply(SharedArrayBufferByteLength, value, []); return true; } catch {}
    }
    return false;
  }
  // Returns a Uint8Array view of a BufferSource, or undefined when `value` is not one.
  // WebIDL "get a copy of the bytes held by the buffer source" reads a detached buffer as no bytes (this
  // returns a view, not a copy: callers copy or finish with it before any user code runs).
  function bufferSourceBytes(value) {
    if (typeof value !== "object" || value === null) return undefined;
    if (ArrayBufferIsView(value)) {
      if (ReflectApply(TypedArrayTag, value, []) !== undefined) {
        const buffer = ReflectApply(TypedArrayBuffer, value, []);
        if (isDetached(buffer)) return new Uint8ArrayCtor(0);
        return new Uint8ArrayCtor(buffer, ReflectApply(TypedArrayByteOffset, value, []), ReflectApply(TypedArrayByteLength, value, []));
      }
      const buffer = ReflectApply(DataViewBuffer, value, []);
      let length = 0;
      try { length = ReflectApply(DataViewByteLength, value, []); } catch { return new Uint8ArrayCtor(0); }
      return new Uint8ArrayCtor(buffer, ReflectApply(DataViewByteOffset, value, []), length);
    }
    if (isArrayBufferLike(value)) return isDetached(value) ? new Uint8ArrayCtor(0) : new Uint8ArrayCtor(value);
    return undefined;
  }
  // (A SharedArrayBuffer cannot be detached; the getter throws for it.)
  function isDetached(buffer) {
    try { return ReflectApply(ArrayBufferDetached, buffer, []); } catch { return false; }
  }
  internals.bufferSourceBytes = bufferSourceBytes;

  // ---- code units → string, in chunks (fromCharCode with a whole MiB of arguments would overflow the stack)
  const CHUNK = 8192;
  function codeUnitsToString(units, length) {
    if (length <= CHUNK) {
      return ReflectApply(StringFromCharCode, null, ReflectApply(TypedArraySubarray, units, [0, length]));
    }
    let out = "";
    for (let i = 0; i < length; i += CHUNK) {
      const end = i + CHUNK < length ? i + CHUNK : length;
      out += ReflectApply(StringFromCharCode, null, ReflectApply(TypedArraySubarray, units, [i, end]));
    }
    return out;
  }

  // ---- UTF-8 encoder -------------------------------------------------------------------------------------
  // Writes the UTF-8 of the well-formed string `s` from index `start` into `out` (from `at`) while it fits.
  // Returns [code units read, bytes written].
  function encodeInto(s, out, at) {
    const n = s.length, end = out.length;
    let i = 0, o = at;
    while (i < n) {
      const c = ReflectApply(StringPrototypeCharCodeAt, s, [i]);
      if (c < 0x80) {
        if (o >= end) break;
        out[o++] = c;
        i++;
      } else if (c < 0x800) {
        if (o + 2 > end) break;
        out[o++] = 0xc0 | (c >> 6);
        out[o++] = 0x80 | (c & 0x3f);
        i++;
      } else if (c >= 0xd800 && c <= 0xdbff) { // well-formed input: a low surrogate follows
        if (o + 4 > end) break;
        const cp = 0x10000 + ((c - 0xd800) << 10) + (ReflectApply(StringPrototypeCharCodeAt, s, [i + 1]) - 0xdc00);
        out[o++] = 0xf0 | (cp >> 18);
        out[o++] = 0x80 | ((cp >> 12) & 0x3f);
        out[o++] = 0x80 | ((cp >> 6) & 0x3f);
        out[o++] = 0x80 | (cp & 0x3f);
        i += 2;
      } else {
        if (o + 3 > end) break;
        out[o++] = 0xe0 | (c >> 12);
        out[o++] = 0x80 | ((c >> 6) & 0x3f);
        out[o++] = 0x80 | (c & 0x3f);
        i++;
      }
    }
    return [i, o - at];
  }

  function utf8Length(s) {
    const n = s.length;
    let size = n;
    for (let i = 0; i < n; i++) {
      const c = ReflectApply(StringPrototypeCharCodeAt, s, [i]);
      if (c >= 0x80) {
        if (c < 0x800) size += 1;
        else if (c >= 0xd800 && c <= 0xdbff) { size += 2; i++; } // 2 code units → 4 bytes
        else size += 2;
      }
    }
    return size;
  }

  // ---- native codec for big inputs (ops.decodeUTF8/encodeUTF8, Web/TextCodec.swift) ------------------------
  // Measured: from a few bytes on, one native call beats the JS loops (which stay for streaming decode and
  // for the tiniest inputs).
  const NATIVE_MIN = 8;
  const nativeDecode = ops.decodeUTF8, nativeEncode = ops.encodeUTF8, nativeEncodeOneByte = ops.encodeOneByte;
  // The bytes the native ops work on when they cannot read the caller's in place: a buffer only this module
  // sees (the host takes its pointer, which pins it; pinning a buffer script can reach would make its
  // transfer() copy). Kept for reuse up to 16 MiB.
  let byteScratch = new Uint8ArrayCtor(0);
  function byteScratchFor(n) {
    if (byteScratch.length >= n) return byteScratch;
    const scratch = new Uint8ArrayCtor(n < 65536 ? 65536 : n);
    if (n <= 16 * 1048576) byteScratch = scratch;
    return scratch;
  }
  // UTF-8 decode of a whole input without a BOM step; null when fatal and malformed. `bytes` is a Uint8Array
  // this module made (bufferSourceBytes), which the host reads in place when it can.
  function decodeNative(bytes, fatal) {
    // (The length through the captured getter: `bytes.length` reaches %TypedArray%.prototype, where script
    // can put a getter of its own, which could also shrink the buffer meanwhile.)
    const n = ReflectApply(TypedArrayByteLength, bytes, []);
    const s = nativeDecode(bytes, n, fatal, true);
    if (s !== undefined) return s;
    const scratch = byteScratchFor(n);
    ReflectApply(TypedArraySet, scratch, [bytes]);
    return nativeDecode(scratch, n, fatal, false);
  }

  // The first n bytes of a scratch, as a view made with the original constructor (subarray and slice would
  // ask the array's `constructor` for a species, which script can change).
  function scratchView(scratch, n) {
    return new Uint8ArrayCtor(ReflectApply(TypedArrayBuffer, scratch, []), 0, n);
  }

  // encodeInto through the native encoder: encode all, keep the whole sequences that fit, count what they
  // came from (a 4-byte sequence is two UTF-16 code units, every other sequence one).
  function encodeIntoNative(s, destination) {
    const scratch = byteScratchFor(3 * s.length);
    const n = nativeEncode(s, scratch);
    let written = n <= destination.length ? n : destination.length;
    if (written < n) while (written > 0 && (scratch[written] & 0xc0) === 0x80) written--;
    let read = 0;
    for (let i = 0; i < written; i++) {
      const b = scratch[i];
      if ((b & 0xc0) !== 0x80) read += b >= 0xf0 ? 2 : 1;
    }
    ReflectApply(TypedArraySet, destination, [scratchView(scratch, written)]);
    return [read, written];
  }

  // A well-formed string `s` (or any string, on the native path: lone surrogates become U+FFFD there too).
  function utf8EncodeWellFormed(s) {
    if (s.length >= NATIVE_MIN) {
      // A string the engine keeps as one-byte characters (most text) is encoded from where it is, in one pass.
      const direct = nativeEncodeOneByte(s);
      if (direct !== undefined) return direct;
      const scratch = byteScratchFor(3 * s.length + 1);
      const n = nativeEncode(s, scratch);
      const out = new Uint8ArrayCtor(n);
      ReflectApply(TypedArraySet, out, [scratchView(scratch, n)]);
      return out;
    }
    const out = new Uint8ArrayCtor(utf8Length(s));
    encodeInto(s, out, 0);
    return out;
  }
  internals.utf8Encode = (s) => utf8EncodeWellFormed(s.length >= NATIVE_MIN ? s : ReflectApply(StringPrototypeToWellFormed, s, []));

  // ---- decoders (Encoding Standard §8.1.2 UTF-8 decoder, §14.2 shared UTF-16 decoder) -----------------------
  // A decoder is a small state record; decodeChunk appends code units to `units` and returns the new length.
  // `fatal` decoders return -1 on the first error.
  function makeState() {
    return { needed: 0, seen: 0, codePoint: 0, lower: 0x80, upper: 0xbf, leadByte: -1, leadSurrogate: -1 };
  }

  function decodeUTF8(state, bytes, units, u, fatal, flush) {
    const n = bytes.length;
    let needed = state.needed, seen = state.seen, cp = state.codePoint, lower = state.lower, upper = state.upper;
    let i = 0;
    while (i < n) {
      const b = bytes[i];
      if (needed === 0) {
        if (b < 0x80) { units[u++] = b; i++; continue; }
        if (b >= 0xc2 && b <= 0xdf) { needed = 1; cp = b & 0x1f; }
        else if (b >= 0xe0 && b <= 0xef) {
          if (b === 0xe0) lower = 0xa0;
          else if (b === 0xed) upper = 0x9f;
          needed = 2; cp = b & 0xf;
        } else if (b >= 0xf0 && b <= 0xf4) {
          if (b === 0xf0) lower = 0x90;
          else if (b === 0xf4) upper = 0x8f;
          needed = 3; cp = b & 0x7;
        } else {
          if (fatal) return -1;
          units[u++] = 0xfffd;
        }
        i++;
        continue;
      }
      if (b < lower || b > upper) {
        // The byte is not consumed: it starts over after the error.
        cp = 0; needed = 0; seen = 0; lower = 0x80; upper = 0xbf;
        if (fatal) return -1;
        units[u++] = 0xfffd;
        continue;
      }
      lower = 0x80; upper = 0xbf;
      cp = (cp << 6) | (b & 0x3f);
      seen++;
      i++;
      if (seen === needed) {
        if (cp < 0x10000) units[u++] = cp;
        else {
          const v = cp - 0x10000;
          units[u++] = 0xd800 + (v >> 10);
          units[u++] = 0xdc00 + (v & 0x3ff);
        }
        cp = 0; needed = 0; seen = 0;
      }
    }
    if (flush && needed !== 0) {
      needed = 0; seen = 0; cp = 0; lower = 0x80; upper = 0xbf;
      if (fatal) return -1;
      units[u++] = 0xfffd;
    }
    state.needed = needed; state.seen = seen; state.codePoint = cp; state.lower = lower; state.upper = upper;
    return u;
  }

  function decodeUTF16(state, bytes, units, u, fatal, flush, bigEndian) {
    const n = bytes.length;
    let lead = state.leadByte, surrogate = state.leadSurrogate;
    for (let i = 0; i < n; i++) {
      const b = bytes[i];
      if (lead === -1) { lead = b; continue; }
      const unit = bigEndian ? (lead << 8) + b : (b << 8) + lead;
      lead = -1;
      if (surrogate !== -1) {
        const high = surrogate;
        surrogate = -1;
        if (unit >= 0xdc00 && unit <= 0xdfff) {
          units[u++] = high;
          units[u++] = unit;
          continue;
        }
        // An unpaired high surrogate: an error, and `unit` is processed again below.
        if (fatal) return -1;
        units[u++] = 0xfffd;
      }
      if (unit >= 0xd800 && unit <= 0xdbff) { surrogate = unit; continue; }
      if (unit >= 0xdc00 && unit <= 0xdfff) {
        if (fatal) return -1;
        units[u++] = 0xfffd;
        continue;
      }
      units[u++] = unit;
    }
    if (flush && (lead !== -1 || surrogate !== -1)) {
      lead = -1; surrogate = -1;
      if (fatal) return -1;
      units[u++] = 0xfffd;
    }
    state.leadByte = lead; state.leadSurrogate = surrogate;
    return u;
  }

  // Output room for decoding `n` more bytes: UTF-8 makes at most one code unit per byte plus one U+FFFD for
  // a sequence cut short; UTF-16 at most one per two bytes plus two.
  let scratch = new Uint16ArrayCtor(1024);
  function unitsFor(n) {
    const need = n + 4;
    if (scratch.length < need) scratch = new Uint16ArrayCtor(need);
    return scratch;
  }

  function utf8Decode(bytes) {
    if (bytes.length >= NATIVE_MIN) {
      const s = decodeNative(bytes, false);
      return s.length > 0 && ReflectApply(StringPrototypeCharCodeAt, s, [0]) === 0xfeff ? ReflectApply(StringPrototypeSlice, s, [1]) : s;
    }
    const units = unitsFor(bytes.length);
    const length = decodeUTF8(makeState(), bytes, units, 0, false, true);
    const skip = length > 0 && units[0] === 0xfeff ? 1 : 0;
    if (length > 1024) scratch = new Uint16ArrayCtor(1024); // don't keep a big buffer alive
    return skip === 0 ? codeUnitsToString(units, length)
      : codeUnitsToString(ReflectApply(TypedArraySubarray, units, [1]), length - 1);
  }
  internals.utf8Decode = utf8Decode;

  // ---- labels ---------------------------------------------------------------------------------------------
  const labels = { __proto__: null };
  const labelLists = [
    ["utf-8", ["unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8"]],
    ["utf-16le", ["csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le"]],
    ["utf-16be", ["unicodefffe", "utf-16be"]],
  ];
  for (let i = 0; i < labelLists.length; i++) {
    const names = labelLists[i][1];
    for (let j = 0; j < names.length; j++) labels[names[j]] = labelLists[i][0];
  }

  function trimASCIIWhitespace(s) {
    let a = 0, b = s.length;
    const ws = (c) => c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d || c === 0x20;
    while (a < b && ws(ReflectApply(StringPrototypeCharCodeAt, s, [a]))) a++;
    while (b > a && ws(ReflectApply(StringPrototypeCharCodeAt, s, [b - 1]))) b--;
    return a === 0 && b === s.length ? s : ReflectApply(StringPrototypeSlice, s, [a, b]);
  }
  function asciiLowerCase(s) {
    let out = "";
    for (let i = 0; i < s.length; i++) {
      const c = ReflectApply(StringPrototypeCharCodeAt, s, [i]);
      out += c >= 0x41 && c <= 0x5a ? StringFromCharCode(c + 0x20) : ReflectApply(StringPrototypeSlice, s, [i, i + 1]);
    }
    return out;
  }
  internals.asciiLowerCase = asciiLowerCase;
  // For FileReader.readAsText: the encoding a label names (undefined when unsupported), and a whole decode
  // (BOM dropped, errors replaced) in one of them.
  internals.encodingForLabel = (label) => labels[asciiLowerCase(trimASCIIWhitespace(label))];
  internals.decodeWith = (encoding, bytes) => {
    if (encoding === "utf-8") return utf8Decode(bytes);
    const units = unitsFor(bytes.length);
    const length = decodeUTF16(makeState(), bytes, units, 0, false, true, encoding === "utf-16be");
    const skip = length > 0 && units[0] === 0xfeff ? 1 : 0;
    const s = codeUnitsToString(ReflectApply(TypedArraySubarray, units, [skip]), length - skip);
    if (scratch.length > 65536) scratch = new Uint16ArrayCtor(1024);
    return s;
  };

  // ---- TextEncoder ----------------------------------------------------------------------------------------
  let isTextEncoder;
  class TextEncoder {
    #brand = true;
    constructor() {
      if (new.target === undefined) throw new TypeErrorCtor(`${failedToConstruct("TextEncoder")}Please use the 'new' operator, this DOM object constructor cannot be called as a function.`);
    }

    get encoding() {
      if (!isTextEncoder(this)) throw illegalInvocation("encoding", "TextEncoder");
      return "utf-8";
    }

    encode(input = "") {
      if (!isTextEncoder(this)) throw illegalInvocation("encode", "TextEncoder");
      return utf8EncodeWellFormed(toUSVString(input, failedToExecute("encode", "TextEncoder")));
    }

    encodeInto(source, destination) {
      if (!isTextEncoder(this)) throw illegalInvocation("encodeInto", "TextEncoder");
      const prefix = failedToExecute("encodeInto", "TextEncoder");
      if (arguments.length < 2) throw notEnoughArguments(prefix, 2, arguments.length);
      const s = toUSVString(source, prefix);
      if (!ArrayBufferIsView(destination) || ReflectApply(TypedArrayTag, destination, []) !== "Uint8Array") {
        throw new TypeErrorCtor(`${prefix}parameter 2 is not of type 'Uint8Array'.`);
      }
      const r = s.length >= NATIVE_MIN ? encodeIntoNative(s, destination) : encodeInto(s, destination, 0);
      return { read: r[0], written: r[1] };
    }

    static {
      isTextEncoder = (v) => typeof v === "object" && v !== null && #brand in v;
    }
  }
  finishInterface(TextEncoder, "TextEncoder");
  publishGlobal("TextEncoder", TextEncoder);

  // ---- TextDecoder ----------------------------------------------------------------------------------------
  let isTextDecoder;
  class TextDecoder {
    #encoding;
    #fatal;
    #ignoreBOM;
    #state = makeState();
    #bomSeen = false;
    #streaming = false;

    constructor(label = "utf-8", options = undefined) {
      const prefix = failedToConstruct("TextDecoder");
      if (new.target === undefined) throw new TypeErrorCtor(`${prefix}Please use the 'new' operator, this DOM object constructor cannot be called as a function.`);
      const name = asciiLowerCase(trimASCIIWhitespace(toDOMString(label, prefix)));
      let fatal = false, ignoreBOM = false;
      if (checkDictionary(options, prefix, "TextDecoderOptions")) {
        fatal = !!options.fatal;
        ignoreBOM = !!options.ignoreBOM;
      }
      const encoding = labels[name];
      if (encoding === undefined) {
        throw new RangeErrorCtor(`${prefix}The encoding label provided ('${label}') is invalid or not supported (jshost supports utf-8, utf-16le and utf-16be).`);
      }
      this.#encoding = encoding;
      this.#fatal = fatal;
      this.#ignoreBOM = ignoreBOM;
    }

    get encoding() {
      if (!isTextDecoder(this)) throw illegalInvocation("encoding", "TextDecoder");
      return this.#encoding;
    }

    get fatal() {
      if (!isTextDecoder(this)) throw illegalInvocation("fatal", "TextDecoder");
      return this.#fatal;
    }

    get ignoreBOM() {
      if (!isTextDecoder(this)) throw illegalInvocation("ignoreBOM", "TextDecoder");
      return this.#ignoreBOM;
    }

    decode(input = undefined, options = undefined) {
      if (!isTextDecoder(this)) throw illegalInvocation("decode", "TextDecoder");
      const prefix = failedToExecute("decode", "TextDecoder");
      let bytes;
      if (input !== undefined) {
        bytes = bufferSourceBytes(input);
        if (bytes === undefined) {
          throw new TypeErrorCtor(`${prefix}The provided value is not of type '(ArrayBuffer or ArrayBufferView)'.`);
        }
      }
      let stream = false;
      if (checkDictionary(options, prefix, "TextDecodeOptions")) stream = !!options.stream;
      if (!this.#streaming) {
        this.#state = makeState();
        this.#bomSeen = false;
        // A whole input at once: the native decoder.
        if (!stream && this.#encoding === "utf-8" && bytes !== undefined && bytes.length >= NATIVE_MIN) {
          const s = decodeNative(bytes, this.#fatal);
          if (s === null) throw new TypeErrorCtor(`${prefix}The encoded data was not valid for encoding utf-8`);
          if (!this.#ignoreBOM && s.length > 0 && ReflectApply(StringPrototypeCharCodeAt, s, [0]) === 0xfeff) {
            return ReflectApply(StringPrototypeSlice, s, [1]);
          }
          return s;
        }
      }
      this.#streaming = stream;
      const n = bytes === undefined ? 0 : bytes.length;
      const units = unitsFor(n);
      const state = this.#state;
      const empty = bytes === undefined ? new Uint8ArrayCtor(0) : bytes;
      const length = this.#encoding === "utf-8"
        ? decodeUTF8(state, empty, units, 0, this.#fatal, !stream)
        : decodeUTF16(state, empty, units, 0, this.#fatal, !stream, this.#encoding === "utf-16be");
      if (length < 0) {
        this.#state = makeState();
        this.#streaming = false;
        throw new TypeErrorCtor(`${prefix}The encoded data was not valid for encoding ${this.#encoding}`);
      }
      let start = 0;
      if (!this.#ignoreBOM && !this.#bomSeen && length > 0) {
        this.#bomSeen = true;
        if (units[0] === 0xfeff) start = 1;
      }
      const result = start === 0 ? codeUnitsToString(units, length)
        : codeUnitsToString(ReflectApply(TypedArraySubarray, units, [1]), length - 1);
      if (scratch.length > 65536) scratch = new Uint16ArrayCtor(1024);
      return result;
    }

    static {
      isTextDecoder = (v) => typeof v === "object" && v !== null && #encoding in v;
    }
  }
  finishInterface(TextDecoder, "TextDecoder");
  publishGlobal("TextDecoder", TextDecoder);

  internals.toUSVString = toUSVString;
  {
    const prev = internals.platformObjectKind;
    internals.platformObjectKind = (v) => (isTextEncoder(v) ? "TextEncoder" : isTextDecoder(v) ? "TextDecoder" : prev?.(v));
  }
})
