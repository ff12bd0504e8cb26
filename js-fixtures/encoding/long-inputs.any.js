// Long inputs (jshost decodes and encodes inputs of 256 bytes or more natively): the same results as short ones.

const pad = "x".repeat(300);
function bytes(...parts) {
  const out = [];
  for (const p of parts) {
    if (typeof p === "string") for (const b of new TextEncoder().encode(p)) out.push(b);
    else out.push(...p);
  }
  return new Uint8Array(out);
}

test(() => {
  const d = new TextDecoder();
  assert_equals(d.decode(bytes(pad, [0xff], pad)), pad + "\ufffd" + pad);
  assert_equals(d.decode(bytes(pad, [0xe2, 0x82], pad)), pad + "\ufffd" + pad, "truncated 3-byte sequence");
  assert_equals(d.decode(bytes(pad, [0xed, 0xa0, 0x80])), pad + "\ufffd\ufffd\ufffd", "encoded surrogate");
  assert_equals(d.decode(bytes(pad, [0xf0, 0x9f, 0x98])), pad + "\ufffd", "cut at the end");
  assert_equals(d.decode(bytes(pad, [0xc0, 0x80])), pad + "\ufffd\ufffd", "overlong");
  assert_equals(d.decode(bytes(pad, "\u00e9\u20ac\u{1F600}")), pad + "\u00e9\u20ac\u{1F600}");
  assert_equals(d.decode(bytes(pad, [0], pad)), pad + "\0" + pad, "NUL bytes are kept");
}, "Malformed and well-formed long UTF-8");

test(() => {
  const d = new TextDecoder("utf-8", { fatal: true });
  assert_throws_js(TypeError, () => d.decode(bytes(pad, [0x80])));
  assert_throws_js(TypeError, () => d.decode(bytes(pad, [0xe2, 0x82])));
  assert_equals(d.decode(bytes(pad, "\u00e9")), pad + "\u00e9");
}, "fatal on long inputs");

test(() => {
  const bom = [0xef, 0xbb, 0xbf];
  assert_equals(new TextDecoder().decode(bytes(bom, pad)), pad);
  assert_equals(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes(bom, pad)), "\ufeff" + pad);
  const d = new TextDecoder();
  assert_equals(d.decode(bytes(bom, pad), { stream: true }) + d.decode(bytes(bom, "y")), pad + "\ufeffy", "streaming: only the first BOM goes");
}, "BOM on long inputs");

test(() => {
  const e = new TextEncoder();
  const s = pad + "\u00e9\ud800\u{1F600}\udc00" + pad;
  const encoded = e.encode(s);
  assert_array_equals([...encoded.subarray(300, 300 + 2 + 3 + 4 + 3)],
    [0xc3, 0xa9, 0xef, 0xbf, 0xbd, 0xf0, 0x9f, 0x98, 0x80, 0xef, 0xbf, 0xbd]);
  assert_equals(encoded.length, 600 + 12);
  assert_equals(new TextDecoder().decode(encoded), pad + "\u00e9\ufffd\u{1F600}\ufffd" + pad);
  const transferred = encoded.buffer.transfer();
  assert_true(encoded.buffer.detached, "the result's buffer can be transferred (it is not pinned)");
  assert_equals(transferred.byteLength, 612);
}, "Long strings encode the same way; the result is an ordinary buffer");

promise_test(async () => {
  const s = "\u00e9".repeat(1000);
  const blob = new Blob([s]);
  assert_equals(blob.size, 2000);
  assert_equals(await blob.text(), s);
}, "Blob parts and text() go through the same codec");

test(() => {
  const input = bytes(pad, "abc");
  const buffer = input.buffer;
  new TextDecoder().decode(input);
  const moved = buffer.transfer();
  assert_true(buffer.detached, "decoding did not pin the caller's buffer");
  assert_equals(moved.byteLength, 303);
}, "Decoding does not pin the caller's buffer");

test(() => {
  const e = new TextEncoder();
  const s = "abcdefgh\u20ac\u{1F600}xyz";
  const cases = [[0, 0, 0], [8, 8, 8], [9, 8, 8], [10, 8, 8], [11, 9, 11], [14, 9, 11], [15, 11, 15], [18, 14, 18], [40, 14, 18]];
  for (const [room, read, written] of cases) {
    const out = new Uint8Array(room);
    assert_object_equals(e.encodeInto(s, out), { read, written }, `room ${room}`);
    assert_array_equals([...out.subarray(0, written)], [...e.encode(s).subarray(0, written)]);
  }
  const lone = new Uint8Array(30);
  assert_object_equals(e.encodeInto("abcdefgh\ud800ij", lone), { read: 11, written: 13 }, "a lone surrogate is 3 bytes of U+FFFD");
}, "encodeInto of longer strings stops at whole sequences");

