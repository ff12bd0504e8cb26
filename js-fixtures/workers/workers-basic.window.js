// Dedicated workers (HTML "Web workers"): the Worker interface, messages across threads, errors, lifetime.

function echoWorker() {
  return new Worker("resources/echo-worker.js");
}

// Resolves with the next message event of `target`.
function nextMessage(target) {
  return new Promise((resolve, reject) => {
    target.onmessage = (event) => resolve(event);
    target.onerror = (event) => reject(new Error(`unexpected error event: ${event.message}`));
  });
}

function dataWorker(source, options) {
  return new Worker("data:text/javascript," + encodeURIComponent(source), options);
}

test(() => {
  assert_equals(typeof Worker, "function");
  assert_equals(Worker.length, 1);
  assert_equals(Worker.name, "Worker");
  assert_true(Object.getPrototypeOf(Worker.prototype) === EventTarget.prototype, "Worker extends EventTarget");
  for (const name of ["postMessage", "terminate", "onmessage", "onmessageerror", "onerror"]) {
    assert_true(name in Worker.prototype, name);
  }
  assert_throws_js(TypeError, () => Worker("x.js"), "called without new");
  assert_throws_js(TypeError, () => new Worker(), "no argument");
  assert_throws_js(TypeError, () => Worker.prototype.postMessage.call({}, 1), "brand check");
  const worker = new Worker("data:text/javascript,");
  try {
    structuredClone(worker);
    assert_unreached("a Worker is not serializable");
  } catch (e) {
    assert_equals(e.name, "DataCloneError");
    assert_equals(e.message, "Worker object could not be cloned.");
  }
  worker.terminate();
}, "the Worker interface");

test(() => {
  assert_throws_dom("NotSupportedError", () => new Worker("resources/echo-worker.js", { type: "module" }));
  assert_throws_js(TypeError, () => new Worker("resources/echo-worker.js", { type: "nonsense" }));
  assert_throws_dom("SyntaxError", () => new Worker("http://[bad host/worker.js"));
}, "module workers are refused clearly; a bad type or URL throws");

promise_test(async () => {
  const worker = echoWorker();
  const message = {
    number: -0, nan: NaN, big: 12345678901234567890n, text: "héllo \u{1F600}", nested: { list: [1, , 3] },
    date: new Date(86400000), regexp: /a+b/gi, map: new Map([[1, { one: true }]]), set: new Set(["x", 2]),
    bytes: new Uint16Array([1, 2, 65535]), view: new DataView(new ArrayBuffer(4)),
    error: new RangeError("range", { cause: "why" }), boxed: new String("boxed"),
  };
  message.self = message;
  message.shared = [message.nested, message.nested];
  worker.postMessage(message);
  const { data } = await nextMessage(worker);
  worker.terminate();
  assert_not_equals(data, message, "a copy");
  assert_true(Object.is(data.number, -0), "-0");
  assert_true(Number.isNaN(data.nan), "NaN");
  assert_equals(data.big, 12345678901234567890n);
  assert_equals(data.text, "héllo \u{1F600}");
  assert_array_equals(Object.keys(data.nested.list), ["0", "2"], "holes stay holes");
  assert_equals(data.date.getTime(), 86400000);
  assert_true(data.regexp instanceof RegExp);
  assert_equals(String(data.regexp), "/a+b/gi");
  assert_true(data.map.get(1).one);
  assert_array_equals([...data.set], ["x", 2]);
  assert_true(data.bytes instanceof Uint16Array);
  assert_array_equals([...data.bytes], [1, 2, 65535]);
  assert_true(data.view instanceof DataView);
  assert_equals(data.view.byteLength, 4);
  assert_true(data.error instanceof RangeError);
  assert_equals(data.error.message, "range");
  assert_equals(data.error.cause, "why");
  assert_equals(String(data.boxed), "boxed");
  assert_true(data.boxed instanceof String);
  assert_equals(data.self, data, "a cycle stays a cycle");
  assert_equals(data.shared[0], data.shared[1], "a shared reference stays shared");
}, "a message crosses to a worker and back with every structured type");

