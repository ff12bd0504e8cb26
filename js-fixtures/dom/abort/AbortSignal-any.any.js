// Modeled on wpt dom/abort/abort-signal-any.any.js (resources/abort-signal-any-tests.js run with
// AbortSignal and AbortController).

const desc = "AbortSignal.any()";
const suffix = "(using AbortController)";

test(() => {
  const signal = AbortSignal.any([]);
  assert_false(signal.aborted);
}, `${desc} works with an empty array of signals`);

test((t) => {
  const controller = new AbortController();
  const signal = controller.signal;
  const follower = AbortSignal.any([signal]);
  assert_false(follower.aborted);
  assert_true("reason" in follower);
  assert_equals(follower.reason, undefined);
  assert_not_equals(signal, follower, "a new signal");
  let fired = false;
  follower.onabort = t.step_func((e) => {
    assert_equals(e.target, follower);
    fired = true;
  });
  controller.abort("reason string");
  assert_true(signal.aborted);
  assert_true(follower.aborted);
  assert_true(fired);
  assert_equals(follower.reason, "reason string");
}, `${desc} follows a single signal ${suffix}`);

test((t) => {
  for (let i = 0; i < 3; ++i) {
    const controllers = [new AbortController(), new AbortController(), new AbortController()];
    const combined = AbortSignal.any(controllers.map((c) => c.signal));
    let fired = false;
    combined.onabort = t.step_func((e) => {
      assert_equals(e.target, combined);
      fired = true;
    });
    controllers[i].abort();
    assert_true(fired);
    assert_true(combined.aborted);
    assert_true(combined.reason instanceof DOMException);
    assert_equals(combined.reason.name, "AbortError");
  }
}, `${desc} follows multiple signals ${suffix}`);

test(() => {
  const controllers = [new AbortController(), new AbortController(), new AbortController()];
  controllers[1].abort("reason 1");
  controllers[2].abort("reason 2");
  const signal = AbortSignal.any(controllers.map((c) => c.signal));
  assert_true(signal.aborted);
  assert_equals(signal.reason, "reason 1");
}, `${desc} returns an aborted signal if passed an aborted signal ${suffix}`);

test(() => {
  const controller = new AbortController();
  const signal = AbortSignal.any([controller.signal, controller.signal]);
  assert_false(signal.aborted);
  controller.abort("reason");
  assert_true(signal.aborted);
  assert_equals(signal.reason, "reason");
}, `${desc} can be passed the same signal more than once ${suffix}`);

test(() => {
  const c1 = new AbortController();
  c1.abort("reason 1");
  const c2 = new AbortController();
  c2.abort("reason 2");
  const signal = AbortSignal.any([c1.signal, c2.signal, c1.signal]);
  assert_true(signal.aborted);
  assert_equals(signal.reason, "reason 1");
}, `${desc} uses the first instance of a duplicate signal ${suffix}`);

test((t) => {
  for (let i = 0; i < 3; ++i) {
    const controllers = [new AbortController(), new AbortController(), new AbortController()];
    const combined1 = AbortSignal.any([controllers[0].signal, controllers[1].signal]);
    const combined2 = AbortSignal.any([combined1, controllers[2].signal]);
    let fired = false;
    combined2.onabort = t.step_func(() => { fired = true; });
    controllers[i].abort();
    assert_true(fired);
    assert_true(combined2.aborted);
    assert_true(combined2.reason instanceof DOMException);
    assert_equals(combined2.reason.name, "AbortError");
  }
}, `${desc} signals are composable ${suffix}`);

async_test((t) => {
  const controller = new AbortController();
  const timeoutSignal = AbortSignal.timeout(5);
  const combined = AbortSignal.any([controller.signal, timeoutSignal]);
  const guard = setTimeout(t.unreached_func("the combined signal should have aborted"), 1000);
  combined.onabort = t.step_func_done(() => {
    assert_true(combined.aborted);
    assert_true(combined.reason instanceof DOMException);
    assert_equals(combined.reason.name, "TimeoutError");
    clearTimeout(guard);
  });
}, `${desc} works with signals returned by AbortSignal.timeout() ${suffix}`);

test(() => {
  const controller = new AbortController();
  let combined = AbortSignal.any([controller.signal]);
  combined = AbortSignal.any([combined]);
  combined = AbortSignal.any([combined]);
  combined = AbortSignal.any([combined]);
  let fired = false;
  combined.onabort = () => { fired = true; };
  assert_false(fired);
  assert_false(combined.aborted);
  controller.abort("the reason");
  assert_true(fired);
  assert_true(combined.aborted);
  assert_equals(combined.reason, "the reason");
}, `${desc} works with intermediate signals ${suffix}`);

test(() => {
  const controller = new AbortController();
  const signals = [controller.signal];
  signals.push(AbortSignal.any([controller.signal]));
  signals.push(AbortSignal.any([controller.signal]));
  signals.push(AbortSignal.any([signals[0]]));
  signals.push(AbortSignal.any([signals[1]]));
  let result = "";
  signals.forEach((s, i) => s.addEventListener("abort", () => { result += i; }));
  controller.abort();
  assert_equals(result, "01234");
}, `Abort events for ${desc} signals fire in the right order ${suffix}`);

test(() => {
  const controller = new AbortController();
  const signal1 = AbortSignal.any([controller.signal]);
  const signal2 = AbortSignal.any([signal1]);
  let seen = null;
  controller.signal.addEventListener("abort", () => {
    seen = [signal1.aborted, signal1.reason, signal2.aborted, signal2.reason];
  });
  controller.abort("r");
  assert_array_equals(seen, [true, "r", true, "r"]);
}, `Dependent signals for ${desc} are marked aborted before abort events fire ${suffix}`);

test(() => {
  const controller1 = new AbortController();
  const controller2 = new AbortController();
  const signal = AbortSignal.any([controller1.signal, controller2.signal]);
  let count = 0;
  signal.addEventListener("abort", () => { count++; });
  controller1.signal.addEventListener("abort", () => { controller2.abort("reason 2"); });
  controller1.abort("reason 1");
  assert_equals(count, 1);
  assert_equals(signal.reason, "reason 1");
}, `Dependent signals for ${desc} are aborted correctly for reentrant aborts ${suffix}`);

test(() => {
  assert_throws_js(TypeError, () => AbortSignal.any(), "missing argument");
  assert_throws_js(TypeError, () => AbortSignal.any(null), "null is not a sequence");
  assert_throws_js(TypeError, () => AbortSignal.any({}), "not iterable");
  assert_throws_js(TypeError, () => AbortSignal.any([new EventTarget()]), "not an AbortSignal");
  const controller = new AbortController();
  const fromIterable = AbortSignal.any(new Set([controller.signal]));
  controller.abort(1);
  assert_equals(fromIterable.reason, 1, "any iterable works");
}, `${desc} converts its argument as a sequence<AbortSignal>`);
