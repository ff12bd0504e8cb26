// Encoding Standard §7.2 TextDecoder: UTF-8 (fatal, ignoreBOM, streaming) and UTF-16LE/BE; other labels throw.

test(() => {
  const d = new TextDecoder();
  assert_equals(d.encoding, "utf-8");
  assert_false(d.fatal);
  assert_false(d.ignoreBOM);
  assert_equals(d.decode(), "");
  assert_equals(d.decode(new Uint8Array([0x68, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80])), "h\u00e9\u20ac\u{1F600}");
}, "Defaults; decodes 1- to 4-byte sequences");

test(() => {
  for (const label of ["utf8", " UTF-8\n", "unicode-1-1-utf-8", "x-unicode20utf8"]) assert_equals(new TextDecoder(label).encoding, "utf-8", label);
  for (const label of ["utf-16", "UTF-16LE", "ucs-2", "unicode"]) assert_equals(new TextDecoder(label).encoding, "utf-16le", label);
  for (const label of ["utf-16be", "unicodefffe"]) assert_equals(new TextDecoder(label).encoding, "utf-16be", label);
  for (const label of ["latin1", "utf-32", "replacement", "", "utf\u00a08"]) assert_throws_js(RangeError, () => new TextDecoder(label), label);
}, "Labels: trimmed, case-insensitive; unsupported ones are a RangeError");

test(() => {
  const d = new TextDecoder();
  const cases = [
    [[0xff], "\ufffd"], [[0xc0, 0x80], "\ufffd\ufffd"], [[0xe0, 0x80, 0x80], "\ufffd\ufffd\ufffd"],
    [[0xed, 0xa0, 0x80], "\ufffd\ufffd\ufffd"], [[0xf4, 0x90, 0x80, 0x80], "\ufffd\ufffd\ufffd\ufffd"],
    [[0xe2, 0x82], "\ufffd"], [[0xe2, 0x82, 0x41], "\ufffdA"], [[0xf0, 0x9f, 0x98], "\ufffd"],
    [[0x61, 0x80, 0x62], "a\ufffdb"],
  ];
  for (const [bytes, expected] of cases) assert_equals(d.decode(new Uint8Array(bytes)), expected, bytes.join(","));
}, "Malformed UTF-8 gives U+FFFD per maximal subpart");

test(() => {
  const d = new TextDecoder("utf-8", { fatal: true });
  assert_true(d.fatal);
  assert_throws_js(TypeError, () => d.decode(new Uint8Array([0xff])));
  assert_throws_js(TypeError, () => d.decode(new Uint8Array([0xe2, 0x82])), "truncated at the end");
  assert_equals(d.decode(new Uint8Array([0x61])), "a", "usable after an error");
}, "fatal: errors throw TypeError");

test(() => {
  const bom = [0xef, 0xbb, 0xbf];
  assert_equals(new TextDecoder().decode(new Uint8Array([...bom, 0x61])), "a");
  assert_equals(new TextDecoder("utf-8", { ignoreBOM: true }).decode(new Uint8Array([...bom, 0x61])), "\ufeffa");
  assert_equals(new TextDecoder().decode(new Uint8Array([...bom, ...bom])), "\ufeff", "only the first BOM goes");
  assert_equals(new TextDecoder("utf-16le").decode(new Uint8Array([0xff, 0xfe, 0x61, 0x00])), "a");
  assert_equals(new TextDecoder("utf-16be").decode(new Uint8Array([0xfe, 0xff, 0x00, 0x61])), "a");
}, "BOM handling and ignoreBOM");

test(() => {
  const d = new TextDecoder();
  const bytes = [0xf0, 0x9f, 0x98, 0x80, 0xe2, 0x82, 0xac];
  let out = "";
  for (const b of bytes) out += d.decode(new Uint8Array([b]), { stream: true });
  out += d.decode();
  assert_equals(out, "\u{1F600}\u20ac");
  assert_equals(d.decode(new Uint8Array([0xe2]), { stream: true }), "");
  assert_equals(d.decode(), "\ufffd", "flushing an incomplete sequence");
  const s = new TextDecoder();
  assert_equals(s.decode(new Uint8Array([0xef, 0xbb]), { stream: true }), "");
  assert_equals(s.decode(new Uint8Array([0xbf, 0x62]), { stream: true }), "b", "a BOM split across chunks is still dropped");
}, "Streaming decode keeps partial sequences across calls");

test(() => {
  const le = new TextDecoder("utf-16le");
  assert_equals(le.decode(new Uint8Array([0x3d, 0xd8, 0x00, 0xde, 0x61, 0x00])), "\u{1F600}a");
  assert_equals(le.decode(new Uint8Array([0x00, 0xd8, 0x61, 0x00])), "\ufffda", "unpaired high surrogate");
  assert_equals(le.decode(new Uint8Array([0x00, 0xdc])), "\ufffd", "lone low surrogate");
  assert_equals(le.decode(new Uint8Array([0x61])), "\ufffd", "odd byte at the end");
  const be = new TextDecoder("utf-16be");
  assert_equals(be.decode(new Uint8Array([0xd8, 0x3d])  , { stream: true }), "");
  assert_equals(be.decode(new Uint8Array([0xde, 0x00])), "\u{1F600}");
  assert_throws_js(TypeError, () => new TextDecoder("utf-16le", { fatal: true }).decode(new Uint8Array([0x00, 0xdc])));
}, "UTF-16LE and UTF-16BE");

test(() => {
  const d = new TextDecoder();
  const buffer = new Uint8Array([0x78, 0x61, 0x62, 0x63, 0x78]).buffer;
  assert_equals(d.decode(buffer), "xabcx", "ArrayBuffer");
  assert_equals(d.decode(new DataView(buffer, 1, 3)), "abc", "DataView");
  assert_equals(d.decode(new Uint16Array(buffer, 0, 2)), "xabc", "other typed arrays: their bytes");
  assert_throws_js(TypeError, () => d.decode("abc"));
  assert_throws_js(TypeError, () => d.decode([1, 2]));
}, "Any BufferSource; other values throw");

test(() => {
  assert_throws_js(TypeError, () => TextDecoder.prototype.decode.call({}));
  assert_throws_js(TypeError, () => Object.getOwnPropertyDescriptor(TextDecoder.prototype, "encoding").get.call(new TextEncoder()));
  assert_equals(Object.prototype.toString.call(new TextDecoder()), "[object TextDecoder]");
  assert_equals(TextDecoder.length, 0);
  assert_true(Object.getOwnPropertyDescriptor(TextDecoder.prototype, "fatal").enumerable);
}, "TextDecoder is WebIDL-shaped");
