// META: script=resources/patches.js
//
// A script that replaces or patches a built-in can break its own code, never the host's. For every patch of
// makeBuiltinPatches(), one at a time: apply it, exercise the host (structuredClone, a MessageChannel with and
// without transfer, EventTarget with once/signal, AbortSignal.timeout, timers, microtasks, error events for a
// listener's exception, reportError() and a timer's exception, an unhandled rejection), restore it, and only
// then check what happened.
// The harness does not run while a patch is in force (explicit_done; its subtests are made at the end), and
// the code below that runs under a patch only stores what it receives, through intrinsics captured first.

setup({ explicit_done: true, allow_uncaught_exception: true });

const sweep = (() => {
  "use strict";
  const patches = makeBuiltinPatches();
  // Host APIs and intrinsics, captured before any patch.
  const HostMessageChannel = MessageChannel, HostEventTarget = EventTarget, HostEvent = Event;
  const HostCustomEvent = CustomEvent, HostAbortController = AbortController, HostAbortSignalTimeout = AbortSignal.timeout;
  const HostAbortSignal = AbortSignal;
  const hostStructuredClone = structuredClone, hostSetTimeout = setTimeout, hostClearTimeout = clearTimeout;
  const hostSetInterval = setInterval, hostClearInterval = clearInterval, hostQueueMicrotask = queueMicrotask;
  const hostReportError = reportError, hostAddEventListener = addEventListener;
  const apply = Reflect.apply;
  const promiseReject = Promise.reject, PromiseCtor = Promise;
  const ErrorCtor = Error, TypeErrorCtor = TypeError, RangeErrorCtor = RangeError, MapCtor = Map;
  const Uint8ArrayCtor = Uint8Array, ArrayBufferCtor = ArrayBuffer, DateCtor = Date, DOMExceptionCtor = DOMException;
  const postMessageOf = MessageChannel.prototype && Object.getOwnPropertyDescriptor(MessagePort.prototype, "postMessage").value;

  // (Array.prototype[Symbol.iterator] and %ArrayIteratorPrototype%.next are how WebIDL reads a transfer list:
  // replacing them breaks postMessage(value, [transfer]) in browsers too, so that check is skipped for them.)
  const specVisible = { __proto__: null, "Array.prototype[Symbol.iterator]": true, "%ArrayIteratorPrototype%.next": true };

  let current = null; // what the running step observed
  // Errors reported to the global, seen first (capture phase) and kept from the harness.
  apply(hostAddEventListener, globalThis, ["error", (event) => {
    if (current !== null) {
      const errors = current.errors;
      errors[errors.length] = { error: event.error, message: event.message, filename: event.filename, lineno: event.lineno };
    }
    event.stopImmediatePropagation();
    event.preventDefault();
  }, { capture: true }]);

  apply(hostAddEventListener, globalThis, ["unhandledrejection", (event) => {
    if (current !== null) {
      const rejections = current.rejections;
      rejections[rejections.length] = event.reason;
      current.rejected();
    }
    event.stopImmediatePropagation();
    event.preventDefault();
  }, { capture: true }]);

  const results = [];
  const scheduler = new HostMessageChannel();

  // Made once, before any patch (making it calls built-ins); cloning never changes it.
  const value = {
    number: 1, string: "s", list: [1, [2, { three: 3 }]], map: new MapCtor([["k", { v: 1 }]]),
    date: new DateCtor(0), bytes: new Uint8ArrayCtor([1, 2, 3]),
    error: new TypeErrorCtor("cloned error"), exception: new DOMExceptionCtor("cloned exception", "DataCloneError"),
  };

  function runStep(index) {
    if (index === patches.length) {
      finishSweep();
      return;
    }
    const patch = patches[index];
    const seen = {
      name: patch.name, thrown: [], clone: undefined, messages: [], onceCalls: [], abortedCalls: 0,
      signalAborted: undefined, timeoutReason: undefined, timerArgs: undefined, intervalRuns: 0, microtask: false,
      errors: [], rejections: [], rejected: null, transfer: !specVisible[patch.name],
    };
    let pending = 0;
    let finished = false;
    const expect = () => { pending++; };
    const arrived = () => { if (--pending === 0 && !finished) finish(); };
    // A watchdog armed before the patch: a step whose callbacks never come still ends.
    const watchdog = hostSetTimeout(() => { if (!finished) finish(); }, 500);
    function finish() {
      finished = true;
      current = null;
      patch.restore();
      hostClearTimeout(watchdog);
      results[results.length] = { seen, pending };
      apply(postMessageOf, scheduler.port1, [index + 1]);
    }
    function attempt(label, fn) {
      try {
        fn();
      } catch (error) {
        seen.thrown[seen.thrown.length] = { label, error, stack: error && error.stack };
      }
    }
    current = seen;
    patch.apply();
    attempt("structuredClone", () => { seen.clone = hostStructuredClone(value); });
    attempt("MessageChannel", () => {
      const channel = new HostMessageChannel();
      channel.port2.onmessage = (event) => {
        seen.messages[seen.messages.length] = event.data;
        if (seen.messages.length === (seen.transfer ? 2 : 1)) channel.port2.close();
        arrived();
      };
      expect();
      channel.port1.postMessage(value);
      if (seen.transfer) {
        expect();
        const buffer = new ArrayBufferCtor(4);
        new Uint8ArrayCtor(buffer)[0] = 42;
        channel.port1.postMessage({ buffer }, [buffer]);
      }
    });
    attempt("EventTarget", () => {
      const target = new HostEventTarget();
      target.addEventListener("ping", (event) => { seen.onceCalls[seen.onceCalls.length] = event.detail; }, { once: true });
      target.dispatchEvent(new HostCustomEvent("ping", { detail: 42 }));
      target.dispatchEvent(new HostCustomEvent("ping", { detail: 43 }));
      const controller = new HostAbortController();
      target.addEventListener("pong", () => { seen.abortedCalls++; }, { signal: controller.signal });
      controller.abort();
      target.dispatchEvent(new HostEvent("pong"));
      seen.signalAborted = controller.signal.aborted;
      target.addEventListener("fail", () => { throw new TypeErrorCtor("thrown by a listener"); });
      target.dispatchEvent(new HostEvent("fail"));
    });
    attempt("reportError", () => { hostReportError(new RangeErrorCtor("reported")); });
    attempt("AbortSignal.timeout", () => {
      const signal = apply(HostAbortSignalTimeout, HostAbortSignal, [1]);
      expect();
      signal.onabort = () => { seen.timeoutReason = signal.reason; arrived(); };
    });
    attempt("setTimeout", () => {
      expect();
      hostSetTimeout((...args) => { seen.timerArgs = args; arrived(); }, 0, "a", "b");
      expect();
      hostSetTimeout(() => { arrived(); throw new ErrorCtor("thrown by a timer"); }, 0);
    });
    attempt("setInterval", () => {
      expect();
      const id = hostSetInterval(() => {
        if (++seen.intervalRuns === 2) {
          hostClearInterval(id);
          arrived();
        }
      }, 0);
    });
    attempt("unhandled rejection", () => {
      expect();
      seen.rejected = arrived;
      apply(promiseReject, PromiseCtor, [new RangeErrorCtor("rejected")]);
    });
    attempt("queueMicrotask", () => {
      expect();
      hostQueueMicrotask(() => { seen.microtask = true; arrived(); });
    });
    if (pending === 0) finish();
  }

  scheduler.port2.onmessage = (event) => runStep(event.data);

  let onDone = null;
  function finishSweep() {
    scheduler.port2.close();
    onDone(results, patches.length);
  }

  return {
    start(callback) {
      onDone = callback;
      apply(postMessageOf, scheduler.port1, [0]);
    },
  };
})();

