// META: global=window
// META: script=resources/messaging-helpers.js
// BroadcastChannel fan-out: the order and task boundaries of one post's deliveries, sender exclusion, channels
// closed or opened while a post is being delivered, and what each destination's copy of the message is.
"use strict";

function channels(name, count) {
  const list = [];
  for (let i = 0; i < count; i++) list.push(new BroadcastChannel(name));
  return list;
}

function closeAll(list) {
  for (const channel of list) channel.close();
}

promise_test(async () => {
  const [first, sender, second, third] = channels("fanout-order", 4);
  const log = [];
  for (const [label, channel] of [["first", first], ["second", second], ["third", third]]) {
    channel.onmessage = (e) => {
      log.push(`${label}:${e.data}`);
      queueMicrotask(() => log.push(`${label}'s microtask:${e.data}`));
      Promise.resolve().then(() => Promise.resolve()).then(() => log.push(`${label}'s chain:${e.data}`));
    };
  }
  sender.onmessage = () => log.push("the sender");
  sender.postMessage(1);
  sender.postMessage(2);
  await settle();
  const expected = [];
  for (const n of [1, 2]) {
    for (const label of ["first", "second", "third"]) {
      expected.push(`${label}:${n}`, `${label}'s microtask:${n}`, `${label}'s chain:${n}`);
    }
  }
  assert_array_equals(log, expected,
    "creation order (the sender's place skipped), every microtask of one delivery before the next delivery");
  closeAll([first, sender, second, third]);
}, "deliveries in creation order, a microtask checkpoint between any two of them");

promise_test(async () => {
  const [sender, first, second, third] = channels("fanout-close-during", 4);
  const log = [];
  first.onmessage = (e) => {
    log.push(`first:${e.data}`);
    if (e.data === "a") second.close();
    if (e.data === "b") queueMicrotask(() => third.close());
  };
  second.onmessage = (e) => log.push(`second:${e.data}`);
  third.onmessage = (e) => log.push(`third:${e.data}`);
  sender.postMessage("a");
  await settle();
  sender.postMessage("b");
  await settle();
  assert_array_equals(log, ["first:a", "third:a", "first:b"],
    "a channel closed by an earlier delivery's listener (or its microtask) gets nothing more");
  closeAll([sender, first, second, third]);
}, "a listener closing another channel of the name during a fan-out");

promise_test(async () => {
  const [sender, first] = channels("fanout-open-during", 2);
  const log = [];
  let late = null;
  first.onmessage = (e) => {
    log.push(`first:${e.data}`);
    if (late === null) {
      late = new BroadcastChannel("fanout-open-during");
      late.onmessage = (e) => log.push(`late:${e.data}`);
    }
  };
  sender.postMessage(1);
  sender.postMessage(2);
  await settle();
  sender.postMessage(3);
  await settle();
  assert_array_equals(log, ["first:1", "first:2", "first:3", "late:3"],
    "a channel made after a post does not receive it, even while that post is still being delivered");
  closeAll([sender, first, late]);
}, "a channel opened during a fan-out receives only later posts");

promise_test(async () => {
  const [sender, closedFirst, open] = channels("fanout-closed-before", 3);
  const log = [];
  closedFirst.onmessage = () => log.push("closed");
  open.onmessage = (e) => log.push(`open:${e.data}`);
  sender.postMessage("x");
  closedFirst.close();
  await settle();
  assert_array_equals(log, ["open:x"], "closed after the post, before the delivery: nothing");
  closeAll([sender, open]);
}, "a channel closed after the post but before its delivery receives nothing");

promise_test(async () => {
  const receivers = channels("fanout-copies", 3);
  const sender = new BroadcastChannel("fanout-copies");
  const message = { list: [1, 2], nested: { n: 1 }, when: new Date(7), bytes: new Uint8Array([1, 2, 3]) };
  const seen = [];
  for (const receiver of receivers) {
    receiver.onmessage = (e) => {
      seen.push(e.data);
      // Each listener changes what it got: no other destination may see it.
      assert_array_equals(e.data.list, [1, 2]);
      assert_equals(e.data.nested.n, 1);
      assert_equals(e.data.bytes[0], 1);
      e.data.list.push(3);
      e.data.nested.n = 2;
      e.data.bytes[0] = 9;
    };
  }
  sender.postMessage(message);
  message.list.push("changed after the post");
  message.nested.n = 99;
  await settle();
  assert_equals(seen.length, 3);
  assert_not_equals(seen[0], seen[1]);
  assert_not_equals(seen[1], seen[2]);
  assert_not_equals(seen[2], message);
  assert_not_equals(seen[0].bytes.buffer, seen[2].bytes.buffer, "each destination has its own bytes");
  assert_equals(seen[2].when.getTime(), 7);
  closeAll([sender, ...receivers]);
}, "every destination gets a copy of its own, taken at post time");

