// META: global=window
// META: script=resources/messaging-helpers.js
// Closing a frame (jshost extension: frame.close() / frame.remove(), like removing an iframe): its realm is
// closed, its timers stop, ports entangled with it are disentangled (the other side gets `close`), its window
// takes no more messages, and the frames and workers it started go with it.
"use strict";

function loaded(frame) {
  return new Promise((resolve, reject) => {
    frame.onload = () => resolve(frame);
    frame.onerror = () => reject(new Error("the frame did not load"));
  });
}

function next_window_message(filter) {
  return new Promise((resolve) => {
    window.addEventListener("message", function listener(e) {
      if (!filter(e)) return;
      window.removeEventListener("message", listener);
      resolve(e);
    });
  });
}

function wait(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

promise_test(async () => {
  const frame = await loaded(jshost.openFrame("resources/frame-ticker.js"));
  const win = frame.contentWindow;
  const c = new MessageChannel();
  const kept = next_window_message((e) => e.source === win && e.data.keeping === 1);
  win.postMessage("keep this", "*", [c.port2]);
  await kept;
  const closed = new Promise((resolve) => { c.port1.onclose = resolve; });
  let ticksAfterClose = 0;
  frame.close();
  assert_equals(frame.contentWindow, null, "contentWindow is null once closed");
  assert_true(win.closed, "the frame's window says it is closed");
  assert_equals(win.parent, null, "a closed window has no parent");
  assert_equals(win.top, null);
  assert_equals(length, 0);
  const e = await closed;
  assert_true(e.isTrusted);
  assert_equals(e.target, c.port1);
  // (A tick the frame posted before it closed is this window's task already, and may still arrive.)
  await wait(10);
  window.addEventListener("message", (e) => { if (e.data.tick !== undefined) ticksAfterClose++; });
  await wait(40);
  assert_equals(ticksAfterClose, 0, "the frame's interval no longer runs");
  frame.close();
  frame.remove();
}, "close(): the port entangled with the frame gets close, the frame's timers stop, contentWindow becomes null");

promise_test(async () => {
  const frame = await loaded(jshost.openFrame("resources/frame-echo.js"));
  const win = frame.contentWindow;
  const c = new MessageChannel();
  frame.remove();
  let replies = 0;
  window.addEventListener("message", (e) => { if (e.source === win) replies++; });
  win.postMessage("to a closed window", "*");
  win.postMessage("with a port", "*", [c.port1]);
  win.postMessage(() => {}, "*"); // not even serialized
  await wait(20);
  assert_equals(replies, 0, "nothing reached the closed frame");
  assert_array_equals(win.received, [], "its listener never ran");
  // The port was not transferred anywhere: it still talks to its peer.
  const got = next_message(c.port2);
  c.port1.postMessage("still here");
  assert_equals((await got).data, "still here");
}, "posting to a closed frame's window is a silent no-op");

promise_test(async () => {
  const frame = jshost.openFrame("resources/frame-echo.js");
  const win = frame.contentWindow;
  frame.onload = frame.onerror = () => assert_unreached("a frame closed before its script ran never loads");
  frame.close();
  await wait(20);
  assert_equals(win.ran, undefined, "its script never ran");
}, "a frame closed before its script ran: no script, no load");

promise_test(async () => {
  const frame = jshost.openFrame("resources/frame-nested.js");
  await next_window_message((e) => e.data.kind === "nested child loaded");
  const middle = frame.contentWindow;
  const inner = middle.child.contentWindow;
  // A port whose peer lives in the innermost frame.
  const c = new MessageChannel();
  const shipped = new Promise((resolve) => {
    inner.onmessage = (e) => {
      inner.keptPort = e.ports[0];
      resolve(e.ports[0]);
    };
  });
  inner.postMessage("keep", "*", [c.port2]);
  const port = await shipped;
  assert_true(port instanceof inner.MessagePort, "the port is the inner frame's now");
  const closed = new Promise((resolve) => { c.port1.onclose = resolve; });
  frame.close();
  assert_true(middle.closed);
  assert_true(inner.closed, "the inner frame closed with its parent");
  await closed;
}, "closing a frame closes the frames it opened (their ports are disentangled too)");

promise_test(async () => {
  const frame = await loaded(jshost.openFrame("resources/frame-echo.js"));
  const win = frame.contentWindow;
  // A channel made by the frame's own classes; one end comes here in a window message (serialized by the
  // frame's realm, whose port it is).
  const channel = new win.MessageChannel();
  const received = new Promise((resolve) => window.addEventListener("message", resolve, { once: true }));
  window.postMessage("carry", "*", [channel.port1]);
  const port = (await received).ports[0];
  assert_true(port instanceof MessagePort, "the port now belongs to this realm");
  const portClosed = new Promise((resolve) => { port.onclose = resolve; });
  win.keptPort = channel.port2;
  frame.close();
  await portClosed;
}, "a port of this realm whose peer is a port of the frame's realm gets close when the frame closes");

promise_test(async () => {
  // A worker that reports the `close` event of the port it is sent.
  const worker = new Worker("data:text/javascript," + encodeURIComponent(
    "onmessage = (e) => { const port = e.ports[0]; port.onclose = () => postMessage('closed'); port.onmessage = (m) => postMessage(m.data); postMessage('ready'); };"));
  const fromWorker = [];
  let notify = null;
  worker.onmessage = (e) => { fromWorker.push(e.data); if (notify) notify(); };
  const waitFor = (value) => new Promise((resolve) => {
    const check = () => { if (fromWorker.includes(value)) resolve(); else notify = check; };
    check();
  });
  const frame = await loaded(jshost.openFrame("resources/frame-ticker.js"));
  const c = new MessageChannel();
  worker.postMessage("take", [c.port1]);
  await waitFor("ready");
  const kept = next_window_message((e) => e.source === frame.contentWindow && e.data.keeping === 1);
  frame.contentWindow.postMessage("keep", "*", [c.port2]);
  await kept;
  frame.contentWindow.kept[0].postMessage("from the frame");
  await waitFor("from the frame");
  frame.close();
  await waitFor("closed");
  worker.terminate();
}, "a port in another agent whose peer was in the frame gets close when the frame closes");

promise_test(async () => {
  // The frame starts a worker and a channel: one port goes to the worker (which ticks through it), then the
  // other comes to this window.
  const source = "var w = new Worker('data:text/javascript,' + encodeURIComponent(" +
    "\"onmessage = (e) => setInterval(() => e.ports[0].postMessage('tick'), 5)\"));" +
    "var ch = new MessageChannel(); w.postMessage('go', [ch.port2]); parent.postMessage('port', '*', [ch.port1]);";
  const portArrives = next_window_message((e) => e.data === "port");
  const frame = await loaded(jshost.openFrame("data:text/javascript," + encodeURIComponent(source)));
  const port = (await portArrives).ports[0];
  let ticks = 0;
  const firstTick = new Promise((resolve) => { port.onmessage = () => { ticks++; resolve(); }; });
  await firstTick;
  frame.close();
  // (Not awaiting the port's `close` here: a terminated worker's ports do not always tell their peers yet,
  // with or without frames.)
  await wait(50);
  const after = ticks;
  await wait(50);
  assert_equals(ticks, after, "no tick once the worker is terminated");
}, "closing a frame terminates the workers it started");

promise_test(async () => {
  // A frame hands the page's port on to a worker of its own: the page then talks to the worker directly. When
  // the frame closes (and its worker with it), the page's port hears `close`: the pipe to the worker belongs to
  // the page's port, not to the frame that passed it along.
  const source = `
    onmessage = (e) => {
      const worker = new Worker("data:text/javascript," + encodeURIComponent(
        "onmessage = (m) => { const p = m.ports[0]; p.onmessage = (x) => p.postMessage(x.data + ' pong'); p.postMessage('ready'); };"));
      worker.postMessage(null, [e.ports[0]]);
    };`;
  const frame = await loaded(jshost.openFrame("data:text/javascript," + encodeURIComponent(source)));
  const { port1, port2 } = new MessageChannel();
  const replies = [];
  let waiting = null;
  port1.onmessage = (e) => { replies.push(e.data); if (waiting) waiting(); };
  const nextReply = () => new Promise((resolve) => { waiting = resolve; });
  const ready = nextReply();
  frame.contentWindow.postMessage("take it", "*", [port2]);
  await ready;
  const pong = nextReply();
  port1.postMessage("ping");
  await pong;
  assert_array_equals(replies, ["ready", "ping pong"]);
  const closed = new Promise((resolve) => port1.addEventListener("close", resolve));
  frame.close();
  await closed;
}, "a port a frame passed on to its worker stays the page's: it hears close when the frame and its worker go");
