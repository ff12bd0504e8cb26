// An async test that is never done and nothing left to run: the runner notices at once, without waiting for
// the time limit.
test(() => {}, "a passing test first");
async_test(() => {}, "waits for nothing");
