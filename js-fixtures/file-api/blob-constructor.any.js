// File API §3.1: the Blob constructor (parts, options), size, type, and the WebIDL shape of the interface.

test(() => {
  const b = new Blob();
  assert_equals(b.size, 0);
  assert_equals(b.type, "");
  assert_equals(Object.prototype.toString.call(b), "[object Blob]");
  assert_equals(String(b), "[object Blob]");
}, "new Blob() is empty, with an empty type");

promise_test(async () => {
  const inner = new Blob(["xyz"]);
  const b = new Blob(["h\u00e9", new Uint8Array([65, 66]), new Uint16Array([0x4443]).buffer, new DataView(new Uint8Array([69]).buffer), inner]);
  assert_equals(b.size, 3 + 2 + 2 + 1 + 3);
  assert_equals(await b.text(), "h\u00e9ABCDExyz");
}, "Parts of strings (UTF-8), typed arrays, ArrayBuffers, DataViews and Blobs are concatenated");

promise_test(async () => {
  const b = new Blob(["a\ud800b"]);
  assert_array_equals([...new Uint8Array(await b.arrayBuffer())], [0x61, 0xef, 0xbf, 0xbd, 0x62]);
}, "A lone surrogate in a string part becomes U+FFFD (USVString)");

promise_test(async () => {
  const bytes = new Uint8Array([1, 2, 3]);
  const b = new Blob([bytes]);
  bytes[0] = 9;
  assert_array_equals([...await b.bytes()], [1, 2, 3]);
}, "The bytes of a buffer part are copied when the Blob is made");

promise_test(async () => {
  const b = new Blob([{ toString() { return "obj"; } }, 12, null]);
  assert_equals(await b.text(), "obj12null");
}, "Other parts are converted with ToString");

test(() => {
  assert_equals(new Blob([], { type: "Text/HTML;Charset=UTF-8" }).type, "text/html;charset=utf-8");
  assert_equals(new Blob([], { type: "text/\u00e9" }).type, "", "non-ASCII");
  assert_equals(new Blob([], { type: "a\u0019b" }).type, "", "control character");
}, "type is lowercased, and dropped when not printable ASCII");

promise_test(async () => {
  assert_equals(await new Blob(["a\r\nb\rc\n"], { endings: "native" }).text(), "a\nb\nc\n");
  assert_equals(await new Blob(["a\r\nb"], { endings: "transparent" }).text(), "a\r\nb");
  assert_throws_js(TypeError, () => new Blob([], { endings: "other" }));
}, "endings: native turns line breaks into \\n; other values throw");

test(() => {
  const order = [];
  new Blob([], { get type() { order.push("type"); return ""; }, get endings() { order.push("endings"); return "native"; } });
  assert_array_equals(order, ["endings", "type"]);
}, "BlobPropertyBag members are read in lexicographic order");

test(() => {
  assert_throws_js(TypeError, () => new Blob("abc"), "a string is not a sequence");
  assert_throws_js(TypeError, () => new Blob(5));
  assert_throws_js(TypeError, () => new Blob({}), "no @@iterator");
  assert_throws_js(TypeError, () => new Blob([], 5), "options not a dictionary");
  assert_throws_js(TypeError, () => Blob([]), "called without new");
}, "Bad arguments throw TypeError");

test(() => {
  const b = new Blob(["abc"]);
  assert_equals(new Blob([b, b]).size, 6);
  const desc = Object.getOwnPropertyDescriptor(Blob.prototype, "size");
  assert_true(desc.enumerable && desc.configurable && typeof desc.get === "function" && desc.set === undefined);
  assert_throws_js(TypeError, () => desc.get.call({}));
  assert_equals(Blob.length, 0);
  assert_equals(Blob.name, "Blob");
  for (const name of ["slice", "text", "arrayBuffer", "bytes"]) {
    assert_true(Object.getOwnPropertyDescriptor(Blob.prototype, name).enumerable, name);
  }
  assert_false("stream" in Blob.prototype, "no stream() without ReadableStream");
}, "Blob is WebIDL-shaped: enumerable accessors, brand checks, length");

promise_test(async (t) => {
  await promise_rejects_js(t, TypeError, Blob.prototype.text.call({}));
  await promise_rejects_js(t, TypeError, Blob.prototype.arrayBuffer.call(null));
}, "text()/arrayBuffer() on a non-Blob reject instead of throwing");

class MyBlob extends Blob {}
test(() => {
  const b = new MyBlob(["x"]);
  assert_true(b instanceof MyBlob);
  assert_equals(b.size, 1);
}, "Blob can be subclassed");

promise_test(async () => {
  const buffer = new ArrayBuffer(8);
  const view = new Uint8Array(buffer, 2, 4);
  structuredClone(buffer, { transfer: [buffer] });
  assert_equals(new Blob([buffer]).size, 0, "a detached ArrayBuffer holds no bytes");
  assert_equals(new Blob([view, "x"]).size, 1, "a view of a detached buffer holds no bytes");
  assert_equals(new TextDecoder().decode(view), "");
  assert_equals(await new Response(buffer).text(), "");
}, "Detached buffers read as empty (WebIDL: get a copy of the bytes held by the buffer source)");
