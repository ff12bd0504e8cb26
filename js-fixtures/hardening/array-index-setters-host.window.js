// META: global=window
// Setters that user code defines for array indexes on Array.prototype must not swallow the host's own
// bookkeeping: event listeners, the task queue, MessagePort queues and clones all keep working, and none of
// those setters runs.
"use strict";

promise_test(async () => {
  const hits = { count: 0 };
  for (let i = 0; i < 16; i++) {
    Object.defineProperty(Array.prototype, i, { set() { hits.count++; }, get() { return undefined; }, configurable: true });
  }
  const observed = { heard: 0, got: 0, sum: 0, timers: 0, cloneOK: false };
  let finish;
  const finished = new Promise((resolve) => { finish = resolve; });
  try {
    const target = new EventTarget();
    target.addEventListener("x", () => { observed.heard++; });
    target.addEventListener("x", () => { observed.heard++; });
    target.dispatchEvent(new Event("x"));
    const copy = structuredClone({ n: 1, m: new Map([[1, 2]]) });
    observed.cloneOK = copy.n === 1 && copy.m.get(1) === 2;
    const { port1, port2 } = new MessageChannel();
    port2.onmessage = (e) => {
      observed.got++;
      observed.sum += e.data;
      if (observed.got === 20) { port1.close(); finish(); }
    };
    for (let i = 0; i < 20; i++) port1.postMessage(i);
    setTimeout(() => { observed.timers++; }, 0);
    setTimeout(() => { observed.timers++; }, 1);
    await finished;
    await new Promise((resolve) => setTimeout(resolve, 5));
  } finally {
    for (let i = 0; i < 16; i++) delete Array.prototype[i];
  }
  assert_equals(observed.heard, 2, "both listeners ran");
  assert_true(observed.cloneOK, "structuredClone");
  assert_equals(observed.got, 20, "every message arrived");
  assert_equals(observed.sum, 190, "in order, none lost");
  assert_equals(observed.timers, 2, "both timers fired");
  assert_equals(hits.count, 0, "no index setter ran");
}, "events, tasks, port messages and clones with index setters on Array.prototype");
