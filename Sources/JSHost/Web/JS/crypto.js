// `crypto` (WebCrypto §10, the Crypto interface): getRandomValues() and randomUUID() over the OS's random
// source (ops.randomBytes). `crypto.subtle` is not built.
(function (ops, internals, global) {
  "use strict";
  // Intrinsics as they were before any user code ran (this module is loaded on first use; web-loader.js).
  const {
    ReflectApply, TypeErrorCtor, ArrayBufferIsView, TypedArrayPrototype, TypedArrayBuffer, TypedArrayByteOffset,
    TypedArrayByteLength, TypedArrayTag, TypedArraySet, Uint8ArrayCtor, NumberPrototypeToString, SymbolCtor,
  } = internals.capturedBuiltins;

  const { failedToExecute, notEnoughArguments, illegalInvocation, illegalConstructor, finishInterface } = internals.webIdl;
  const randomBytes = ops.randomBytes;
  const hex = [];
  for (let i = 0; i < 256; i++) hex[i] = (i < 16 ? "0" : "") + ReflectApply(NumberPrototypeToString, i, [16]);

  // Integer-typed arrays only (WebCrypto's ArrayBufferView check; Float16/32/64 and DataView are refused).
  const integerTypes = { __proto__: null, Int8Array: 1, Uint8Array: 1, Uint8ClampedArray: 1, Int16Array: 1, Uint16Array: 1,
    Int32Array: 1, Uint32Array: 1, BigInt64Array: 1, BigUint64Array: 1 };

  const construct = SymbolCtor("Crypto construction");
  let isCrypto;
  class Crypto {
    #brand = true;
    constructor(key = undefined) {
      if (key !== construct) throw illegalConstructor("Crypto");
    }

    getRandomValues(array) {
      if (!isCrypto(this)) throw illegalInvocation("getRandomValues", "Crypto");
      const prefix = failedToExecute("getRandomValues", "Crypto");
      if (arguments.length < 1) throw notEnoughArguments(prefix, 1, 0);
      const tag = ArrayBufferIsView(array) ? ReflectApply(TypedArrayTag, array, []) : undefined;
      if (tag === undefined) throw new TypeErrorCtor(`${prefix}parameter 1 is not of type 'ArrayBufferView'.`);
      if (integerTypes[tag] !== 1) {
        throw internals.makeDOMException(`${prefix}The provided ArrayBufferView is of type '${tag}', which is not an integer array type.`, "TypeMismatchError");
      }
      const length = ReflectApply(TypedArrayByteLength, array, []);
      if (length > 65536) {
        throw internals.makeDOMException(`${prefix}The ArrayBufferView's byte length (${length}) exceeds the number of bytes of entropy available via this API (65536).`, "QuotaExceededError");
      }
      const target = new Uint8ArrayCtor(ReflectApply(TypedArrayBuffer, array, []), ReflectApply(TypedArrayByteOffset, array, []), length);
      ReflectApply(TypedArraySet, target, [randomBytes(length)]);
      return array;
    }

    randomUUID() {
      if (!isCrypto(this)) throw illegalInvocation("randomUUID", "Crypto");
      const b = randomBytes(16);
      b[6] = (b[6] & 0x0f) | 0x40; // version 4
      b[8] = (b[8] & 0x3f) | 0x80; // variant 10
      return hex[b[0]] + hex[b[1]] + hex[b[2]] + hex[b[3]] + "-" + hex[b[4]] + hex[b[5]] + "-" + hex[b[6]] + hex[b[7]] +
        "-" + hex[b[8]] + hex[b[9]] + "-" + hex[b[10]] + hex[b[11]] + hex[b[12]] + hex[b[13]] + hex[b[14]] + hex[b[15]];
    }

    static {
      isCrypto = (v) => typeof v === "object" && v !== null && #brand in v;
    }
  }
  finishInterface(Crypto, "Crypto");
  // The global `crypto` attribute is web-loader.js's; it returns this object.
  const publishGlobal = internals.publishGlobal;
  publishGlobal("Crypto", Crypto);
  internals.cryptoObject = new Crypto(construct);
  {
    const prev = internals.platformObjectKind;
    internals.platformObjectKind = (v) => (isCrypto(v) ? "Crypto" : prev?.(v));
  }
})
