// setup() whose function throws: harness ERROR at once; later tests are not reported.
// Pinned in js-fixtures/expectations.json.
setup(() => { throw new Error("setup boom"); });
test(() => {}, "never defined");
