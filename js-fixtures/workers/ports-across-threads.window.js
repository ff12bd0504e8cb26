// MessagePorts that cross between agents (HTML "Channel messaging" with workers): a transferred port stays
// entangled with its peer, whichever threads the two ends live on.

function dataWorker(source) {
  return new Worker("data:text/javascript," + encodeURIComponent(source));
}
function next(target) {
  return new Promise((resolve) => { target.onmessage = resolve; });
}

// A worker that answers on any port it is given: "echo:<data>".
const ECHO_ON_PORT = `
  onmessage = (e) => {
    const port = e.ports[0];
    port.onmessage = (m) => port.postMessage("echo:" + m.data);
    postMessage("got port");
  };
`;

promise_test(async () => {
  const worker = dataWorker(ECHO_ON_PORT);
  const { port1, port2 } = new MessageChannel();
  worker.postMessage("here", [port2]);
  assert_equals((await next(worker)).data, "got port");
  port1.postMessage("a");
  assert_equals((await next(port1)).data, "echo:a");
  port1.postMessage("b");
  assert_equals((await next(port1)).data, "echo:b");
  worker.terminate();
}, "a port transferred to a worker stays entangled with the one left here");

promise_test(async () => {
  const worker = dataWorker(ECHO_ON_PORT);
  const { port1, port2 } = new MessageChannel();
  // Posted before the port moves: these must arrive first, in order.
  port1.postMessage(1);
  port1.postMessage(2);
  worker.postMessage("here", [port2]);
  await next(worker);
  const got = [];
  await new Promise((resolve) => {
    port1.onmessage = (e) => { got.push(e.data); if (got.length === 3) resolve(); };
    port1.postMessage(3);
  });
  assert_array_equals(got, ["echo:1", "echo:2", "echo:3"]);
  worker.terminate();
}, "messages queued on a port before it moves to a worker go with it, in order");

promise_test(async () => {
  const worker = dataWorker(`
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = (e) => port1.postMessage("worker heard " + e.data);
    postMessage("take this", [port2]);
  `);
  const event = await next(worker);
  assert_equals(event.ports.length, 1);
  const port = event.ports[0];
  assert_true(port instanceof MessagePort);
  port.postMessage("hi");
  assert_equals((await next(port)).data, "worker heard hi");
  worker.terminate();
}, "a worker can send the page a port of its own channel");

promise_test(async () => {
  const a = dataWorker(`onmessage = (e) => postMessage("passing it on", [e.ports[0]]);`);
  const b = dataWorker(ECHO_ON_PORT);
  const { port1, port2 } = new MessageChannel();
  a.postMessage("to b", [port2]);
  const relayed = await next(a);
  b.postMessage("here", [relayed.ports[0]]);
  assert_equals((await next(b)).data, "got port");
  port1.postMessage("through three agents");
  assert_equals((await next(port1)).data, "echo:through three agents");
  a.terminate();
  b.terminate();
}, "a port can move on to a third agent and stays entangled");

promise_test(async () => {
  const worker = dataWorker(`onmessage = (e) => { e.ports[0].close(); postMessage("closed"); };`);
  const { port1, port2 } = new MessageChannel();
  const closed = new Promise((resolve) => port1.addEventListener("close", resolve));
  port1.start();
  worker.postMessage("close it", [port2]);
  assert_equals((await next(worker)).data, "closed");
  await closed;
  worker.terminate();
}, "closing a port in a worker fires close at its peer here");

promise_test(async () => {
  const worker = dataWorker(`onmessage = (e) => { e.ports[0].onmessage = (m) => postMessage(m.data); postMessage("ready"); };`);
  const { port1, port2 } = new MessageChannel();
  worker.postMessage("here", [port2]);
  assert_equals((await next(worker)).data, "ready");
  const inner = new MessageChannel();
  port1.postMessage({ nested: true, map: new Map([[1, "one"]]) });
  const answer = await next(worker);
  assert_equals(answer.data.nested, true);
  assert_equals(answer.data.map.get(1), "one");
  worker.terminate();
}, "structured data travels on a cross-thread port");
