// SharedWorker, the outside view (HTML "Shared workers": the SharedWorker interface). Loaded in a window realm
// the first time `SharedWorker` is read (web-loader.js). One worker runs per (script URL, name) in a host
// (Web/SharedWorkers.swift): a constructor from any realm or agent with the same pair connects to it. The
// object's `port` is entangled with the `ports[0]` of the `connect` event the worker receives; `error` fires at
// the object when the script cannot be loaded. worker-global.js is the inside view.
(function (ops, internals, global) {
  "use strict";

  const { failedToConstruct, notEnoughArguments, illegalInvocation, finishInterface } = internals.webIdl;
  const EventTarget = internals.EventTarget;
  const defineEventHandler = internals.defineEventHandler;

  let isSharedWorker;

  class SharedWorker extends EventTarget {
    #port;

    constructor(scriptURL, options = undefined) {
      const prefix = failedToConstruct("SharedWorker");
      if (arguments.length < 1) throw notEnoughArguments(prefix, 1, 0);
      super();
      // (DOMString or WorkerOptions): a string names the worker; undefined, null and objects are the dictionary.
      const { href, name } = internals.workerConstruction(prefix, scriptURL, options, true);
      const source = internals.scriptSource(href);
      // An unreadable data: or blob: URL fails like a fetch: `error` at this object, later, and nothing starts.
      const endpoints = ops.sharedWorkerConnect(href, source === null ? undefined : source, name, source === null);
      this.#port = internals.bindNewRemotePort(endpoints[0]);
      internals.bindPipeEndpoint(endpoints[1], this);
    }

    get port() {
      if (!isSharedWorker(this)) throw illegalInvocation("port", "SharedWorker");
      return this.#port;
    }

    static {
      isSharedWorker = (value) => value !== null && typeof value === "object" && #port in value;
    }
  }

  defineEventHandler(SharedWorker.prototype, "error", { brand: isSharedWorker, interfaceName: "SharedWorker" });
  finishInterface(SharedWorker, "SharedWorker");
  internals.publishGlobal("SharedWorker", SharedWorker);

  // Not serializable: name it in the DataCloneError.
  const platformObjectKind = internals.platformObjectKind;
  internals.platformObjectKind = (value) => (isSharedWorker(value) ? "SharedWorker" : platformObjectKind?.(value));
})
