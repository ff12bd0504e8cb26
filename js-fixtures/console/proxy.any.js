// What console does with a Proxy. JavaScriptCore gives JS no way to tell a Proxy from its target, so
// jshost inspects a Proxy through its traps, like the object it pretends to be (node bypasses the traps and
// prints the target, so this cannot be a node-derived golden). Output is not visible here; the traps are.

function recordingProxy(target, log) {
  return new Proxy(target, {
    ownKeys(t) { log.push("ownKeys"); return Reflect.ownKeys(t); },
    getOwnPropertyDescriptor(t, key) { log.push(`getOwnPropertyDescriptor ${String(key)}`); return Reflect.getOwnPropertyDescriptor(t, key); },
    get(t, key, receiver) { log.push(`get ${String(key)}`); return Reflect.get(t, key, receiver); },
    getPrototypeOf(t) { log.push("getPrototypeOf"); return Reflect.getPrototypeOf(t); },
  });
}

test(() => {
  const log = [];
  console.log(recordingProxy({ a: 1, b: { c: 2 } }, log));
  assert_true(log.includes("ownKeys"), "the ownKeys trap ran");
  assert_true(log.includes("getOwnPropertyDescriptor a"), "own properties are read through the trap");
  assert_true(log.includes("getOwnPropertyDescriptor b"), "own properties are read through the trap");
}, "console.log inspects a Proxy of an object through its traps");

test(() => {
  const log = [];
  console.log(recordingProxy([1, 2, 3], log));
  assert_true(log.includes("get length"), "the array length is read through the get trap");
  assert_true(log.includes("getOwnPropertyDescriptor 0") || log.includes("get 0"), "elements are read through the traps");
}, "console.log inspects a Proxy of an array through its traps");

test(() => {
  const log = [];
  console.dir(recordingProxy({ x: 1 }, log), { depth: 0 });
  console.log("%o %O %s", recordingProxy({ y: 2 }, log), recordingProxy({ z: 3 }, log), recordingProxy({}, log));
  assert_true(log.includes("getOwnPropertyDescriptor x"));
  assert_true(log.includes("getOwnPropertyDescriptor y"));
  assert_true(log.includes("getOwnPropertyDescriptor z"));
}, "console.dir and %o / %O go through the traps too");

test(() => {
  const failure = new Error("trap failed");
  const proxy = new Proxy({ a: 1 }, { ownKeys() { throw failure; } });
  assert_throws_exactly(failure, () => console.log(proxy));
  assert_throws_exactly(failure, () => console.log({ nested: proxy }));
}, "an exception thrown by a trap propagates out of console.log");

test(() => {
  const { proxy, revoke } = Proxy.revocable({ a: 1 }, {});
  revoke();
  console.log(proxy);
  console.log([proxy], { proxy });
  console.log("%o %O %j", proxy, proxy, 1);
  console.dir(proxy);
  console.table([1]);
}, "a revoked Proxy does not make console calls throw (it prints as <Revoked Proxy>)");

test(() => {
  const log = [];
  const proxy = recordingProxy(function target() {}, log);
  console.log(proxy);
  assert_true(log.includes("ownKeys"));
}, "a Proxy of a function is inspected through its traps");
