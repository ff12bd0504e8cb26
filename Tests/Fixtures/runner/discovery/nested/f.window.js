// Discovery fixture: one passing subtest named after the file.
test(() => {}, "discovery/nested/f.window.js");
