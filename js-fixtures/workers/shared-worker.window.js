// Shared workers (HTML "Shared workers"): one worker per (URL, name), `connect` events, clients talking
// through the worker, load failures, close().

const hub = "resources/shared-hub.js";

// Resolves with the next message event of `port` (started by setting onmessage).
function nextMessage(port) {
  return new Promise((resolve) => {
    port.onmessage = (event) => resolve(event);
  });
}

async function ask(worker, question) {
  const answer = nextMessage(worker.port);
  worker.port.postMessage(question);
  return (await answer).data;
}

function nextError(worker) {
  return new Promise((resolve) => {
    worker.onerror = (event) => resolve(event);
  });
}

test(() => {
  assert_equals(typeof SharedWorker, "function");
  assert_equals(SharedWorker.length, 1);
  assert_equals(SharedWorker.name, "SharedWorker");
  assert_true(Object.getPrototypeOf(SharedWorker.prototype) === EventTarget.prototype, "extends EventTarget");
  assert_true("port" in SharedWorker.prototype && "onerror" in SharedWorker.prototype);
  assert_false("postMessage" in SharedWorker.prototype);
  assert_throws_js(TypeError, () => SharedWorker(hub), "called without new");
  assert_throws_js(TypeError, () => new SharedWorker(), "no argument");
  assert_throws_js(TypeError, () => Object.getOwnPropertyDescriptor(SharedWorker.prototype, "port").get.call({}), "brand check");
  const worker = new SharedWorker(hub, "interface");
  assert_true(worker.port instanceof MessagePort);
  assert_equals(worker.port, worker.port, "[SameObject]");
  assert_equals(worker.onerror, null);
  try {
    structuredClone(worker);
    assert_unreached("a SharedWorker is not serializable");
  } catch (e) {
    assert_equals(e.name, "DataCloneError");
    assert_equals(e.message, "SharedWorker object could not be cloned.");
  }
  worker.port.close();
}, "the SharedWorker interface");

test(() => {
  assert_throws_dom("NotSupportedError", () => new SharedWorker(hub, { type: "module" }));
  assert_throws_js(TypeError, () => new SharedWorker(hub, { type: "nonsense" }));
  assert_throws_dom("SyntaxError", () => new SharedWorker("http://[bad host/worker.js"));
  assert_throws_js(TypeError, () => new SharedWorker(hub, Symbol("name")), "a name must convert to a string");
}, "module workers are refused clearly; a bad type, name or URL throws");

promise_test(async () => {
  const worker = new SharedWorker(hub, "inside");
  const info = await ask(worker, "info");
  assert_equals(info.global, "[object SharedWorkerGlobalScope]");
  assert_true(info.isWorkerGlobalScope, "self instanceof WorkerGlobalScope");
  assert_equals(info.name, "inside");
  assert_equals(info.location, new URL(hub, location.href).href);
  assert_equals(info.hasPostMessage, "undefined", "a shared worker's global has no postMessage");
  assert_equals(info.hasSharedWorker, "undefined", "SharedWorker is [Exposed=Window]");
  assert_true(info.hasOnconnect);
  assert_array_equals(info.apis, ["function", "function", "function", "function", "function"]);
  assert_equals(await ask(worker, "import"), "imported.js ran", "importScripts relative to the worker's script");
  worker.port.close();
}, "inside the shared worker: its global, name, location, importScripts, web APIs");

promise_test(async () => {
  const worker = new SharedWorker(hub, "connect-event");
  const { event } = await ask(worker, "info");
  assert_equals(event.type, "connect");
  assert_equals(event.className, "[object MessageEvent]");
  assert_equals(event.data, "", "data is the empty string");
  assert_true(event.trusted, "isTrusted");
  assert_equals(event.portCount, 1);
  assert_true(event.frozen, "ports is a frozen array");
  assert_true(event.sourceIsPort, "source is ports[0]");
  assert_true(event.isMessagePort);
  worker.port.close();
}, "each client is a connect event whose ports[0] and source are the port entangled with the client's");

promise_test(async () => {
  const first = new SharedWorker(hub, "shared-pair");
  const second = new SharedWorker(hub, { name: "shared-pair" });
  const other = new SharedWorker(hub, "another-name");
  const a = await ask(first, "info");
  const b = await ask(second, "info");
  const c = await ask(other, "info");
  assert_equals(b.connections, 2, "the second constructor with the same URL and name joined the first's worker");
  assert_true(a.connections >= 1);
  assert_equals(c.connections, 1, "another name is another worker");
  for (const worker of [first, second, other]) worker.port.close();
}, "one worker per (URL, name): a second constructor connects to the running one");

