// META: title=the single test
// single_test: a failing assertion at top level fails the file's one test (named after the META title);
// with allow_uncaught_exception the file still waits for done(). Pinned in js-fixtures/expectations.json.
setup({ single_test: true, allow_uncaught_exception: true });
setTimeout(() => {
  assert_equals(1, 2, "top level");
}, 0);
setTimeout(done, 20);
