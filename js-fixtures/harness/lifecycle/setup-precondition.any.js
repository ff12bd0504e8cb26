// assert_implements_optional failing in setup(): harness PRECONDITION_FAILED and no test runs.
// Pinned in js-fixtures/expectations.json.
setup(() => { assert_implements_optional(false, "optional feature"); });
test(() => {}, "never defined");