promise_test(async () => {
  const [sender, a, b] = channels("fanout-kinds", 3);
  const got = [];
  a.onmessage = (e) => got.push(["a", e.data]);
  b.onmessage = (e) => got.push(["b", e.data]);
  const values = [undefined, null, true, 0, -0, NaN, 1n, "text", new DOMException("m", "DataCloneError"),
    new Blob(["blob bytes"], { type: "text/plain" }), new Map([[1, { k: 2 }]]), new Error("boom")];
  for (const value of values) sender.postMessage(value);
  await settle();
  assert_equals(got.length, values.length * 2);
  for (let i = 0; i < values.length; i++) {
    const [[whoA, fromA], [whoB, fromB]] = [got[2 * i], got[2 * i + 1]];
    assert_equals(whoA, "a");
    assert_equals(whoB, "b");
    const value = values[i];
    if (typeof value !== "object" || value === null) {
      assert_equals(fromA, value, `primitive ${i}`);
      assert_equals(fromB, value, `primitive ${i}`);
      continue;
    }
    assert_not_equals(fromA, fromB, `object ${i}: one copy per destination`);
    assert_equals(Object.getPrototypeOf(fromA), Object.getPrototypeOf(value));
    assert_equals(Object.getPrototypeOf(fromB), Object.getPrototypeOf(value));
  }
  assert_equals(got[16][1].name, "DataCloneError");
  assert_equals(got[17][1].message, "m");
  assert_equals(await got[18][1].text(), "blob bytes");
  assert_equals(await got[19][1].text(), "blob bytes");
  assert_equals(got[21][1].get(1).k, 2);
  assert_equals(got[23][1].message, "boom");
  closeAll([sender, a, b]);
}, "primitives, DOMExceptions, Blobs, Maps and Errors reach every destination");

promise_test(async () => {
  const [sender, receiver] = channels("fanout-data-clone-error", 2);
  const log = [];
  receiver.onmessage = (e) => log.push(e.data);
  let reads = 0;
  const poisoned = { get first() { reads++; return 1; }, second: Symbol("no") };
  assert_throws_dom("DataCloneError", () => sender.postMessage(poisoned));
  assert_equals(reads, 1);
  sender.postMessage("after");
  await settle();
  assert_array_equals(log, ["after"], "the failed post sent nothing");
  closeAll([sender, receiver]);
}, "a DataCloneError has no side effect");

function listenerWorker(name, label) {
  return new Worker("data:text/javascript," + encodeURIComponent(`
    const log = [];
    const channel = new BroadcastChannel(${JSON.stringify(name)});
    channel.onmessage = (e) => {
      log.push(e.data);
      if (e.data === "done") postMessage(log);
    };
    onmessage = (e) => {
      if (e.data === "transfer it") {
        const inner = new BroadcastChannel(${JSON.stringify(name)});
        inner.onmessage = (e) => {
          const buffer = e.data;
          postMessage(buffer, [buffer]);
          postMessage({ detached: buffer.byteLength === 0 && buffer.detached === true });
          inner.close();
        };
        postMessage("ready");
      }
    };
    postMessage("listening");
  `));
}

function nextMessage(target) {
  return new Promise((resolve) => target.addEventListener("message", (e) => resolve(e.data), { once: true }));
}

promise_test(async () => {
  const name = "fanout-mixed-agents";
  const before = new BroadcastChannel(name);
  const worker = listenerWorker(name);
  assert_equals(await nextMessage(worker), "listening");
  const sender = new BroadcastChannel(name);
  const after = new BroadcastChannel(name);
  const here = [];
  before.onmessage = (e) => here.push(`before:${e.data}`);
  after.onmessage = (e) => here.push(`after:${e.data}`);
  const inWorker = nextMessage(worker);
  for (let i = 0; i < 5; i++) sender.postMessage(i);
  sender.postMessage("done");
  assert_array_equals(await inWorker, [0, 1, 2, 3, 4, "done"], "the worker's channel gets every post, in order");
  await settle();
  const expected = [];
  for (const n of [0, 1, 2, 3, 4, "done"]) expected.push(`before:${n}`, `after:${n}`);
  assert_array_equals(here, expected, "the channels of the sender's agent too");
  worker.terminate();
  closeAll([before, sender, after]);
}, "one post reaches channels of its own agent and of a worker, each in posting order");

