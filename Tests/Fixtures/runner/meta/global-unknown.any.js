// META: global=browser, node
// Only unknown contexts: an error for each, nothing runs.
test(() => {}, "never runs");
