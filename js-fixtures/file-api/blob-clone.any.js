// HTML §2.7 serializable objects: Blob and File survive structuredClone and postMessage within an agent
// (their bytes are shared, not copied); a Blob in a transfer list is a DataCloneError.

promise_test(async () => {
  const b = new Blob(["hello"], { type: "text/plain" });
  const c = structuredClone(b);
  assert_not_equals(c, b);
  assert_true(c instanceof Blob);
  assert_false(c instanceof File);
  assert_equals(c.size, 5);
  assert_equals(c.type, "text/plain");
  assert_equals(await c.text(), "hello");
}, "structuredClone(blob)");

promise_test(async () => {
  const f = new File(["abc"], "a.txt", { type: "text/x", lastModified: 123 });
  const c = structuredClone({ f, again: f, slice: f.slice(1) });
  assert_true(c.f instanceof File);
  assert_equals(c.f, c.again, "identity is kept inside one clone");
  assert_equals(c.f.name, "a.txt");
  assert_equals(c.f.lastModified, 123);
  assert_equals(c.f.type, "text/x");
  assert_equals(await c.slice.text(), "bc");
}, "structuredClone keeps File name, lastModified and identity within the graph");

promise_test(async () => {
  const b = new Blob(["via port"], { type: "a/b" });
  const f = new File(["file"], "f", { lastModified: 5 });
  const { port1, port2 } = new MessageChannel();
  const received = new Promise((resolve) => { port2.onmessage = (e) => resolve(e.data); });
  port1.postMessage({ b, f, list: [b] });
  const data = await received;
  port1.close();
  assert_true(data.b instanceof Blob);
  assert_equals(data.list[0], data.b);
  assert_equals(await data.b.text(), "via port");
  assert_equals(data.b.type, "a/b");
  assert_true(data.f instanceof File);
  assert_equals(data.f.name, "f");
  assert_equals(data.f.lastModified, 5);
}, "postMessage carries Blob and File");

test(() => {
  const b = new Blob(["x"]);
  assert_throws_dom("DataCloneError", () => structuredClone(b, { transfer: [b] }));
  const { port1 } = new MessageChannel();
  assert_throws_dom("DataCloneError", () => port1.postMessage(b, [b]));
  port1.close();
}, "A Blob in a transfer list is a DataCloneError");

promise_test(async () => {
  const buffer = new ArrayBuffer(4);
  const b = new Blob(["blob"]);
  const c = structuredClone({ b, buffer }, { transfer: [buffer] });
  assert_equals(buffer.byteLength, 0, "the buffer was transferred");
  assert_equals(c.buffer.byteLength, 4);
  assert_equals(await c.b.text(), "blob");
}, "A Blob beside a transferred ArrayBuffer");
