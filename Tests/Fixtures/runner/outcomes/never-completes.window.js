// An async test that is never done while a far-away timer keeps the file alive: only the time limit ends it.
async_test(() => {}, "never done");
setTimeout(() => {}, 1000000);