promise_test(async () => {
  const name = "fanout-pinned";
  const worker = listenerWorker(name);
  assert_equals(await nextMessage(worker), "listening");
  worker.postMessage("transfer it");
  assert_equals(await nextMessage(worker), "ready");
  const sender = new BroadcastChannel(name);
  const receiver = new BroadcastChannel(name);
  const received = nextMessage(receiver);
  const fromWorker = nextMessage(worker);
  let getterRuns = 0;
  sender.postMessage(new Uint8Array([5, 6, 7]).buffer);
  sender.postMessage({ get value() { getterRuns++; return 1; } });
  const buffer = await received;
  assert_array_equals(new Uint8Array(buffer), [5, 6, 7]);
  const copy = buffer.transfer();
  assert_true(buffer.detached, "the buffer a local destination got can be transferred (detached)");
  assert_array_equals(new Uint8Array(copy), [5, 6, 7]);
  assert_array_equals(new Uint8Array(await fromWorker), [5, 6, 7], "the worker's copy");
  assert_object_equals(await nextMessage(worker), { detached: true }, "the worker could transfer its copy");
  assert_equals(getterRuns, 1, "the message is read once, for all destinations in every agent");
  worker.terminate();
  closeAll([sender, receiver]);
}, "a post to destinations here and in a worker reads the message once; each copy is the destination's own");

promise_test(async () => {
  const [sender, first, second, third] = channels("fanout-listener-added", 4);
  const log = [];
  // `second` and `third` have no message listener when the post is made; `first`'s listener gives one to
  // `second`, and a microtask of it one to `third`: both still get the message, in order.
  first.onmessage = (e) => {
    log.push(`first:${e.data}`);
    second.addEventListener("message", (e) => log.push(`second:${e.data}`));
    Promise.resolve().then(() => { third.onmessage = (e) => log.push(`third:${e.data}`); });
  };
  sender.postMessage("x");
  await settle();
  assert_array_equals(log, ["first:x", "second:x", "third:x"]);
  closeAll([sender, first, second, third]);
}, "a channel that gains a listener before its turn in a fan-out receives the message");

promise_test(async () => {
  const name = "fanout-worker-mixed-posts";
  const worker = new Worker("data:text/javascript," + encodeURIComponent(`
    const seen = [[], [], []];
    const order = [];
    const channels = [];
    for (let i = 0; i < 3; i++) {
      const channel = new BroadcastChannel(${JSON.stringify(name)});
      channel.onmessage = (e) => {
        const d = e.data;
        seen[i].push(d instanceof ArrayBuffer ? "bytes:" + new Uint8Array(d).join(",")
          : typeof d === "string" && d.length > 100 ? "long:" + d.length + ":" + d.slice(-3)
          : typeof d === "object" && d !== null ? JSON.stringify(d) : typeof d + ":" + String(d));
        order.push(i);
        if (i === 1) queueMicrotask(() => order.push("microtask"));
        if (d === "end" && i === 2) postMessage({ seen, order });
      };
      channels.push(channel);
    }
    postMessage("listening");
  `));
  assert_equals(await nextMessage(worker), "listening");
  const sender = new BroadcastChannel(name);
  const report = nextMessage(worker);
  const long = "x".repeat(20000) + "end";
  const posts = [1, "two", { three: [3] }, new Uint8Array([4, 5]).buffer, long, null, "é😀", 7.5, "end"];
  for (const post of posts) sender.postMessage(post);
  const { seen, order } = await report;
  const expected = ["number:1", "string:two", '{"three":[3]}', "bytes:4,5", "long:20003:end", "object:null",
    "string:é😀", "number:7.5", "string:end"];
  for (let i = 0; i < 3; i++) assert_array_equals(seen[i], expected, `channel ${i}: every post, in order`);
  const expectedOrder = [];
  for (let i = 0; i < posts.length; i++) expectedOrder.push(0, 1, "microtask", 2);
  assert_array_equals(order, expectedOrder, "creation order; a delivery's microtasks run before the next delivery");
  worker.terminate();
  sender.close();
}, "a burst of mixed posts to a worker arrives complete and in order at each of its channels");

promise_test(async () => {
  const name = "fanout-from-a-worker";
  const log = [];
  const a = new BroadcastChannel(name), b = new BroadcastChannel(name);
  a.onmessage = (e) => {
    log.push(`a:${e.data}`);
    queueMicrotask(() => log.push(`a's microtask:${e.data}`));
    Promise.resolve().then(() => Promise.resolve()).then(() => log.push(`a's chain:${e.data}`));
  };
  const done = new Promise((resolve) => {
    b.onmessage = (e) => { log.push(`b:${e.data}`); if (e.data === 3) resolve(); };
  });
  const worker = new Worker("data:text/javascript," + encodeURIComponent(`
    const channel = new BroadcastChannel(${JSON.stringify(name)});
    onmessage = () => { channel.postMessage(1); channel.postMessage(2); channel.postMessage(3); };
  `));
  worker.postMessage("go");
  await done;
  const expected = [];
  for (const n of [1, 2, 3]) expected.push(`a:${n}`, `a's microtask:${n}`, `a's chain:${n}`, `b:${n}`);
  assert_array_equals(log, expected, "posts from a worker: creation order here, a checkpoint between deliveries");
  worker.terminate();
  a.close(); b.close();
}, "posts from a worker reach this thread's channels in order, each delivery its own task");
