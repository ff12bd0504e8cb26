// Discovery fixture: one passing subtest named after the file.
test(() => {}, "discovery/nested/deep/e.test.js");
