// atob() and btoa() (HTML §8.3 "Base64 utility methods"), with the Infra Standard's forgiving-base64 decode.
// Also published for other modules: internals.base64Decode(string) → Uint8Array or null (failure).
(function (ops, internals, global) {
  "use strict";
  // Intrinsics as they were before any user code ran (this module is loaded on first use; web-loader.js).
  const {
    ReflectApply, ObjectDefineProperty, StringFromCharCode, StringPrototypeCharCodeAt, TypedArraySubarray,
    Uint8ArrayCtor, Int8ArrayCtor,
  } = internals.capturedBuiltins;

  const { toDOMString, notEnoughArguments } = internals.webIdl;

  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const sextets = new Int8ArrayCtor(128); // code unit → 6-bit value, -1 when not in the alphabet
  for (let i = 0; i < 128; i++) sextets[i] = -1;
  const letters = new Uint8ArrayCtor(64);
  for (let i = 0; i < 64; i++) {
    const c = ReflectApply(StringPrototypeCharCodeAt, alphabet, [i]);
    sextets[c] = i;
    letters[i] = c;
  }
  const isASCIIWhitespace = (c) => c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d || c === 0x20;

  function prefix(name) {
    return `Failed to execute '${name}' on '${ops.globalName}': `;
  }

  // Infra "forgiving-base64 decode": bytes, or null for failure.
  function base64Decode(s) {
    const n = s.length;
    const values = new Uint8ArrayCtor(n);
    let count = 0;
    for (let i = 0; i < n; i++) {
      const c = ReflectApply(StringPrototypeCharCodeAt, s, [i]);
      if (isASCIIWhitespace(c)) continue;
      values[count++] = c < 128 ? c : 0; // 0 is not in the alphabet either
    }
    // Up to two "=" at the end, only when they complete a group of four.
    if (count % 4 === 0 && count > 0 && values[count - 1] === 0x3d) {
      count--;
      if (values[count - 1] === 0x3d) count--;
    }
    if (count % 4 === 1) return null;
    const out = new Uint8ArrayCtor((count * 3) >> 2);
    let buffer = 0, bits = 0, o = 0;
    for (let i = 0; i < count; i++) {
      const v = sextets[values[i]];
      if (v < 0) return null;
      buffer = (buffer << 6) | v;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out[o++] = (buffer >> bits) & 0xff;
      }
    }
    return o === out.length ? out : ReflectApply(TypedArraySubarray, out, [0, o]);
  }
  internals.base64Decode = base64Decode;

  const CHUNK = 8192;
  function bytesToLatin1(bytes) {
    let out = "";
    for (let i = 0; i < bytes.length; i += CHUNK) {
      out += ReflectApply(StringFromCharCode, null, ReflectApply(TypedArraySubarray, bytes, [i, i + CHUNK]));
    }
    return out;
  }
  internals.bytesToLatin1 = bytesToLatin1;

  function base64Encode(bytes) {
    const n = bytes.length;
    const out = new Uint8ArrayCtor(((n + 2) / 3 | 0) * 4);
    let o = 0, i = 0;
    for (; i + 2 < n; i += 3) {
      const v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
      out[o++] = letters[v >> 18]; out[o++] = letters[(v >> 12) & 63];
      out[o++] = letters[(v >> 6) & 63]; out[o++] = letters[v & 63];
    }
    if (i < n) {
      const v = (bytes[i] << 16) | (i + 1 < n ? bytes[i + 1] << 8 : 0);
      out[o++] = letters[v >> 18]; out[o++] = letters[(v >> 12) & 63];
      out[o++] = i + 1 < n ? letters[(v >> 6) & 63] : 0x3d;
      out[o++] = 0x3d;
    }
    return bytesToLatin1(out);
  }
  internals.base64Encode = base64Encode;

  const functions = {
    atob(data) {
      if (arguments.length < 1) throw notEnoughArguments(prefix("atob"), 1, 0);
      const bytes = base64Decode(toDOMString(data, prefix("atob")));
      if (bytes === null) {
        throw internals.makeDOMException(`${prefix("atob")}The string to be decoded is not correctly encoded.`, "InvalidCharacterError");
      }
      return bytesToLatin1(bytes);
    },
    btoa(data) {
      if (arguments.length < 1) throw notEnoughArguments(prefix("btoa"), 1, 0);
      const s = toDOMString(data, prefix("btoa"));
      const n = s.length;
      const bytes = new Uint8ArrayCtor(n);
      for (let i = 0; i < n; i++) {
        const c = ReflectApply(StringPrototypeCharCodeAt, s, [i]);
        if (c > 0xff) {
          throw internals.makeDOMException(`${prefix("btoa")}The string to be encoded contains characters outside of the Latin1 range.`, "InvalidCharacterError");
        }
        bytes[i] = c;
      }
      return base64Encode(bytes);
    },
  };
  // web-loader.js installs the global atob/btoa, which call these.
  internals.atob = functions.atob;
  internals.btoa = functions.btoa;
  if (internals.publishGlobal === undefined) {
    for (const name of ["atob", "btoa"]) {
      ObjectDefineProperty(global, name, { value: functions[name], writable: true, enumerable: true, configurable: true });
    }
  }
})
