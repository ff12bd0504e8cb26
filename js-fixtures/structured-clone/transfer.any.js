// Transfer list: ArrayBuffer (moved, detached afterwards) and MessagePort; failures have no side effect.
// Modelled in part on web-platform-tests structured-clone-battery-of-tests-with-transferables.js.

test(() => {
  const buffer = new Uint8Array([1]).buffer;
  const copy = structuredClone(buffer, { transfer: [buffer] });
  assert_equals(buffer.byteLength, 0);
  assert_equals(copy.byteLength, 1);
}, "ArrayBuffer");

test(() => {
  const buffer = new ArrayBuffer(0);
  structuredClone(buffer, { transfer: [buffer] });
  assert_throws_dom("DataCloneError", () => structuredClone(buffer, { transfer: [buffer] }));
}, "A detached ArrayBuffer cannot be transferred");

test(() => {
  const buffer = new Uint8Array([1, 2, 3, 4]).buffer;
  const copy = structuredClone({ b: buffer, again: buffer }, { transfer: [buffer] });
  assert_true(buffer.detached, "detached");
  assert_equals(buffer.byteLength, 0);
  assert_equals(copy.b, copy.again, "one buffer in the copy");
  assert_array_equals(new Uint8Array(copy.b), [1, 2, 3, 4]);
  assert_not_equals(copy.b, buffer);
}, "Transferred buffer is detached and its bytes appear in the copy");

test(() => {
  const buffer = new ArrayBuffer(16);
  const u8 = new Uint8Array(buffer, 4, 8);
  const dv = new DataView(buffer, 2);
  u8[0] = 9;
  const copy = structuredClone({ u8, dv, buffer }, { transfer: [buffer] });
  assert_true(buffer.detached);
  assert_equals(u8.length, 0, "the original view sees a detached buffer");
  assert_equals(copy.u8.buffer, copy.buffer);
  assert_equals(copy.dv.buffer, copy.buffer);
  assert_equals(copy.u8.byteOffset, 4);
  assert_equals(copy.u8.length, 8);
  assert_equals(copy.dv.byteOffset, 2);
  assert_equals(copy.dv.byteLength, 14);
  assert_equals(copy.dv.getUint8(2), 9);
}, "Views of a transferred buffer point at the new buffer");

test(() => {
  const ta = new Float64Array([1.5, 2.5]);
  const copy = structuredClone(ta, { transfer: [ta.buffer] });
  assert_true(copy instanceof Float64Array);
  assert_array_equals(copy, [1.5, 2.5]);
  assert_equals(ta.length, 0);
}, "Transfer the buffer of a TypedArray that is cloned");

test(() => {
  const buffer = new ArrayBuffer(8, { maxByteLength: 64 });
  new Uint8Array(buffer)[7] = 7;
  const tracking = new Uint8Array(buffer);
  const copy = structuredClone({ buffer, tracking }, { transfer: [buffer] });
  assert_true(buffer.detached);
  assert_true(copy.buffer.resizable, "resizable kept");
  assert_equals(copy.buffer.maxByteLength, 64, "maxByteLength kept");
  assert_equals(copy.buffer.byteLength, 8);
  assert_equals(copy.tracking[7], 7);
  copy.buffer.resize(32);
  assert_equals(copy.tracking.length, 32, "length-tracking view kept");
}, "Resizable ArrayBuffer keeps maxByteLength when transferred");

test(() => {
  const a = new ArrayBuffer(1), b = new ArrayBuffer(2);
  const copy = structuredClone(1, { transfer: [a, b] });
  assert_equals(copy, 1);
  assert_true(a.detached, "buffers not in the value are still transferred");
  assert_true(b.detached);
}, "Buffers in the transfer list but not in the value are detached");

test(() => {
  const buffer = new ArrayBuffer(4);
  let e;
  assert_throws_dom("DataCloneError", () => {
    try {
      structuredClone(buffer, { transfer: [buffer, buffer] });
    } catch (error) {
      e = error;
      throw error;
    }
  });
  assert_false(buffer.detached, "nothing detached");
  assert_true(e.message.length > 0);
}, "Duplicate ArrayBuffer in the transfer list");

test(() => {
  const a = new ArrayBuffer(4), detached = new ArrayBuffer(1);
  detached.transfer();
  assert_throws_dom("DataCloneError", () => structuredClone(a, { transfer: [a, detached] }));
  assert_false(a.detached, "the valid buffer is not detached");
  assert_equals(a.byteLength, 4);
}, "A detached entry makes the whole transfer fail without side effect");

