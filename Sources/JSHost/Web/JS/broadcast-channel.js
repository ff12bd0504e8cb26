// BroadcastChannel (HTML §9.5 "Broadcasting to other browsing contexts"). Every BroadcastChannel of the host
// with the same name, in any realm of any agent, receives what one of them posts, except the poster, as one task
// per destination, in creation order, each with its own microtask checkpoint.
//
// Two paths, so that a post costs no call into the host per destination:
// - Destinations in the poster's agent (any of its realms): the agent's realms share one list of channels by
//   name (kept on the agent's task FIFO object, the one object they all share). The message is cloned once
//   (copyForPost); the deliveries of one post to consecutive channels of one realm run as one task of that
//   realm, with a microtask checkpoint (ops.broadcastCheckpoint) between them, as if each were a task of its
//   own. Each destination rebuilds its own copy; the last one, when in the poster's realm, takes the copy itself.
// - Destinations in other agents: only when the host's registry (Web/BroadcastChannels.swift) says there are
//   any, the clone is encoded once (clone-wire.js) and handed to the host, which queues it to each such agent;
//   there broadcastDeliver runs the deliveries of one realm in one call, again with a checkpoint between them.
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
  const ObjectSetPrototypeOf = Object.setPrototypeOf;
  const ObjectFreeze = Object.freeze;
  const FinalizationRegistryCtor = FinalizationRegistry;
  const { register: FinalizationRegister, unregister: FinalizationUnregister } = FinalizationRegistry.prototype;
  const ABSlice = ArrayBuffer.prototype.slice;
  const StringSlice = String.prototype.slice;
  const StringCtor = String;
  const postMessagePrefix = failedToExecute("postMessage", "BroadcastChannel");
  // Absent when the engine cannot run a checkpoint from inside a call: then every delivery is a task of its own.
  const checkpoint = ops.broadcastCheckpoint;

  // clone.js and clone-wire.js load on first use; once there, their functions are kept here (a lookup on
  // `internals` per message is not needed).
  let copyForPost = (message) => {
    const loaded = internals.copyForPost;
    copyForPost = loaded;
    return loaded(message);
  };
  let wire = null;
  function loadWire() {
    if (wire === null) {
      internals.loadWire();
      wire = { __proto__: null, encode: internals.encodeCopyForAgent, decode: internals.decodeFromAgent };
    }
    return wire;
  }

  // Lists without a prototype: storing past their end never reaches an index setter a script put on
  // Array.prototype.
  function newList() { return ObjectSetPrototypeOf([], null); }

  // This realm, as the agent's lists know it: how to queue a batch of deliveries on its own task queue (so that
  // closing the realm drops them) and run it.
  const here = { __proto__: null, run: deliverRun, queueTask: internals.queueTask,
    lastQueuedArgument: internals.lastQueuedArgument };

  // The agent's channels by name: name → { list, total }. `list`: the entries of the agent's channels of that
  // name, in creation order, across the agent's realms; never changed in place (a new list replaces it), so a
  // post keeps the destinations it saw. `total`: a Float64Array over host memory, [0] the number of channels of
  // the name open in the whole host: more than the list holds means some are in other agents.
  // Entry: { listening (the channel while it has message or messageerror listeners, else null: a delivery
  // to it would be unobservable), realm (its `here`), closed, name, handle, id (the host's subscription) }.
  const hostQueue = internals.hostTaskQueue;
  let agentChannels = hostQueue.broadcastChannels;
  if (agentChannels === undefined) {
    agentChannels = new internals.idl.SealedMap();
    hostQueue.broadcastChannels = agentChannels;
  }
  const unknownTotal = [Infinity];
  const noValue = Symbol("no value");
  const emptyList = ObjectFreeze(newList());

  // (After the host subscribed the entry: the count never understates the other agents' channels.)
  function join(name, entry) {
    const record = agentChannels.get(name);
    const joined = newList();
    if (record === undefined) {
      joined[0] = entry;
      const total = ops.broadcastCounter(name);
      agentChannels.set(name, { __proto__: null, list: joined, total: total === undefined ? unknownTotal : total });
      return;
    }
    const list = record.list;
    for (let i = 0; i < list.length; i++) joined[i] = list[i];
    joined[list.length] = entry;
    record.list = joined;
  }

  // (Before or right after the host unsubscribes the entry: no post can run in between.)
  function leave(name, entry) {
    if (entry.closed) return;
    entry.closed = true;
    entry.listening = null;
    const record = agentChannels.get(name);
    if (record === undefined) return;
    const list = record.list;
    const kept = newList();
    let n = 0;
    for (let i = 0; i < list.length; i++) if (list[i] !== entry) kept[n++] = list[i];
    if (n === 0) agentChannels.delete(name);
    else record.list = kept;
  }

  // This realm's channels: handle → entry (the host names destinations in other agents by handle).
  const entries = new internals.idl.SealedMap();
  let lastHandle = 0;
  // A channel collected without close(): drop its subscription.
  const collected = new FinalizationRegistryCtor((handle) => {
    const entry = entries.get(handle);
    if (entry === undefined) return;
    entries.delete(handle);
    leave(entry.name, entry);
    ops.broadcastUnsubscribe(entry.id);
  });

  let isBroadcastChannel;
  let deliver;
  let entryOf;

  class BroadcastChannel extends EventTarget {
    #name;
    #entry = null;
    #closed = false;

    constructor(name) {
      const prefix = failedToConstruct("BroadcastChannel");
      if (arguments.length < 1) throw notEnoughArguments(prefix, 1, 0);
      super();
      this.#name = StringCtor(name);
      const handle = ++lastHandle;
      const id = ops.broadcastSubscribe(this.#name, handle);
      const entry = { __proto__: null, listening: null, realm: here, closed: false, name: this.#name, handle, id };
      this.#entry = entry;
      entries.set(handle, entry);
      join(this.#name, entry);
      ReflectApply(FinalizationRegister, collected, [this, handle, this]);
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
      // The one clone of the message (DataCloneError here: nothing is sent).
      const copy = copyForPost(message);
      const sender = this.#entry;
      const record = agentChannels.get(this.#name);
      // (No record: this channel's realm was closed, and a sibling realm holds it.)
      if (record === undefined) return;
      const list = record.list;
      // The host took pointers to the ArrayBuffers it copied: they are pinned (a later transfer() of one would
      // copy and not detach, JSC-FACTS), so then no destination here takes the copy itself.
      let pinned = false;
      if (record.total[0] > list.length) {
        const encoded = loadWire().encode(copy);
        if (encoded.buffers.length === 0) {
          ops.broadcastPost(sender.id, encoded.text);
        } else {
          ReflectApply(ops.broadcastPost, undefined, opArguments([sender.id, encoded.text], encoded.buffers));
          pinned = true;
        }
      }
      if (list.length > 1) queueDeliveries(list, sender, copy, pinned);
    }

    close() {
      if (!isBroadcastChannel(this)) throw illegalInvocation("close", "BroadcastChannel");
      if (this.#closed) return;
      this.#closed = true;
      const entry = this.#entry;
      ops.broadcastUnsubscribe(entry.id);
      leave(entry.name, entry);
      entries.delete(entry.handle);
      entry.listening = null;
      ReflectApply(FinalizationUnregister, collected, [this]);
    }

    static {
      isBroadcastChannel = (value) => value !== null && typeof value === "object" && #closed in value;
      // The message event of one delivery; `data` makes the receiving realm's value (throws: messageerror).
      deliver = (channel, post, entry) => {
        if (channel.#closed) return;
        let data;
        try {
          data = rebuild(post, entry);
        } catch {
          dispatchTrusted(channel, makeMessageEvent(null, emptyPorts, "messageerror"));
          return;
        }
        dispatchTrusted(channel, makeMessageEvent(data, emptyPorts));
      };
      entryOf = (channel) => channel.#entry;
    }
  }

  // Called with the channel as `this` when its listeners change.
  function listenersChanged() {
    if (!isBroadcastChannel(this)) return;
    const entry = entryOf(this);
    if (entry.closed) return;
    entry.listening = hasEventListeners(this, "message") || hasEventListeners(this, "messageerror") ? this : null;
  }

  // ---- deliveries within the agent ----------------------------------------------------------------------

  // Queues the deliveries of one post to the other channels of `list`: one task per run of consecutive
  // channels of one realm, on that realm's queue (closing the realm drops it). When the task last queued there
  // is such a batch that has not begun, the run joins it: nothing was queued between the two, and the batch
  // runs a checkpoint between any two deliveries, so each delivery still behaves as a task of its own.
  function queueDeliveries(list, sender, copy, pinned) {
    // The last destination takes the copy itself when it is in this realm: nothing rebuilds from it after.
    let last = list.length - 1;
    if (list[last] === sender) last--;
    // A primitive is all a delivery needs; anything else goes with what rebuild() needs.
    const isObject = typeof copy === "object" && copy !== null;
    const post = isObject
      ? { __proto__: null, copy, realm: here, owner: !pinned && list[last].realm === here ? list[last] : null, snapshot: null }
      : copy;
    let from = 0;
    while (from < list.length) {
      const realm = list[from].realm;
      let to = from + 1;
      if (checkpoint !== undefined) while (to < list.length && list[to].realm === realm) to++;
      if (!(to === from + 1 && list[from] === sender)) {
        if (realm !== here && isObject && post.snapshot === null) {
          post.snapshot = internals.isPostSnapshot(copy) ? copy : internals.snapshotOf(copy);
        }
        let batch = checkpoint === undefined ? undefined : realm.lastQueuedArgument(realm.run);
        if (batch === undefined) {
          batch = { __proto__: null, parts: newList(), length: 0 };
          realm.queueTask(realm.run, batch);
        }
        const parts = batch.parts;
        let n = batch.length;
        parts[n++] = post; parts[n++] = sender; parts[n++] = list; parts[n++] = from; parts[n++] = to;
        batch.length = n;
      }
      from = to;
    }
  }

  // One task: the runs of a batch (post, sender, list, from, to), with a microtask checkpoint between any two
  // deliveries.
  function deliverRun(batch) {
    const parts = batch.parts;
    let delivered = false;
    for (let p = 0; p < batch.length; p += 5) {
      const post = parts[p], sender = parts[p + 1], list = parts[p + 2], to = parts[p + 4];
      parts[p] = parts[p + 2] = undefined; // let go of delivered messages as the batch goes on
      for (let i = parts[p + 3]; i < to; i++) {
        const entry = list[i];
        if (entry === sender) continue;
        if (delivered) {
          checkpoint();
          delivered = false;
        }
        if (entry.closed) continue;
        const channel = entry.listening;
        if (channel === null) continue;
        delivered = true;
        try {
          deliver(channel, post, entry);
        } catch (error) {
          // (Listeners' exceptions are reported by dispatch; this is the host's own failing, out of stack say.)
          internals.reportException(error);
        }
      }
    }
  }

  // The message as a value of this realm: a primitive as it is; in the poster's realm the copy (for its last
  // destination) or a clone of it; in another realm of the agent, rebuilt from the post's snapshot.
  function rebuild(post, entry) {
    if (typeof post !== "object" || post === null) return post;
    const copy = post.copy;
    if (post.realm !== here) return internals.deserializeFromPost(post.snapshot);
    if (!internals.isPostSnapshot(copy)) return entry === post.owner ? copy : internals.structuredClone(copy);
    // A snapshot with placeholders (Blobs) is rebuilt afresh each time; one without is a copy with
    // DOMExceptions of this realm.
    if (copy.slots !== null) return internals.deserializeFromPost(copy);
    return entry === post.owner ? copy.value : internals.structuredClone(copy.value);
  }

  // ---- deliveries from other agents ---------------------------------------------------------------------

  // Called by the host with posts from other agents to channels of this realm: `text` holds the posts' texts
  // one after the other; per post, `rest` has its text's length, how many channels it goes to (-1: the same as
  // the post before) and their handles, in creation order. After them come the ArrayBuffers of a call's one
  // post, which every destination but the last gets a copy of. A message that decodes to a primitive is
  // decoded once per post; anything else afresh for each destination.
  internals.broadcastDeliver = function broadcastDeliver(text, postCount, ...rest) {
    const decode = loadWire().decode;
    let at = 0, offset = 0, handlesAt = 0, handleCount = 0;
    let delivered = false;
    for (let p = 0; p < postCount; p++) {
      const length = rest[at++];
      const count = rest[at++];
      if (count >= 0) {
        handlesAt = at;
        handleCount = count;
        at += count;
      }
      const postText = postCount === 1 ? text : ReflectApply(StringSlice, text, [offset, offset + length]);
      offset += length;
      let shared = noValue;
      for (let i = 0; i < handleCount; i++) {
        if (delivered) {
          checkpoint();
          delivered = false;
        }
        const entry = entries.get(rest[handlesAt + i]);
        if (entry === undefined || entry.closed) continue;
        const channel = entry.listening;
        if (channel === null) continue;
        delivered = true;
        let data = shared;
        if (data === noValue) {
          let buffers = emptyList;
          const bufferCount = postCount === 1 ? rest.length - at : 0;
          if (bufferCount !== 0) {
            buffers = newList();
            for (let b = 0; b < bufferCount; b++) {
              const buffer = rest[at + b];
              buffers[b] = i === handleCount - 1 ? buffer : ReflectApply(ABSlice, buffer, []);
            }
          }
          try {
            data = decode(postText, buffers, emptyPorts);
          } catch {
            dispatchTrusted(channel, makeMessageEvent(null, emptyPorts, "messageerror"));
            continue;
          }
          if (typeof data !== "object" || data === null) shared = data;
        }
        dispatchTrusted(channel, makeMessageEvent(data, emptyPorts));
      }
    }
  };

  // The host closes this realm: its channels leave the agent's lists (its queued deliveries are dropped
  // by queueTask; the host drops their subscriptions).
  const closeRealm = internals.closeRealm;
  internals.closeRealm = function () {
    const mine = newList();
    let n = 0;
    entries.forEach((entry) => { mine[n++] = entry; });
    for (let i = 0; i < n; i++) leave(mine[i].name, mine[i]);
    if (closeRealm !== undefined) return closeRealm();
  };

  defineEventHandler(BroadcastChannel.prototype, "message", { brand: isBroadcastChannel, interfaceName: "BroadcastChannel" });
  defineEventHandler(BroadcastChannel.prototype, "messageerror", { brand: isBroadcastChannel, interfaceName: "BroadcastChannel" });
  finishInterface(BroadcastChannel, "BroadcastChannel");
  installGlobal("BroadcastChannel", BroadcastChannel);
})
