// Workers: spawn to first message, main ⇄ worker ping-pong (median and p99 round trip), a 1 KB object round
// trip, and ArrayBuffers of 1 MiB and 16 MiB transferred to a worker and back.
const WORKER_SOURCE = `
  onmessage = (e) => {
    const d = e.data;
    if (d && d.buffer instanceof ArrayBuffer) postMessage(d, [d.buffer]);
    else postMessage(d);
  };
  postMessage("ready");
`;

function next(worker) {
  return new Promise((resolve) => { worker.onmessage = (e) => resolve(e.data); });
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

(async () => {
  // Spawn to first message, median of 10.
  const spawns = [];
  for (let i = 0; i < 10; i++) {
    const t0 = now();
    const worker = startWorker(WORKER_SOURCE);
    await next(worker);
    spawns.push(now() - t0);
    worker.terminate();
  }
  spawns.sort((a, b) => a - b);
  report("worker-spawn", percentile(spawns, 0.5).toFixed(2), "ms");

  const worker = startWorker(WORKER_SOURCE);
  await next(worker);
  // Ping-pong of a small number: median and p99 of 5,000 round trips after 500 warm-up ones.
  const trips = [];
  for (let i = 0; i < 5500; i++) {
    const t0 = now();
    worker.postMessage(i);
    await next(worker);
    if (i >= 500) trips.push((now() - t0) * 1000);
  }
  trips.sort((a, b) => a - b);
  report("worker-roundtrip-median", percentile(trips, 0.5).toFixed(1), "us/message");
  report("worker-roundtrip-p99", percentile(trips, 0.99).toFixed(1), "us/message");

  const object = objectOfSize(1024);
  const objectTrips = [];
  for (let i = 0; i < 2200; i++) {
    const t0 = now();
    worker.postMessage(object);
    await next(worker);
    if (i >= 200) objectTrips.push((now() - t0) * 1000);
  }
  objectTrips.sort((a, b) => a - b);
  report("worker-1kb-object-roundtrip", percentile(objectTrips, 0.5).toFixed(1), "us/message");

  for (const mib of [1, 16]) {
    const times = [];
    let buffer = new ArrayBuffer(mib << 20);
    // Moving a buffer costs the same whatever its size, so it can be repeated like the other rows: 500
    // round trips after 200 warm-up ones (the same buffer goes back and forth; nothing is allocated).
    for (let i = 0; i < 700; i++) {
      const t0 = now();
      worker.postMessage({ buffer }, [buffer]);
      buffer = (await next(worker)).buffer;
      if (i >= 200) times.push((now() - t0) * 1000);
    }
    times.sort((a, b) => a - b);
    report(`worker-transfer-${mib}mib-roundtrip`, percentile(times, 0.5).toFixed(1), "us/message");
  }
  worker.terminate();
})();
