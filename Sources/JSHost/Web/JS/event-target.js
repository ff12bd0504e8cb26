// EventTarget (DOM §2.7, §2.9 dispatch), event handler attributes (HTML §8.1.8), and the global
// object as an EventTarget (error / unhandledrejection events, `self.event`).
(function (ops, internals, global) {
  "use strict";

  const {
    toDOMString, failedToExecute, notEnoughArguments, illegalInvocation, illegalConstructor,
    finishInterface, installGlobal,
  } = internals.idl;
  const ES = internals.eventState;
  const isEvent = ES.isEvent;
  const eventType = ES.type;
  const eventFlags = ES.flags;
  const eventBegin = ES.begin;
  const eventEnd = ES.end;
  const eventSetPassive = ES.setPassive;
  const eventCancel = ES.cancel;
  const STOP_IMMEDIATE = ES.STOP_IMMEDIATE;
  const isErrorEvent = internals.isErrorEvent;
  const ErrorEvent = internals.ErrorEvent;
  const PromiseRejectionEvent = internals.PromiseRejectionEvent;

  const ObjectDefineProperty = Object.defineProperty;
  const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
  const ObjectGetPrototypeOf = Object.getPrototypeOf;
  const ReflectSetPrototypeOf = Reflect.setPrototypeOf;
  const FunctionPrototypeCall = Function.prototype.call;
  const ReflectApply = Reflect.apply;
  const ErrorIsError = Error.isError;
  const ErrorCtor = Error;
  const TypeErrorCtor = TypeError;
  const StringCtor = String;
  const SymbolPrototypeToString = Symbol.prototype.toString;
  const { SealedMap } = internals.idl;
  // Listener lists grow by storing past their end, which on an ordinary array would reach a setter user code
  // defined for that index on Array.prototype: they have no prototype.
  function setNullPrototype(list) {
    ReflectSetPrototypeOf(list, null);
    return list;
  }
  const deferredReports = setNullPrototype([]);
  internals.deferredReports = deferredReports;

  {
    const url = new ErrorCtor().sourceURL;
    if (typeof url === "string" && url !== "") internals.internalSourceURLs.add(url);
  }

  const globalName = typeof ops.globalName === "string" && ops.globalName !== "" ? ops.globalName : "Window";
  const globalIsWindow = globalName === "Window";
  // The agent's entry-realm cell (HostCells.entryRealm) and this realm's id.
  const hostCells = ops.hostCells;
  const ENTRY_REALM = 3;
  const thisRealmID = ops.realmID;

  // (The records below declare their fields, so that the constructors' assignments go to own properties,
  // whatever setters a script puts on Object.prototype.)

  // An event listener (DOM §2.7). `handler` is non-null for the listener of an event handler.
  class Listener {
    callback; capture; passive; once; removed; handler; signal; abortAlgorithm;
    constructor(callback, capture, passive, once, handler) {
      this.callback = callback;
      this.capture = capture;
      this.passive = passive;
      this.once = once;
      this.removed = false;
      this.handler = handler;
      this.signal = null;
      this.abortAlgorithm = null;
    }
  }

  // The listeners of one event type. `items` is replaced rather than mutated while a dispatch is
  // iterating it (busy > 0), so a dispatch never copies the list.
  class ListenerList {
    items; busy; captures;
    constructor() {
      this.items = setNullPrototype([]);
      this.busy = 0;
      this.captures = 0;
    }
  }

  // An event handler (HTML §8.1.8.1): its value and the listener that runs it once activated.
  class EventHandlerSlot {
    value; listener; special;
    constructor(special) {
      this.value = null;
      this.listener = null;
      this.special = special; // OnErrorEventHandler on a global: called with 5 arguments
    }
  }

  function reportException(error) {
    const report = internals.reportException;
    if (typeof report === "function") {
      report(error);
      return;
    }
    // bootstrap.js not loaded (yet): fire the error event and print like the host would.
    if (fireErrorEvent(error)) {
      const format = internals.formatUncaught;
      let text;
      try {
        text = typeof format === "function" ? format(error, false) : `Uncaught ${StringCtor(error)}`;
      } catch {
        text = "Uncaught exception";
      }
      ops.print(2, `${text}\n`);
      if (typeof ops.uncaught === "function") ops.uncaught();
    }
  }

  // A new array: `items` with `item` appended / without its element at `index`.
  function copyWith(items, item) {
    const copy = setNullPrototype([]);
    for (let i = 0; i < items.length; i++) copy[i] = items[i];
    copy[items.length] = item;
    return copy;
  }

  function copyWithout(items, index) {
    const copy = setNullPrototype([]);
    for (let i = 0; i < items.length; i++) if (i !== index) copy[copy.length] = items[i];
    return copy;
  }

  // The global's "current event" (HTML `window.event`).
  let currentEvent;

  class Stamp { constructor(target) { return target; } }

  let EventTarget;
  let isEventTarget;
  let addListenerInternal;
  let removeListenerInternal;
  let dispatch;
  let getHandler;
  let setHandler;
  let setWatch;
  let hasListeners;

  class EventTargetSlots extends Stamp {
    #listeners = null; // Map<type, ListenerList> | null
    #handlers = null; // Map<type, EventHandlerSlot> | null
    #watch = null; // called with (type) after a listener of this target is added or removed

    // (Explicit: the implicit constructor of a derived class spreads its arguments through the array
    // iterator, which a script can replace.)
    constructor(target) {
      super(target);
    }

    static {
      isEventTarget = (v) => typeof v === "object" && v !== null && #listeners in v;

      // DOM "add an event listener" (after option flattening; `signal` already validated).
      addListenerInternal = (target, type, listener) => {
        let map = target.#listeners;
        if (map === null) map = target.#listeners = new SealedMap();
        let list = map.get(type);
        if (list === undefined) {
          list = new ListenerList();
          map.set(type, list);
        } else if (listener.handler === null) {
          const items = list.items;
          const callback = listener.callback;
          const capture = listener.capture;
          for (let i = 0; i < items.length; i++) {
            const l = items[i];
            if (l.callback === callback && l.capture === capture) return false;
          }
        }
        if (list.busy > 0) list.items = copyWith(list.items, listener);
        else list.items[list.items.length] = listener;
        if (listener.capture) list.captures++;
        if (target.#watch !== null) target.#watch(type);
        return true;
      };

      // DOM "remove an event listener".
      removeListenerInternal = (target, type, listener) => {
        if (listener.removed) return;
        listener.removed = true;
        const map = target.#listeners;
        const list = map === null ? undefined : map.get(type);
        if (list !== undefined) {
          const items = list.items;
          let i = 0;
          while (i < items.length && items[i] !== listener) i++;
          if (i < items.length) {
            if (list.busy > 0) {
              list.items = copyWithout(items, i);
            } else {
              for (let j = i + 1; j < items.length; j++) items[j - 1] = items[j];
              items.length--;
            }
            if (listener.capture) list.captures--;
            if (list.items.length === 0) map.delete(type);
          }
        }
        if (listener.abortAlgorithm !== null) {
          internals.removeAbortAlgorithm(listener.signal, listener.abortAlgorithm);
          listener.abortAlgorithm = null;
        }
        if (target.#watch !== null) target.#watch(type);
      };

      // DOM "dispatch" for a target without a parent: the path is [target], so the event is
      // AT_TARGET throughout; capture listeners run first, then the others (each pass sees the
      // listener list as it is when the pass starts).
      dispatch = (target, event, trusted) => {
        eventBegin(event, target, trusted); // throws InvalidStateError
        const map = target.#listeners;
        if (map !== null) {
          const type = eventType(event);
          let list = map.get(type);
          if (list !== undefined && list.captures > 0) {
            invoke(target, event, list, type, true);
            list = map.get(type);
          }
          if (list !== undefined) invoke(target, event, list, type, false);
          if (deferredReports.length !== 0) {
            // A listener's error was left for later (see invoke); there is a frame's room again here.
            try {
              internals.scheduleDeferredReports();
            } catch {}
          }
        }
        return eventEnd(event);
      };

      // DOM "invoke" + "inner invoke".
      function invoke(target, event, list, type, capture) {
        // stopPropagation() has nothing to stop on a parentless target; stopImmediatePropagation()
        // (even before dispatch) stops the remaining listeners.
        if ((eventFlags(event) & STOP_IMMEDIATE) !== 0) return;
        const items = list.items;
        const n = items.length;
        list.busy++;
        for (let i = 0; i < n; i++) {
          const listener = items[i];
          if (listener.removed || listener.capture !== capture) continue;
          if (listener.once) removeListenerInternal(target, type, listener);
          const saved = currentEvent;
          // (In a window, the listener's task is this realm's as far as postMessage's incumbent goes: see
          // window-messaging.js.)
          const savedEntry = globalIsWindow ? hostCells[ENTRY_REALM] : 0;
          if (globalIsWindow) {
            currentEvent = event;
            hostCells[ENTRY_REALM] = thisRealmID;
          }
          if (listener.passive) eventSetPassive(event, true);
          const callback = listener.callback;
          try {
            if (listener.handler !== null) {
              runEventHandler(target, event, listener.handler);
            } else if (typeof callback === "function") {
              // fn.call(...) is ~20x faster than Reflect.apply in JSC; use it when it is the real one.
              if (callback.call === FunctionPrototypeCall) callback.call(target, event);
              else ReflectApply(callback, target, [event]);
            } else {
              // Call a user object's operation: look up handleEvent at call time.
              const handleEvent = callback.handleEvent;
              if (typeof handleEvent !== "function") {
                throw new TypeErrorCtor("The 'handleEvent' property of the event listener is not callable.");
              }
              if (handleEvent.call === FunctionPrototypeCall) handleEvent.call(callback, event);
              else ReflectApply(handleEvent, callback, [event]);
            }
          } catch (e) {
            try {
              reportException(e);
            } catch {
              // Not even a frame left for the call: bootstrap.js reports it once the stack has unwound.
              deferredReports[deferredReports.length] = e;
            }
          }
          if (listener.passive) eventSetPassive(event, false);
          if (globalIsWindow) {
            currentEvent = saved;
            hostCells[ENTRY_REALM] = savedEntry;
          }
          if ((eventFlags(event) & STOP_IMMEDIATE) !== 0) break;
        }
        list.busy--;
      }

      // HTML "the event handler processing algorithm".
      function runEventHandler(target, event, slot) {
        const callback = slot.value;
        if (callback === null) return;
        let result;
        if (slot.special && target === global && isErrorEvent(event)) {
          result = ReflectApply(callback, target, [event.message, event.filename, event.lineno, event.colno, event.error]);
          if (result === true) eventCancel(event);
        } else {
          result = callback.call === FunctionPrototypeCall ? callback.call(target, event)
            : ReflectApply(callback, target, [event]);
          if (result === false) eventCancel(event);
        }
      }

      getHandler = (target, type) => {
        const handlers = target.#handlers;
        if (handlers === null) return null;
        const slot = handlers.get(type);
        return slot === undefined ? null : slot.value;
      };

      // HTML event handler IDL attribute setter (value already converted: callable or null).
      setHandler = (target, type, value, special) => {
        let handlers = target.#handlers;
        if (handlers === null) {
          if (value === null) return;
          handlers = target.#handlers = new SealedMap();
        }
        let slot = handlers.get(type);
        if (value === null) {
          // Deactivate.
          if (slot !== undefined) {
            slot.value = null;
            if (slot.listener !== null) {
              removeListenerInternal(target, type, slot.listener);
              slot.listener = null;
            }
          }
          return;
        }
        if (slot === undefined) {
          slot = new EventHandlerSlot(special);
          handlers.set(type, slot);
        }
        slot.value = value;
        if (slot.listener === null) {
          // Activate: the listener takes its place in the list now and keeps it while set.
          slot.listener = new Listener(null, false, false, false, slot);
          addListenerInternal(target, type, slot.listener);
        }
      };

      setWatch = (target, fn) => { target.#watch = fn; };

      hasListeners = (target, type) => {
        const map = target.#listeners;
        return map !== null && map.has(type);
      };

      const prefixAdd = failedToExecute("addEventListener", "EventTarget");
      const prefixRemove = failedToExecute("removeEventListener", "EventTarget");
      const prefixDispatch = failedToExecute("dispatchEvent", "EventTarget");

      function convertCallback(callback, prefix) {
        if (callback === undefined || callback === null) return null;
        const t = typeof callback;
        if (t !== "object" && t !== "function") {
          throw new TypeErrorCtor(`${prefix}The callback provided as parameter 2 is not an object.`);
        }
        return callback;
      }

      EventTarget = class EventTarget {
        constructor() {
          new EventTargetSlots(this);
        }

        addEventListener(type, callback, options = undefined) {
          // WebIDL: operations called with an undefined/null this act on the global object.
          const self = this ?? global;
          if (!isEventTarget(self)) throw illegalInvocation("addEventListener", "EventTarget");
          if (arguments.length < 2) throw notEnoughArguments(prefixAdd, 2, arguments.length);
          type = toDOMString(type, prefixAdd);
          callback = convertCallback(callback, prefixAdd);
          // (AddEventListenerOptions or boolean) options = {}; members: capture, once, passive, signal.
          let capture = false;
          let once = false;
          let passive = false;
          let signal = null;
          if (options !== undefined && options !== null) {
            const t = typeof options;
            if (t === "object" || t === "function") {
              capture = !!options.capture;
              once = !!options.once;
              passive = !!options.passive;
              const s = options.signal;
              if (s !== undefined) {
                if (!internals.isAbortSignal?.(s)) {
                  throw new TypeErrorCtor(`${prefixAdd}Failed to read the 'signal' property from 'AddEventListenerOptions': Failed to convert value to 'AbortSignal'.`);
                }
                signal = s;
              }
            } else {
              capture = !!options;
            }
          }
          if (signal !== null && internals.signalAborted(signal)) return;
          if (callback === null) return;
          const listener = new Listener(callback, capture, passive, once, null);
          if (!addListenerInternal(self, type, listener)) return;
          if (signal !== null) {
            listener.signal = signal;
            const abortAlgorithm = () => removeListenerInternal(self, type, listener);
            listener.abortAlgorithm = abortAlgorithm;
            internals.addAbortAlgorithm(signal, abortAlgorithm);
          }
        }

        removeEventListener(type, callback, options = undefined) {
          const self = this ?? global;
          if (!isEventTarget(self)) throw illegalInvocation("removeEventListener", "EventTarget");
          if (arguments.length < 2) throw notEnoughArguments(prefixRemove, 2, arguments.length);
          type = toDOMString(type, prefixRemove);
          callback = convertCallback(callback, prefixRemove);
          // (EventListenerOptions or boolean) options = {}; the only member is capture.
          let capture = false;
          if (options !== undefined && options !== null) {
            const t = typeof options;
            if (t === "object" || t === "function") capture = !!options.capture;
            else capture = !!options;
          }
          if (callback === null) return;
          const map = self.#listeners;
          if (map === null) return;
          const list = map.get(type);
          if (list === undefined) return;
          const items = list.items;
          for (let i = 0; i < items.length; i++) {
            const l = items[i];
            if (l.callback === callback && l.capture === capture && l.handler === null) {
              removeListenerInternal(self, type, l);
              return;
            }
          }
        }

        dispatchEvent(event) {
          const self = this ?? global;
          if (!isEventTarget(self)) throw illegalInvocation("dispatchEvent", "EventTarget");
          if (arguments.length < 1) throw notEnoughArguments(prefixDispatch, 1, 0);
          if (!isEvent(event)) throw new TypeErrorCtor(`${prefixDispatch}parameter 1 is not of type 'Event'.`);
          return dispatch(self, event, false);
        }
      };
    }
  }

  finishInterface(EventTarget, "EventTarget");

  // --- Event handler attributes -------------------------------------------------------------------

  // Define the `on${type}` attribute on `obj` (an interface prototype, or the global object).
  // options: { brand(v) → boolean, interfaceName, onSet(target, value), special (OnErrorEventHandler) }
  function defineEventHandler(obj, type, options = undefined) {
    const brand = options?.brand ?? isEventTarget;
    const interfaceName = options?.interfaceName ?? "EventTarget";
    const onSet = options?.onSet;
    const special = options?.special === true;
    const name = `on${type}`;
    const accessors = {
      get [name]() {
        const self = this ?? global;
        if (!brand(self)) throw illegalInvocation(name, interfaceName);
        return getHandler(self, type);
      },
      set [name](value) {
        const self = this ?? global;
        if (!brand(self)) throw illegalInvocation(name, interfaceName);
        // EventHandler is [LegacyTreatNonObjectAsNull]; a non-callable object is stored as null.
        const v = typeof value === "function" ? value : null;
        setHandler(self, type, v, special);
        if (onSet !== undefined) onSet(self, v);
      },
    };
    const d = ObjectGetOwnPropertyDescriptor(accessors, name);
    ObjectDefineProperty(obj, name, { __proto__: null, get: d.get, set: d.set, enumerable: true, configurable: true });
  }

  // --- The global object ----------------------------------------------------------------------------

  new EventTargetSlots(global);

  // Interface objects for the global (Window, or WorkerGlobalScope + DedicatedWorkerGlobalScope).
  function makeInterfaceObject(name, parent, proto) {
    const ctor = {
      [name]: function () {
        throw illegalConstructor(name);
      },
    }[name];
    ReflectSetPrototypeOf(ctor, parent);
    ObjectDefineProperty(ctor, "prototype", { value: proto, writable: false, enumerable: false, configurable: false });
    ObjectDefineProperty(proto, "constructor", { value: ctor, writable: true, enumerable: false, configurable: true });
    ObjectDefineProperty(proto, Symbol.toStringTag, { value: name, writable: false, enumerable: false, configurable: true });
    installGlobal(name, ctor);
    return ctor;
  }

  let globalPrototypeInstalled = false;
  {
    const names = globalName !== "WorkerGlobalScope" && globalName.endsWith("WorkerGlobalScope")
      ? ["WorkerGlobalScope", globalName] : [globalName];
    let parentCtor = EventTarget;
    let parentProto = EventTarget.prototype;
    for (let i = 0; i < names.length - 1; i++) {
      const proto = Object.create(parentProto);
      parentCtor = makeInterfaceObject(names[i], parentCtor, proto);
      parentProto = proto;
    }
    const last = names[names.length - 1];
    // Preferred: global → <fresh interface prototype> → ... → EventTarget.prototype.
    const fresh = Object.create(parentProto);
    const hostProto = ObjectGetPrototypeOf(global);
    if (ReflectSetPrototypeOf(global, fresh)) {
      makeInterfaceObject(last, parentCtor, fresh);
      globalPrototypeInstalled = true;
    } else if (hostProto !== null && hostProto !== Object.prototype && ReflectSetPrototypeOf(hostProto, parentProto)) {
      // The global has an immutable [[Prototype]] (JSC globals do), but a host-made global has its
      // own prototype object (JSClassCreate): that object becomes the interface prototype.
      makeInterfaceObject(last, parentCtor, hostProto);
      globalPrototypeInstalled = true;
    } else {
      // Last resort (e.g. a global whose prototype is Object.prototype): the EventTarget methods
      // become own properties of the global; `globalThis instanceof EventTarget` is then false.
      const lastCtor = makeInterfaceObject(last, parentCtor, fresh);
      const etProto = EventTarget.prototype;
      for (const key of ["addEventListener", "removeEventListener", "dispatchEvent"]) {
        ObjectDefineProperty(global, key, ObjectGetOwnPropertyDescriptor(etProto, key));
      }
      ObjectDefineProperty(global, Symbol.toStringTag, { value: last, writable: false, enumerable: false, configurable: true });
      // The global's own interfaces still answer `instanceof` for it (`self instanceof WorkerGlobalScope` is
      // how scripts, upstream testharness.js among them, tell where they run): a documented deviation, an
      // own @@hasInstance on these interface objects only (Window, WorkerGlobalScope, DedicatedWorkerGlobalScope).
      const FunctionHasInstance = Function.prototype[Symbol.hasInstance];
      const globalInterfaces = [lastCtor];
      if (parentCtor !== EventTarget) globalInterfaces[1] = parentCtor;
      for (let i = 0; i < globalInterfaces.length; i++) {
        ObjectDefineProperty(globalInterfaces[i], Symbol.hasInstance, {
          __proto__: null,
          value: {
            [Symbol.hasInstance](value) { return value === global || ReflectApply(FunctionHasInstance, this, [value]); },
          }[Symbol.hasInstance],
          writable: false, enumerable: false, configurable: true,
        });
      }
    }
  }

  // Event handlers of Window / WorkerGlobalScope that this module owns. Members of a [Global]
  // interface live on the global object itself.
  defineEventHandler(global, "error", { special: true });
  defineEventHandler(global, "unhandledrejection");
  defineEventHandler(global, "rejectionhandled");

  if (globalIsWindow) {
    // [Replaceable] readonly attribute (Event or undefined) event;
    const accessors = {
      get event() {
        return currentEvent;
      },
      set event(value) {
        ObjectDefineProperty(global, "event", { __proto__: null, value, writable: true, enumerable: true, configurable: true });
      },
    };
    const d = ObjectGetOwnPropertyDescriptor(accessors, "event");
    ObjectDefineProperty(global, "event", { get: d.get, set: d.set, enumerable: true, configurable: true });
  }

  // --- Error and rejection events at the global -----------------------------------------------------

  let firingError = false;

  function errorMessage(error) {
    try {
      const isError = ErrorIsError !== undefined ? ErrorIsError(error) : error instanceof ErrorCtor;
      if (isError) {
        let name = error.name;
        name = name === undefined ? "Error" : `${name}`;
        let message = error.message;
        message = message === undefined ? "" : `${message}`;
        if (name === "") return `Uncaught ${message}`;
        if (message === "") return `Uncaught ${name}`;
        return `Uncaught ${name}: ${message}`;
      }
      return `Uncaught ${typeof error === "symbol" ? ReflectApply(SymbolPrototypeToString, error, []) : StringCtor(error)}`;
    } catch {
      return "Uncaught exception";
    }
  }

  // HTML "report an exception", the event part: fire a cancelable trusted ErrorEvent "error" at
  // the global. Returns true when not cancelled (the host should then print the error).
  function fireErrorEvent(error) {
    if (firingError) return true; // an error listener threw: do not recurse
    const event = new ErrorEvent("error", errorEventInit(error));
    firingError = true;
    try {
      return dispatch(global, event, true);
    } finally {
      firingError = false;
    }
  }

  // The ErrorEvent fields for an uncaught `error` (HTML "report an exception"): also what a worker sends to its
  // Worker object when its own global did not cancel the event.
  function errorEventInit(error) {
    let filename = "";
    let lineno = 0;
    let colno = 0;
    if ((typeof error === "object" && error !== null) || typeof error === "function") {
      try {
        const url = error.sourceURL;
        if (typeof url === "string") filename = url;
        const line = error.line;
        if (typeof line === "number") lineno = line;
        const column = error.column;
        if (typeof column === "number") colno = column;
      } catch {
        // a throwing getter: keep the defaults
      }
    }
    return { __proto__: null, cancelable: true, message: errorMessage(error), filename, lineno, colno, error };
  }

  function fireUnhandledRejection(promise, reason) {
    const event = new PromiseRejectionEvent("unhandledrejection", { __proto__: null, cancelable: true, promise, reason });
    return dispatch(global, event, true);
  }

  function fireRejectionHandled(promise, reason) {
    const event = new PromiseRejectionEvent("rejectionhandled", { __proto__: null, promise, reason });
    return dispatch(global, event, true);
  }

  // --- internals ----------------------------------------------------------------------------------

  internals.EventTarget = EventTarget;
  internals.isEventTarget = isEventTarget;
  internals.defineEventHandler = defineEventHandler;
  internals.dispatchTrusted = (target, event) => dispatch(target, event, true);
  internals.dispatchEvent = (target, event) => dispatch(target, event, false);
  internals.fireErrorEvent = fireErrorEvent;
  internals.errorEventInit = errorEventInit;
  internals.fireUnhandledRejection = fireUnhandledRejection;
  internals.fireRejectionHandled = fireRejectionHandled;
  internals.getEventHandler = getHandler;
  internals.setEventHandler = (target, type, value) => setHandler(target, type, typeof value === "function" ? value : null, false);
  internals.hasEventListeners = hasListeners;
  internals.watchEventListeners = setWatch;
  internals.currentEvent = () => currentEvent;
  internals.globalPrototypeInstalled = globalPrototypeInstalled;
  internals.reportListenerException = reportException;

  {
    const prev = internals.platformObjectKind;
    internals.platformObjectKind = (v) => {
      if (isEventTarget(v)) return v === global ? globalName : "EventTarget";
      return prev?.(v);
    };
  }

  installGlobal("EventTarget", EventTarget);
})
