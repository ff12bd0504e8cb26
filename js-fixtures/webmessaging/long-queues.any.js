// META: global=window
// Long port message queues (more messages than one block of a side's queue holds, 4096): order, contents and
// shipping are the same as for short ones. Also the host-task FIFO, where consecutive deliveries to one port
// share an entry.
"use strict";

function receiveAll(port, count) {
  return new Promise((resolve) => {
    const got = [];
    port.onmessage = (e) => {
      got.push(e.data);
      if (got.length === count) resolve(got);
    };
  });
}

function checkSequence(got, count) {
  assert_equals(got.length, count);
  for (let i = 0; i < count; i++) {
    if (got[i].i !== i || got[i].tags[1] !== 2) assert_unreached(`message ${i} is ${JSON.stringify(got[i])}`);
  }
}

promise_test(async () => {
  const N = 10000;
  const { port1, port2 } = new MessageChannel();
  for (let i = 0; i < N; i++) port1.postMessage({ i, tags: [1, 2] });
  checkSequence(await receiveAll(port2, N), N);
}, "10,000 object messages posted before start() arrive in order");

promise_test(async () => {
  const N = 9000;
  const { port1, port2 } = new MessageChannel();
  const got = [];
  const done = new Promise((resolve) => {
    port2.onmessage = (e) => {
      got.push(e.data);
      // Post more while the queue is being read, across block boundaries.
      if (got.length === 100) for (let i = N / 2; i < N; i++) port1.postMessage({ i, tags: [1, 2] });
      if (got.length === N) resolve();
    };
  });
  for (let i = 0; i < N / 2; i++) port1.postMessage({ i, tags: [1, 2] });
  await done;
  checkSequence(got, N);
}, "messages posted while a long queue is read keep their order");

promise_test(async () => {
  const N = 10000;
  const carrier = new MessageChannel();
  const { port1, port2 } = new MessageChannel();
  for (let i = 0; i < N; i++) port1.postMessage({ i, tags: [1, 2] });
  // port2 leaves with its whole queue, unread.
  const arrived = new Promise((resolve) => { carrier.port2.onmessage = (e) => resolve(e.ports[0]); });
  carrier.port1.postMessage(null, [port2]);
  const shipped = await arrived;
  const got = await receiveAll(shipped, N);
  checkSequence(got, N);
  assert_equals(Object.getPrototypeOf(got[N - 1]), Object.prototype);
  carrier.port1.close();
}, "a port shipped with 10,000 queued messages delivers them all, in order");

promise_test(async () => {
  const N = 5000;
  const a = new MessageChannel(), b = new MessageChannel();
  const log = [];
  let seen = 0;
  const done = new Promise((resolve) => {
    const listen = (name) => (e) => {
      log.push(name + e.data);
      if (++seen === 2 * N + 2) resolve();
    };
    a.port2.onmessage = listen("a");
    b.port2.onmessage = listen("b");
  });
  for (let i = 0; i < N; i++) a.port1.postMessage(i);
  b.port1.postMessage(0);
  for (let i = 0; i < N; i++) b.port1.postMessage(i + 1);
  a.port1.postMessage(N);
  await done;
  assert_equals(log[N - 1], "a" + (N - 1));
  assert_equals(log[N], "b0", "the other port's message comes after the run it follows");
  assert_equals(log[2 * N + 1], "a" + N, "and before the run that follows it");
}, "runs of messages to one port keep their place among other ports' messages");

promise_test(async () => {
  const N = 6000;
  const { port1, port2 } = new MessageChannel();
  for (let i = 0; i < N; i++) port1.postMessage(i);
  port2.close();
  // Nothing is delivered to a closed port; the queue is simply dropped.
  let fired = false;
  port2.onmessage = () => { fired = true; };
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert_false(fired);
}, "closing a port with a long queue drops it");
