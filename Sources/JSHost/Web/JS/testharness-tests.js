// Test harness, part 3 of 4: Test objects (one per subtest), their steps, cleanups and timers, and
// EventWatcher. The file-wide bookkeeping (when the file is complete, callbacks, setup) lives in
// testharness-lifecycle.js and is reached through `th.harness`.
(function (ops, internals, global) {
  "use strict";

  const th = internals.th;
  const { apply, defineProperty } = Reflect;
  const StringCtor = String;
  const TypeErrorCtor = TypeError;
  const setTimeout = global.setTimeout;
  const AbortControllerCtor = global.AbortController;
  const abort = AbortControllerCtor.prototype.abort;
  const signalGetter = Object.getOwnPropertyDescriptor(AbortControllerCtor.prototype, "signal").get;
  const functionToString = Function.prototype.toString;
  const regExpExec = RegExp.prototype.exec;
  const stringTrim = String.prototype.trim;
  const stringIndexOf = String.prototype.indexOf;
  const stringSlice = String.prototype.slice;
  const PromiseCtor = Promise;
  const promiseThen = Promise.prototype.then;
  const PromiseResolve = Promise.resolve;
  const PromiseReject = Promise.reject;
  const promiseResolve = (value) => apply(PromiseResolve, PromiseCtor, [value]);
  const now = () => ops.now();

  // Appends without going through user-patchable Array.prototype methods or index setters.
  function append(list, value) {
    defineProperty(list, list.length, { __proto__: null, value, writable: true, enumerable: true, configurable: true });
  }

  const STATUS = { __proto__: null, PASS: 0, FAIL: 1, TIMEOUT: 2, NOTRUN: 3, PRECONDITION_FAILED: 4 };
  const PHASE = { __proto__: null, INITIAL: 0, STARTED: 1, HAS_RESULT: 2, CLEANING: 3, COMPLETE: 4 };
  const TIMED_OUT = "Test timed out";

  // --- Names ---------------------------------------------------------------------------------------

  // A test without a name is named after the body of a one-line `() => ...` function, or else after the
  // file's META title (or "Untitled"). Such derived names get " 1", " 2", ... when they repeat.
  const ARROW_WITHOUT_PARAMETERS = /^\(\)\s*=>\s*([^\n]*)$/;
  const derivedNameCounts = { __proto__: null };

  function nameFromBody(func) {
    if (typeof func !== "function") return "";
    let source;
    try {
      source = apply(functionToString, func, []);
    } catch {
      return "";
    }
    const match = apply(regExpExec, ARROW_WITHOUT_PARAMETERS, [source]);
    if (match === null) return "";
    let body = apply(stringTrim, match[1], []);
    if (body[0] === "{" && body[body.length - 1] === "}") {
      body = apply(stringTrim, apply(stringSlice, body, [1, -1]), []);
      // A single statement is shown without its semicolon.
      const semicolon = apply(stringIndexOf, body, [";"]);
      if (semicolon === body.length - 1) body = apply(stringSlice, body, [0, -1]);
    }
    return body;
  }

  function testName(func, name) {
    if (name !== undefined && name !== null && name !== "") return StringCtor(name);
    let derived = nameFromBody(func);
    if (derived === "") {
      const title = global.META_TITLE;
      derived = typeof title === "string" && title !== "" ? title : "Untitled";
    }
    const count = derivedNameCounts[derived];
    derivedNameCounts[derived] = count === undefined ? 1 : count + 1;
    return count === undefined ? derived : `${derived} ${count}`;
  }

  // --- Test ----------------------------------------------------------------------------------------

  // The fields a result is reported from are kept here, out of reach of the test's own code; the public
  // properties of a Test mirror them.
  const records = new WeakMap();
  const weakMapGet = WeakMap.prototype.get;
  const weakMapSet = WeakMap.prototype.set;
  const recordOf = (test) => apply(weakMapGet, records, [test]);

  function setField(test, name, value) {
    recordOf(test)[name] = value;
    defineProperty(test, name, { __proto__: null, value, writable: true, enumerable: true, configurable: true });
  }

  function setResult(test, status, message, stack) {
    setField(test, "status", status);
    setField(test, "message", message);
    setField(test, "stack", stack);
  }

  function setPhase(test, phase) {
    setField(test, "phase", phase);
  }

  function describeError(error) {
    if (typeof error === "object" && error !== null) return th.safeString(error.message);
    return th.safeString(error);
  }

  class Test {
    constructor(name, properties) {
      apply(weakMapSet, records, [this, {
        __proto__: null, name, status: STATUS.NOTRUN, message: null, stack: null, phase: PHASE.INITIAL,
        cleanups: [], isPromiseTest: false, abortController: null,
      }]);
      setField(this, "name", name);
      setField(this, "properties", properties ?? {});
      setField(this, "phase", PHASE.INITIAL);
      setResult(this, STATUS.NOTRUN, null, null);
      setField(this, "index", null);
      setField(this, "timeout_id", null);
      setField(this, "timeout_length", null);
    }

    step(func, thisObject, ...args) {
      return runStep(this, func, arguments.length < 2 ? this : thisObject, args);
    }

    step_func(func, thisObject) {
      const test = this;
      const receiver = arguments.length < 2 ? test : thisObject;
      return function (...args) {
        return runStep(test, func, receiver, args);
      };
    }

    step_func_done(func, thisObject) {
      const test = this;
      const receiver = arguments.length < 2 ? test : thisObject;
      return function (...args) {
        let result;
        if (func) result = runStep(test, func, receiver, args);
        test.done();
        return result;
      };
    }

    unreached_func(description) {
      return this.step_func(function () {
        th.assertions.assert_unreached(description);
      });
    }

    step_timeout(func, timeout, ...args) {
      const test = this;
      return setTimeout(() => runStep(test, func, test, args), timeout * th.harness.timeoutMultiplier());
    }

    // Resolves once `condition` (run as a step, at once and then every `interval` ms) holds; after
    // `timeout` ms (scaled by the timeout multiplier) the test fails instead and the promise stays pending.
    step_wait(condition, description, timeout = 3000, interval = 100) {
      const test = this;
      const deadline = now() + timeout * th.harness.timeoutMultiplier();
      return new PromiseCtor((resolve) => {
        const poll = () => {
          const holds = runStep(test, condition, test, []);
          if (recordOf(test).phase > PHASE.STARTED) return;
          if (holds) {
            resolve();
          } else if (now() >= deadline) {
            runStep(test, () => th.fail("step_wait_func", description, "Timed out waiting on condition"), test, []);
          } else {
            setTimeout(poll, interval);
          }
        };
        poll();
      });
    }

    step_wait_func(condition, func, description, timeout, interval) {
      apply(promiseThen, this.step_wait(condition, description, timeout, interval), [this.step_func(func)]);
    }

    step_wait_func_done(condition, func, description, timeout, interval) {
      apply(promiseThen, this.step_wait(condition, description, timeout, interval), [this.step_func_done(func)]);
    }

    add_cleanup(callback) {
      append(recordOf(this).cleanups, callback);
    }

    get_signal() {
      const record = recordOf(this);
      if (record.abortController === null) record.abortController = new AbortControllerCtor();
      return apply(signalGetter, record.abortController, []);
    }

    set_status(status, message, stack) {
      setResult(this, status, message, stack ?? null);
    }

    // Per-test time limits are not enforced (the file's limit is): kept for API completeness.
    set_timeout() {}

    force_timeout() {
      finishWith(this, STATUS.TIMEOUT, TIMED_OUT);
    }

    timeout() {
      finishWith(this, STATUS.TIMEOUT, TIMED_OUT);
    }

    format_status() {
      return this.status_formats[this.status];
    }

    structured_clone() {
      const record = recordOf(this);
      return {
        name: record.name, properties: { ...this.properties }, phases: { ...this.phases },
        PASS: 0, FAIL: 1, TIMEOUT: 2, NOTRUN: 3, PRECONDITION_FAILED: 4,
        status: record.status, message: record.message, stack: record.stack, index: this.index, phase: record.phase,
      };
    }

    done() {
      const record = recordOf(this);
      if (record.phase >= PHASE.CLEANING) return;
      if (record.phase < PHASE.HAS_RESULT) setResult(this, STATUS.PASS, null, null);
      runCleanups(this);
    }

    cleanup() {
      runCleanups(this);
    }
  }

  const constant = (value) => ({ __proto__: null, value, writable: false, enumerable: true, configurable: false });
  for (const name in STATUS) defineProperty(Test.prototype, name, constant(STATUS[name]));
  defineProperty(Test.prototype, "phases", constant({ ...PHASE }));
  defineProperty(Test.prototype, "status_formats", constant({
    0: "Pass", 1: "Fail", 2: "Timeout", 3: "Not Run", 4: "Optional Feature Unsupported",
  }));

  function start(test) {
    setPhase(test, PHASE.STARTED);
    setResult(test, STATUS.TIMEOUT, TIMED_OUT, null);
    th.harness.testStateChanged(test);
  }

  // Runs one step of `test`: an exception ends the test with FAIL (PRECONDITION_FAILED for an optional
  // feature). Steps of a test that already has a result do not run.
  function runStep(test, func, receiver, args) {
    const record = recordOf(test);
    if (record.phase > PHASE.STARTED) return undefined;
    if (record.phase === PHASE.INITIAL) start(test);
    try {
      if (typeof func !== "function") throw new TypeErrorCtor(`${th.safeString(func)} is not a function`);
      return apply(func, receiver, args);
    } catch (error) {
      if (recordOf(test).phase > PHASE.STARTED) return undefined;
      const status = error instanceof th.OptionalFeatureUnsupportedError ? STATUS.PRECONDITION_FAILED : STATUS.FAIL;
      let stack = null;
      try {
        if (typeof error === "object" && error !== null && typeof error.stack === "string") stack = error.stack;
      } catch {
        // a throwing stack getter: no stack
      }
      finishWith(test, status, describeError(error), stack);
      return undefined;
    }
  }

  function finishWith(test, status, message, stack = null) {
    if (recordOf(test).phase >= PHASE.HAS_RESULT) return;
    setResult(test, status, message, stack);
    setPhase(test, PHASE.HAS_RESULT);
    test.done();
  }

  // Runs every cleanup in order. For a promise test, returned promises are awaited before the test is
  // complete; elsewhere a cleanup must return undefined. Failures are the file's error, not the test's.
  function runCleanups(test) {
    const record = recordOf(test);
    if (record.phase >= PHASE.CLEANING) return;
    setPhase(test, PHASE.CLEANING);
    if (record.abortController !== null) apply(abort, record.abortController, []);
    const cleanups = record.cleanups;
    let failed = 0;
    let returnedValue = 0;
    const pending = [];
    for (let i = 0; i < cleanups.length; i++) {
      let result;
      try {
        result = apply(cleanups[i], undefined, []);
      } catch (error) {
        failed++;
        continue;
      }
      if (result === undefined) continue;
      if (record.isPromiseTest) {
        if (th.isThenable(result)) append(pending, result);
      } else {
        returnedValue++;
      }
    }
    const report = () => {
      const count = cleanups.length;
      const specified = `Test named '${record.name}' specified ${count} 'cleanup' function${count === 1 ? "" : "s"}`;
      if (failed > 0) th.harness.fatalError(`${specified}, and ${failed} failed.`);
      else if (returnedValue > 0) th.harness.fatalError(`${specified}, and ${returnedValue} returned a non-undefined value.`);
      setPhase(test, PHASE.COMPLETE);
      th.harness.testFinished(test);
    };
    if (pending.length === 0) {
      report();
      return;
    }
    let remaining = pending.length;
    const settle = () => {
      if (--remaining === 0) report();
    };
    for (let i = 0; i < pending.length; i++) {
      apply(promiseThen, promiseResolve(pending[i]), [settle, () => {
        failed++;
        settle();
      }]);
    }
  }

  // --- EventWatcher --------------------------------------------------------------------------------

  function typeOrList(types) {
    if (typeof types === "string") return [types];
    const list = [];
    for (let i = 0; i < types.length; i++) append(list, types[i]);
    return list;
  }

  // Waits for events in a given order on a target; any other watched event fails the test.
  class EventWatcher {
    #test;
    #target;
    #types;
    #listener;
    #waiting = null;

    constructor(test, target, types, timeoutPromise) {
      this.#test = test;
      this.#target = target;
      this.#types = typeOrList(types);
      this.#listener = test.step_func((event) => this.#handle(event));
      this.timeoutPromise = timeoutPromise;
      for (let i = 0; i < this.#types.length; i++) target.addEventListener(this.#types[i], this.#listener, false);
      test.add_cleanup(() => this.stop_watching());
    }

    #handle(event) {
      const waiting = this.#waiting;
      th.assertions.assert_true(waiting !== null, `Not expecting event, but got ${event.type} event`);
      const expected = waiting.types[waiting.received.length];
      th.assertions.assert_equals(event.type, expected, `Expected ${expected} event, but got ${event.type} event instead`);
      append(waiting.received, event);
      if (waiting.received.length < waiting.types.length) return;
      this.#waiting = null;
      waiting.resolve(waiting.recordAll ? waiting.received : event);
    }

    // Resolves with the last event of `types` (a type or a list, in order), or with all of them when
    // options.record is "all".
    wait_for(types, options) {
      if (this.#waiting !== null) return apply(PromiseReject, PromiseCtor, ["Already waiting for an event or events"]);
      const list = typeOrList(types);
      const recordAll = options !== undefined && options !== null && options.record === "all";
      return new PromiseCtor((resolve, reject) => {
        this.#waiting = { __proto__: null, types: list, received: [], recordAll, resolve, reject };
        const timeoutPromise = typeof this.timeoutPromise === "function" ? this.timeoutPromise() : undefined;
        if (timeoutPromise === undefined) return;
        const waiting = this.#waiting;
        apply(promiseThen, promiseResolve(timeoutPromise), [this.#test.step_func(() => {
          if (this.#waiting !== waiting) return;
          this.#waiting = null;
          let missing = "";
          for (let i = waiting.received.length; i < list.length; i++) missing += (missing === "" ? "" : ", ") + list[i];
          th.assertions.assert_true(false, `Timed out waiting for ${missing}`);
        })]);
      });
    }

    stop_watching() {
      for (let i = 0; i < this.#types.length; i++) {
        this.#target.removeEventListener(this.#types[i], this.#listener, false);
      }
    }
  }

  th.Test = Test;
  th.STATUS = STATUS;
  th.PHASE = PHASE;
  th.testName = testName;
  th.recordOf = recordOf;
  th.runStep = runStep;
  th.finishWith = finishWith;
  th.markPromiseTest = (test) => { recordOf(test).isPromiseTest = true; };
  th.setIndex = (test, index) => setField(test, "index", index);
  th.isThenable = (value) => ((typeof value === "object" && value !== null) || typeof value === "function")
    && typeof value.then === "function";
  th.promiseThen = (promise, onFulfilled, onRejected) => apply(promiseThen, promise, [onFulfilled, onRejected]);
  th.promiseResolve = promiseResolve;
  th.EventWatcher = EventWatcher;
})
