// A timer callback that never yields while an async test waits: the runner interrupts it at the time limit.
async_test(() => {
  setTimeout(() => {
    while (true) {}
  }, 0);
}, "spins in a timer");
