// Workers, the inside view (HTML "Web workers": WorkerGlobalScope, DedicatedWorkerGlobalScope,
// SharedWorkerGlobalScope). Evaluated in every realm, it does something only in a worker's own realm: the
// global gets `name`, `close` and `importScripts`.
// - A dedicated worker's global also gets `postMessage` and the `message`/`messageerror` handlers; deliveries
//   from the Worker object are dispatched at the global, and an uncaught error that the global does not cancel
//   goes to the Worker object.
// - A shared worker's global gets `onconnect`: each client's connection is a `connect` event whose `ports[0]`
//   (and `source`) is entangled with the client's `port`. Its uncaught errors are reported here, like a
//   window's (HTML leaves them to the developer console: no client hears of them).
(function (ops, internals, global) {
  "use strict";

  if (typeof ops.workerKind !== "string") return;
  const isShared = ops.workerKind === "shared";

  const { failedToExecute, notEnoughArguments } = internals.idl;
  const defineEventHandler = internals.defineEventHandler;
  const { apply: ReflectApply, defineProperty: ReflectDefineProperty } = Reflect;
  const StringCtor = String;
  const endpoint = ops.workerEndpoint;
  const workerName = ops.workerName;
  const workerURL = ops.workerURL;
  const isGlobal = (value) => value === global || value === undefined || value === null;

  if (!isShared) internals.bindPipeEndpoint(endpoint, global);

  function define(name, value) {
    ReflectDefineProperty(global, name, { __proto__: null, value, writable: true, enumerable: true, configurable: true });
  }

  const postMessagePrefix = failedToExecute("postMessage", "DedicatedWorkerGlobalScope");
  const operations = {
    postMessage(message, transferOrOptions = undefined) {
      const prefix = postMessagePrefix;
      if (!isGlobal(this)) throw new TypeError(`${prefix}Illegal invocation`);
      if (arguments.length < 1) throw notEnoughArguments(prefix, 1, 0);
      internals.postToPipe(endpoint, message, internals.toTransferList(transferOrOptions, prefix), prefix);
    },
    // HTML: "discard any tasks that have been added to the worker's event loop" and stop after this task.
    close() {
      ops.workerClose();
    },
    // Fetches and runs each script in order, synchronously, relative to the worker's script URL. A URL that
    // does not parse is a SyntaxError before anything runs; a script that cannot be fetched is a
    // NetworkError; an exception a script throws propagates to the caller.
    importScripts(...urls) {
      const prefix = failedToExecute("importScripts", "WorkerGlobalScope");
      internals.requireModule("url.js");
      const resolved = [];
      for (let i = 0; i < urls.length; i++) {
        const record = internals.parseURLRecord(StringCtor(urls[i]), workerURL);
        if (record === null) throw internals.makeDOMException(`${prefix}The URL '${urls[i]}' is invalid.`, "SyntaxError");
        resolved[i] = internals.serializeURLRecord(record);
      }
      for (let i = 0; i < resolved.length; i++) {
        // web-platform-tests' worker files load the harness themselves: under `jshost test` it is loaded
        // already (built in, or --harness), and a worker a test starts gets the built-in one.
        if (isHarnessScript(resolved[i])) {
          // A worker started by a test (fetch_tests_from_worker) gets the built-in harness.
          if (!harnessLoaded() && isHarnessItself(resolved[i])) ops.loadModule("testharness.js");
          continue;
        }
        let source = internals.scriptSource(resolved[i]);
        try {
          if (source === undefined) source = ops.readScript(resolved[i]);
        } catch {
          source = null;
        }
        if (source === null) {
          throw internals.makeDOMException(`${prefix}The script at '${resolved[i]}' failed to load.`, "NetworkError");
        }
        ops.evaluateScript(source, resolved[i]);
      }
    },
  };
  const { endsWith: StringEndsWith, indexOf: StringIndexOf, slice: StringSlice } = String.prototype;
  const harnessLoaded = () => internals.testharness !== undefined || typeof global.add_completion_callback === "function";
  function isHarnessItself(url) {
    return ReflectApply(StringIndexOf, url, ["/resources/testharness.js"]) !== -1;
  }
  function isHarnessScript(url) {
    const query = ReflectApply(StringIndexOf, url, ["?"]);
    const path = query < 0 ? url : ReflectApply(StringSlice, url, [0, query]);
    return ReflectApply(StringEndsWith, path, ["/resources/testharness.js"])
      || ReflectApply(StringEndsWith, path, ["/resources/testharnessreport.js"]);
  }

  if (!isShared) define("postMessage", operations.postMessage);
  define("close", operations.close);
  define("importScripts", operations.importScripts);
  ReflectDefineProperty(global, "name", {
    __proto__: null,
    get: function name() { return workerName; },
    set: function name(value) {
      ReflectDefineProperty(global, "name", { __proto__: null, value, writable: true, enumerable: true, configurable: true });
    },
    enumerable: true,
    configurable: true,
  });
  if (isShared) {
    defineEventHandler(global, "connect");
    const makeSourcedMessageEvent = internals.makeSourcedMessageEvent;
    const ObjectFreeze = Object.freeze;
    // HTML "run a worker", shared case: "fire an event named connect at worker global scope, using
    // MessageEvent, with data initialized to the empty string, ports initialized to a new frozen array
    // containing inside port, and source initialized to inside port."
    internals.sharedWorkerConnect = function sharedWorkerConnect(portEndpoint) {
      const port = internals.bindNewRemotePort(portEndpoint);
      const ports = ObjectFreeze([port]);
      internals.dispatchTrusted(global, makeSourcedMessageEvent("connect", "", ports, "", port));
    };
    return;
  }
  defineEventHandler(global, "message");
  defineEventHandler(global, "messageerror");

  // HTML "report an exception" in a worker: the ErrorEvent goes to the worker's global first; only if that
  // one is not cancelled does the Worker object hear of it (then nothing is printed here).
  const fireAtGlobal = internals.fireErrorEvent;
  const errorEventInit = internals.errorEventInit;
  internals.fireErrorEvent = function fireErrorEvent(error) {
    if (!fireAtGlobal(error)) return false;
    const init = errorEventInit(error);
    return !ops.workerReportError(init.message, init.filename, init.lineno, init.colno);
  };
})
