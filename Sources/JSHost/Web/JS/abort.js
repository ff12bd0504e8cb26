// AbortController and AbortSignal (DOM §3.1, §3.2), including AbortSignal.any() dependent signals.
(function (ops, internals, global) {
  "use strict";

  const {
    failedToExecute, notEnoughArguments, illegalInvocation, illegalConstructor, finishInterface,
    installGlobal, SealedSet,
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
  const MathTrunc = Math.trunc;
  const TypeErrorCtor = TypeError;

  {
    const url = new Error().sourceURL;
    if (typeof url === "string" && url !== "") internals.internalSourceURLs.add(url);
  }

  const kCreate = Symbol("create AbortSignal");
  const ArrayPrototypeSort = Array.prototype.sort;

  // Dependent signals (AbortSignal.any) and memory. The spec's source signals hold their dependents weakly, and
  // a dependent must stay alive only while it has abort listeners or algorithms and a source that can still
  // abort it (DOM §3.2.1 "Garbage collection"). Here a source holds (strongly) just those dependents: they
  // are "pinned". Every other dependent is unknown to its sources and learns that it is aborted when asked
  // (`settle`): nothing of it stays behind in a long-lived source, and a dependent that nobody references any
  // more is garbage like any object (no WeakRef, which would keep every signal made in a task alive until
  // the task ends). A pinned dependent and its sources form a cycle that is collected as a whole once none
  // of them is reachable (no controller, no timer left to abort them).
  // `clock` orders both the dependents' creation (the order of a source's "dependent signals" set, in which
  // they are aborted) and the sources' aborts (the first aborted source gives a dependent its reason).
  let clock = 0;

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
  let settle;

  {
    AbortSignal = class AbortSignal extends EventTarget {
      #aborted = false;
      #reason = undefined;
      #algorithms = null; // Set<function> | null
      #dependent = false;
      // A dependent signal not known to be aborted: its sources (never dependent). Otherwise null.
      #sources = null; // AbortSignal[] | null
      #pinned = false; // a dependent that its sources hold in their #dependents
      #dependents = null; // SealedSet<AbortSignal> | null: the pinned dependents of a source
      #order = 0; // a dependent: when it was made; a source: when it aborted

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
        return settle(self);
      }

      get reason() {
        const self = this ?? global;
        if (!isAbortSignal(self)) throw illegalInvocation("reason", "AbortSignal");
        settle(self);
        return self.#reason;
      }

      throwIfAborted() {
        const self = this ?? global;
        if (!isAbortSignal(self)) throw illegalInvocation("throwIfAborted", "AbortSignal");
        if (settle(self)) throw self.#reason;
      }

      static {
        isAbortSignal = (v) => typeof v === "object" && v !== null && #aborted in v;
        newSignal = () => new AbortSignal(kCreate);
        signalAborted = (signal) => settle(signal);
        signalReason = (signal) => {
          settle(signal);
          return signal.#reason;
        };

        // Brings a dependent up to date with its sources (the first of them to abort aborts it); returns
        // whether the signal is aborted. A source aborting tells only its pinned dependents at once.
        settle = (signal) => {
          const sources = signal.#sources;
          if (sources === null) return signal.#aborted;
          let first = null;
          for (let i = 0; i < sources.length; i++) {
            const source = sources[i];
            if (source.#aborted && (first === null || source.#order < first.#order)) first = source;
          }
          if (first === null) return false;
          signal.#aborted = true;
          signal.#reason = first.#reason;
          release(signal);
          return true;
        };

        // A dependent that is aborted: its sources forget it.
        function release(signal) {
          const sources = signal.#sources;
          signal.#sources = null;
          if (!signal.#pinned) return;
          signal.#pinned = false;
          for (let i = 0; i < sources.length; i++) {
            const set = sources[i].#dependents;
            if (set !== null) set.delete(signal);
          }
        }

        // A dependent is pinned (held by its sources) while it is not aborted, has a source, and has abort
        // listeners or algorithms: the only dependents whose abort can be seen when it happens.
        function updatePin(signal) {
          if (settle(signal)) return;
          const sources = signal.#sources;
          const pin = sources.length > 0 &&
            ((signal.#algorithms !== null && signal.#algorithms.size > 0) || hasEventListeners(signal, "abort"));
          if (pin === signal.#pinned) return;
          signal.#pinned = pin;
          for (let i = 0; i < sources.length; i++) {
            const source = sources[i];
            if (pin) {
              if (source.#dependents === null) source.#dependents = new SealedSet();
              source.#dependents.add(signal);
            } else if (source.#dependents !== null) {
              source.#dependents.delete(signal);
            }
          }
        }

        // Called by event-target.js, with the signal as `this`, after a listener was added or removed (one
        // function for all dependents: no closure per signal).
        function listenersChanged(type) {
          if (type === "abort") updatePin(this);
        }

        addAbortAlgorithm = (signal, algorithm) => {
          if (settle(signal)) return;
          if (signal.#algorithms === null) signal.#algorithms = new SealedSet();
          signal.#algorithms.add(algorithm);
          if (signal.#dependent) updatePin(signal);
        };

        removeAbortAlgorithm = (signal, algorithm) => {
          if (signal.#algorithms === null) return;
          signal.#algorithms.delete(algorithm);
          if (signal.#dependent) updatePin(signal);
        };

        // DOM "create a dependent abort signal".
        createDependentSignal = (signals) => {
          const result = newSignal();
          for (let i = 0; i < signals.length; i++) {
            const signal = signals[i];
            if (settle(signal)) {
              result.#aborted = true;
              result.#reason = signal.#reason;
              return result;
            }
          }
          result.#dependent = true;
          result.#order = ++clock;
          const sources = [];
          for (let i = 0; i < signals.length; i++) {
            const signal = signals[i];
            if (!signal.#dependent) {
              if (!includes(sources, signal)) sources[sources.length] = signal;
            } else if (signal.#sources !== null) {
              // (Settled above and not aborted: none of its sources is.)
              const signalSources = signal.#sources;
              for (let j = 0; j < signalSources.length; j++) {
                const source = signalSources[j];
                if (!includes(sources, source)) sources[sources.length] = source;
              }
            }
          }
          result.#sources = sources;
          watchEventListeners(result, listenersChanged);
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

        const byCreation = (a, b) => a.#order - b.#order;

        // DOM "signal abort".
        signalAbort = (signal, reason) => {
          if (settle(signal)) return;
          signal.#aborted = true;
          signal.#order = ++clock;
          signal.#reason = reason !== undefined ? reason : defaultReason();
          if (signal.#dependent) release(signal);
          const toAbort = [];
          const dependents = signal.#dependents;
          signal.#dependents = null;
          if (dependents !== null) {
            dependents.forEach((dependent) => {
              if (dependent.#aborted) return;
              dependent.#aborted = true;
              dependent.#reason = signal.#reason;
              toAbort[toAbort.length] = dependent;
            });
            for (let i = 0; i < toAbort.length; i++) release(toAbort[i]);
            // Pinning order is not creation order: abort them in the order of the spec's set.
            ReflectApply(ArrayPrototypeSort, toAbort, [byCreation]);
          }
          runAbortSteps(signal);
          for (let i = 0; i < toAbort.length; i++) runAbortSteps(toAbort[i]);
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
