// A test() function that returns a value: the harness status is ERROR ("... passed a function to `test`
// that returned a value."), but the tests themselves pass and later ones still run.
// Pinned in js-fixtures/expectations.json.
test(() => 5, "returns a value");
test(() => {}, "a later test still runs");
async_test(t => { t.step_timeout(() => { t.done(); }, 10); }, "a pending async test still completes");
