// Discovery fixture: one passing subtest named after the file.
test(() => {}, "discovery/.hidden-file.test.js");
