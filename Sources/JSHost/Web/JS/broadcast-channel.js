// BroadcastChannel (HTML §9.5 "Broadcasting to other browsing contexts"). Every BroadcastChannel of the host
// with the same name, in any realm of any agent, receives what one of them posts, except the poster: the
// host's registry (Web/BroadcastChannels.swift) fans a message out as one task per destination. A message is
// serialized once, as for a worker (clone-wire.js).
//
// "While a BroadcastChannel object whose closed flag is false has an event listener registered for message
// events, there must be a strong reference from the global object to the BroadcastChannel object itself":
// a channel is held strongly only while it has message/messageerror listeners; otherwise only weakly, so an
// unused channel can be collected (and then unsubscribes).
(function (ops, internals, global) {
  "use strict";

  if (typeof ops.broadcastSubscribe !== "function") return;

  const { failedToExecute, failedToConstruct, notEnoughArguments, illegalInvocation, finishInterface, installGlobal } = internals.idl;
  const EventTarget = internals.EventTarget;
  const dispatchTrusted = internals.dispatchTrusted;
  const defineEventHandler = internals.defineEventHandler;
  const makeMessageEvent = internals.makeMessageEvent;
  const emptyPorts = internals.emptyPorts;
  const makeDOMException = internals.makeDOMException;
  const hasEventListeners = internals.hasEventListeners;
  const opArguments = internals.opArguments;
  const watchEventListeners = internals.watchEventListeners;
  const { apply: ReflectApply } = Reflect;
  const MapCtor = Map;
  const { get: MapGet, set: MapSet, delete: MapDelete } = Map.prototype;
  const WeakRefCtor = WeakRef;
  const WeakRefDeref = WeakRef.prototype.deref;
  const FinalizationRegistryCtor = FinalizationRegistry;
  const { register: FinalizationRegister, unregister: FinalizationUnregister } = FinalizationRegistry.prototype;
  const StringCtor = String;
  const postMessagePrefix = failedToExecute("postMessage", "BroadcastChannel");

  // handle → WeakRef of the channel; handle → the channel itself while it has listeners.
  const weakly = new MapCtor();
  const strongly = new MapCtor();
  let lastHandle = 0;
  // A channel collected without close(): drop its subscription.
  const collected = new FinalizationRegistryCtor((state) => {
    ReflectApply(MapDelete, weakly, [state.handle]);
    ops.broadcastUnsubscribe(state.id);
  });

  let isBroadcastChannel;
  let deliver;
  let handleOf;

  class BroadcastChannel extends EventTarget {
    #name;
    #id = 0;
    #handle = 0;
    #closed = false;

    constructor(name) {
      const prefix = failedToConstruct("BroadcastChannel");
      if (arguments.length < 1) throw notEnoughArguments(prefix, 1, 0);
      super();
      this.#name = StringCtor(name);
      this.#handle = ++lastHandle;
      this.#id = ops.broadcastSubscribe(this.#name, this.#handle);
      ReflectApply(MapSet, weakly, [this.#handle, new WeakRefCtor(this)]);
      ReflectApply(FinalizationRegister, collected, [this, { __proto__: null, handle: this.#handle, id: this.#id }, this]);
      watchEventListeners(this, listenersChanged);
    }

    get name() {
      if (!isBroadcastChannel(this)) throw illegalInvocation("name", "BroadcastChannel");
      return this.#name;
    }

    postMessage(message) {
      if (!isBroadcastChannel(this)) throw illegalInvocation("postMessage", "BroadcastChannel");
      if (arguments.length < 1) throw notEnoughArguments(postMessagePrefix, 1, 0);
      // "If this's closed flag is true, then throw an InvalidStateError DOMException."
      if (this.#closed) throw makeDOMException(`${postMessagePrefix}Channel is closed`, "InvalidStateError");
      internals.loadWire();
      const encoded = internals.encodeForAgent(message, emptyPorts);
      ReflectApply(ops.broadcastPost, undefined, opArguments([this.#id, encoded.text], encoded.buffers));
    }

    close() {
      if (!isBroadcastChannel(this)) throw illegalInvocation("close", "BroadcastChannel");
      if (this.#closed) return;
      this.#closed = true;
      ops.broadcastUnsubscribe(this.#id);
      ReflectApply(MapDelete, weakly, [this.#handle]);
      ReflectApply(MapDelete, strongly, [this.#handle]);
      ReflectApply(FinalizationUnregister, collected, [this]);
    }

    static {
      isBroadcastChannel = (value) => value !== null && typeof value === "object" && #closed in value;
      deliver = (channel, text, buffers) => {
        if (channel.#closed) return;
        let data;
        try {
          internals.loadWire();
          data = internals.decodeFromAgent(text, buffers, emptyPorts);
        } catch {
          dispatchTrusted(channel, makeMessageEvent(null, emptyPorts, "messageerror"));
          return;
        }
        dispatchTrusted(channel, makeMessageEvent(data, emptyPorts));
      };
      handleOf = (channel) => channel.#handle;
    }
  }

  // Called with the channel as `this` when its listeners change.
  function listenersChanged() {
    if (!isBroadcastChannel(this)) return;
    const handle = handleOf(this);
    if (hasEventListeners(this, "message") || hasEventListeners(this, "messageerror")) {
      ReflectApply(MapSet, strongly, [handle, this]);
    } else {
      ReflectApply(MapDelete, strongly, [handle]);
    }
  }

  internals.broadcastDeliver = function broadcastDeliver(handle, text, ...buffers) {
    const ref = ReflectApply(MapGet, weakly, [handle]);
    const channel = ref === undefined ? undefined : ReflectApply(WeakRefDeref, ref, []);
    if (channel !== undefined) deliver(channel, text, buffers);
  };

  defineEventHandler(BroadcastChannel.prototype, "message", { brand: isBroadcastChannel, interfaceName: "BroadcastChannel" });
  defineEventHandler(BroadcastChannel.prototype, "messageerror", { brand: isBroadcastChannel, interfaceName: "BroadcastChannel" });
  finishInterface(BroadcastChannel, "BroadcastChannel");
  installGlobal("BroadcastChannel", BroadcastChannel);
})
