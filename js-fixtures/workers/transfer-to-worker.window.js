// ArrayBuffers in a transfer list to a worker (HTML StructuredSerializeWithTransfer). The commonest shapes (a
// plain object of primitives and transferred buffers, or one transferred buffer) take a direct path in
// clone-wire.js; everything here must come out exactly as the general path brings it, and nothing script can
// observe (a getter, a proxy trap, a toStringTag) may run more or less often than there.

// The worker describes what it got: every own key in order, with its kind and value (buffers by length and
// first byte, and which keys hold the same buffer), then sends it all back, buffers transferred.
const DESCRIBE = `
  onmessage = (e) => {
    const d = e.data;
    const buffers = [];
    const describe = (v) => {
      if (v instanceof ArrayBuffer) {
        let index = buffers.indexOf(v);
        if (index === -1) { index = buffers.length; buffers.push(v); }
        return { kind: "buffer", length: v.byteLength, first: v.byteLength ? new Uint8Array(v)[0] : -1, index };
      }
      if (typeof v === "bigint") return { kind: "bigint", text: String(v) };
      if (typeof v === "number") return { kind: "number", text: Object.is(v, -0) ? "-0" : String(v) };
      if (typeof v === "object" && v !== null) return { kind: Object.prototype.toString.call(v) };
      return { kind: typeof v, value: v };
    };
    const shape = d instanceof ArrayBuffer ? describe(d)
      : Object.keys(d).map((k) => [k, describe(d[k]), Object.getPrototypeOf(d) === Object.prototype]);
    postMessage({ shape, data: d }, buffers);
  };
`;

function describeWorker() {
  return new Worker("data:text/javascript," + encodeURIComponent(DESCRIBE));
}
function reply(worker, message, transfer) {
  return new Promise((resolve, reject) => {
    worker.onmessage = (e) => resolve(e.data);
    worker.onmessageerror = () => reject(new Error("messageerror"));
    worker.postMessage(message, transfer);
  });
}
function filled(length, byte) {
  return new Uint8Array(length).fill(byte).buffer;
}

promise_test(async () => {
  const worker = describeWorker();
  const a = filled(1024, 7), b = filled(16, 9), unused = filled(8, 1);
  const message = { name: "frame", a, count: 3, ok: true, none: null, missing: undefined, big: 12345678901234567890n,
                    neg: -0, nan: NaN, inf: -Infinity, text: "\u00e9\u{1F600}", b };
  const { shape, data } = await reply(worker, message, [b, unused, a]);
  assert_true(a.detached && b.detached && unused.detached, "every buffer of the list is detached, even one not in the message");
  assert_array_equals(shape.map((entry) => entry[0]), Object.keys(message), "keys in order");
  const kinds = Object.fromEntries(shape.map(([key, description]) => [key, description]));
  assert_object_equals(kinds.a, { kind: "buffer", length: 1024, first: 7, index: 0 });
  assert_object_equals(kinds.b, { kind: "buffer", length: 16, first: 9, index: 1 });
  assert_object_equals(kinds.count, { kind: "number", text: "3" });
  assert_object_equals(kinds.neg, { kind: "number", text: "-0" });
  assert_object_equals(kinds.nan, { kind: "number", text: "NaN" });
  assert_object_equals(kinds.inf, { kind: "number", text: "-Infinity" });
  assert_object_equals(kinds.big, { kind: "bigint", text: "12345678901234567890" });
  assert_object_equals(kinds.ok, { kind: "boolean", value: true });
  assert_object_equals(kinds.none, { kind: "object", value: null });
  assert_object_equals(kinds.missing, { kind: "undefined", value: undefined });
  assert_object_equals(kinds.text, { kind: "string", value: "\u00e9\u{1F600}" });
  assert_true(shape.every((entry) => entry[2]), "a plain object arrives");
  assert_equals(new Uint8Array(data.a)[1023], 7, "the buffers come back");
  assert_equals(data.b.byteLength, 16);
  worker.terminate();
}, "A plain object of primitives and transferred buffers arrives whole; the whole transfer list is detached");

promise_test(async () => {
  const worker = describeWorker();
  const buffer = filled(4096, 42);
  const { shape, data } = await reply(worker, buffer, [buffer]);
  assert_true(buffer.detached);
  assert_object_equals(shape, { kind: "buffer", length: 4096, first: 42, index: 0 });
  assert_equals(new Uint8Array(data)[4095], 42);
  const same = filled(8, 5);
  const twice = await reply(worker, { x: same, y: same }, [same]);
  assert_equals(twice.shape[0][1].index, 0);
  assert_equals(twice.shape[1][1].index, 0, "one buffer under two keys arrives as one buffer");
  assert_equals(twice.data.x, twice.data.y);
  const parsed = JSON.parse('{"__proto__": 1, "z": 2}');
  const own = filled(4, 4);
  parsed.buffer = own;
  const proto = await reply(worker, parsed, [own]);
  assert_array_equals(proto.shape.map((entry) => entry[0]), ["__proto__", "z", "buffer"], "an own __proto__ key travels as a key");
  assert_true(Object.hasOwn(proto.data, "__proto__"));
  worker.terminate();
}, "One buffer alone, one buffer under two keys, and an own __proto__ key");

