// Discovery fixture: one passing subtest named after the file.
test(() => {}, "discovery/.hidden/h.test.js");
