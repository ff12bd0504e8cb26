// AbortController and AbortSignal (DOM §3.1, §3.2), including AbortSignal.any() dependent signals.
(function (ops, internals, global) {
  "use strict";

  const {
    failedToExecute, notEnoughArguments, illegalInvocation, illegalConstructor, finishInterface,
    installGlobal, SafeSet,
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
  const WeakRefDeref = WeakRefCtor !== null ? WeakRef.prototype.deref : null;
  const MathTrunc = Math.trunc;
  const TypeErrorCtor = TypeError;

  {
    const url = new Error().sourceURL;
    if (typeof url === "string" && url !== "") internals.internalSourceURLs.add(url);
  }

  const kCreate = Symbol("create AbortSignal");

  // Non-aborted dependent signals that must stay alive: they have abort listeners or algorithms
  // and a source that can still abort them (DOM §3.2.1 "Garbage collection").
  const pinned = new SafeSet();

  // Weak list of dependent signals (the spec's "dependent signals" set), held by a source signal.
  // (Without WeakRef the list holds the signals themselves.)
  const makeRef = WeakRefCtor !== null ? (v) => new WeakRefCtor(v) : (v) => v;
  const deref = WeakRefCtor !== null ? (ref) => ReflectApply(WeakRefDeref, ref, []) : (ref) => ref;

  // The elements of an array of our own, without its iterator (a script's to replace).
  function copyList(list) {
    const copy = [];
    for (let i = 0; i < list.length; i++) copy[i] = list[i];
    return copy;
  }

  function includes(list, value) {
    for (let i = 0; i < list.length; i++) if (list[i] === value) return true;
    return false;
  }

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
          throw new TypeErrorCtor(`${prefix}Value is not a finite number.`);
        }
        ms = MathTrunc(ms);
        if (ms < 0 || ms > 9007199254740991) { // Number.MAX_SAFE_INTEGER
          throw new TypeErrorCtor(`${prefix}Value is outside the 'unsigned long long' value range.`);
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
          throw new TypeErrorCtor(`${prefix}The provided value cannot be converted to a sequence.`);
        }
        const method = signals[SymbolIterator];
        if (typeof method !== "function") {
          throw new TypeErrorCtor(`${prefix}The object must have a callable @@iterator property.`);
        }
        const list = [];
        for (const s of { [SymbolIterator]: () => ReflectApply(method, signals, []) }) {
          if (!isAbortSignal(s)) {
            throw new TypeErrorCtor(`${prefix}Failed to convert value to 'AbortSignal'.`);
          }
          list[list.length] = s;
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
          if (signal.#algorithms === null) signal.#algorithms = new SafeSet();
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
              const d = deref(list[i]);
              if (d !== undefined && !d.#aborted) list[j++] = list[i];
            }
            list.length = j;
            source.#dependentsPruneAt = j * 2 > 8 ? j * 2 : 8;
          }
          list[list.length] = makeRef(dependent);
        }

        // DOM "create a dependent abort signal".
        createDependentSignal = (signals) => {
          const result = newSignal();
          for (let i = 0; i < signals.length; i++) {
            const signal = signals[i];
            if (signal.#aborted) {
              result.#aborted = true;
              result.#reason = signal.#reason;
              return result;
            }
          }
          result.#dependent = true;
          const sources = [];
          for (let i = 0; i < signals.length; i++) {
            const signal = signals[i];
            if (!signal.#dependent) {
              if (!includes(sources, signal)) {
                sources[sources.length] = signal;
                addDependent(signal, result);
              }
            } else if (signal.#sources !== null) {
              const signalSources = signal.#sources;
              for (let j = 0; j < signalSources.length; j++) {
                const source = signalSources[j];
                if (!source.#aborted && !includes(sources, source)) {
                  sources[sources.length] = source;
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
            const list = [];
            algorithms.forEach((algorithm) => { list[list.length] = algorithm; });
            for (let i = 0; i < list.length; i++) list[i]();
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
            for (let i = 0; i < dependents.length; i++) {
              const dependent = deref(dependents[i]);
              if (dependent !== undefined && !dependent.#aborted) {
                dependent.#aborted = true;
                dependent.#reason = signal.#reason;
                toAbort[toAbort.length] = dependent;
              }
            }
          }
          if (signal.#dependent) pinned.delete(signal);
          runAbortSteps(signal);
          for (let i = 0; i < toAbort.length; i++) {
            const dependent = toAbort[i];
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
  internals.createDependentAbortSignal = (signals) => createDependentSignal(copyList(signals));
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