promise_test(async () => {
  const worker = describeWorker();
  let getterRuns = 0;
  const withGetter = filled(8, 1);
  const message = { get value() { getterRuns++; return 5; }, withGetter };
  const got = await reply(worker, message, [withGetter]);
  assert_equals(getterRuns, 1, "a getter runs once");
  assert_object_equals(got.shape[0][1], { kind: "number", text: "5" });

  // A proxy goes the general way, whose traps are those of structuredClone in this realm: none more.
  const trapsOf = (send) => {
    const traps = [];
    const target = { buffer: filled(8, 2) };
    const proxy = new Proxy(target, {
      getPrototypeOf(t) { traps.push("getPrototypeOf"); return Reflect.getPrototypeOf(t); },
      ownKeys(t) { traps.push("ownKeys"); return Reflect.ownKeys(t); },
      getOwnPropertyDescriptor(t, key) { traps.push("getOwnPropertyDescriptor " + String(key)); return Reflect.getOwnPropertyDescriptor(t, key); },
      get(t, key, receiver) { traps.push("get " + String(key)); return Reflect.get(t, key, receiver); },
    });
    return { traps, result: send(proxy, target.buffer) };
  };
  const local = trapsOf((proxy, buffer) => structuredClone(proxy, { transfer: [buffer] }));
  const posted = trapsOf((proxy, buffer) => reply(worker, proxy, [buffer]));
  const viaProxy = await posted.result;
  assert_true(local.traps.length > 0);
  assert_array_equals(posted.traps, local.traps, "the same traps, in the same order");
  assert_equals(viaProxy.shape[0][1].length, 8);

  let tagReads = 0;
  Object.defineProperty(Object.prototype, Symbol.toStringTag, { configurable: true, get() { tagReads++; return undefined; } });
  try {
    const tagged = filled(8, 3);
    await reply(worker, { tagged }, [tagged]);
    const taggedToo = filled(8, 3);
    await reply(worker, { taggedToo, inner: {} }, [taggedToo]); // (the general path, after the direct one gave up)
  } finally {
    delete Object.prototype[Symbol.toStringTag];
  }
  // The general path reads it once per plain object: the message, then `inner` in the second one.
  assert_equals(tagReads, 3, "Object.prototype's Symbol.toStringTag getter runs once per plain object, as the general path reads it");
  worker.terminate();
}, "Getters, proxy traps and a toStringTag getter run exactly as often as on the general path");

promise_test(async () => {
  const worker = describeWorker();
  const kept = filled(8, 8);
  assert_throws_dom("DataCloneError", () => worker.postMessage({ kept, bad: Symbol("no") }, [kept]));
  assert_false(kept.detached, "a failed clone detaches nothing");
  const gone = filled(8, 8);
  gone.transfer();
  assert_throws_dom("DataCloneError", () => worker.postMessage({ kept, gone }, [kept, gone]));
  assert_false(kept.detached);
  assert_throws_dom("DataCloneError", () => worker.postMessage({ kept }, [kept, kept]), "the same buffer twice");
  assert_false(kept.detached);
  const nested = await reply(worker, { inner: { kept }, when: new Date(0) }, [kept]);
  assert_equals(nested.shape[0][1].kind, "[object Object]", "nested objects take the general path");
  assert_equals(nested.data.inner.kept.byteLength, 8);
  assert_true(nested.data.when instanceof Date);
  const notListed = filled(8, 6);
  const copied = await reply(worker, { notListed, other: filled(2, 2) }, []);
  assert_false(notListed.detached, "a buffer outside the list is copied");
  assert_equals(copied.shape[0][1].first, 6);
  worker.terminate();
}, "Failures detach nothing; nested values and buffers outside the list take the general path");

promise_test(async () => {
  const worker = describeWorker();
  const direct = filled(8, 1), general = filled(8, 2);
  const replies = [];
  worker.onmessage = (e) => replies.push(e.data);
  const received = new Promise((resolve) => { const check = () => replies.length === 2 ? resolve() : setTimeout(check, 1); check(); });
  // Index setters on Array.prototype and Object.prototype, and a getter for Function.prototype.call: the
  // host's own lists and calls must not reach them, on the direct path or the general one.
  let setterRuns = 0, callReads = 0;
  const savedCall = Object.getOwnPropertyDescriptor(Function.prototype, "call");
  Object.defineProperty(Object.prototype, "0", { configurable: true, get() { return undefined; }, set(v) { setterRuns++; } });
  Object.defineProperty(Array.prototype, "0", { configurable: true, get() { return undefined; }, set(v) { setterRuns++; } });
  Object.defineProperty(Function.prototype, "call", { configurable: true, get() { callReads++; return savedCall.value; } });
  try {
    worker.postMessage({ direct }, [direct]);
    worker.postMessage({ general, inner: { n: 1 } }, [general]);
  } finally {
    Object.defineProperty(Function.prototype, "call", savedCall);
    delete Array.prototype[0];
    delete Object.prototype[0];
  }
  assert_equals(setterRuns, 0, "no index setter ran");
  assert_equals(callReads, 0, "Function.prototype.call was not read");
  assert_true(direct.detached && general.detached, "both buffers were transferred");
  await received;
  assert_equals(replies[0].shape[0][1].first, 1);
  assert_equals(replies[1].shape[0][1].first, 2);
  worker.terminate();
}, "Patched index setters and Function.prototype.call reach neither path");
