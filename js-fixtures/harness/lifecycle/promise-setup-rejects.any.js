// promise_setup() whose promise rejects: harness ERROR, the promise tests are NOTRUN.
// Pinned in js-fixtures/expectations.json.
promise_setup(() => Promise.reject(new Error("promise_setup boom")));
promise_test(async () => {}, "not run after promise_setup failed");
