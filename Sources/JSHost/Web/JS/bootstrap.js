// Timers, microtasks, error reporting, `performance`, `self` and the `jshost` host object.
(function (ops, internals, global) {
  "use strict";

  const { apply: reflectApply, defineProperty } = Reflect;
  const MapCtor = Map;
  const mapGet = Map.prototype.get, mapSet = Map.prototype.set, mapDelete = Map.prototype.delete;
  const promiseThen = Promise.prototype.then;
  const resolvedPromise = Promise.resolve();

  function defineGlobal(name, value) {
    defineProperty(global, name, { value, writable: true, enumerable: false, configurable: true });
  }

  function requireArguments(operation, count, given) {
    if (given < count) {
      throw new TypeError(`Failed to execute '${operation}': ${count} argument${count === 1 ? "" : "s"} required, but only ${given} present.`);
    }
  }

  // ---- Reporting (HTML "report an exception") ----

  function describeUncaught(value, inPromise) {
    let text;
    try {
      text = internals.formatUncaught(value, inPromise);
    } catch {
      let shown;
      try { shown = String(value); } catch { shown = Object.prototype.toString.call(value); }
      text = `Uncaught ${inPromise ? "(in promise) " : ""}${shown}`;
    }
    // A script's syntax error carries the file and line as properties but no useful stack (at most the
    // native frame that evaluated it): make the file and line the first frame.
    if (value instanceof SyntaxError && typeof value.sourceURL === "string" && value.line !== undefined) {
      const where = `${value.sourceURL}:${value.line}`;
      if (!text.includes(where)) {
        const end = text.indexOf("\n");
        text = end < 0 ? `${text}\n    at ${where}` : `${text.slice(0, end)}\n    at ${where}${text.slice(end)}`;
      }
    }
    return text;
  }

  function printUncaught(value, inPromise) {
    ops.uncaught(describeUncaught(value, inPromise) + "\n");
  }

  internals.reportException = function reportException(error) {
    let notCancelled = true;
    if (internals.fireErrorEvent !== undefined) {
      try {
        notCancelled = internals.fireErrorEvent(error);
      } catch (failure) {
        printUncaught(failure, false);
      }
    }
    if (notCancelled) printUncaught(error, false);
  };

  internals.onUnhandledRejection = function onUnhandledRejection(promise, reason) {
    let notCancelled = true;
    if (internals.fireUnhandledRejection !== undefined) {
      try {
        notCancelled = internals.fireUnhandledRejection(promise, reason);
      } catch (failure) {
        printUncaught(failure, false);
      }
    }
    if (notCancelled) printUncaught(reason, true);
  };

  defineGlobal("reportError", function reportError(error) {
    requireArguments("reportError", 1, arguments.length);
    internals.reportException(error);
  });

  // ---- Microtasks ----

  defineGlobal("queueMicrotask", function queueMicrotask(callback) {
    requireArguments("queueMicrotask", 1, arguments.length);
    if (typeof callback !== "function") {
      throw new TypeError("Failed to execute 'queueMicrotask': parameter 1 is not of type 'Function'.");
    }
    // JSC's promise job queue is the microtask queue; a reaction on a settled promise is one microtask.
    reflectApply(promiseThen, resolvedPromise, [() => {
      try {
        callback();
      } catch (error) {
        internals.reportException(error);
      }
    }]);
  });

  // ---- Host tasks: one callback, one event-loop task ----
  //
  // internals.queueTask(fn, arg) runs fn(arg) as a task of its own (after the tasks already queued, with a
  // microtask checkpoint before and after). The callbacks wait in one FIFO shared by every realm of the agent
  // (so tasks keep their order across realms); the host learns how many there are from a shared cell, with no
  // call into the host per task, and calls runQueuedTask once per task.

  const cells = ops.hostCells; // Float64Array over host memory: [0] task start time, [1] queued host tasks
  const QUEUED = 1;
  const queue = ops.sharedTaskQueue ?? { functions: [], args: [], reporters: [], head: 0 };
  internals.hostTaskQueue = queue;

  internals.queueTask = function queueTask(fn, arg) {
    queue.functions.push(fn);
    queue.args.push(arg);
    queue.reporters.push(internals.reportException);
    cells[QUEUED] += 1;
  };

  internals.runQueuedTask = function runQueuedTask() {
    const head = queue.head;
    const fn = queue.functions[head];
    const arg = queue.args[head];
    const report = queue.reporters[head];
    queue.functions[head] = queue.args[head] = queue.reporters[head] = undefined;
    queue.head = head + 1;
    cells[QUEUED] -= 1;
    if (queue.head === queue.functions.length) {
      queue.functions.length = queue.args.length = queue.reporters.length = 0;
      queue.head = 0;
    } else if (queue.head > 1024 && queue.head * 2 > queue.functions.length) {
      queue.functions.splice(0, queue.head);
      queue.args.splice(0, queue.head);
      queue.reporters.splice(0, queue.head);
      queue.head = 0;
    }
    try {
      fn(arg);
    } catch (error) {
      report(error);
    }
  };

  // When the running task began, on this realm's performance.now() scale: the time stamp of the events the
  // host fires in it, without a call into the host per event.
  const clockOffset = ops.clockOffset;
  internals.taskTime = () => cells[0] - clockOffset;

  // ---- Timers (HTML "timer initialization steps") ----

  const timers = new MapCtor(); // id -> { handler, args, repeat, timeout, nesting }
  let lastTimerId = 0;
  // The timer nesting level of the running task when it is a timer task, else 0.
  let runningNestingLevel = 0;

  function startTimer(handler, timeout, args, repeat) {
    // WebIDL `long`: ToNumber, then ToInt32 (NaN → 0, wraps modulo 2^32).
    timeout = +timeout | 0;
    // "If timeout is less than 0, then set timeout to 0."
    if (timeout < 0) timeout = 0;
    const id = ++lastTimerId;
    const timer = { handler, args, repeat, timeout, nesting: runningNestingLevel };
    reflectApply(mapSet, timers, [id, timer]);
    armTimer(id, timer);
    return id;
  }

  function armTimer(id, timer) {
    // "If nesting level is greater than 5, and timeout is less than 4, then set timeout to 4."
    const timeout = timer.nesting > 5 && timer.timeout < 4 ? 4 : timer.timeout;
    // The task's timer nesting level is nesting level + 1.
    timer.nesting += 1;
    ops.timerStart(id, timeout);
  }

  internals.fireTimer = function fireTimer(id) {
    const timer = reflectApply(mapGet, timers, [id]);
    if (timer === undefined) return; // cleared after its task was queued
    if (!timer.repeat) reflectApply(mapDelete, timers, [id]);
    const outer = runningNestingLevel;
    runningNestingLevel = timer.nesting;
    try {
      if (typeof timer.handler === "function") {
        reflectApply(timer.handler, global, timer.args);
      } else {
        (0, eval)(timer.handler);
      }
    } catch (error) {
      internals.reportException(error);
    } finally {
      runningNestingLevel = outer;
    }
    if (timer.repeat && reflectApply(mapGet, timers, [id]) === timer) {
      // The re-run is initialized from within this timer's own task, whose nesting level timer.nesting is:
      // every repeat nests one level deeper (so a 0 ms interval is clamped to 4 ms after 5 runs).
      armTimer(id, timer);
    }
  };

  function makeTimerFunction(name, repeat) {
    const functions = {
      [name](handler, timeout = 0, ...args) {
        requireArguments(name, 1, arguments.length);
        if (typeof handler !== "function") handler = `${handler}`;
        return startTimer(handler, timeout, args, repeat);
      },
    };
    return functions[name];
  }

  function clearTimer(id = 0) {
    id = +id | 0;
    if (reflectApply(mapDelete, timers, [id])) ops.timerCancel(id);
  }

  defineGlobal("setTimeout", makeTimerFunction("setTimeout", false));
  defineGlobal("setInterval", makeTimerFunction("setInterval", true));
  // The two clear functions share one list of active timers, so either clears either kind.
  defineGlobal("clearTimeout", function clearTimeout(id = 0) { clearTimer(id); });
  defineGlobal("clearInterval", function clearInterval(id = 0) { clearTimer(id); });

  // ---- performance ----

  const illegal = Symbol("illegal constructor guard");
  const Base = internals.EventTarget ?? Object;
  class Performance extends Base {
    constructor(key) {
      if (key !== illegal) throw new TypeError("Illegal constructor");
      super();
    }
    now() { return ops.now(); }
    get timeOrigin() { return ops.timeOrigin; }
    toJSON() { return { timeOrigin: ops.timeOrigin }; }
  }
  for (const name of ["now", "timeOrigin", "toJSON"]) {
    const descriptor = Object.getOwnPropertyDescriptor(Performance.prototype, name);
    descriptor.enumerable = true;
    defineProperty(Performance.prototype, name, descriptor);
  }
  defineProperty(Performance.prototype, Symbol.toStringTag, { value: "Performance", configurable: true });
  defineGlobal("Performance", Performance);
  const performance = new Performance(illegal);
  defineProperty(global, "performance", {
    get: function performance_() { return performance; },
    set: function performance_(value) { defineProperty(global, "performance", { value, writable: true, enumerable: true, configurable: true }); },
    enumerable: true,
    configurable: true,
  });

  // ---- self, the host object ----

  defineProperty(global, "self", {
    get: function self() { return global; },
    set: function self(value) { defineProperty(global, "self", { value, writable: true, enumerable: true, configurable: true }); },
    enumerable: true,
    configurable: true,
  });

  // `jshost`: what the host tells the script. Documented in the README.
  defineGlobal("jshost", Object.freeze({
    args: Object.freeze(Array.from(ops.args)),
    version: ops.version,
  }));

  if (ops.gc !== undefined) {
    defineGlobal("gc", function gc() { ops.gc(); });
  }
})
