// META: timeout=long
// Never completes: the message names the long time limit.
async_test(() => {}, "never done");
setTimeout(() => {}, 1000000);