test(() => {
  for (const value of [{}, [], new Uint8Array(1), new Map(), function f() {}, new Date()]) {
    const buffer = new ArrayBuffer(1);
    assert_throws_dom("DataCloneError", () => structuredClone(1, { transfer: [buffer, value] }), String(value));
    assert_false(buffer.detached);
  }
}, "Transferring a non-transferable object fails");

test(() => {
  const buffer = new ArrayBuffer(1);
  const view = new Uint8Array(buffer);
  assert_throws_dom("DataCloneError", () => structuredClone(view, { transfer: [view] }));
  assert_false(buffer.detached);
}, "A TypedArray is not transferable (its buffer is)");

test(() => {
  const buffer = new ArrayBuffer(8);
  const err = new Error("getter");
  const value = { buffer, get bad() { throw err; } };
  assert_throws_exactly(err, () => structuredClone(value, { transfer: [buffer] }));
  assert_false(buffer.detached, "buffer must not be detached");
  assert_equals(buffer.byteLength, 8);
}, "A throwing getter after a buffer in the transfer list: nothing is detached");

test(() => {
  const buffer = new ArrayBuffer(8);
  assert_throws_dom("DataCloneError", () => structuredClone({ buffer, f() {} }, { transfer: [buffer] }));
  assert_false(buffer.detached);
}, "A non-serializable value with a buffer in the transfer list: nothing is detached");

test(() => {
  const buffer = new ArrayBuffer(8);
  const other = new ArrayBuffer(4);
  const value = { get x() { other.transfer(); return 1; } };
  assert_throws_dom("DataCloneError", () => structuredClone(value, { transfer: [buffer, other] }));
  assert_false(buffer.detached, "detached check runs before anything is detached");
}, "A buffer detached by a getter during cloning makes the transfer fail");

test(() => {
  const buffer = new ArrayBuffer(4);
  const copy = structuredClone(new Uint8Array(buffer), { transfer: [buffer] });
  copy[0] = 5;
  assert_equals(copy.buffer.byteLength, 4);
  assert_true(buffer.detached);
}, "Transferring the only buffer of a cloned view");

if (typeof MessageChannel === "function") {
  test(() => {
    const { port1 } = new MessageChannel();
    const copy = structuredClone(port1, { transfer: [port1] });
    assert_true(copy instanceof MessagePort);
    assert_not_equals(copy, port1);
  }, "MessagePort can be transferred");

  test(() => {
    const { port1 } = new MessageChannel();
    structuredClone(port1, { transfer: [port1] });
    assert_throws_dom("DataCloneError", () => structuredClone(port1, { transfer: [port1] }));
  }, "A detached platform object cannot be transferred");

  test(() => {
    const { port1, port2 } = new MessageChannel();
    const copy = structuredClone({ a: port1, b: [port1], c: port2 }, { transfer: [port2, port1] });
    assert_true(copy.a instanceof MessagePort);
    assert_equals(copy.b[0], copy.a, "the same port twice is one port in the copy");
    assert_not_equals(copy.c, copy.a);
    assert_not_equals(copy.a, port1);
  }, "MessagePorts inside the value are replaced by the transferred ports");

  test(() => {
    const { port1 } = new MessageChannel();
    assert_throws_dom("DataCloneError", () => structuredClone(1, { transfer: [port1, port1] }));
    const copy = structuredClone(port1, { transfer: [port1] });
    assert_true(copy instanceof MessagePort, "port still usable after the failed attempt");
  }, "Duplicate MessagePort in the transfer list; no side effect");

  test(() => {
    const { port1 } = new MessageChannel();
    const buffer = new ArrayBuffer(2);
    const value = { port1, buffer, get boom() { throw new SyntaxError("x"); } };
    assert_throws_js(SyntaxError, () => structuredClone(value, { transfer: [port1, buffer] }));
    assert_false(buffer.detached);
    const copy = structuredClone(port1, { transfer: [port1] });
    assert_true(copy instanceof MessagePort, "port was not shipped by the failed clone");
  }, "A failed clone leaves ports and buffers untouched");
}

test(() => {
  const moved = new Uint8Array([1, 2]).buffer;
  const copied = new Uint8Array([3, 4]).buffer;
  const c = structuredClone({ moved, copied, view: new Uint8Array(copied, 1) }, { transfer: [moved] });
  assert_true(moved.detached);
  assert_false(copied.detached);
  assert_array_equals(new Uint8Array(c.moved), [1, 2]);
  assert_array_equals(new Uint8Array(c.copied), [3, 4]);
  assert_equals(c.view.buffer, c.copied);
  new Uint8Array(copied)[0] = 9;
  assert_equals(new Uint8Array(c.copied)[0], 3, "the copied buffer is independent");
}, "Transferred and copied buffers in one value");
