// fetch_tests_from_worker(): the worker's tests (run by the harness inside the worker) become part of this
// file's results, with their own statuses and messages.
test(() => {}, "a test of the page itself");
fetch_tests_from_worker(new Worker("resources/worker-tests.js"));
