// META: global=window
// META: script=resources/messaging-helpers.js
// The port message queue: kept until enabled, in order; one message is one task (HTML "message port post
// message steps": add a task to the target port's port message queue).
"use strict";

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  for (let i = 0; i < 10; i++) port1.postMessage(i);
  await settle();
  const received = receive_messages(port2, 10);
  assert_array_equals(await received, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
}, "Messages posted before start() are kept, in order");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const log = collect_messages(port2);
  port1.postMessage("a");
  port1.postMessage("b");
  port2.start();
  port1.postMessage("c");
  await settle();
  assert_array_equals(log, ["a", "b", "c"]);
}, "Messages posted before and after start() arrive in posting order");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const log = collect_messages(port2);
  port2.start();
  port1.postMessage("x");
  assert_array_equals(log, [], "not delivered synchronously");
  await Promise.resolve();
  await Promise.resolve();
  assert_array_equals(log, [], "not delivered in a microtask");
  await settle();
  assert_array_equals(log, ["x"]);
}, "Delivery is asynchronous: a task, not a microtask");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const log = [];
  port2.onmessage = (e) => {
    log.push(`handler ${e.data}`);
    Promise.resolve().then(() => log.push(`promise ${e.data}`));
    queueMicrotask(() => log.push(`microtask ${e.data}`));
  };
  port1.postMessage(1);
  port1.postMessage(2);
  port1.postMessage(3);
  await settle();
  assert_array_equals(log, [
    "handler 1", "promise 1", "microtask 1",
    "handler 2", "promise 2", "microtask 2",
    "handler 3", "promise 3", "microtask 3",
  ]);
}, "One message is one task: a microtask checkpoint runs between two messages");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const log = [];
  let resolveFirst;
  const first = new Promise((resolve) => { resolveFirst = resolve; });
  first.then(() => log.push("settled"));
  port2.onmessage = (e) => {
    log.push(`handler ${e.data}`);
    if (e.data === 1) resolveFirst();
  };
  port1.postMessage(1);
  port1.postMessage(2);
  await settle();
  assert_array_equals(log, ["handler 1", "settled", "handler 2"]);
}, "A promise resolved in handler N settles before handler N+1 runs");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const log = [];
  port2.addEventListener("message", (e) => {
    log.push(`listener A ${e.data}`);
    Promise.resolve().then(() => log.push(`promise ${e.data}`));
  });
  port2.addEventListener("message", (e) => log.push(`listener B ${e.data}`));
  port2.start();
  port1.postMessage(1);
  port1.postMessage(2);
  await settle();
  assert_array_equals(log, [
    "listener A 1", "listener B 1", "promise 1",
    "listener A 2", "listener B 2", "promise 2",
  ], "the checkpoint runs after all listeners of one event (listeners are called from a task)");
}, "All listeners of one message run before the checkpoint, then the next message");

promise_test(async () => {
  const channels = [new MessageChannel(), new MessageChannel(), new MessageChannel()];
  const log = [];
  channels.forEach((c, i) => { c.port2.onmessage = (e) => log.push(`${i}:${e.data}`); });
  const expected = [];
  for (let round = 0; round < 4; round++) {
    for (const i of [0, 2, 1]) {
      channels[i].port1.postMessage(round);
      expected.push(`${i}:${round}`);
    }
  }
  channels[1].port1.postMessage("x");
  channels[1].port1.postMessage("y");
  channels[0].port1.postMessage("z");
  expected.push("1:x", "1:y", "0:z");
  await settle();
  assert_array_equals(log, expected);
}, "Interleaved posts on three channels arrive in posting order");

promise_test(async () => {
  const a = new MessageChannel(), b = new MessageChannel();
  const log = [];
  a.port2.onmessage = (e) => log.push(`a:${e.data}`);
  b.port2.onmessage = (e) => log.push(`b:${e.data}`);
  // Also in the other direction of the same channel.
  a.port1.onmessage = (e) => log.push(`a1:${e.data}`);
  a.port1.postMessage(1);
  b.port1.postMessage(1);
  a.port2.postMessage(1);
  a.port1.postMessage(2);
  b.port1.postMessage(2);
  await settle();
  assert_array_equals(log, ["a:1", "b:1", "a1:1", "a:2", "b:2"]);
}, "Posting order across two channels and both directions");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const other = new MessageChannel();
  const log = [];
  port2.onmessage = (e) => {
    log.push(e.data);
    if (e.data === "first") {
      other.port1.postMessage("posted from handler");
      port1.postMessage("posted again");
    }
  };
  other.port2.onmessage = (e) => log.push(e.data);
  port1.postMessage("first");
  port1.postMessage("second");
  await settle();
  assert_array_equals(log, ["first", "second", "posted from handler", "posted again"]);
}, "Messages posted from a handler come after the messages already queued");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const log = [];
  const timer = new Promise((resolve) => setTimeout(() => { log.push("timer"); resolve(); }, 0));
  port2.onmessage = (e) => log.push(e.data);
  port1.postMessage(1);
  port1.postMessage(2);
  await timer;
  await settle();
  assert_array_equals(log.filter((x) => x !== "timer"), [1, 2], "both messages arrive");
  assert_equals(log.length, 3, "the timer fired once");
}, "Message tasks and timer tasks both run");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const total = 3000;
  let count = 0, inOrder = true;
  port2.onmessage = (e) => {
    if (e.data !== count) inOrder = false;
    count++;
  };
  for (let i = 0; i < total; i++) port1.postMessage(i);
  await settle();
  assert_equals(count, total, "every message arrived");
  assert_true(inOrder, "in order");
}, "Many queued messages arrive once each, in order");
