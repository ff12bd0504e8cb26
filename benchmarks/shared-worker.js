// SharedWorker: connect time to a new instance (constructor to the worker's first message, which includes
// starting its thread and engine), connect time to a running instance, and the port round trip. Peers without
// SharedWorker (Node, Deno and Bun today) report nothing and are shown as "-".
const HUB_SOURCE = `
  onconnect = (e) => {
    const port = e.ports[0];
    port.onmessage = (m) => port.postMessage(m.data);
    port.postMessage("connected");
  };
`;

function nextMessage(port) {
  return new Promise((resolve) => { port.onmessage = (e) => resolve(e.data); });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

if (typeof SharedWorker === "function") {
  (async () => {
    const url = URL.createObjectURL(new Blob([HUB_SOURCE], { type: "text/javascript" }));
    const fresh = [];
    for (let i = 0; i < 10; i++) {
      const t0 = now();
      const worker = new SharedWorker(url, `fresh-${i}`);
      await nextMessage(worker.port);
      fresh.push(now() - t0);
      worker.port.close();
    }
    report("sharedworker-connect-new", median(fresh).toFixed(2), "ms");

    const first = new SharedWorker(url, "running");
    await nextMessage(first.port);
    const joins = [];
    for (let i = 0; i < 200; i++) {
      const t0 = now();
      const worker = new SharedWorker(url, "running");
      await nextMessage(worker.port);
      joins.push(now() - t0);
    }
    report("sharedworker-connect-running", median(joins).toFixed(3), "ms");

    const trips = [];
    for (let i = 0; i < 5500; i++) {
      const t0 = now();
      first.port.postMessage(i);
      await nextMessage(first.port);
      if (i >= 500) trips.push((now() - t0) * 1000);
    }
    report("sharedworker-roundtrip-median", median(trips).toFixed(1), "us/message");
    first.port.close();
  })();
}
