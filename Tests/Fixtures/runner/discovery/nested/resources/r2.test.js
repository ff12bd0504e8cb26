// Discovery fixture: one passing subtest named after the file.
test(() => {}, "discovery/nested/resources/r2.test.js");
