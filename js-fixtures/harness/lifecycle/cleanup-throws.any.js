// A cleanup that throws: harness ERROR; the test keeps its own PASS, tests that have not started are
// NOTRUN. Pinned in js-fixtures/expectations.json.
test(t => { t.add_cleanup(() => { throw new Error("cleanup boom"); }); }, "its cleanup throws");
test(() => {}, "not run after a failed cleanup");
promise_test(async () => {}, "queued promise test not run either");
