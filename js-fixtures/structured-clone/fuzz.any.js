// META: script=../../scripts/clone-fuzz.js
// META: timeout=long
// Seeded property-based structured clone: random graphs of every cloneable type, with shared references,
// cycles and transfer lists, through structuredClone() and through postMessage() on a MessageChannel, compared
// exactly with a second graph built from the same seed (see scripts/clone-fuzz.js). A few thousand cases here;
// `make fuzz` runs a million, and `jshost run scripts/clone-fuzz.js --cases N --seed S` any number. A mismatch
// names its seed and case, and the command that reruns it.

const CASES = 3000;

promise_test(async () => {
  const { total, mismatches } = await CloneFuzz.run({ count: CASES, via: "structuredClone" });
  assert_equals(total, 0, `mismatches:\n${mismatches.join("\n")}\n`);
}, `${CASES} random graphs through structuredClone() (seed ${CloneFuzz.DEFAULT_SEED})`);

promise_test(async () => {
  const { total, mismatches } = await CloneFuzz.run({ count: CASES, via: "postMessage" });
  assert_equals(total, 0, `mismatches:\n${mismatches.join("\n")}\n`);
}, `${CASES} random graphs through postMessage() on a MessageChannel (seed ${CloneFuzz.DEFAULT_SEED})`);
