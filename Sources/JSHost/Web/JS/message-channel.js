// MessageChannel and MessagePort (HTML §9.4 "Channel messaging"), within one agent.
//
// Each end of a channel is a "side": a plain object holding the end's message queue and its link to the peer
// side. A MessagePort object is just the current owner of a side; shipping a port moves the side (queue
// included) to a new MessagePort in the receiving realm and leaves the old object detached and inert.
// One message is one task: posting queues a host task in the receiving side's realm, and the task delivers
// that side's next message, so messages keep posting order across channels and a microtask checkpoint
// separates two messages.
(function (ops, internals, global) {
  "use strict";

  const {
    failedToExecute, notEnoughArguments, illegalInvocation, illegalConstructor, finishInterface, installGlobal,
    objectSequence,
  } = internals.idl;
  const EventTarget = internals.EventTarget;
  const Event = internals.Event;
  const dispatchTrusted = internals.dispatchTrusted;
  const defineEventHandler = internals.defineEventHandler;
  const makeMessageEvent = internals.makeMessageEvent;
  const emptyPorts = internals.emptyPorts;
  const queueTask = internals.queueTask;
  const { freeze: ObjectFreeze, getPrototypeOf: ObjectGetPrototypeOf } = Object;
  const ArrayPrototypeSplice = Array.prototype.splice;
  const ReflectApply = Reflect.apply;
  const ReflectSetPrototypeOf = Reflect.setPrototypeOf;
  const ReflectDefineProperty = Reflect.defineProperty;
  // The queues and working lists here grow by storing past their end, which on an ordinary array would reach a
  // setter user code defined for that index on Array.prototype: they have no prototype.
  function newList() {
    const list = [];
    ReflectSetPrototypeOf(list, null);
    return list;
  }
  function listOf(entry) {
    const list = newList();
    list[0] = entry;
    return list;
  }
  const TypeErrorCtor = TypeError;
  const SymbolIterator = Symbol.iterator;
  const token = Symbol("MessagePort construction");
  // (Made once: a string built per post is garbage a burst of messages piles up.)
  const postMessagePrefix = failedToExecute("postMessage", "MessagePort");

  // How a side reaches the realm that owns it now. Sides move between realms of one agent with their port.
  const realm = {
    schedule(side) {
      side.scheduled++;
      queueTask(deliverTask, side);
    },
    scheduleClose(side) {
      queueTask(closeTask, side);
    },
    deliver: deliverNext,
    // Sides of this realm entangled with a side in another realm: when this realm closes, their peers get
    // `close` (see closeRealm). Weak, so that a forgotten channel between realms is still garbage.
    track(side) {
      if (side.tracked === realm) return;
      side.tracked = realm;
      if (entangledElsewhere.length >= pruneAt) pruneTracked();
      entangledElsewhere[entangledElsewhere.length] = new WeakRefCtor(side);
    },
    // `side` (of this realm) is now entangled with a side in another agent, behind pipe endpoint `endpoint`,
    // which another realm of this agent made: deliveries and the close go through this realm from now on
    // (worker.js's map of this realm, and the endpoint rebound to this realm in the host).
    adoptPipe(side, endpoint) {
      side.peer = null;
      side.remote = endpoint;
      internals.bindPipeSide(endpoint, side);
      ops.pipeRebind(endpoint);
    },
    closed: false,
  };
  const WeakRefCtor = WeakRef;
  const WeakRefDeref = WeakRef.prototype.deref;
  let entangledElsewhere = newList();
  let pruneAt = 64;

  // The tracked sides still alive (and not tracked by another realm since: one that left and came back is
  // still ours).
  function trackedSides() {
    const live = newList();
    for (let i = 0; i < entangledElsewhere.length; i++) {
      const side = ReflectApply(WeakRefDeref, entangledElsewhere[i], emptyPorts);
      if (side !== undefined && side.tracked === realm) live[live.length] = side;
    }
    return live;
  }

  function pruneTracked() {
    const live = trackedSides();
    const refs = newList();
    for (let i = 0; i < live.length; i++) refs[i] = new WeakRefCtor(live[i]);
    entangledElsewhere = refs;
    pruneAt = live.length * 2 > 64 ? live.length * 2 : 64;
  }

  // list.map(fn) for our own arrays, without Array.prototype.map (a script's to replace). The result may reach
  // script (as an event's `ports`): an ordinary array, each element defined, never assigned.
  function mapList(list, fn) {
    const out = [];
    for (let i = 0; i < list.length; i++) {
      ReflectDefineProperty(out, i, { __proto__: null, value: fn(list[i]), writable: true, enumerable: true, configurable: true });
    }
    return out;
  }

  // A side's queue holds one entry per message: either the message itself, ready for the side's realm (a
  // primitive, or the copy postMessage made in that realm: the common case, no wrapper at all), or a parcel
  // `{ __proto__: null, snapshot, sides }` (ports or buffers transferred, a copy another realm must rebuild).
  // A copy never has a null prototype, so that tells them apart in any realm. When a side leaves its realm,
  // its bare copies become parcels (detach).
  function isParcel(entry) {
    return typeof entry === "object" && entry !== null && ObjectGetPrototypeOf(entry) === null;
  }

  function makeSide() {
    return {
      peer: null, port: null, realm, queue: newList(), head: 0, more: null, scheduled: 0, enabled: false, peerClosed: false,
      tracked: null,
      // Non-zero when the peer lives in another agent: this agent's endpoint of the pipe between them
      // (Web/AgentPipe.swift); posts then go through worker.js's postToPipe.
      remote: 0,
    };
  }

  // A side's queue is blocks of at most BLOCK entries: `queue`, read from `head`, then, once it is full, the
  // blocks in `more` (the last one being filled). A flat array grown to a million entries leaves about twice
  // its size in garbage behind it as it regrows; a block never grows past BLOCK.
  const BLOCK = 4096;

  function enqueue(side, entry) {
    const more = side.more;
    if (more === null) {
      const queue = side.queue;
      if (queue.length < BLOCK) queue[queue.length] = entry;
      else side.more = listOf(listOf(entry));
      return;
    }
    const last = more[more.length - 1];
    if (last.length < BLOCK) last[last.length] = entry;
    else more[more.length] = listOf(entry);
  }

  function pendingCount(side) {
    const more = side.more;
    const count = side.queue.length - side.head;
    return more === null ? count : count + (more.length - 1) * BLOCK + more[more.length - 1].length;
  }

  // Calls visit(block, index) for each pending entry, in order.
  function eachPending(side, visit) {
    const queue = side.queue;
    for (let i = side.head; i < queue.length; i++) visit(queue, i);
    const more = side.more;
    if (more === null) return;
    for (let b = 0; b < more.length; b++) {
      const block = more[b];
      for (let i = 0; i < block.length; i++) visit(block, i);
    }
  }

  // A task queued by schedule(). The side may have moved to another realm since; deliver there.
  function deliverTask(side) {
    side.scheduled--;
    if (side.enabled && side.port !== null && pendingCount(side) > 0) side.realm.deliver(side);
  }

  function takeMessage(side) {
    const message = side.queue[side.head];
    side.queue[side.head] = undefined;
    side.head++;
    if (side.head === side.queue.length) {
      const more = side.more;
      if (more === null) {
        side.queue.length = 0;
      } else {
        side.queue = more[0];
        if (more.length === 1) side.more = null;
        else ReflectApply(ArrayPrototypeSplice, more, [0, 1]);
      }
      side.head = 0;
    }
    return message;
  }

  // Delivers the side's next message in THIS realm (the side's current one).
  function deliverNext(side) {
    const message = takeMessage(side);
    const port = side.port;
    if (!isParcel(message)) {
      dispatchTrusted(port, makeMessageEvent(message, emptyPorts));
      return;
    }
    if (message.ready === true) {
      // Decoded from another agent already, ports made (see remoteReceive), or not decodable.
      if (message.failed === true) dispatchTrusted(port, makeMessageEvent(null, emptyPorts, "messageerror"));
      else dispatchTrusted(port, makeMessageEvent(message.data, message.ports));
      return;
    }
    let data;
    let ports = emptyPorts;
    try {
      if (message.sides.length > 0) ports = ObjectFreeze(mapList(message.sides, adopt));
      data = internals.deserializeFromPost(message.snapshot, ports);
    } catch {
      dispatchTrusted(port, makeMessageEvent(null, emptyPorts, "messageerror"));
      return;
    }
    dispatchTrusted(port, makeMessageEvent(data, ports));
  }

  function closeTask(side) {
    if (side.port !== null) dispatchTrusted(side.port, new Event("close"));
    // In transit (shipped in a message not yet received): the port that receives it gets the event then.
    else side.peerClosed = true;
  }

  // A side that will never have a MessagePort again (closed, or shipped in a message that was dropped): its
  // pending messages go, and so do the sides they carry, disentangled so that their peers' posts are not
  // kept forever. Nothing is fired: as far as script can tell, those ports were garbage collected.
  function discard(side) {
    const stack = listOf(side);
    while (stack.length > 0) {
      const s = stack[stack.length - 1];
      stack.length--;
      const peer = s.peer;
      if (peer !== null) {
        s.peer = null;
        peer.peer = null;
      }
      if (s.remote !== 0) {
        ops.pipeClose(s.remote);
        s.remote = 0;
      }
      eachPending(s, (block, i) => {
        const entry = block[i];
        if (!isParcel(entry)) return;
        const carried = entry.sides;
        for (let j = 0; j < carried.length; j++) stack[stack.length] = carried[j];
      });
      s.queue = newList();
      s.head = 0;
      s.more = null;
    }
  }

  let isMessagePort;
  let sideOf;
  let detach;

  class MessagePort extends EventTarget {
    #side;

    constructor(key = undefined, side = undefined) {
      if (key !== token) throw illegalConstructor("MessagePort");
      super();
      this.#side = side;
      side.port = this;
      const previousRealm = side.realm;
      side.realm = realm;
      // A pipe-backed side that moved to this realm of the agent: its deliveries come here now.
      if (side.remote !== 0 && previousRealm !== realm) {
        ops.pipeRebind(side.remote);
        internals.bindPipeEndpoint(side.remote, { __proto__: null, side });
      }
      const peer = side.peer;
      if (peer !== null && peer.realm !== realm) {
        realm.track(side);
        peer.realm.track(peer);
      }
      if (side.peerClosed) {
        side.peerClosed = false;
        realm.scheduleClose(side);
      }
    }

    postMessage(message, transferOrOptions = undefined) {
      if (!isMessagePort(this)) throw illegalInvocation("postMessage", "MessagePort");
      const prefix = postMessagePrefix;
      if (arguments.length < 1) throw notEnoughArguments(prefix, 1, 0);
      const transfer = toTransferList(transferOrOptions, prefix);
      const side = this.#side;
      // HTML "message port post message steps".
      // 2. If transfer contains this MessagePort, then throw a "DataCloneError" DOMException.
      for (let i = 0; i < transfer.length; i++) {
        if (transfer[i] === this) {
          throw internals.makeDOMException(`${prefix}Port at index ${i} contains the source port.`, "DataCloneError");
        }
      }
      // The peer lives in another agent: the message goes through the pipe between them.
      if (side !== null && side.remote !== 0) {
        internals.postToPipe(side.remote, message, transfer, prefix);
        return;
      }
      // 1. Let targetPort be the port with which this MessagePort is entangled, if any.
      const target = side === null ? null : side.peer;
      // 3. If targetPort is in transfer, the message is doomed: the channel is lost.
      let doomed = false;
      if (target !== null && target.port !== null) {
        for (let i = 0; i < transfer.length; i++) if (transfer[i] === target.port) doomed = true;
      }
      // 4. Serialize with transfer; this throws with no side effect. A primitive needs no copy at all.
      let queued = message;
      const type = typeof message;
      if (transfer.length === 0) {
        if (type === "object" || type === "function" || type === "symbol") {
          if (message !== null) {
            queued = internals.copyForPost(message);
            if (internals.isPostSnapshot(queued)) queued = { __proto__: null, snapshot: queued, sides: emptyPorts };
          }
        }
      } else {
        const snapshot = internals.serializeForPost(message, transfer);
        const sides = snapshot.ports.length === 0 ? emptyPorts : mapList(snapshot.ports, detach);
        queued = { __proto__: null, snapshot, sides };
      }
      // 5. If there is no target port or doomed is true, return.
      if (target === null || doomed) {
        if (isParcel(queued)) for (let i = 0; i < queued.sides.length; i++) discard(queued.sides[i]);
        return;
      }
      // A copy made here, for a port of another realm.
      if (target.realm !== realm && type === "object" && message !== null && !isParcel(queued)) queued = seal(queued);
      enqueue(target, queued);
      if (target.enabled) target.realm.schedule(target);
    }

    start() {
      if (!isMessagePort(this)) throw illegalInvocation("start", "MessagePort");
      const side = this.#side;
      if (side !== null) enable(side);
    }

    close() {
      if (!isMessagePort(this)) throw illegalInvocation("close", "MessagePort");
      const side = this.#side;
      // "Set this's [[Detached]] to true. If this is entangled, disentangle it."
      if (side === null) return;
      this.#side = null;
      side.port = null;
      side.enabled = false;
      if (side.remote !== 0) {
        ops.pipeClose(side.remote); // the other agent's side hears `close` when the pipe tells it
        side.remote = 0;
      }
      const peer = side.peer;
      if (peer !== null) {
        side.peer = null;
        peer.peer = null;
        // The other side learns of it in a task of its own, whatever else is queued or collected.
        peer.realm.scheduleClose(peer);
      }
      // Messages still queued here will never be delivered (see whatwg/html#5765: browsers drop them).
      if (pendingCount(side) > 0) discard(side);
    }

    static {
      isMessagePort = (value) => value !== null && typeof value === "object" && #side in value;
      sideOf = (port) => port.#side;
      // HTML's transfer steps for a MessagePort: the side leaves this object (now detached and inert) with
      // its queue, disabled until its new owner is started.
      detach = (port) => {
        const side = port.#side;
        port.#side = null;
        side.port = null;
        side.enabled = false;
        // Its messages may be delivered in another realm: the copies made in this one become parcels.
        eachPending(side, (block, i) => {
          const entry = block[i];
          if (typeof entry === "object" && entry !== null && !isParcel(entry)) block[i] = seal(entry);
        });
        return side;
      };
    }
  }

  // A parcel for a copy made in this realm, which another realm rebuilds.
  function seal(copy) {
    return { __proto__: null, snapshot: internals.snapshotOf(copy), sides: emptyPorts };
  }

  // The receiving end of a shipped side: a new MessagePort of this realm.
  function adopt(side) {
    return new MessagePort(token, side);
  }

  function enable(side) {
    if (side.enabled) return;
    side.enabled = true;
    // Messages that waited for start() become tasks now, in order (tasks still queued count already).
    for (let missing = pendingCount(side) - side.scheduled; missing > 0; missing--) side.realm.schedule(side);
  }

  // postMessage(message, transfer) or postMessage(message, { transfer }): WebIDL overload resolution picks
  // the sequence form for an iterable object, the dictionary form otherwise.
  function toTransferList(value, prefix) {
    if (value === undefined || value === null) return emptyPorts;
    if (typeof value !== "object" && typeof value !== "function") {
      throw new TypeErrorCtor(`${prefix}The provided value is not of type '(sequence<object> or StructuredSerializeOptions)'.`);
    }
    // GetMethod(value, @@iterator), once: a method selects the sequence form.
    let list = value;
    let method = value[SymbolIterator];
    if (method === undefined || method === null) {
      list = value.transfer;
      if (list === undefined) return emptyPorts;
      method = list === null || (typeof list !== "object" && typeof list !== "function") ? undefined : list[SymbolIterator];
      if (typeof method !== "function") {
        throw new TypeErrorCtor(`${prefix}Failed to read the 'transfer' property from 'StructuredSerializeOptions': The provided value cannot be converted to a sequence.`);
      }
    } else if (typeof method !== "function") {
      throw new TypeErrorCtor(`${prefix}The object's @@iterator property is not callable.`);
    }
    const transfer = objectSequence(list, method, prefix, "");
    return transfer.length === 0 ? emptyPorts : transfer;
  }

  const startOnSet = (port) => {
    // "The first time a MessagePort object's onmessage IDL attribute is set, the port's port message queue
    // must be enabled, as if the start() method had been called." Any set counts, null included (as in
    // browsers), and it must not go through a start() that user code may have replaced on the object.
    const side = sideOf(port);
    if (side !== null) enable(side);
  };
  defineEventHandler(MessagePort.prototype, "message", { brand: isMessagePort, interfaceName: "MessagePort", onSet: startOnSet });
  defineEventHandler(MessagePort.prototype, "messageerror", { brand: isMessagePort, interfaceName: "MessagePort" });
  defineEventHandler(MessagePort.prototype, "close", { brand: isMessagePort, interfaceName: "MessagePort" });
  finishInterface(MessagePort, "MessagePort");
  installGlobal("MessagePort", MessagePort);

  let isMessageChannel;

  class MessageChannel {
    #port1;
    #port2;

    constructor() {
      const one = makeSide();
      const two = makeSide();
      one.peer = two;
      two.peer = one;
      this.#port1 = new MessagePort(token, one);
      this.#port2 = new MessagePort(token, two);
    }

    get port1() {
      if (!isMessageChannel(this)) throw illegalInvocation("port1", "MessageChannel");
      return this.#port1;
    }

    get port2() {
      if (!isMessageChannel(this)) throw illegalInvocation("port2", "MessageChannel");
      return this.#port2;
    }

    static {
      isMessageChannel = (value) => value !== null && typeof value === "object" && #port1 in value;
    }
  }

  finishInterface(MessageChannel, "MessageChannel");
  installGlobal("MessageChannel", MessageChannel);

  // The host is closing this realm (HTML: its ports are disentangled as if garbage collected; a peer in another
  // realm gets `close`). Nothing of this realm runs afterwards: its queued tasks are dropped.
  internals.closeRealm = () => {
    realm.closed = true;
    const sides = trackedSides();
    for (let i = 0; i < sides.length; i++) {
      const side = sides[i];
      // (A side shipped away, even one still in transit, belongs to the realm it goes to.)
      if (side.realm !== realm || side.port === null) continue;
      const peer = side.peer;
      side.enabled = false;
      if (peer !== null) {
        side.peer = null;
        peer.peer = null;
        if (!peer.realm.closed) peer.realm.scheduleClose(peer);
      }
      if (pendingCount(side) > 0) discard(side);
    }
    entangledElsewhere = [];
    internals.closeTaskQueue();
  };

  // ---- Ports between agents (worker.js moves them; the pipes are Web/AgentPipe.swift) ----

  // A port leaving the agent: detached here; the caller turns its side into a pipe endpoint.
  internals.portSideForTransfer = (port) => detach(port);
  // The entries still queued for a side (in order), removed from it.
  internals.takePendingEntries = (side) => {
    const entries = newList();
    eachPending(side, (block, i) => { entries[entries.length] = block[i]; });
    side.queue = newList();
    side.head = 0;
    side.more = null;
    return entries;
  };
  // A side whose peer now lives in another agent, behind pipe endpoint `endpoint` of this agent.
  internals.entangleWithPipe = (side, endpoint) => {
    side.peer = null;
    side.remote = endpoint;
  };
  // A MessagePort of this realm for a port that arrived from another agent, behind `endpoint`.
  internals.makeRemotePort = (endpoint) => {
    const side = makeSide();
    side.remote = endpoint;
    return new MessagePort(token, side);
  };
  internals.sideOfPort = (port) => sideOf(port);
  // A message that came through the pipe for `side`, already decoded in this realm (with its new ports).
  internals.remoteReceive = (side, data, ports) => {
    enqueue(side, ports.length === 0 ? data : { __proto__: null, ready: true, data, ports, snapshot: null, sides: emptyPorts });
    if (side.enabled && side.port !== null) side.realm.schedule(side);
  };
  // A message from the pipe that could not be decoded: `messageerror` in its turn.
  internals.remoteReceiveError = (side) => {
    enqueue(side, { __proto__: null, ready: true, failed: true, snapshot: null, sides: emptyPorts });
    if (side.enabled && side.port !== null) side.realm.schedule(side);
  };
  // The pipe closed from the other agent's side.
  internals.remotePeerClosed = (side) => {
    side.remote = 0;
    if (side.port !== null) side.realm.scheduleClose(side);
    else side.peerClosed = true;
  };
  internals.isParcelEntry = isParcel;
  // A side that will never get a MessagePort (it came in a window message that was dropped).
  internals.discardSide = discard;

  internals.isMessagePort = isMessagePort;
  internals.toTransferList = toTransferList;
  // For the host to hand a port to another realm of the agent: detach here, adopt there.
  internals.detachMessagePort = (port) => detach(port);
  internals.adoptMessagePortSide = (side) => adopt(side);
  internals.isMessagePortDetached = (port) => sideOf(port) === null;
  internals.transferMessagePorts = (ports) => mapList(ports, (port) => adopt(detach(port)));
  const previousKind = internals.platformObjectKind;
  internals.platformObjectKind = (value) =>
    isMessagePort(value) ? "MessagePort" : isMessageChannel(value) ? "MessageChannel" : previousKind?.(value);
})
