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
