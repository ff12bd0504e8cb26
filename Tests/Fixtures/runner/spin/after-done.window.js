// The only test passes at once; then a timer callback never yields. The harness has completed, so the runner
// must stop the callback to close the realm (and not wait forever).
test(() => {}, "passes before the spin");
setTimeout(() => {
  while (true) {}
}, 0);
