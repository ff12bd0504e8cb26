// WebCrypto §10: crypto.getRandomValues() and crypto.randomUUID().

test(() => {
  const a = new Uint8Array(64);
  assert_equals(crypto.getRandomValues(a), a, "returns its argument");
  const b = crypto.getRandomValues(new Uint8Array(64));
  assert_false(a.every((v, i) => v === b[i]), "two draws of 64 bytes differ");
  for (const C of [Int8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, BigInt64Array, BigUint64Array]) {
    assert_true(crypto.getRandomValues(new C(4)) instanceof C, C.name);
  }
  const view = new Uint8Array(new ArrayBuffer(8), 4, 2);
  crypto.getRandomValues(view);
  assert_equals(crypto.getRandomValues(new Uint8Array(0)).length, 0);
}, "getRandomValues fills integer typed arrays");

test(() => {
  // 65536 bytes of 0 after a fill would mean nothing was written.
  const big = crypto.getRandomValues(new Uint8Array(65536));
  assert_true(big.some((v) => v !== 0));
  assert_throws_dom("QuotaExceededError", () => crypto.getRandomValues(new Uint8Array(65537)));
  assert_throws_dom("TypeMismatchError", () => crypto.getRandomValues(new Float32Array(1)));
  assert_throws_dom("TypeMismatchError", () => crypto.getRandomValues(new Float64Array(1)));
  assert_throws_js(TypeError, () => crypto.getRandomValues(new DataView(new ArrayBuffer(1))));
  assert_throws_js(TypeError, () => crypto.getRandomValues([1, 2]));
  assert_throws_js(TypeError, () => crypto.getRandomValues());
}, "getRandomValues: the quota and the type checks");

test(() => {
  const re = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  const seen = new Set();
  for (let i = 0; i < 100; i++) {
    const id = crypto.randomUUID();
    assert_regexp_match(id, re);
    seen.add(id);
  }
  assert_equals(seen.size, 100);
}, "randomUUID gives distinct version-4 UUIDs");

test(() => {
  assert_equals(Object.prototype.toString.call(crypto), "[object Crypto]");
  assert_true(crypto instanceof Crypto);
  assert_throws_js(TypeError, () => new Crypto());
  assert_throws_js(TypeError, () => Crypto.prototype.randomUUID.call({}));
  const d = Object.getOwnPropertyDescriptor(globalThis, "crypto");
  assert_equals(typeof d.get, "function");
  assert_equals(d.set, undefined);
  assert_true(d.enumerable && d.configurable);
  assert_equals(crypto, crypto, "[SameObject]");
}, "Crypto and the crypto attribute are WebIDL-shaped");
