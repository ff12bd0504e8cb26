// BroadcastChannel fan-out: one sender, N listeners of the same name, messages delivered per second (each
// listener's copy counts). Same thread: N = 1, 10 and 100 listeners. Across threads: 10 listeners in each of
// two workers, each worker reporting when all its copies have arrived (a warm-up round, then the median of five).
const TOTAL_DELIVERIES = 100000;
// Across threads a round of 100,000 deliveries lasts ~25 ms, short enough that a collection in one worker
// swings the figure by ±30%; rounds of 1,000,000 measure the sustained rate.
const TOTAL_DELIVERIES_ACROSS_THREADS = 1000000;

function fanOutSameThread(listeners) {
  const name = `same-thread-${listeners}`;
  const sender = new BroadcastChannel(name);
  const receivers = [];
  const messages = Math.max(1, Math.floor(TOTAL_DELIVERIES / listeners));
  return new Promise((resolve) => {
    let delivered = 0;
    const expected = messages * listeners;
    let t0;
    for (let i = 0; i < listeners; i++) {
      const receiver = new BroadcastChannel(name);
      receiver.onmessage = () => {
        if (++delivered === expected) {
          const seconds = (now() - t0) / 1000;
          sender.close();
          for (const r of receivers) r.close();
          resolve(expected / seconds);
        }
      };
      receivers.push(receiver);
    }
    t0 = now();
    for (let i = 0; i < messages; i++) sender.postMessage(i);
  });
}

const LISTENER_SOURCE = `
  let expected = 0, delivered = 0;
  const channels = [];
  onmessage = (e) => {
    expected = e.data.expected;
    for (let i = 0; i < e.data.listeners; i++) {
      const channel = new BroadcastChannel(e.data.name);
      channel.onmessage = () => {
        if (++delivered === expected) {
          delivered = 0;
          postMessage("all delivered");
        }
      };
      channels.push(channel);
    }
    postMessage("listening");
  };
`;

async function fanOutToWorkers(workerCount, listenersEach) {
  const name = "across-threads";
  const messages = Math.floor(TOTAL_DELIVERIES_ACROSS_THREADS / (workerCount * listenersEach));
  const workers = [];
  for (let i = 0; i < workerCount; i++) {
    const worker = startWorker(LISTENER_SOURCE);
    const listening = new Promise((resolve) => { worker.onmessage = resolve; });
    worker.postMessage({ name, listeners: listenersEach, expected: messages * listenersEach });
    await listening;
    workers.push(worker);
  }
  const sender = new BroadcastChannel(name);
  // One round: every listener of every worker gets each message. The first round warms up, as the same-thread
  // rows do; the median of the next five is reported.
  async function round() {
    const done = workers.map((worker) => new Promise((resolve) => { worker.onmessage = resolve; }));
    const t0 = now();
    for (let i = 0; i < messages; i++) sender.postMessage(i);
    // A runtime whose workers do not share BroadcastChannel with the main thread reports nothing.
    let timer;
    const gaveUp = new Promise((resolve) => { timer = setTimeout(() => resolve("gave up"), 10000); });
    const outcome = await Promise.race([Promise.all(done), gaveUp]);
    clearTimeout(timer);
    const seconds = (now() - t0) / 1000;
    return outcome === "gave up" ? null : (messages * workerCount * listenersEach) / seconds;
  }
  let rate = null;
  if ((await round()) !== null) {
    const rates = [];
    for (let i = 0; i < 5; i++) rates.push(await round());
    rates.sort((a, b) => a - b);
    rate = rates[2];
  }
  sender.close();
  for (const worker of workers) worker.terminate();
  return rate;
}

(async () => {
  for (const listeners of [1, 10, 100]) {
    await fanOutSameThread(listeners); // warm-up
    report(`broadcast-fanout-${listeners}-same-thread`, Math.round(await fanOutSameThread(listeners)), "deliveries/s");
  }
  const acrossThreads = await fanOutToWorkers(2, 10);
  if (acrossThreads !== null) report("broadcast-fanout-2x10-workers", Math.round(acrossThreads), "deliveries/s");
})();
