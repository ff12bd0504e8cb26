// Event (DOM §2.2), CustomEvent (DOM §2.4), ErrorEvent and PromiseRejectionEvent (HTML §8.1.4).
// The dispatch algorithm lives in event-target.js; it reaches this module's private state through
// the small `internals.eventState` accessors published below.
(function (ops, internals, global) {
  "use strict";

  const {
    toDOMString, failedToExecute, failedToConstruct, notEnoughArguments, illegalInvocation,
    checkDictionary, finishInterface, installGlobal,
  } = internals.idl;
  const ObjectDefineProperty = Object.defineProperty;
  const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
  const StringPrototypeToWellFormed = String.prototype.toWellFormed;
  const StringPrototypeReplace = String.prototype.replace;
  const ReflectApply = Reflect.apply;
  const TypeErrorCtor = TypeError;

  {
    const url = new Error().sourceURL;
    if (typeof url === "string" && url !== "") internals.internalSourceURLs.add(url);
  }

  // Event flags, packed in one integer.
  const BUBBLES = 1;
  const CANCELABLE = 2;
  const COMPOSED = 4;
  const STOP_PROPAGATION = 8;
  const STOP_IMMEDIATE = 16;
  const CANCELED = 32;
  const IN_PASSIVE_LISTENER = 64;
  const INITIALIZED = 128;
  const DISPATCH = 256;
  const TRUSTED = 512;

  const NONE = 0;
  const AT_TARGET = 2;

  function toUSVString(value, prefix) {
    const s = toDOMString(value, prefix);
    return StringPrototypeToWellFormed !== undefined ? ReflectApply(StringPrototypeToWellFormed, s, [])
      : ReflectApply(StringPrototypeReplace, s, [/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD"]);
  }

  let Event;
  let isEvent;
  let initialize;
  let eventFlags;
  let isTrustedDescriptor;
  let isTrustedSafeDescriptor;
  // An event the host fires is stamped with the time its task began (internals.taskTime()), which costs no
  // call into the host; events made by scripts read the clock.
  let presetTimeStamp = -1;

  {
    const ctorPrefix = failedToConstruct("Event");

    Event = class Event {
      #type;
      #flags;
      #target = null;
      #currentTarget = null;
      #phase = NONE;
      #timeStamp;

      constructor(type, eventInitDict = undefined) {
        if (arguments.length < 1) throw notEnoughArguments(ctorPrefix, 1, 0);
        type = toDOMString(type, ctorPrefix);
        let flags = INITIALIZED;
        // EventInit { boolean bubbles = false; boolean cancelable = false; boolean composed = false; }
        if (checkDictionary(eventInitDict, ctorPrefix, "EventInit")) {
          if (eventInitDict.bubbles) flags |= BUBBLES;
          if (eventInitDict.cancelable) flags |= CANCELABLE;
          if (eventInitDict.composed) flags |= COMPOSED;
        }
        this.#type = type;
        this.#flags = flags;
        if (presetTimeStamp >= 0) {
          this.#timeStamp = presetTimeStamp;
          presetTimeStamp = -1;
        } else {
          this.#timeStamp = ops.now();
        }
        // [LegacyUnforgeable] readonly attribute boolean isTrusted;
        try {
          ObjectDefineProperty(this, "isTrusted", isTrustedDescriptor);
        } catch {
          // A script gave Object.prototype a `value` or `writable`, which the fast descriptor inherits.
          ObjectDefineProperty(this, "isTrusted", isTrustedSafeDescriptor);
        }
      }

      get type() {
        const self = this ?? global;
        if (!isEvent(self)) throw illegalInvocation("type", "Event");
        return self.#type;
      }

      get target() {
        const self = this ?? global;
        if (!isEvent(self)) throw illegalInvocation("target", "Event");
        return self.#target;
      }

      get srcElement() {
        const self = this ?? global;
        if (!isEvent(self)) throw illegalInvocation("srcElement", "Event");
        return self.#target;
      }

      get currentTarget() {
        const self = this ?? global;
        if (!isEvent(self)) throw illegalInvocation("currentTarget", "Event");
        return self.#currentTarget;
      }

      composedPath() {
        const self = this ?? global;
        if (!isEvent(self)) throw illegalInvocation("composedPath", "Event");
        // Every target this host has is parentless, so the path is the target alone, and it is
        // only non-empty while the event is being dispatched.
        return self.#currentTarget === null ? [] : [self.#currentTarget];
      }

      get eventPhase() {
        const self = this ?? global;
        if (!isEvent(self)) throw illegalInvocation("eventPhase", "Event");
        return self.#phase;
      }

      stopPropagation() {
        const self = this ?? global;
        if (!isEvent(self)) throw illegalInvocation("stopPropagation", "Event");
        self.#flags |= STOP_PROPAGATION;
      }

      get cancelBubble() {
        const self = this ?? global;
        if (!isEvent(self)) throw illegalInvocation("cancelBubble", "Event");
        return (self.#flags & STOP_PROPAGATION) !== 0;
      }

      set cancelBubble(value) {
        const self = this ?? global;
        if (!isEvent(self)) throw illegalInvocation("cancelBubble", "Event");
        if (value) self.#flags |= STOP_PROPAGATION;
      }

      stopImmediatePropagation() {
        const self = this ?? global;
        if (!isEvent(self)) throw illegalInvocation("stopImmediatePropagation", "Event");
        self.#flags |= STOP_PROPAGATION | STOP_IMMEDIATE;
      }

      get bubbles() {
        const self = this ?? global;
        if (!isEvent(self)) throw illegalInvocation("bubbles", "Event");
        return (self.#flags & BUBBLES) !== 0;
      }

      get cancelable() {
        const self = this ?? global;
        if (!isEvent(self)) throw illegalInvocation("cancelable", "Event");
        return (self.#flags & CANCELABLE) !== 0;
      }

      get returnValue() {
        const self = this ?? global;
        if (!isEvent(self)) throw illegalInvocation("returnValue", "Event");
        return (self.#flags & CANCELED) === 0;
      }

      set returnValue(value) {
        const self = this ?? global;
        if (!isEvent(self)) throw illegalInvocation("returnValue", "Event");
        // "set the canceled flag" when given false.
        if (!value && (self.#flags & (CANCELABLE | IN_PASSIVE_LISTENER)) === CANCELABLE) {
          self.#flags |= CANCELED;
        }
      }

      preventDefault() {
        const self = this ?? global;
        if (!isEvent(self)) throw illegalInvocation("preventDefault", "Event");
        if ((self.#flags & (CANCELABLE | IN_PASSIVE_LISTENER)) === CANCELABLE) self.#flags |= CANCELED;
      }

      get defaultPrevented() {
        const self = this ?? global;
        if (!isEvent(self)) throw illegalInvocation("defaultPrevented", "Event");
        return (self.#flags & CANCELED) !== 0;
      }

      get composed() {
        const self = this ?? global;
        if (!isEvent(self)) throw illegalInvocation("composed", "Event");
        return (self.#flags & COMPOSED) !== 0;
      }

      get timeStamp() {
        const self = this ?? global;
        if (!isEvent(self)) throw illegalInvocation("timeStamp", "Event");
        return self.#timeStamp;
      }

      initEvent(type, bubbles = false, cancelable = false) {
        const self = this ?? global;
        if (!isEvent(self)) throw illegalInvocation("initEvent", "Event");
        if (arguments.length < 1) throw notEnoughArguments(failedToExecute("initEvent", "Event"), 1, 0);
        type = toDOMString(type, failedToExecute("initEvent", "Event"));
        if ((self.#flags & DISPATCH) !== 0) return;
        initialize(self, type, !!bubbles, !!cancelable);
      }

      static {
        isEvent = (v) => typeof v === "object" && v !== null && #flags in v;

        // DOM "initialize an event".
        initialize = (event, type, bubbles, cancelable) => {
          event.#flags = (event.#flags & COMPOSED) | INITIALIZED | (bubbles ? BUBBLES : 0) |
            (cancelable ? CANCELABLE : 0);
          event.#target = null;
          event.#type = type;
        };

        eventFlags = (event) => event.#flags;

        const isTrustedGetter = ObjectGetOwnPropertyDescriptor({
          get isTrusted() {
            const self = this ?? global;
            if (!isEvent(self)) throw illegalInvocation("isTrusted", "Event");
            return (self.#flags & TRUSTED) !== 0;
          },
        }, "isTrusted").get;
        // JSC reads a descriptor with Object.prototype as its prototype ~20 ns faster than one without, and
        // this one runs for every event. It has all four accessor fields of its own, so the only way a
        // script can change it is an inherited `value` / `writable`: then defineProperty throws, and the
        // prototype-less twin is used.
        isTrustedDescriptor = { get: isTrustedGetter, set: undefined, enumerable: true, configurable: false };
        isTrustedSafeDescriptor = { __proto__: null, get: isTrustedGetter, set: undefined, enumerable: true, configurable: false };

        // Accessors for the dispatch algorithm (event-target.js). Each is tiny so the JIT inlines it.
        internals.eventState = {
          __proto__: null,
          isEvent,
          type: (event) => event.#type,
          flags: eventFlags,
          // Start of DOM "dispatch": throws InvalidStateError like dispatchEvent() step 1.
          begin(event, target, trusted) {
            const flags = event.#flags;
            if ((flags & (DISPATCH | INITIALIZED)) !== INITIALIZED) {
              throw internals.makeDOMException(
                (flags & DISPATCH) !== 0
                  ? "Failed to execute 'dispatchEvent' on 'EventTarget': The event is already being dispatched."
                  : "Failed to execute 'dispatchEvent' on 'EventTarget': The event provided is uninitialized.",
                "InvalidStateError");
            }
            event.#flags = (flags & ~TRUSTED) | DISPATCH | (trusted ? TRUSTED : 0);
            event.#target = target;
            event.#currentTarget = target;
            event.#phase = AT_TARGET;
          },
          setPassive(event, on) {
            if (on) event.#flags |= IN_PASSIVE_LISTENER;
            else event.#flags &= ~IN_PASSIVE_LISTENER;
          },
          // DOM "set the canceled flag".
          cancel(event) {
            if ((event.#flags & (CANCELABLE | IN_PASSIVE_LISTENER)) === CANCELABLE) event.#flags |= CANCELED;
          },
          // End of DOM "dispatch": returns !canceled.
          end(event) {
            event.#phase = NONE;
            event.#currentTarget = null;
            const flags = event.#flags & ~(DISPATCH | STOP_PROPAGATION | STOP_IMMEDIATE | IN_PASSIVE_LISTENER);
            event.#flags = flags;
            return (flags & CANCELED) === 0;
          },
          STOP_PROPAGATION, STOP_IMMEDIATE, CANCELED, DISPATCH,
        };
      }
    };

    finishInterface(Event, "Event", { NONE: 0, CAPTURING_PHASE: 1, AT_TARGET: 2, BUBBLING_PHASE: 3 });
  }

  // --- CustomEvent ------------------------------------------------------------------------------
  let CustomEvent;
  let isCustomEvent;
  {
    const ctorPrefix = failedToConstruct("CustomEvent");
    CustomEvent = class CustomEvent extends Event {
      #detail = null;

      constructor(type, eventInitDict = undefined) {
        if (arguments.length < 1) throw notEnoughArguments(ctorPrefix, 1, 0);
        super(type, eventInitDict);
        // CustomEventInit : EventInit { any detail = null; }
        if (eventInitDict !== undefined && eventInitDict !== null) {
          const detail = eventInitDict.detail;
          if (detail !== undefined) this.#detail = detail;
        }
      }

      get detail() {
        const self = this ?? global;
        if (!isCustomEvent(self)) throw illegalInvocation("detail", "CustomEvent");
        return self.#detail;
      }

      initCustomEvent(type, bubbles = false, cancelable = false, detail = null) {
        const self = this ?? global;
        if (!isCustomEvent(self)) throw illegalInvocation("initCustomEvent", "CustomEvent");
        const prefix = failedToExecute("initCustomEvent", "CustomEvent");
        if (arguments.length < 1) throw notEnoughArguments(prefix, 1, 0);
        type = toDOMString(type, prefix);
        if ((eventFlags(self) & DISPATCH) !== 0) return;
        initialize(self, type, !!bubbles, !!cancelable);
        self.#detail = detail;
      }

      static {
        isCustomEvent = (v) => typeof v === "object" && v !== null && #detail in v;
      }
    };
    finishInterface(CustomEvent, "CustomEvent");
  }

  // --- ErrorEvent -------------------------------------------------------------------------------
  let ErrorEvent;
  let isErrorEvent;
  {
    const ctorPrefix = failedToConstruct("ErrorEvent");
    ErrorEvent = class ErrorEvent extends Event {
      #message = "";
      #filename = "";
      #lineno = 0;
      #colno = 0;
      #error = undefined;

      constructor(type, eventInitDict = undefined) {
        if (arguments.length < 1) throw notEnoughArguments(ctorPrefix, 1, 0);
        super(type, eventInitDict);
        // ErrorEventInit : EventInit { unsigned long colno = 0; any error; USVString filename = "";
        //   unsigned long lineno = 0; DOMString message = ""; } (converted in this order)
        if (eventInitDict !== undefined && eventInitDict !== null) {
          const colno = eventInitDict.colno;
          if (colno !== undefined) this.#colno = colno >>> 0;
          this.#error = eventInitDict.error;
          const filename = eventInitDict.filename;
          if (filename !== undefined) this.#filename = toUSVString(filename, ctorPrefix);
          const lineno = eventInitDict.lineno;
          if (lineno !== undefined) this.#lineno = lineno >>> 0;
          const message = eventInitDict.message;
          if (message !== undefined) this.#message = toDOMString(message, ctorPrefix);
        }
      }

      get message() {
        const self = this ?? global;
        if (!isErrorEvent(self)) throw illegalInvocation("message", "ErrorEvent");
        return self.#message;
      }

      get filename() {
        const self = this ?? global;
        if (!isErrorEvent(self)) throw illegalInvocation("filename", "ErrorEvent");
        return self.#filename;
      }

      get lineno() {
        const self = this ?? global;
        if (!isErrorEvent(self)) throw illegalInvocation("lineno", "ErrorEvent");
        return self.#lineno;
      }

      get colno() {
        const self = this ?? global;
        if (!isErrorEvent(self)) throw illegalInvocation("colno", "ErrorEvent");
        return self.#colno;
      }

      get error() {
        const self = this ?? global;
        if (!isErrorEvent(self)) throw illegalInvocation("error", "ErrorEvent");
        return self.#error;
      }

      static {
        isErrorEvent = (v) => typeof v === "object" && v !== null && #message in v;
      }
    };
    finishInterface(ErrorEvent, "ErrorEvent");
  }

  // --- PromiseRejectionEvent --------------------------------------------------------------------
  let PromiseRejectionEvent;
  let isPromiseRejectionEvent;
  {
    const ctorPrefix = failedToConstruct("PromiseRejectionEvent");
    PromiseRejectionEvent = class PromiseRejectionEvent extends Event {
      #promise;
      #reason;

      constructor(type, eventInitDict) {
        if (arguments.length < 2) throw notEnoughArguments(ctorPrefix, 2, arguments.length);
        super(type, eventInitDict);
        // PromiseRejectionEventInit : EventInit { required object promise; any reason; }
        const promise = eventInitDict === undefined || eventInitDict === null ? undefined : eventInitDict.promise;
        if (promise === undefined) {
          throw new TypeErrorCtor(`${ctorPrefix}Failed to read the 'promise' property from 'PromiseRejectionEventInit': Required member is undefined.`);
        }
        if (promise === null || (typeof promise !== "object" && typeof promise !== "function")) {
          throw new TypeErrorCtor(`${ctorPrefix}Failed to read the 'promise' property from 'PromiseRejectionEventInit': The provided value is not of type 'object'.`);
        }
        this.#promise = promise;
        this.#reason = eventInitDict.reason;
      }

      get promise() {
        const self = this ?? global;
        if (!isPromiseRejectionEvent(self)) throw illegalInvocation("promise", "PromiseRejectionEvent");
        return self.#promise;
      }

      get reason() {
        const self = this ?? global;
        if (!isPromiseRejectionEvent(self)) throw illegalInvocation("reason", "PromiseRejectionEvent");
        return self.#reason;
      }

      static {
        isPromiseRejectionEvent = (v) => typeof v === "object" && v !== null && #promise in v;
      }
    };
    finishInterface(PromiseRejectionEvent, "PromiseRejectionEvent");
  }

  internals.Event = Event;
  internals.presetNextEventTimeStamp = (time) => { presetTimeStamp = time; };
  internals.CustomEvent = CustomEvent;
  internals.ErrorEvent = ErrorEvent;
  internals.PromiseRejectionEvent = PromiseRejectionEvent;
  internals.isEvent = isEvent;
  internals.isErrorEvent = isErrorEvent;

  {
    const prev = internals.platformObjectKind;
    internals.platformObjectKind = (v) => {
      if (isEvent(v)) {
        if (isCustomEvent(v)) return "CustomEvent";
        if (isErrorEvent(v)) return "ErrorEvent";
        if (isPromiseRejectionEvent(v)) return "PromiseRejectionEvent";
        return "Event";
      }
      return prev?.(v);
    };
  }

  installGlobal("Event", Event);
  installGlobal("CustomEvent", CustomEvent);
  installGlobal("ErrorEvent", ErrorEvent);
  installGlobal("PromiseRejectionEvent", PromiseRejectionEvent);
})
