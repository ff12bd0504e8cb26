// A microtask that queues itself forever: the agent never gets past the checkpoint. The runner must stop it at
// the time limit and report TIMEOUT.
test(() => {}, "defined before the loop");
function again() {
  queueMicrotask(again);
}
again();
