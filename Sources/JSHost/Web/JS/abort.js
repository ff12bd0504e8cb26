// AbortController and AbortSignal (DOM §3.1, §3.2), including AbortSignal.any() dependent signals.
(function (ops, internals, global) {
  "use strict";

  const {
    failedToExecute, notEnoughArguments, illegalInvocation, illegalConstructor, finishInterface,
    installGlobal,
  } = internals.idl;
  const EventTarget = internals.EventTarget;
  const Event = internals.Event;
  const dispatchTrusted = internals.dispatchTrusted;
  const defineEventHandler = internals.defineEventHandler;
  const hasEventListeners = internals.hasEventListeners;
  const watchEventListeners = internals.watchEventListeners;
  const makeDOMException = internals.makeDOMException;
  const SymbolIterator = Symbol.iterator;
  const ReflectApply = Reflect.apply;
  const WeakRefCtor = typeof WeakRef === "function" ? WeakRef : null;

  {
    const url = new Error().sourceURL;
    if (typeof url === "string" && url !== "") internals.internalSourceURLs.add(url);
  }

  const kCreate = Symbol("create AbortSignal");

  // Non-aborted dependent signals that must stay alive: they have abort listeners or algorithms
  // and a source that can still abort them (DOM §3.2.1 "Garbage collection").
  const pinned = new Set();

  // Weak list of dependent signals (the spec's "dependent signals" set), held by a source signal.
  function strongRef(v) { return { deref: () => v }; }
  const makeRef = WeakRefCtor !== null ? (v) => new WeakRefCtor(v) : strongRef;

  let AbortSignal;
  let isAbortSignal;
  let signalAbort;
  let createDependentSignal;
  let addAbortAlgorithm;
  let removeAbortAlgorithm;
  let signalAborted;
  let signalReason;
  let newSignal;

  {
    AbortSignal = class AbortSignal extends EventTarget {
      #aborted = false;
      #reason = undefined;
      #algorithms = null; // Set<function> | null
      #dependent = false;
      #sources = null; // AbortSignal[] | null (only for dependent signals; never aborted, never dependent)
      #dependents = null; // WeakRef<AbortSignal>[] | null
      #dependentsPruneAt = 8;

      constructor(token = undefined) {
        if (token !== kCreate) throw illegalConstructor("AbortSignal");
        super();
      }

      static abort(reason = undefined) {
        const signal = newSignal();
        signal.#aborted = true;
        signal.#reason = reason !== undefined ? reason : defaultReason();
        return signal;
      }

      static timeout(milliseconds) {
        const prefix = failedToExecute("timeout", "AbortSignal");
        if (arguments.length < 1) throw notEnoughArguments(prefix, 1, 0);
        // [EnforceRange] unsigned long long
        let ms = +milliseconds;
        if (ms !== ms || ms === Infinity || ms === -Infinity) {
          throw new TypeError(`${prefix}Value is not a finite number.`);
        }
        ms = Math.trunc(ms);
        if (ms < 0 || ms > Number.MAX_SAFE_INTEGER) {
          throw new TypeError(`${prefix}Value is outside the 'unsigned long long' value range.`);
        }
        const signal = newSignal();
        // A host timer of its own: not the script's setTimeout (which may be replaced, and wraps at 2^31 ms),
        // invisible to clearTimeout, and it does not keep the host running.
        internals.startHostTimer(() => {
          signalAbort(signal, makeDOMException("signal timed out", "TimeoutError"));
        }, ms);
        return signal;
      }

      static any(signals) {
        const prefix = failedToExecute("any", "AbortSignal");
        if (arguments.length < 1) throw notEnoughArguments(prefix, 1, 0);
        // sequence<AbortSignal>
        if (signals === null || (typeof signals !== "object" && typeof signals !== "function")) {
          throw new TypeError(`${prefix}The provided value cannot be converted to a sequence.`);
        }
        const method = signals[SymbolIterator];
        if (typeof method !== "function") {
          throw new TypeError(`${prefix}The object must have a callable @@iterator property.`);
        }
        const list = [];
        for (const s of { [SymbolIterator]: () => ReflectApply(method, signals, []) }) {
          if (!isAbortSignal(s)) {
            throw new TypeError(`${prefix}Failed to convert value to 'AbortSignal'.`);
          }
          list.push(s);
        }
        return createDependentSignal(list);
      }

      get aborted() {
        const self = this ?? global;
        if (!isAbortSignal(self)) throw illegalInvocation("aborted", "AbortSignal");
        return self.#aborted;
      }

      get reason() {
        const self = this ?? global;
        if (!isAbortSignal(self)) throw illegalInvocation("reason", "AbortSignal");
        return self.#reason;
      }

      throwIfAborted() {
        const self = this ?? global;
        if (!isAbortSignal(self)) throw illegalInvocation("throwIfAborted", "AbortSignal");
        if (self.#aborted) throw self.#reason;
      }

      static {
        isAbortSignal = (v) => typeof v === "object" && v !== null && #aborted in v;
        newSignal = () => new AbortSignal(kCreate);
        signalAborted = (signal) => signal.#aborted;
        signalReason = (signal) => signal.#reason;

        const updatePin = (signal) => {
          if (!signal.#aborted && signal.#sources !== null && signal.#sources.length > 0 &&
              ((signal.#algorithms !== null && signal.#algorithms.size > 0) || hasEventListeners(signal, "abort"))) {
            pinned.add(signal);
          } else {
            pinned.delete(signal);
          }
        };
        const watch = (signal) => (type) => {
          if (type === "abort") updatePin(signal);
        };

        addAbortAlgorithm = (signal, algorithm) => {
          if (signal.#aborted) return;
          if (signal.#algorithms === null) signal.#algorithms = new Set();
          signal.#algorithms.add(algorithm);
          if (signal.#dependent) updatePin(signal);
        };

        removeAbortAlgorithm = (signal, algorithm) => {
          if (signal.#algorithms === null) return;
          signal.#algorithms.delete(algorithm);
          if (signal.#dependent) updatePin(signal);
        };

        function addDependent(source, dependent) {
          let list = source.#dependents;
          if (list === null) list = source.#dependents = [];
          // (`dependent` is new and its sources are de-duplicated, so no membership check is needed.)
          if (list.length >= source.#dependentsPruneAt) {
            // Drop collected dependents now and then so a long-lived source does not grow forever.
            let j = 0;
            for (let i = 0; i < list.length; i++) {
              const d = list[i].deref();
              if (d !== undefined && !d.#aborted) list[j++] = list[i];
            }
            list.length = j;
            source.#dependentsPruneAt = Math.max(8, j * 2);
          }
          list.push(makeRef(dependent));
        }

        // DOM "create a dependent abort signal".
        createDependentSignal = (signals) => {
          const result = newSignal();
          for (const signal of signals) {
            if (signal.#aborted) {
              result.#aborted = true;
              result.#reason = signal.#reason;
              return result;
            }
          }
          result.#dependent = true;
          const sources = [];
          for (const signal of signals) {
            if (!signal.#dependent) {
              if (!sources.includes(signal)) {
                sources.push(signal);
                addDependent(signal, result);
              }
            } else if (signal.#sources !== null) {
              for (const source of signal.#sources) {
                if (!source.#aborted && !sources.includes(source)) {
                  sources.push(source);
                  addDependent(source, result);
                }
              }
            }
          }
          result.#sources = sources;
          watchEventListeners(result, watch(result));
          return result;
        };

        function runAbortSteps(signal) {
          const algorithms = signal.#algorithms;
          signal.#algorithms = null;
          if (algorithms !== null) {
            for (const algorithm of [...algorithms]) algorithm();
          }
          dispatchTrusted(signal, new Event("abort"));
        }

        // DOM "signal abort".
        signalAbort = (signal, reason) => {
          if (signal.#aborted) return;
          signal.#aborted = true;
          signal.#reason = reason !== undefined ? reason : defaultReason();
          const toAbort = [];
          const dependents = signal.#dependents;
          signal.#dependents = null;
          if (dependents !== null) {
            for (const ref of dependents) {
              const dependent = ref.deref();
              if (dependent !== undefined && !dependent.#aborted) {
                dependent.#aborted = true;
                dependent.#reason = signal.#reason;
                toAbort.push(dependent);
              }
            }
          }
          if (signal.#dependent) pinned.delete(signal);
          runAbortSteps(signal);
          for (const dependent of toAbort) {
            pinned.delete(dependent);
            dependent.#sources = null;
            runAbortSteps(dependent);
          }
        };
      }
    };

    defineEventHandler(AbortSignal.prototype, "abort", { brand: isAbortSignal, interfaceName: "AbortSignal" });
    finishInterface(AbortSignal, "AbortSignal");
  }

  function defaultReason() {
    return makeDOMException("signal is aborted without reason", "AbortError");
  }

  let AbortController;
  let isAbortController;
  {
    AbortController = class AbortController {
      #signal;

      constructor() {
        this.#signal = newSignal();
      }

      get signal() {
        const self = this ?? global;
        if (!isAbortController(self)) throw illegalInvocation("signal", "AbortController");
        return self.#signal;
      }

      abort(reason = undefined) {
        const self = this ?? global;
        if (!isAbortController(self)) throw illegalInvocation("abort", "AbortController");
        signalAbort(self.#signal, reason);
      }

      static {
        isAbortController = (v) => typeof v === "object" && v !== null && #signal in v;
      }
    };
    finishInterface(AbortController, "AbortController");
  }

  internals.AbortSignal = AbortSignal;
  internals.AbortController = AbortController;
  internals.isAbortSignal = isAbortSignal;
  internals.isAbortController = isAbortController;
  internals.createAbortSignal = newSignal;
  internals.createDependentAbortSignal = (signals) => createDependentSignal([...signals]);
  internals.signalAbort = (signal, reason) => signalAbort(signal, reason);
  internals.signalAborted = signalAborted;
  internals.signalReason = signalReason;
  internals.addAbortAlgorithm = addAbortAlgorithm;
  internals.removeAbortAlgorithm = removeAbortAlgorithm;

  {
    const prev = internals.platformObjectKind;
    internals.platformObjectKind = (v) => {
      if (isAbortSignal(v)) return "AbortSignal";
      if (isAbortController(v)) return "AbortController";
      return prev?.(v);
    };
  }

  installGlobal("AbortController", AbortController);
  installGlobal("AbortSignal", AbortSignal);
})
