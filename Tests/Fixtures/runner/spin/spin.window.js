// A test that never yields: the runner must interrupt it at the time limit.
test(() => {
  while (true) {}
}, "spins forever");
