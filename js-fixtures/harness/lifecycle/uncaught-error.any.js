// An uncaught error outside any test: harness ERROR, but running tests still complete and a test that
// never started no longer keeps the file open (NOTRUN). Pinned in js-fixtures/expectations.json.
test(() => {}, "before the error");
setTimeout(() => { throw new RangeError("timer boom"); }, 0);
async_test(t => { t.step_timeout(() => { t.done(); }, 30); }, "still completes after the error");
async_test("never started");
