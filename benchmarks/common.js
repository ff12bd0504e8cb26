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
