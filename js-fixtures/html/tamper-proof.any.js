// The platform modules are evaluated on first use, possibly after the script replaced built-ins: they still
// work, because they use intrinsics captured before any user code ran. (Array iteration is not patched here:
// WebIDL sequence arguments such as Blob parts are iterated with the script's own @@iterator, by spec.)

test(() => {
  const saved = {
    call: Function.prototype.call, apply: Function.prototype.apply, charCodeAt: String.prototype.charCodeAt,
    slice: String.prototype.slice, replace: RegExp.prototype[Symbol.replace], iterator: Array.prototype[Symbol.iterator],
    set: Object.getOwnPropertyDescriptor(Uint8Array.prototype.__proto__, "buffer"), defineProperty: Object.defineProperty,
    fromCharCode: String.fromCharCode, Uint8Array: globalThis.Uint8Array, Reflect: globalThis.Reflect,
  };
  const boom = () => { throw new Error("patched built-in used"); };
  const results = {};
  try {
    Function.prototype.call = boom;
    String.prototype.charCodeAt = boom;
    String.prototype.slice = boom;
    RegExp.prototype[Symbol.replace] = boom;
    Object.defineProperty(Uint8Array.prototype.__proto__, "buffer", { get: boom, configurable: true });
    String.fromCharCode = boom;
    globalThis.Uint8Array = boom;
    globalThis.Reflect = { apply: boom, ownKeys: boom };
    Object.defineProperty = boom;

    results.url = new URL("https://EXAMPLE.com/a b?q=1 2#h").href;
    results.params = new URLSearchParams("a=1+2&b=%41").toString();
    results.decoded = new TextDecoder().decode(new TextEncoder().encode("h\u00e9llo ".repeat(3)));
    results.blob = new Blob(["a\r\nb"], { endings: "native" }).size;
    results.base64 = btoa("hi") + atob("aGk=");
    results.uuid = crypto.randomUUID().length;
    results.protocol = location.protocol;
    results.status = new Response("x").status;
    results.agent = typeof navigator.userAgent;
  } catch (e) { results.error = e.stack; } finally {
    globalThis.Uint8Array = saved.Uint8Array;
    Object.defineProperty = saved.defineProperty;
    Function.prototype.call = saved.call;
    String.prototype.charCodeAt = saved.charCodeAt;
    String.prototype.slice = saved.slice;
    RegExp.prototype[Symbol.replace] = saved.replace;
    Object.defineProperty(Uint8Array.prototype.__proto__, "buffer", saved.set);
    String.fromCharCode = saved.fromCharCode;
    globalThis.Reflect = saved.Reflect;
  }
  assert_equals(results.error, undefined);
  assert_equals(results.url, "https://example.com/a%20b?q=1%202#h");
  assert_equals(results.params, "a=1+2&b=A");
  assert_equals(results.decoded, "h\u00e9llo ".repeat(3));
  assert_equals(results.blob, 3);
  assert_equals(results.base64, "aGk=hi");
  assert_equals(results.uuid, 36);
  assert_equals(results.protocol, "file:");
  assert_equals(results.status, 200);
  assert_equals(results.agent, "string");
}, "Lazily loaded modules ignore built-ins replaced before they loaded");
