// A promise test cleanup whose promise rejects: harness ERROR, later promise tests NOTRUN.
// Pinned in js-fixtures/expectations.json.
promise_test(async t => { t.add_cleanup(() => Promise.reject(new Error("rejects"))); }, "its cleanup rejects");
promise_test(async () => {}, "not run after the rejected cleanup");