// ASCII inputs take a path of their own (one copy into a one-byte engine string, checked in blocks of 4 KiB,
// tried when the first KiB is ASCII); a non-ASCII byte anywhere sends the whole input to the decoder.
test(() => {
  const size = 3 * 4096 + 100;
  const ascii = new Uint8Array(size);
  for (let i = 0; i < size; i++) ascii[i] = i % 128;
  let expected = "";
  for (let i = 0; i < size; i++) expected += String.fromCharCode(i % 128);
  const d = new TextDecoder();
  assert_equals(d.decode(ascii), expected, "every ASCII value, NUL included");
  for (const at of [0, 7, 8, 1023, 1024, 4095, 4096, 8191, 8192, size - 1]) {
    const input = ascii.slice();
    input[at] = 0xff;
    assert_equals(d.decode(input), expected.slice(0, at) + "\ufffd" + expected.slice(at + 1), `0xFF at ${at}`);
    assert_throws_js(TypeError, () => new TextDecoder("utf-8", { fatal: true }).decode(input), `fatal, 0xFF at ${at}`);
    input[at] = 0xc3;
    if (at + 1 < size) {
      input[at + 1] = 0xa9;
      assert_equals(d.decode(input), expected.slice(0, at) + "\u00e9" + expected.slice(at + 2), `U+00E9 at ${at}`);
    }
  }
  assert_equals(ascii[0], 0, "the input is left as it was");
  assert_true(ascii.buffer.transfer() instanceof ArrayBuffer, "the input's buffer is not pinned");
}, "Long ASCII inputs, and a non-ASCII byte at each block edge");

test(() => {
  const d = new TextDecoder();
  const big = new Uint8Array(1 << 20).fill(0x61);
  const s = d.decode(big);
  assert_equals(s.length, 1 << 20);
  assert_equals(s, "a".repeat(1 << 20));
  assert_equals(typeof s, "string");
  const subarray = big.subarray(5, 5 + 2000);
  assert_equals(d.decode(subarray), "a".repeat(2000), "a view at an offset");
  assert_equals(d.decode(new DataView(big.buffer, 10, 3000)), "a".repeat(3000), "a DataView");
}, "A 1 MiB ASCII input");

// Well-formed text that is not ASCII is measured, then decoded straight into a string of its exact length, in
// blocks of 32 and 64 bytes where the CPU allows; each sequence length must come out right at every offset.
test(() => {
  const e = new TextEncoder(), d = new TextDecoder();
  const filler = "abc\u00e9abc\u20ac".repeat(60);
  for (const special of ["\u0080", "\u00e9", "\u07ff", "\u0800", "\u20ac", "\ud7ff", "\ue000", "\uffff", "\u{10000}", "\u{1F600}", "\u{10FFFF}"]) {
    for (let k = 0; k < 70; k++) {
      const s = "x".repeat(k) + special + filler + special + "y".repeat(k);
      const got = d.decode(e.encode(s));
      if (got !== s) assert_equals(got, s, `${escape(special)} after ${k} ASCII bytes`);
    }
  }
  const all = [];
  for (let c = 0x80; c < 0x3000; c += 7) all.push(String.fromCharCode(c));
  const text = all.join("") + "\u{1F600}".repeat(100) + all.join("");
  assert_equals(d.decode(e.encode(text)), text, "a wide range of code points, surrogate pairs in the middle");
}, "Long mixed text decodes at its exact length, every sequence length at every offset");

test(() => {
  const d = new TextDecoder();
  const text = "abc\u00e9abc\u20ac".repeat(500);
  const encoded = new TextEncoder().encode(text);
  for (const at of [0, 1, 31, 32, 33, 63, 64, 65, 1000, encoded.length - 1]) {
    const input = encoded.slice();
    const was = input[at];
    input[at] = 0xff;
    const decoded = d.decode(input);
    assert_true(decoded.includes("\ufffd"), `0xFF at ${at} became U+FFFD`);
    assert_throws_js(TypeError, () => new TextDecoder("utf-8", { fatal: true }).decode(input), `fatal, 0xFF at ${at}`);
    input[at] = was;
  }
}, "Long mixed text with an error anywhere takes the Encoding Standard decoder");