promise_test(async () => {
  const worker = echoWorker();
  worker.postMessage(new DOMException("gone", "NotFoundError"));
  const { data } = await nextMessage(worker);
  worker.terminate();
  assert_true(data instanceof DOMException);
  assert_equals(data.name, "NotFoundError");
  assert_equals(data.message, "gone");
  assert_equals(data.code, 8);
}, "a DOMException crosses to a worker and back");

promise_test(async () => {
  const worker = echoWorker();
  const buffer = new Uint8Array([10, 20, 30, 40]).buffer;
  worker.postMessage({ buffer }, [buffer]);
  assert_true(buffer.detached, "the sender's buffer is detached");
  assert_equals(buffer.byteLength, 0);
  const { data } = await nextMessage(worker);
  worker.terminate();
  assert_array_equals([...new Uint8Array(data.buffer)], [10, 20, 30, 40]);
}, "a transferred ArrayBuffer is detached here and arrives whole there");

promise_test(async () => {
  const worker = echoWorker();
  worker.postMessage("x", { transfer: [] });
  assert_equals((await nextMessage(worker)).data, "x", "options form");
  assert_throws_dom("DataCloneError", () => worker.postMessage(() => {}));
  const buffer = new ArrayBuffer(8);
  assert_throws_dom("DataCloneError", () => worker.postMessage({ buffer, f: () => {} }, [buffer]));
  assert_false(buffer.detached, "a failed post detaches nothing");
  const { port1 } = new MessageChannel();
  assert_throws_dom("DataCloneError", () => worker.postMessage(port1), "a port not in the transfer list");
  worker.postMessage("still works");
  assert_equals((await nextMessage(worker)).data, "still works");
  worker.terminate();
}, "postMessage: options form, DataCloneError with no side effect");

promise_test(async () => {
  const worker = new Worker("resources/echo-worker.js", { name: "named one" });
  worker.postMessage("name");
  assert_equals((await nextMessage(worker)).data, "named one");
  worker.postMessage("global");
  assert_equals((await nextMessage(worker)).data, "[object DedicatedWorkerGlobalScope]");
  worker.postMessage("location");
  assert_true((await nextMessage(worker)).data.endsWith("/workers/resources/echo-worker.js"), "location is the script's URL");
  worker.postMessage("import");
  assert_equals((await nextMessage(worker)).data, "imported.js ran", "importScripts is relative to the worker's script");
  worker.terminate();
}, "inside the worker: name, the global's class, location, importScripts");

promise_test(async () => {
  const order = [];
  const worker = dataWorker(`
    postMessage(typeof setTimeout + " " + typeof structuredClone + " " + typeof MessageChannel + " " + typeof performance.now);
  `);
  const { data } = await nextMessage(worker);
  worker.terminate();
  assert_equals(data, "function function function function");
}, "a data: URL worker has the web APIs of every global");

promise_test(async (t) => {
  const worker = echoWorker();
  const event = await new Promise((resolve) => {
    worker.onerror = (e) => { e.preventDefault(); resolve(e); };
    worker.postMessage("throw");
  });
  worker.terminate();
  assert_true(event instanceof ErrorEvent, "an ErrorEvent");
  assert_equals(event.type, "error");
  assert_true(event.message.includes("thrown in the worker"), event.message);
  assert_true(event.filename.endsWith("resources/echo-worker.js"), event.filename);
  assert_equals(event.lineno, 8);
  assert_greater_than(event.colno, 0);
}, "an uncaught error in a worker is an ErrorEvent at the Worker object");

promise_test(async () => {
  const worker = new Worker("resources/no-such-worker.js");
  const event = await new Promise((resolve) => { worker.onerror = resolve; });
  assert_equals(event.constructor, Event, "a plain Event, not an ErrorEvent");
  const broken = new Worker("resources/syntax-error.js");
  const event2 = await new Promise((resolve) => { broken.onerror = resolve; });
  assert_equals(event2.type, "error");
}, "a missing script or one that does not parse fires error at the Worker");

