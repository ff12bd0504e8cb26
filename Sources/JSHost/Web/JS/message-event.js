// MessageEvent (HTML §9.3 "The MessageEvent interface").
(function (ops, internals, global) {
  "use strict";

  const {
    toDOMString, failedToConstruct, failedToExecute, notEnoughArguments, illegalInvocation, checkDictionary,
    finishInterface, installGlobal,
  } = internals.idl;
  const Event = internals.Event;
  const { freeze: ObjectFreeze } = Object;
  const SymbolIterator = Symbol.iterator;
  const ArrayFrom = Array.from;
  const ReflectApply = Reflect.apply;
  const StringPrototypeToWellFormed = String.prototype.toWellFormed;
  const StringPrototypeReplace = String.prototype.replace;
  const TypeErrorCtor = TypeError;
  // Event's own members, captured before user code can replace them on Event.prototype.
  const EventInitEvent = Event.prototype.initEvent;
  const EventPhaseGetter = Object.getOwnPropertyDescriptor(Event.prototype, "eventPhase").get;
  const NONE = 0;
  const emptyPorts = ObjectFreeze([]);

  // Lets the port delivery path build an event without a dictionary walk: new MessageEvent(fast, data, ports).
  const fast = Symbol("MessageEvent fast path");
  const ctorPrefix = failedToConstruct("MessageEvent");

  // MessageEventSource: a MessagePort or a WindowProxy (a window of this agent; window-messaging.js), or null.
  function isMessagePortOrNull(value) {
    return value === null || internals.isMessagePort?.(value) === true || internals.isWindowProxy?.(value) === true;
  }

  // WebIDL USVString: a DOMString with lone surrogates replaced by U+FFFD.
  function toUSVString(value, prefix) {
    const s = toDOMString(value, prefix);
    return StringPrototypeToWellFormed !== undefined ? ReflectApply(StringPrototypeToWellFormed, s, [])
      : ReflectApply(StringPrototypeReplace, s, [/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD"]);
  }

  // sequence<MessagePort>: every entry must be a MessagePort; the result is frozen (FrozenArray).
  function toPortArray(value, prefix) {
    if (value === undefined) return emptyPorts;
    if (value === null || (typeof value !== "object" && typeof value !== "function") || typeof value[SymbolIterator] !== "function") {
      throw new TypeErrorCtor(`${prefix}The provided value cannot be converted to a sequence.`);
    }
    const ports = ArrayFrom(value);
    for (let i = 0; i < ports.length; i++) {
      if (internals.isMessagePort?.(ports[i]) !== true) {
        throw new TypeErrorCtor(`${prefix}Failed to convert value to 'MessagePort'.`);
      }
    }
    return ObjectFreeze(ports);
  }

  let isMessageEvent;
  let setOriginAndSource;

  class MessageEvent extends Event {
    #data = null;
    #origin = "";
    #lastEventId = "";
    #source = null;
    #ports = emptyPorts;

    constructor(type, eventInitDict = undefined) {
      if (type === fast) {
        internals.presetNextEventTimeStamp(internals.taskTime());
        super(arguments[3] === undefined ? "message" : arguments[3]);
        this.#data = eventInitDict;
        this.#ports = arguments[2];
        if (arguments.length > 4) {
          this.#origin = arguments[4];
          this.#source = arguments[5];
        }
        return;
      }
      if (arguments.length < 1) throw notEnoughArguments(ctorPrefix, 1, 0);
      super(type, eventInitDict);
      // MessageEventInit members, in WebIDL (lexicographic) order: data, lastEventId, origin, ports, source.
      if (checkDictionary(eventInitDict, ctorPrefix, "MessageEventInit")) {
        const data = eventInitDict.data;
        if (data !== undefined) this.#data = data;
        const lastEventId = eventInitDict.lastEventId;
        if (lastEventId !== undefined) this.#lastEventId = toDOMString(lastEventId, ctorPrefix);
        const origin = eventInitDict.origin;
        if (origin !== undefined) this.#origin = toUSVString(origin, ctorPrefix);
        this.#ports = toPortArray(eventInitDict.ports, ctorPrefix);
        const source = eventInitDict.source;
        if (source !== undefined) {
          if (!isMessagePortOrNull(source)) {
            throw new TypeErrorCtor(`${ctorPrefix}The provided value is not of type '(MessagePort or ServiceWorker or WindowProxy)'.`);
          }
          this.#source = source;
        }
      }
    }

    get data() {
      if (!isMessageEvent(this)) throw illegalInvocation("data", "MessageEvent");
      return this.#data;
    }

    get origin() {
      if (!isMessageEvent(this)) throw illegalInvocation("origin", "MessageEvent");
      return this.#origin;
    }

    get lastEventId() {
      if (!isMessageEvent(this)) throw illegalInvocation("lastEventId", "MessageEvent");
      return this.#lastEventId;
    }

    get source() {
      if (!isMessageEvent(this)) throw illegalInvocation("source", "MessageEvent");
      return this.#source;
    }

    // FrozenArray<MessagePort>: the same frozen array on every access.
    get ports() {
      if (!isMessageEvent(this)) throw illegalInvocation("ports", "MessageEvent");
      return this.#ports;
    }

    initMessageEvent(type, bubbles = false, cancelable = false, data = null, origin = "", lastEventId = "", source = null, ports = []) {
      if (!isMessageEvent(this)) throw illegalInvocation("initMessageEvent", "MessageEvent");
      const prefix = failedToExecute("initMessageEvent", "MessageEvent");
      if (arguments.length < 1) throw notEnoughArguments(prefix, 1, 0);
      type = toDOMString(type, prefix);
      origin = toUSVString(origin, prefix);
      lastEventId = toDOMString(lastEventId, prefix);
      if (!isMessagePortOrNull(source)) {
        throw new TypeErrorCtor(`${prefix}parameter 7 is not of type '(MessagePort or ServiceWorker or WindowProxy)'.`);
      }
      const portList = toPortArray(ports, prefix);
      // "If this's dispatch flag is set, then return." A parentless target is dispatched exactly while
      // eventPhase is not NONE.
      if (ReflectApply(EventPhaseGetter, this, []) !== NONE) return;
      ReflectApply(EventInitEvent, this, [type, bubbles, cancelable]);
      this.#data = data;
      this.#origin = origin;
      this.#lastEventId = lastEventId;
      this.#source = source;
      this.#ports = portList;
    }

    static {
      isMessageEvent = (value) => value !== null && typeof value === "object" && #data in value;
      setOriginAndSource = (event, origin, source) => {
        event.#origin = origin;
        event.#source = source;
        return event;
      };
    }
  }

  finishInterface(MessageEvent, "MessageEvent");
  installGlobal("MessageEvent", MessageEvent);

  internals.MessageEvent = MessageEvent;
  internals.isMessageEvent = isMessageEvent;
  // A trusted-to-be MessageEvent for port delivery: `data` and a frozen `ports` array, everything else default.
  internals.makeMessageEvent = (data, ports, type = undefined) => new MessageEvent(fast, data, ports, type);
  // An event with an origin and a source (a port or a window), `ports` already a frozen array of ports.
  internals.makeSourcedMessageEvent = (type, data, ports, origin, source) => new MessageEvent(fast, data, ports, type, origin, source);
  internals.emptyPorts = emptyPorts;
  // A window message (window-messaging.js): also `origin` and `source`.
  internals.makeWindowMessageEvent = (type, data, origin, source, ports) =>
    setOriginAndSource(new MessageEvent(fast, data, ports, type), origin, source);
})
