// META: script=resources/does-not-exist.js
test(() => {}, "never runs");