promise_test(async () => {
  const alice = new SharedWorker(hub, "relay");
  const bob = new SharedWorker(hub, "relay");
  await ask(alice, "info");
  await ask(bob, "info");
  const heard = nextMessage(bob.port);
  alice.port.postMessage({ relay: { from: "alice", list: [1, 2, 3] } });
  const { data } = await heard;
  assert_equals(data.from, "alice");
  assert_array_equals(data.list, [1, 2, 3]);
  const back = nextMessage(alice.port);
  bob.port.postMessage({ relay: "hi alice" });
  assert_equals((await back).data, "hi alice");
  alice.port.close();
  bob.port.close();
}, "two clients talk to each other through the shared worker");

promise_test(async () => {
  const worker = new SharedWorker(hub, "in-order");
  // Posted before the worker has even run its script: nothing is lost, and the order holds.
  for (let i = 0; i < 100; i++) worker.port.postMessage(i);
  const received = [];
  await new Promise((resolve) => {
    worker.port.onmessage = (event) => {
      received.push(event.data);
      if (received.length === 100) resolve();
    };
  });
  assert_array_equals(received, Array.from({ length: 100 }, (_, i) => i));
  worker.port.close();
}, "messages posted at once arrive, in order, once the worker connects");

promise_test(async () => {
  const worker = new SharedWorker(hub, "transfer");
  const channel = new MessageChannel();
  const answer = nextMessage(channel.port1);
  worker.port.postMessage("ports", [channel.port2]);
  assert_equals((await answer).data, "answered on the transferred port");
  worker.port.close();
  channel.port1.close();
}, "a MessagePort transferred to a shared worker works there");

promise_test(async () => {
  const source = `onconnect = (e) => e.ports[0].postMessage(["data:", self.name, typeof importScripts]);`;
  const worker = new SharedWorker("data:text/javascript," + encodeURIComponent(source), "from-data");
  assert_array_equals((await nextMessage(worker.port)).data, ["data:", "from-data", "function"]);
  worker.port.close();
  const url = URL.createObjectURL(new Blob([`onconnect = (e) => e.ports[0].postMessage("blob: " + self.name);`]));
  const fromBlob = new SharedWorker(url, "from-blob");
  assert_equals((await nextMessage(fromBlob.port)).data, "blob: from-blob");
  fromBlob.port.close();
  URL.revokeObjectURL(url);
}, "data: and blob: URLs");

promise_test(async () => {
  const missing = [new SharedWorker("resources/no-such-shared-worker.js"), new SharedWorker("resources/no-such-shared-worker.js")];
  const errors = await Promise.all(missing.map(nextError));
  for (const event of errors) {
    assert_equals(event.type, "error");
    assert_equals(event.constructor, Event, "a plain Event, not an ErrorEvent");
    assert_true(event.isTrusted);
  }
  const syntax = await nextError(new SharedWorker("resources/syntax-error.js"));
  assert_equals(syntax.constructor, Event);
  const badData = await nextError(new SharedWorker("data:text/javascript;base64,%%%"));
  assert_equals(badData.type, "error");
  // A failed worker is not remembered: the next constructor tries again (and fails again).
  assert_equals((await nextError(new SharedWorker("resources/no-such-shared-worker.js"))).type, "error");
}, "a script that cannot be loaded fires error at every client object");

promise_test(async () => {
  const worker = new SharedWorker(hub, "closing");
  assert_equals((await ask(worker, "info")).connections, 1);
  const closed = new Promise((resolve) => worker.port.addEventListener("close", resolve));
  worker.port.postMessage("close");
  await closed;
  // The closed worker is gone from the host: the same URL and name start a fresh one.
  const again = new SharedWorker(hub, "closing");
  assert_equals((await ask(again, "info")).connections, 1, "a new instance");
  again.port.close();
}, "close() ends the shared worker; its clients' ports hear close; a new constructor starts a new one");

promise_test(async () => {
  // The worker's own error listener answers on the port, once the error has happened.
  const source = `
    let port = null;
    addEventListener("error", (event) => { event.preventDefault(); port.postMessage([event.constructor.name, event.message]); });
    onconnect = (e) => {
      port = e.ports[0];
      port.onmessage = () => setTimeout(() => { throw new RangeError("from the shared worker"); });
    };`;
  const worker = new SharedWorker("data:text/javascript," + encodeURIComponent(source), "errors");
  let heardError = false;
  worker.onerror = () => { heardError = true; };
  const report = await ask(worker, "throw");
  assert_equals(report[0], "ErrorEvent");
  assert_true(report[1].includes("from the shared worker"), report[1]);
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert_false(heardError, "a runtime error is not reported to the client objects");
  worker.port.close();
}, "an uncaught exception in a shared worker is an ErrorEvent at its own global");
