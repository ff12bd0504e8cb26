// Encoding Standard §7.4 TextEncoder: encode() and encodeInto().

test(() => {
  const e = new TextEncoder();
  assert_equals(e.encoding, "utf-8");
  assert_array_equals([...e.encode()], []);
  assert_array_equals([...e.encode("a\u00e9\u20ac\u{1F600}")], [0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]);
  assert_array_equals([...e.encode("\ud800x\udc00")], [0xef, 0xbf, 0xbd, 0x78, 0xef, 0xbf, 0xbd], "lone surrogates");
  assert_array_equals([...e.encode(12)], [0x31, 0x32], "ToString");
  assert_true(e.encode("x") instanceof Uint8Array);
}, "encode() gives UTF-8 bytes of a USVString");

test(() => {
  const e = new TextEncoder();
  const out = new Uint8Array(5);
  assert_object_equals(e.encodeInto("a\u20acb", out), { read: 3, written: 5 });
  assert_array_equals([...out], [0x61, 0xe2, 0x82, 0xac, 0x62]);
  const small = new Uint8Array(3);
  assert_object_equals(e.encodeInto("ab\u20ac", small), { read: 2, written: 2 }, "a sequence that does not fit is not cut");
  const four = new Uint8Array(4);
  assert_object_equals(e.encodeInto("\u{1F600}", four), { read: 2, written: 4 }, "read counts UTF-16 code units");
  const view = new Uint8Array(new ArrayBuffer(6), 2, 2);
  assert_object_equals(e.encodeInto("xyz", view), { read: 2, written: 2 });
  assert_throws_js(TypeError, () => e.encodeInto("x", new Uint16Array(2)));
  assert_throws_js(TypeError, () => e.encodeInto("x"));
}, "encodeInto() writes what fits and reports read/written");

test(() => {
  const long = "\u00e9".repeat(100000) + "x";
  const bytes = new TextEncoder().encode(long);
  assert_equals(bytes.length, 200001);
  assert_equals(new TextDecoder().decode(bytes), long, "round trip");
}, "A long string round-trips through TextEncoder and TextDecoder");

test(() => {
  assert_throws_js(TypeError, () => TextEncoder.prototype.encode.call({}, "x"));
  assert_equals(Object.prototype.toString.call(new TextEncoder()), "[object TextEncoder]");
  assert_true(Object.getOwnPropertyDescriptor(TextEncoder.prototype, "encodeInto").enumerable);
  assert_equals(TextEncoder.prototype.encodeInto.length, 2);
}, "TextEncoder is WebIDL-shaped");
