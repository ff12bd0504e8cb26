// An interval that keeps running while an async test is never done: the time limit ends it.
let ticks = 0;
setInterval(() => { ticks++; }, 5);
async_test(() => {}, "never done while an interval runs");
