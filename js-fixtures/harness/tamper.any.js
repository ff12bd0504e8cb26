// A test file that patches the intrinsics the harness could rely on must not turn a failure into a
// PASS: "fails after tampering" is pinned as FAIL in js-fixtures/expectations.json.

const saved = {
  push: Array.prototype.push,
  iterator: Array.prototype[Symbol.iterator],
  call: Function.prototype.call,
  apply: Function.prototype.apply,
  then: Promise.prototype.then,
  stringify: JSON.stringify,
};
Array.prototype.push = function () { return 0; };
Array.prototype[Symbol.iterator] = function* () {};
Function.prototype.call = function () { return undefined; };
Function.prototype.apply = function () { return undefined; };
Object.defineProperty(Object.prototype, "status", { set() {}, get() { return 0; }, configurable: true });
Object.defineProperty(Object.prototype, "message", { set() {}, get() { return null; }, configurable: true });

test(() => {
  assert_equals(1, 2, "tampered");
}, "fails after tampering");

test(() => {
  assert_true(true);
}, "passes after tampering");

promise_test(async () => {
  assert_equals(await Promise.resolve(3), 3);
}, "a promise test still runs after tampering");

// Put things back once every test is defined, so that the runner's own reporting is not what is tested.
add_completion_callback(() => {
  Array.prototype.push = saved.push;
  Array.prototype[Symbol.iterator] = saved.iterator;
  Function.prototype.call = saved.call;
  Function.prototype.apply = saved.apply;
  delete Object.prototype.status;
  delete Object.prototype.message;
});