promise_test(async () => {
  const worker = new Worker("resources/throws-at-load.js");
  const event = await new Promise((resolve) => { worker.onerror = (e) => { e.preventDefault(); resolve(e); }; });
  assert_true(event.message.includes("thrown while loading"), event.message);
}, "an error while the worker's script runs reaches the Worker object");

promise_test(async () => {
  const worker = dataWorker(`
    postMessage("spinning");
    let n = 0;
    for (let i = 0; i < 20000; i++) n += i;   // warm the loop up first
    while (true) { n++; }
  `);
  assert_equals((await nextMessage(worker)).data, "spinning");
  worker.terminate();
  worker.terminate();
  // The page goes on at once; nothing more comes from the worker.
  let more = false;
  worker.onmessage = () => { more = true; };
  await new Promise((resolve) => setTimeout(resolve, 100));
  assert_false(more);
}, "terminate() stops a worker that spins, without blocking the page");

promise_test(async () => {
  const worker = echoWorker();
  worker.postMessage("close");
  const { data } = await nextMessage(worker);
  assert_equals(data, "after close, same task", "the running task finishes");
  let more = false;
  worker.onmessage = () => { more = true; };
  worker.postMessage("ignored");
  await new Promise((resolve) => setTimeout(resolve, 100));
  assert_false(more, "nothing is processed after close()");
}, "close() inside the worker");

promise_test(async () => {
  const outer = dataWorker(`
    const inner = new Worker("data:text/javascript," + encodeURIComponent("onmessage = (e) => postMessage(e.data * 2);"));
    inner.onmessage = (e) => postMessage("inner says " + e.data);
    onmessage = (e) => inner.postMessage(e.data);
  `);
  outer.postMessage(21);
  assert_equals((await nextMessage(outer)).data, "inner says 42");
  outer.terminate();
}, "a worker can start a worker of its own");

promise_test(async () => {
  const workers = [];
  for (let i = 0; i < 20; i++) workers.push(dataWorker(`onmessage = (e) => postMessage(e.data + ${i});`));
  const answers = await Promise.all(workers.map((worker, i) => {
    worker.postMessage(1000);
    return nextMessage(worker).then((e) => e.data);
  }));
  for (const worker of workers) worker.terminate();
  assert_array_equals(answers, workers.map((_, i) => 1000 + i));
}, "twenty workers at once, each answering its own Worker object");

promise_test(async () => {
  const worker = dataWorker(`onmessage = (e) => postMessage(e.data);`);
  const received = [];
  const all = new Promise((resolve) => {
    worker.onmessage = (e) => { received.push(e.data); if (received.length === 1000) resolve(); };
  });
  for (let i = 0; i < 1000; i++) worker.postMessage(i);
  await all;
  worker.terminate();
  assert_array_equals(received, Array.from({ length: 1000 }, (_, i) => i), "in order, none lost");
}, "1,000 messages each way arrive in order");

// Strings and ordinary numbers cross without the clone modules (worker.js writes and reads them itself); the
// values must come back exactly as the general writer would bring them, whatever user code patched.
promise_test(async () => {
  const worker = dataWorker(`
    Object.prototype.toJSON = () => "patched in the worker";
    Array.prototype.toJSON = () => "patched in the worker";
    onmessage = (e) => postMessage(e.data);
  `);
  const savedObject = Object.prototype.toJSON, savedArray = Array.prototype.toJSON;
  Object.prototype.toJSON = () => "patched";
  Array.prototype.toJSON = () => "patched";
  try {
    const values = ["", "ready", "\u00e9\u20ac\u{1F600}", "\ud800 lone \udfff", "[4,1]", "\"", "\\", "\0",
                    0, -0, 1, -1.5, 2 ** 53, 5e-324, 1.7976931348623157e308, NaN, Infinity, -Infinity];
    for (const value of values) {
      const reply = nextMessage(worker);
      worker.postMessage(value);
      const { data } = await reply;
      assert_true(Object.is(data, value), `${typeof value} ${String(value)} came back as ${String(data)}`);
    }
  } finally {
    Object.prototype.toJSON = savedObject;
    Array.prototype.toJSON = savedArray;
    worker.terminate();
  }
}, "Strings and numbers of every kind cross to a worker and back exactly, with toJSON patched on both sides");