function checkStep({ seen, pending }) {
  const where = seen.name;
  assert_equals(pending, 0, `${where}: every callback came`);
  assert_array_equals(seen.thrown.map(({ label, error, stack }) => `${label}: ${error} ${stack}`), [], `${where}: nothing threw`);
  const checkClone = (copy, what) => {
    assert_equals(copy.number, 1, what);
    assert_equals(copy.string, "s", what);
    assert_equals(JSON.stringify(copy.list), '[1,[2,{"three":3}]]', what);
    assert_true(copy.map instanceof Map, what);
    assert_equals(copy.map.get("k").v, 1, what);
    assert_equals(copy.date.getTime(), 0, what);
    assert_array_equals(copy.bytes, [1, 2, 3], what);
    assert_true(copy.error instanceof TypeError, what);
    assert_equals(copy.error.message, "cloned error", what);
    assert_true(copy.exception instanceof DOMException, what);
    assert_equals(copy.exception.name, "DataCloneError", what);
    assert_equals(copy.exception.message, "cloned exception", what);
  };
  checkClone(seen.clone, `${where}: structuredClone`);
  assert_equals(seen.messages.length, seen.transfer ? 2 : 1, `${where}: messages delivered`);
  checkClone(seen.messages[0], `${where}: posted value`);
  if (seen.transfer) {
    assert_equals(seen.messages[1].buffer.byteLength, 4, `${where}: transferred buffer`);
    assert_equals(new Uint8Array(seen.messages[1].buffer)[0], 42, `${where}: transferred buffer's bytes`);
  }
  assert_array_equals(seen.onceCalls, [42], `${where}: once listener`);
  assert_equals(seen.abortedCalls, 0, `${where}: listener removed by its signal`);
  assert_true(seen.signalAborted, `${where}: signal aborted`);
  assert_true(seen.timeoutReason instanceof DOMException, `${where}: AbortSignal.timeout reason`);
  assert_equals(seen.timeoutReason.name, "TimeoutError", `${where}: AbortSignal.timeout reason`);
  assert_array_equals(seen.timerArgs, ["a", "b"], `${where}: timer arguments`);
  assert_equals(seen.intervalRuns, 2, `${where}: interval runs`);
  assert_true(seen.microtask, `${where}: microtask`);
  assert_equals(seen.rejections.length, 1, `${where}: unhandledrejection events`);
  assert_equals(seen.rejections[0].message, "rejected", `${where}: unhandledrejection reason`);
  const reports = seen.errors.map((e) => `${e.message} | ${e.error && e.error.constructor.name} | ${e.lineno > 0}`);
  assert_array_equals(reports, [
    "Uncaught TypeError: thrown by a listener | TypeError | true",
    "Uncaught RangeError: reported | RangeError | true",
    "Uncaught Error: thrown by a timer | Error | true",
  ], `${where}: error events`);
}

sweep.start((results, count) => {
  test(() => {
    assert_equals(results.length, count);
    assert_greater_than(count, 400, "patches tried");
  }, "every patch was tried");
  // One subtest per patch would be ~1000 lines of output: group them by the object patched.
  const groups = new Map();
  for (const result of results) {
    const name = result.seen.name;
    const group = name.startsWith("globalThis") ? "globalThis" : name.split(/[.[ ]/)[0];
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group).push(result);
  }
  for (const [group, list] of groups) {
    test(() => {
      const failures = [];
      for (const result of list) {
        try {
          checkStep(result);
        } catch (error) {
          failures.push(error.message);
        }
      }
      assert_array_equals(failures, [], `${failures.length} of ${list.length} patches broke the host`);
    }, `host APIs keep working while a built-in of ${group} is patched (${list.length} patches)`);
  }
  done();
});
