// Timers, microtasks, error reporting, `performance`, `self` and the `jshost` host object.
(function (ops, internals, global) {
  "use strict";

  // Intrinsics, captured before any user code runs: a script that patches built-ins can break its own code,
  // never the timers, the task queue or error reporting.
  const { apply: reflectApply, defineProperty, setPrototypeOf: reflectSetPrototypeOf } = Reflect;
  // The task queue grows by storing past its end, which on an ordinary array would reach a setter user code
  // defined for that index on Array.prototype: its lists have no prototype.
  function newList() {
    const list = [];
    reflectSetPrototypeOf(list, null);
    return list;
  }
  const MapCtor = Map;
  const mapGet = Map.prototype.get, mapSet = Map.prototype.set, mapDelete = Map.prototype.delete;
  const setHas = Set.prototype.has;
  const arraySplice = Array.prototype.splice;
  const stringIncludes = String.prototype.includes, stringIndexOf = String.prototype.indexOf;
  const stringSlice = String.prototype.slice, stringStartsWith = String.prototype.startsWith;
  const regExpExec = RegExp.prototype.exec;
  const objectToString = Object.prototype.toString;
  const functionHasInstance = Function.prototype[Symbol.hasInstance];
  const errorIsError = typeof Error.isError === "function" ? Error.isError : null;
  const ErrorCtor = Error, SyntaxErrorCtor = SyntaxError, TypeErrorCtor = TypeError;
  const indirectEval = eval;
  const promiseThen = Promise.prototype.then;
  const resolvedPromise = Promise.resolve();
  // `then` looks up resolvedPromise.constructor[Symbol.species]; an own `constructor` of undefined makes it use
  // the intrinsic %Promise% whatever a script does to Promise.prototype.constructor or Promise[Symbol.species].
  defineProperty(resolvedPromise, "constructor", { __proto__: null, value: undefined });

  {
    const url = new ErrorCtor().sourceURL;
    if (typeof url === "string" && url !== "" && internals.internalSourceURLs !== undefined) {
      reflectApply(Set.prototype.add, internals.internalSourceURLs, [url]);
    }
  }

  function defineGlobal(name, value) {
    defineProperty(global, name, { __proto__: null, value, writable: true, enumerable: false, configurable: true });
  }

  function requireArguments(operation, count, given) {
    if (given < count) {
      throw new TypeErrorCtor(`Failed to execute '${operation}': ${count} argument${count === 1 ? "" : "s"} required, but only ${given} present.`);
    }
  }

  function isError(value) {
    if (errorIsError !== null) return errorIsError(value);
    return typeof value === "object" && value !== null && reflectApply(objectToString, value, []) === "[object Error]";
  }

  // ---- Reporting (HTML "report an exception") ----

  // The lines of a string, without String.prototype.split (which looks up Symbol.split, a script's to set).
  function splitLines(text) {
    const lines = [];
    let start = 0;
    for (;;) {
      const end = reflectApply(stringIndexOf, text, ["\n", start]);
      lines[lines.length] = reflectApply(stringSlice, text, [start, end === -1 ? text.length : end]);
      if (end === -1) return lines;
      start = end + 1;
    }
  }

  // The last resort when formatting fails (console.js is not loaded, or a script broke it): the error's name
  // and message read as plain data and its frames in the usual `    at fn (file:line:col)` shape.
  function plainReport(value, inPromise) {
    let text = `Uncaught ${inPromise ? "(in promise) " : ""}${plainDescription(value)}`;
    try {
      const stack = isError(value) ? value.stack : undefined;
      if (typeof stack === "string") {
        const lines = splitLines(stack);
        for (let i = 0; i < lines.length; i++) {
          const frame = plainFrame(lines[i]);
          if (frame !== "") text = `${text}\n${frame}`;
        }
      }
    } catch {}
    return text;
  }

  // One JSC frame (`fn@file:line:col`) as a report line, or "" for none (a built-in module's frame).
  function plainFrame(line) {
    const at = reflectApply(stringIndexOf, line, ["@"]);
    if (at === -1) return "";
    let name = reflectApply(stringSlice, line, [0, at]);
    const location = reflectApply(stringSlice, line, [at + 1]);
    if (reflectApply(stringStartsWith, location, ["jshost:"])) return "";
    if (name === "global code" || name === "module code") name = "";
    else if (name === "eval code") name = "eval";
    if (location === "[native code]") return `    at ${name || "<anonymous>"} (native)`;
    if (location === "") return `    at ${name || "<anonymous>"} (<anonymous>)`;
    return name === "" ? `    at ${location}` : `    at ${name} (${location})`;
  }

  // `Name: message` (or either alone when the other is empty) when both are strings or missing, else null.
  function plainHeader(error) {
    try {
      let name = error.name, message = error.message;
      if (name === undefined) name = "Error";
      if (message === undefined) message = "";
      if (typeof name !== "string" || typeof message !== "string") return null;
      if (name === "") return message;
      return message === "" ? name : `${name}: ${message}`;
    } catch {
      return null;
    }
  }

  function plainDescription(value) {
    try {
      if (isError(value)) {
        const header = plainHeader(value);
        return header !== null ? header : "Error";
      }
      if (typeof value === "symbol") return "Symbol()";
      if (typeof value !== "object" && typeof value !== "function") return `${value}`;
      return reflectApply(objectToString, value, []);
    } catch {
      return "exception";
    }
  }

  function describeUncaught(value, inPromise) {
    let text;
    try {
      text = internals.formatUncaught(value, inPromise);
      if (typeof text !== "string") {
        text = plainReport(value, inPromise);
      } else if (isError(value)) {
        // The formatter degrades quietly when a script broke a built-in it uses: make sure of the name, the
        // message and the frames.
        const plain = plainReport(value, inPromise);
        const header = plainHeader(value);
        const headerLost = header !== null && !reflectApply(stringStartsWith, text,
          [`Uncaught ${inPromise ? "(in promise) " : ""}${header}`]);
        const framesLost = !reflectApply(stringIncludes, text, ["\n    at "]) &&
          reflectApply(stringIncludes, plain, ["\n    at "]);
        if (headerLost || framesLost) text = plain;
      }
    } catch {
      text = plainReport(value, inPromise);
    }
    // A script's syntax error carries the file and line as properties but no useful stack (at most the
    // native frame that evaluated it): make the file and line the first frame.
    if (reflectApply(functionHasInstance, SyntaxErrorCtor, [value]) && typeof value.sourceURL === "string" &&
        value.line !== undefined) {
      const where = `${value.sourceURL}:${value.line}`;
      if (!reflectApply(stringIncludes, text, [where])) {
        const end = reflectApply(stringIndexOf, text, ["\n"]);
        text = end < 0 ? `${text}\n    at ${where}`
          : `${reflectApply(stringSlice, text, [0, end])}\n    at ${where}${reflectApply(stringSlice, text, [end])}`;
      }
    }
    return text;
  }

  function printUncaught(value, inPromise) {
    ops.uncaught(describeUncaught(value, inPromise) + "\n", value, inPromise);
  }

  // Reporting needs some stack of its own (the error event's listeners, formatting). An error caught just
  // below the stack limit (a listener that overflowed, reportError() in a deep recursion) is reported once
  // the stack has unwound instead: at the end of the running task (or in a host task of its own). A
  // listener's error that cannot even get into this function is left in the same list by event-target.js.
  const deferredReports = internals.deferredReports ?? newList();
  internals.deferredReports = deferredReports;
  internals.scheduleDeferredReports = scheduleDeferredReports;
  let deferredFlushQueued = false;
  const HEADROOM_FRAMES = 200;

  function probeStack(depth) {
    // (Not a tail call: JSC has proper tail calls in strict mode.)
    return depth === 0 ? 0 : probeStack(depth - 1) + 1;
  }

  function hasHeadroom() {
    try {
      probeStack(HEADROOM_FRAMES);
      return true;
    } catch {
      return false;
    }
  }

  function deferReport(error) {
    // Schedule first: if even that call fails, the caller gets the RangeError and nothing is left half done.
    scheduleDeferredReports();
    deferredReports[deferredReports.length] = error;
  }

  function scheduleDeferredReports() {
    if (deferredFlushQueued) return;
    deferredFlushQueued = true;
    // Queue the flush as a host task (see queueTask) with element stores only: nothing here needs a stack frame.
    const n = queue.functions.length;
    queue.functions[n] = flushDeferredReports;
    queue.args[n] = undefined;
    queue.reporters[n] = owner;
    cells[QUEUED] += 1;
  }

  // An error whose event has fired but whose printing ran out of stack: only the printing is left to do.
  class PendingPrint {
    error;
    constructor(error) { this.error = error; }
  }

  function flushDeferredReports() {
    deferredFlushQueued = false;
    // One at a time from the front: a report may itself report (or defer) another error.
    while (deferredReports.length !== 0) {
      const entry = deferredReports[0];
      reflectApply(arraySplice, deferredReports, [0, 1]);
      const printOnly = entry instanceof PendingPrint;
      const error = printOnly ? entry.error : entry;
      try {
        if (printOnly) printUncaught(error, false);
        else reportNow(error);
      } catch {
        ops.uncaught(`${plainReport(error, false)}\n`);
      }
    }
  }

  function reportNow(error) {
    let notCancelled = true;
    if (internals.fireErrorEvent !== undefined) {
      try {
        notCancelled = internals.fireErrorEvent(error);
      } catch {
        // The event could not be fired (no listener's exception gets here: dispatch reports those).
      }
    }
    if (!notCancelled) return;
    try {
      printUncaught(error, false);
    } catch {
      // Out of stack after the event: print later, without firing the event again.
      deferReport(new PendingPrint(error));
    }
  }

  internals.reportException = function reportException(error) {
    try {
      if (deferredReports.length !== 0) flushDeferredReports(); // keep the order of reports
      if (hasHeadroom()) {
        reportNow(error);
        return;
      }
    } catch {
      // The stack ran out while reporting after all.
    }
    deferReport(error);
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
      throw new TypeErrorCtor("Failed to execute 'queueMicrotask': parameter 1 is not of type 'Function'.");
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
  // Three parallel arrays, one entry per task: the function, its argument, and the owner (the realm that
  // queued it: how to report its exception, and whether the realm was closed since). Consecutive tasks with
  // the same function, argument and owner (a burst of messages to one port) share one entry: its function
  // slot then holds a null-prototype record { fn, count }.
  const queue = ops.sharedTaskQueue ?? { functions: newList(), args: newList(), reporters: newList(), head: 0 };
  internals.hostTaskQueue = queue;
  const owner = { __proto__: null, closed: false, realm: ops.realmID, report: (error) => internals.reportException(error) };
  const ENTRY_REALM = 3; // the cell of the realm whose task runs (HostCells.entryRealm)
  // The realm is closing: its queued tasks are dropped when their turn comes.
  internals.closeTaskQueue = () => { owner.closed = true; };

  // (Element stores, not push(): Array.prototype.push belongs to the script.)
  internals.queueTask = function queueTask(fn, arg) {
    const functions = queue.functions;
    const n = functions.length;
    if (n > queue.head && queue.args[n - 1] === arg && queue.reporters[n - 1] === owner) {
      const last = functions[n - 1];
      if (last === fn) {
        functions[n - 1] = { __proto__: null, fn, count: 2 };
        cells[QUEUED] += 1;
        return;
      }
      if (typeof last !== "function" && last.fn === fn) {
        last.count++;
        cells[QUEUED] += 1;
        return;
      }
    }
    functions[n] = fn;
    queue.args[n] = arg;
    queue.reporters[n] = owner;
    cells[QUEUED] += 1;
  };

  // The argument of the last queued task when that task is `fn`'s, was queued by this realm and has not begun:
  // a module may then fold more work into it instead of queuing a task right behind it (BroadcastChannel's
  // deliveries, which run a microtask checkpoint between their parts themselves). Else undefined.
  internals.lastQueuedArgument = function lastQueuedArgument(fn) {
    const n = queue.functions.length;
    return n > queue.head && queue.functions[n - 1] === fn && queue.reporters[n - 1] === owner ? queue.args[n - 1] : undefined;
  };

  internals.runQueuedTask = function runQueuedTask() {
    const head = queue.head;
    let fn = queue.functions[head];
    const arg = queue.args[head];
    const taskOwner = queue.reporters[head];
    cells[QUEUED] -= 1;
    if (typeof fn !== "function" && --fn.count > 0) {
      fn = fn.fn; // more of the same remain in this entry
    } else {
      if (typeof fn !== "function") fn = fn.fn;
      queue.functions[head] = queue.args[head] = queue.reporters[head] = undefined;
      queue.head = head + 1;
      if (queue.head === queue.functions.length) {
        queue.functions.length = queue.args.length = queue.reporters.length = 0;
        queue.head = 0;
      } else if (queue.head > 1024 && queue.head * 2 > queue.functions.length) {
        reflectApply(arraySplice, queue.functions, [0, queue.head]);
        reflectApply(arraySplice, queue.args, [0, queue.head]);
        reflectApply(arraySplice, queue.reporters, [0, queue.head]);
        queue.head = 0;
      }
    }
    if (taskOwner.closed) return;
    cells[ENTRY_REALM] = taskOwner.realm;
    try {
      fn(arg);
    } catch (error) {
      taskOwner.report(error);
    }
    if (deferredReports.length !== 0) flushDeferredReports();
  };

  // When the running task began, on this realm's performance.now() scale: the time stamp of the events the
  // host fires in it, without a call into the host per event.
  const clockOffset = ops.clockOffset;
  internals.taskTime = () => cells[0] - clockOffset;

  // ---- Timers (HTML "timer initialization steps") ----

  const timers = new MapCtor(); // id -> { handler, args, repeat, timeout, nesting, caller }
  let lastTimerId = 0;
  // The timer nesting level of the running task when it is a timer task, else 0.
  let runningNestingLevel = 0;

  function startTimer(handler, timeout, args, repeat) {
    // WebIDL `long`: ToNumber, then ToInt32 (NaN → 0, wraps modulo 2^32).
    timeout = +timeout | 0;
    // "If timeout is less than 0, then set timeout to 0."
    if (timeout < 0) timeout = 0;
    const id = ++lastTimerId;
    // A string handler is compiled when the timer fires; its syntax error is reported at the setTimeout call.
    const caller = typeof handler === "string" ? new ErrorCtor().stack : undefined;
    const timer = { __proto__: null, handler, args, repeat, timeout, nesting: runningNestingLevel, caller };
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

  // Host timers (negative ids): internal one-shot callbacks such as AbortSignal.timeout's. Scripts cannot
  // see or clear them, their delay is not limited to 32 bits, and they do not keep the host running.
  const hostTimers = new MapCtor(); // id -> callback
  let lastHostTimerId = 0;

  internals.startHostTimer = function startHostTimer(callback, milliseconds) {
    const id = -(++lastHostTimerId);
    reflectApply(mapSet, hostTimers, [id, callback]);
    ops.timerStart(id, milliseconds, false);
    return id;
  };

  internals.fireTimer = function fireTimer(id) {
    if (id < 0) {
      const callback = reflectApply(mapGet, hostTimers, [id]);
      reflectApply(mapDelete, hostTimers, [id]);
      if (callback !== undefined) runTimerCallback(callback);
      return;
    }
    const timer = reflectApply(mapGet, timers, [id]);
    if (timer === undefined) return; // cleared after its task was queued
    if (!timer.repeat) reflectApply(mapDelete, timers, [id]);
    const outer = runningNestingLevel;
    runningNestingLevel = timer.nesting;
    try {
      if (typeof timer.handler === "function") {
        reflectApply(timer.handler, global, timer.args);
      } else {
        evaluateHandler(timer);
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
    if (deferredReports.length !== 0) flushDeferredReports();
  };

  function runTimerCallback(callback) {
    try {
      callback();
    } catch (error) {
      internals.reportException(error);
    }
    if (deferredReports.length !== 0) flushDeferredReports();
  }

  const frameLocation = /@(.*):(\d+):(\d+)$/;

  function evaluateHandler(timer) {
    try {
      indirectEval(timer.handler);
    } catch (error) {
      // A syntax error names the line of this module that called eval: point it at the setTimeout call.
      if (reflectApply(functionHasInstance, SyntaxErrorCtor, [error]) && isInternalURL(error.sourceURL)) {
        relocate(error, timer.caller);
      }
      throw error;
    }
  }

  function isInternalURL(url) {
    const internal = internals.internalSourceURLs;
    return typeof url === "string" && (url === "" || (internal !== undefined && reflectApply(setHas, internal, [url])));
  }

  // Gives `error` the script frames of `stack` (from the setTimeout call) as its stack and location.
  function relocate(error, stack) {
    if (typeof stack !== "string") return;
    const lines = splitLines(stack);
    let frames = "";
    let first = null;
    for (let i = 0; i < lines.length; i++) {
      const m = reflectApply(regExpExec, frameLocation, [lines[i]]);
      if (m === null || isInternalURL(m[1])) continue;
      if (first === null) first = m;
      frames = frames === "" ? lines[i] : `${frames}\n${lines[i]}`;
    }
    if (first === null) return;
    const define = (name, value) =>
      defineProperty(error, name, { __proto__: null, value, writable: true, enumerable: false, configurable: true });
    define("stack", frames);
    define("sourceURL", first[1]);
    define("line", +first[2]);
    define("column", +first[3]);
  }

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
    // (Host timers have negative ids and live in a list of their own: a script cannot clear them.)
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
      if (key !== illegal) throw new TypeErrorCtor("Illegal constructor");
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
  defineProperty(Performance.prototype, Symbol.toStringTag, { __proto__: null, value: "Performance", configurable: true });
  defineGlobal("Performance", Performance);
  const performance = new Performance(illegal);
  defineProperty(global, "performance", {
    get: function performance_() { return performance; },
    set: function performance_(value) { defineProperty(global, "performance", { __proto__: null, value, writable: true, enumerable: true, configurable: true }); },
    enumerable: true,
    configurable: true,
  });

  // ---- self, the host object ----

  defineProperty(global, "self", {
    get: function self() { return global; },
    set: function self(value) { defineProperty(global, "self", { __proto__: null, value, writable: true, enumerable: true, configurable: true }); },
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
