// A getter may start a clone (structuredClone, postMessage) while another one is walking: each keeps its own
// memory (HTML's "memory" map), whether the graph is small or large.
"use strict";

function graph(count, shared) {
  const out = {};
  for (let i = 0; i < count; i++) out["k" + i] = { i, shared };
  return out;
}

for (const [outerSize, innerSize] of [[2, 2], [2, 20], [20, 2], [20, 20]]) {
  test(() => {
    const shared = { s: 1 };
    const innerShared = { s: 2 };
    const inner = graph(innerSize, innerShared);
    let innerCopy;
    const outer = { first: shared, ...graph(outerSize, shared), get g() { innerCopy = structuredClone(inner); return 5; }, last: shared };
    const copy = structuredClone(outer);
    assert_equals(copy.g, 5);
    assert_equals(copy.first, copy.last, "the outer clone's memory survives the nested clone");
    assert_equals(copy.k1.shared, copy.first);
    assert_equals(innerCopy.k0.shared, innerCopy["k" + (innerSize - 1)].shared);
    assert_not_equals(innerCopy.k0.shared, copy.first);
    assert_equals(innerCopy.k0.shared.s, 2);
  }, `structuredClone inside a getter (outer graph ${outerSize}, inner ${innerSize})`);
}

async_test((t) => {
  const shared = { s: 1 };
  const { port1, port2 } = new MessageChannel();
  const message = { a: shared, ...graph(12, shared), get g() { port1.postMessage({ x: shared, y: shared }); return 1; }, b: shared };
  const got = [];
  port2.onmessage = t.step_func((e) => {
    got.push(e.data);
    if (got.length < 2) return;
    assert_equals(got[0].x, got[0].y, "the nested message, posted first");
    assert_equals(got[1].a, got[1].b, "the outer message");
    assert_equals(got[1].k11.shared, got[1].a);
    port1.close();
    t.done();
  });
  port1.postMessage(message);
}, "postMessage inside a getter of a posted message");

test(() => {
  const shared = { s: 1 };
  const value = { a: shared, get g() { throw new Error("stop"); }, b: shared };
  assert_throws_js(Error, () => structuredClone(value));
  // The next clone starts from a clean memory.
  const copy = structuredClone({ a: shared, b: shared });
  assert_equals(copy.a, copy.b);
  assert_not_equals(copy.a, shared);
}, "a clone that throws leaves nothing behind for the next one");
