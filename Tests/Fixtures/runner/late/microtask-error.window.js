// A synchronous test passes, then a microtask queued by the file throws: harness ERROR, as in a browser.
test(() => {}, "passes before the error");
queueMicrotask(() => {
  throw new TypeError("thrown in a microtask");
});
