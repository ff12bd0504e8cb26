// Dependent signals (AbortSignal.any) keep their behaviour whether or not their sources hold on to them:
// only dependents with abort listeners or algorithms are kept by their sources; the others learn of an abort
// when asked. These check what script can observe either way (DOM §3.2 "signal abort", "create a dependent
// abort signal").

test(() => {
  const controller = new AbortController();
  let fired = 0;
  // Nothing but the listener refers to the dependent.
  (() => {
    AbortSignal.any([controller.signal]).addEventListener("abort", () => { fired++; });
  })();
  controller.abort();
  assert_equals(fired, 1);
}, "a dependent referenced only by its own listener still fires abort");

test(() => {
  const a = new AbortController(), b = new AbortController();
  const dependent = AbortSignal.any([a.signal, b.signal]);
  b.abort("b first");
  a.abort("a second");
  assert_true(dependent.aborted);
  assert_equals(dependent.reason, "b first", "the reason of the source that aborted first");
  assert_throws_exactly("b first", () => dependent.throwIfAborted());
}, "a dependent without listeners takes the reason of its first source to abort");

test(() => {
  const controller = new AbortController();
  const dependent = AbortSignal.any([controller.signal]);
  let seen;
  controller.signal.onabort = () => { seen = [dependent.aborted, dependent.reason]; };
  controller.abort("why");
  assert_array_equals(seen, [true, "why"], "aborted before the source's own listeners run");
}, "a dependent is aborted before its source's abort listeners run");

test(() => {
  const controller = new AbortController();
  const dependent = AbortSignal.any([controller.signal]);
  controller.abort("done");
  let fired = false;
  dependent.onabort = () => { fired = true; };
  assert_true(dependent.aborted);
  assert_equals(dependent.reason, "done");
  assert_false(fired);
  const again = AbortSignal.any([dependent]);
  assert_true(again.aborted, "a dependent of an aborted dependent is aborted at once");
  assert_equals(again.reason, "done");
}, "a listener added after the source aborted never fires");

test(() => {
  const controller = new AbortController();
  const dependent = AbortSignal.any([controller.signal]);
  let fired = false;
  const listener = () => { fired = true; };
  dependent.addEventListener("abort", listener);
  dependent.removeEventListener("abort", listener);
  controller.abort("gone");
  assert_false(fired);
  assert_true(dependent.aborted);
  assert_equals(dependent.reason, "gone");
}, "a removed listener does not fire; the dependent is still aborted");

test(() => {
  const controller = new AbortController();
  const first = AbortSignal.any([controller.signal]);
  const second = AbortSignal.any([controller.signal]);
  const third = AbortSignal.any([controller.signal]);
  const order = [];
  // Listeners added in reverse order of creation.
  third.onabort = () => order.push("third");
  second.onabort = () => order.push("second");
  first.onabort = () => order.push("first");
  controller.signal.onabort = () => order.push("source");
  controller.abort();
  assert_array_equals(order, ["source", "first", "second", "third"]);
}, "dependents fire after their source, in the order they were made");

test(() => {
  const controller = new AbortController();
  const dependent = AbortSignal.any([controller.signal]);
  const target = new EventTarget();
  let calls = 0;
  target.addEventListener("ping", () => { calls++; }, { signal: dependent });
  target.dispatchEvent(new Event("ping"));
  controller.abort();
  target.dispatchEvent(new Event("ping"));
  assert_equals(calls, 1);
}, "an event listener registered with a dependent signal is removed when a source aborts");

test(() => {
  const a = new AbortController(), b = new AbortController();
  const inner = AbortSignal.any([a.signal]);
  const outer = AbortSignal.any([inner, b.signal]);
  let fired = 0;
  outer.onabort = () => { fired++; };
  a.abort("from a");
  assert_equals(fired, 1);
  assert_equals(outer.reason, "from a");
  b.abort("from b");
  assert_equals(fired, 1, "aborted once");
  assert_equals(outer.reason, "from a");
}, "a dependent of a dependent follows the original sources, and aborts once");

test(() => {
  const controller = new AbortController();
  const source = controller.signal;
  // Many dependents of one long-lived source, most of them unreferenced at once.
  let kept = null;
  for (let i = 0; i < 10000; i++) {
    const dependent = AbortSignal.any([source]);
    if (i === 5000) kept = dependent;
  }
  controller.abort("late");
  assert_true(kept.aborted);
  assert_equals(kept.reason, "late");
}, "a dependent kept among many discarded ones is aborted");

async_test((t) => {
  // (AbortSignal.timeout's timer does not keep the host running: a timer of the script's does.)
  const keepAlive = setTimeout(() => {}, 5000);
  const signal = AbortSignal.timeout(10);
  (() => {
    AbortSignal.any([signal]).onabort = t.step_func_done((event) => {
      clearTimeout(keepAlive);
      assert_equals(event.target.reason.name, "TimeoutError");
    });
  })();
}, "a dependent of AbortSignal.timeout fires when the timer does");
