// A test passes, then the file throws at top level: harness ERROR.
test(() => {}, "defined before the throw");
throw new TypeError("top-level boom");
