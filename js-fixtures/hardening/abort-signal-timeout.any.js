// AbortSignal.timeout() runs on a host timer of its own: the script's setTimeout / clearTimeout (replaced or
// not) have nothing to do with it, and its delay is an unsigned long long, not a 32-bit timer delay.

// The timeout's timer does not keep the host running (as in browsers' and Node's event loops), so a test that
// waits for it keeps a timer of its own armed meanwhile.
function aborted(signal) {
  const keepAlive = setTimeout(() => {}, 10000);
  return new Promise((resolve) => signal.addEventListener("abort", () => {
    clearTimeout(keepAlive);
    resolve(signal.reason);
  }, { once: true }));
}

function wait(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

promise_test(async () => {
  const signal = AbortSignal.timeout(5);
  const reason = await aborted(signal);
  assert_true(signal.aborted);
  assert_true(reason instanceof DOMException);
  assert_equals(reason.name, "TimeoutError");
}, "AbortSignal.timeout() aborts with a TimeoutError");

promise_test(async () => {
  const before = setTimeout(() => {}, 0);
  clearTimeout(before);
  const signal = AbortSignal.timeout(10);
  // Whatever ids the timer uses, no clearTimeout / clearInterval call can reach it.
  for (let id = -100; id <= before + 100; id++) {
    clearTimeout(id);
    clearInterval(id);
  }
  const reason = await aborted(signal);
  assert_equals(reason.name, "TimeoutError");
}, "clearTimeout() and clearInterval() cannot cancel AbortSignal.timeout()");

promise_test(async () => {
  const original = Object.getOwnPropertyDescriptor(globalThis, "setTimeout");
  let called = 0;
  let signal;
  try {
    globalThis.setTimeout = () => {
      called++;
      throw new Error("the script's setTimeout");
    };
    signal = AbortSignal.timeout(5);
  } finally {
    Object.defineProperty(globalThis, "setTimeout", original);
  }
  assert_equals(called, 0, "the replaced setTimeout was not called");
  const reason = await aborted(signal);
  assert_equals(reason.name, "TimeoutError");
}, "AbortSignal.timeout() does not go through a replaced setTimeout");

promise_test(async () => {
  // 2^32 + 1 ms wraps to 1 ms as a 32-bit timer delay; 2^31 + 1 wraps to a negative one (0 ms).
  const signals = [AbortSignal.timeout(2 ** 32 + 1), AbortSignal.timeout(2 ** 31 + 1), AbortSignal.timeout(Number.MAX_SAFE_INTEGER)];
  await wait(50);
  for (const signal of signals) assert_false(signal.aborted);
}, "AbortSignal.timeout() delays do not wrap at 32 bits");
