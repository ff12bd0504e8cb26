// Shared by the benchmark scripts (concatenated in front of each by run.py, so it works the same in
// jshost, node and deno without modules).
const now = () => performance.now();
function report(name, value, unit) {
  console.log(`RESULT ${name} ${value} ${unit}`);
}
function objectOfSize(bytes) {
  const item = { id: 12345, name: "benchmark item", tags: ["alpha", "beta", "gamma"], nested: { x: 1.5, y: -2, ok: true, label: "nested" } };
  const items = [];
  while (JSON.stringify(items).length < bytes) items.push({ ...item, id: items.length, nested: { ...item.nested } });
  return { kind: "payload", count: items.length, items };
}
function exoticObject() {
  const o = {
    when: new Date(1700000000000), pattern: /ab+c/gi, map: new Map([[1, "one"], ["two", 2], [{ k: 1 }, [3]]]),
    set: new Set([1, "a", 3n]), big: 12345678901234567890n, bytes: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]),
    floats: new Float64Array([1.5, 2.5, -0]), view: new DataView(new ArrayBuffer(16)),
  };
  o.self = o;
  return o;
}
// Runs fn in rounds until at least `seconds` have passed; returns operations per second.
function rate(fn, seconds = 1) {
  let ops = 0;
  const start = now();
  let elapsed = 0;
  while (elapsed < seconds * 1000) {
    ops += fn();
    elapsed = now() - start;
  }
  return ops / (elapsed / 1000);
}
// Starts a classic worker running `source`. jshost, Bun and Deno have Web Workers (Deno only module workers,
// which a classic-compatible source also is); Node gets a small shim over worker_threads.
function startWorker(source) {
  if (typeof Worker === "function" && typeof process === "undefined" || typeof Bun !== "undefined" || typeof Deno !== "undefined") {
    const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
    return new Worker(url, typeof Deno !== "undefined" ? { type: "module" } : undefined);
  }
  // Node: worker_threads with the same script behind a Web-style prelude.
  const { Worker: NodeWorker } = require("worker_threads");
  const prelude = `const { parentPort } = require("worker_threads");
    globalThis.postMessage = (d, t) => parentPort.postMessage(d, t);
    parentPort.on("message", (d) => globalThis.onmessage({ data: d }));`;
  const worker = new NodeWorker(prelude + source, { eval: true });
  const shim = {
    set onmessage(fn) { worker.removeAllListeners("message"); worker.on("message", (data) => fn({ data })); },
    postMessage: (d, t) => worker.postMessage(d, t),
    terminate: () => worker.terminate(),
  };
  return shim;
}