test(() => {
  // Script can run inside decode() (a getter it put on %TypedArray%.prototype) and shrink a resizable buffer
  // under a fixed-length view: the decoder must then read nothing that is no longer there.
  const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
  const saved = Object.getOwnPropertyDescriptor(TypedArrayPrototype, "length");
  const buffer = new ArrayBuffer(1 << 16, { maxByteLength: 1 << 20 });
  new Uint8Array(buffer).fill(0x62);
  let armed = true;
  Object.defineProperty(TypedArrayPrototype, "length", { configurable: true, get() {
    if (this.buffer !== buffer) return saved.get.call(this);
    if (armed) { armed = false; buffer.resize(16); }
    return 1 << 16; // (and lies about it)
  } });
  let result;
  try {
    result = new TextDecoder().decode(new Uint8Array(buffer, 0, 1 << 16));
  } catch (e) {
    result = e;
  } finally {
    Object.defineProperty(TypedArrayPrototype, "length", saved);
  }
  assert_false(armed, "the getter ran");
  if (typeof result === "string") {
    assert_less_than_equal(result.length, 16, "no more than the bytes that are left");
  } else {
    assert_true(result instanceof TypeError, `a TypeError, not ${result}`);
  }
}, "A buffer shrunk by script during decode() is not read past its end");

// Strings the engine keeps as one-byte characters are encoded from where they are; every other string
// through UTF-16. Both must give the UTF-8 a plain encoder gives, in an ordinary, transferable Uint8Array.
function referenceUTF8(s) {
  const out = [];
  for (const ch of s) {
    let c = ch.codePointAt(0);
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | c >> 6, 0x80 | c & 63);
    else if (c < 0x10000) out.push(0xe0 | c >> 12, 0x80 | c >> 6 & 63, 0x80 | c & 63);
    else out.push(0xf0 | c >> 18, 0x80 | c >> 12 & 63, 0x80 | c >> 6 & 63, 0x80 | c & 63);
  }
  return out;
}
function sameBytes(actual, expected, label) {
  assert_true(actual instanceof Uint8Array, `${label}: a Uint8Array`);
  assert_equals(actual.length, expected.length, `${label}: length`);
  for (let i = 0; i < expected.length; i++) {
    if (actual[i] !== expected[i]) assert_equals(actual[i], expected[i], `${label}: byte ${i}`);
  }
}

test(() => {
  const e = new TextEncoder();
  let latin1 = "";
  for (let c = 0; c < 256; c++) latin1 += String.fromCharCode(c);
  const cases = {
    "ASCII": "abcdefgh".repeat(5000) + "xyz",
    "Latin-1, every character": latin1.repeat(40),
    "Latin-1 mostly ASCII": ("abcdefghijklmno" + "\u00e9").repeat(700),
    "a rope": "abc".repeat(1000) + "\u00ff" + "d".repeat(777),
    "a substring": ("0123456789\u00fc").repeat(500).slice(3, 4003),
    "two-byte": "abc\u20ac\u{1F600}\ud800x".repeat(500),
    "two-byte characters that are all Latin-1": "\u0100abcdefghij\u00e9klmnopqrstuvwxyz\u00ff0123456789".slice(1),
  };
  for (const [label, s] of Object.entries(cases)) {
    const encoded = e.encode(s);
    sameBytes(encoded, referenceUTF8(s), label);
    assert_equals(Object.getPrototypeOf(encoded), Uint8Array.prototype, `${label}: this realm's Uint8Array`);
    assert_equals(encoded.byteOffset, 0);
    assert_equals(encoded.buffer.byteLength, encoded.length, `${label}: a buffer of its own, exactly as long`);
    const moved = encoded.buffer.transfer();
    assert_true(encoded.buffer.detached, `${label}: its buffer can be transferred (it is not pinned)`);
    assert_equals(moved.byteLength, referenceUTF8(s).length);
  }
}, "Long strings of every kind encode to the UTF-8 a plain encoder gives, in a Uint8Array of their own");

test(() => {
  // The species protocol is script's to change: the encoder's own copies must not consult it.
  let speciesReads = 0;
  const saved = Object.getOwnPropertyDescriptor(Uint8Array.prototype, "constructor");
  class Spy extends Uint8Array { static get [Symbol.species]() { speciesReads++; return Uint8Array; } }
  Object.defineProperty(Uint8Array.prototype, "constructor", { configurable: true, writable: true, value: Spy });
  try {
    const e = new TextEncoder();
    for (const s of ["abcdefgh".repeat(100), "\u20ac\u{1F600}".repeat(100), "\u00e9".repeat(100)]) {
      sameBytes(e.encode(s), referenceUTF8(s), "encode");
      const into = new Uint8Array(4 * s.length);
      e.encodeInto(s, into);
    }
  } finally {
    Object.defineProperty(Uint8Array.prototype, "constructor", saved);
  }
  assert_equals(speciesReads, 0);
}, "Encoding long strings does not consult Symbol.species");
