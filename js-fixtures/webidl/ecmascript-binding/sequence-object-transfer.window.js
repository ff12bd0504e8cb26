// sequence<object> arguments (the transfer lists of MessagePort.postMessage, Worker.postMessage,
// window.postMessage and structuredClone): WebIDL "create a sequence from an iterable". jshost reads a plain
// Array by index when its iteration is the built-in one; these check that nothing observable changes.

function logged(array) {
  const log = [];
  const proxy = new Proxy(array, {
    get(target, key, receiver) {
      log.push(typeof key === "symbol" ? key.description : key);
      return Reflect.get(target, key, receiver);
    },
  });
  return { proxy, log };
}

const senders = {
  "MessagePort.postMessage": (list) => new MessageChannel().port1.postMessage("x", list),
  "MessagePort.postMessage({ transfer })": (list) => new MessageChannel().port1.postMessage("x", { transfer: list }),
  "structuredClone": (list) => structuredClone("x", { transfer: list }),
  "window.postMessage": (list) => window.postMessage("x", "*", list),
};

for (const [name, send] of Object.entries(senders)) {
  test(() => {
    const buffer = new ArrayBuffer(8);
    const { proxy, log } = logged([buffer]);
    send(proxy);
    assert_array_equals(log, ["Symbol.iterator", "length", "0", "length"]);
    assert_true(buffer.detached, "the buffer was transferred");
  }, `${name}: a proxy of an array sees the array iterator's reads, in order`);

  test(() => {
    const original = Object.getOwnPropertyDescriptor(Object.getPrototypeOf([][Symbol.iterator]()), "next");
    const ArrayIteratorPrototype = Object.getPrototypeOf([][Symbol.iterator]());
    let calls = 0;
    ArrayIteratorPrototype.next = function () {
      calls++;
      return original.value.call(this);
    };
    try {
      const buffer = new ArrayBuffer(8);
      send([buffer]);
      assert_equals(calls, 2, "the replaced next() ran for the element and for the end");
      assert_true(buffer.detached);
    } finally {
      Object.defineProperty(ArrayIteratorPrototype, "next", original);
    }
  }, `${name}: a replaced %ArrayIteratorPrototype%.next is used`);

  test(() => {
    const buffer = new ArrayBuffer(8);
    const fractional = new Proxy([buffer, 5], { get: (t, k, r) => (k === "length" ? 1.5 : Reflect.get(t, k, r)) });
    send(fractional);
    assert_true(buffer.detached, "length 1.5 means one element, as for-of reads it");
    const big = new Proxy([new ArrayBuffer(8)], { get: (t, k, r) => (k === "length" ? 1n : Reflect.get(t, k, r)) });
    assert_throws_js(TypeError, () => send(big), "a BigInt length does not convert to a number");
    let reads = 0;
    const counted = new Proxy([], { get: (t, k, r) => (k === "length" ? { valueOf() { reads++; return 0; } } : Reflect.get(t, k, r)) });
    send(counted);
    assert_equals(reads, 1, "the length is converted once per step");
  }, `${name}: the length of an array proxy is converted as the array iterator converts it`);

  test(() => {
    const ArrayIteratorPrototype = Object.getPrototypeOf([][Symbol.iterator]());
    const original = Object.getOwnPropertyDescriptor(ArrayIteratorPrototype, "next");
    let gets = 0;
    Object.defineProperty(ArrayIteratorPrototype, "next", { get() { gets++; return original.value; }, configurable: true });
    Object.prototype.value = original.value;
    try {
      const buffer = new ArrayBuffer(8);
      send([buffer]);
      assert_equals(gets, 1, "the getter ran: a value on Object.prototype does not pass for the built-in next");
      assert_true(buffer.detached);
    } finally {
      delete Object.prototype.value;
      Object.defineProperty(ArrayIteratorPrototype, "next", original);
    }
  }, `${name}: %ArrayIteratorPrototype%.next replaced by a getter is read once`);

  test(() => {
    const buffer = new ArrayBuffer(8);
    const list = [new ArrayBuffer(8)];
    list[Symbol.iterator] = function* () { yield buffer; };
    send(list);
    assert_true(buffer.detached, "the iterator's value was transferred");
    assert_false(list[0].detached, "the array's own element was not");
  }, `${name}: an array's own @@iterator is used`);

  test(() => {
    let reads = 0;
    const buffer = new ArrayBuffer(8);
    const iterable = { get [Symbol.iterator]() { reads++; return function* () { yield buffer; }; } };
    send(iterable);
    assert_equals(reads, 1, "@@iterator is read once");
    assert_true(buffer.detached);
  }, `${name}: an iterable object's @@iterator is read once`);

  test(() => {
    assert_throws_js(TypeError, () => send([new ArrayBuffer(1), 1]));
    const first = new ArrayBuffer(4);
    assert_throws_js(TypeError, () => send([first, null]));
    assert_false(first.detached, "nothing is detached when the list is not valid");
  }, `${name}: an element that is not an object is a TypeError, before anything is detached`);

  test(() => {
    const buffer = new ArrayBuffer(8);
    const list = [buffer, , buffer];
    assert_throws_dom("DataCloneError", () => send([buffer, buffer]), "a duplicate");
    assert_throws_js(TypeError, () => send(list), "a hole reads as undefined");
    assert_false(buffer.detached);
  }, `${name}: duplicates and holes`);
}
