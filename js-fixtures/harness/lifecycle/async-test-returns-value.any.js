// An async_test() function that returns a value ends the file at once with harness ERROR: tests still
// waiting are TIMEOUT, tests defined afterwards are not reported. Pinned in js-fixtures/expectations.json.
async_test(t => { t.step_timeout(() => { t.done(); }, 10); }, "pending when the file ends");
test(() => {}, "complete before");
async_test(t => t.step_timeout(() => { t.done(); }, 10), "returns a timer id");
test(() => {}, "defined after the end: not reported");
