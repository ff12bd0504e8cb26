// Window messaging (HTML §9.3.3 "Posting messages": window.postMessage) and the window's own browsing-context
// attributes (window, self's siblings parent, top, frames, length, closed), for a window-like realm.
//
// Every window realm of an agent registers itself in an agent-wide registry (kept on the agent's shared task
// queue object, the one JS object all its realms share): realm id → record, global → record. A post runs in
// three realms' code: the target window's postMessage (argument conversion, targetOrigin), the incumbent realm's
// prepare() (the structured serialization of its own objects, the transfer of its own ports), and a task of
// the target realm that checks the origin, deserializes there and fires the MessageEvent.
//
// The incumbent: the JSC C API cannot tell a function which realm called it, so jshost uses the realm whose task
// is running, kept in an agent-wide cell (HostCells.entryRealm): the realm of the running script, timer or host
// task, and, while an event listener runs, the realm whose event target it is. Origins: a realm whose URL has a
// tuple origin (http:, https:, ...) has that origin; every other realm of the host (file:, data:, blob: of
// those, about:blank, no URL) shares ONE opaque origin, serialized "null". So "/" works between file: realms,
// while a URL target origin with an opaque origin ("file:///x") matches nothing, as in browsers.
(function (ops, internals, global) {
  "use strict";

  if (ops.globalName !== "Window") return;

  const {
    failedToExecute, notEnoughArguments, illegalInvocation, toDOMString,
  } = internals.idl;
  const dispatchTrusted = internals.dispatchTrusted;
  const defineEventHandler = internals.defineEventHandler;
  const makeWindowMessageEvent = internals.makeWindowMessageEvent;
  const emptyPorts = internals.emptyPorts;
  const queueTask = internals.queueTask;
  const ReflectApply = Reflect.apply;
  const { defineProperty: ObjectDefineProperty, freeze: ObjectFreeze, getPrototypeOf: ObjectGetPrototypeOf,
    create: ObjectCreate, getOwnPropertyDescriptors: ObjectGetOwnPropertyDescriptors } = Object;
  const WeakMapCtor = WeakMap;
  const ArrayCtor = Array, ArrayOf = Array.of;
  const { get: WeakMapGet, set: WeakMapSet } = WeakMap.prototype;
  const StringPrototypeStartsWith = String.prototype.startsWith;
  const StringPrototypeToWellFormed = String.prototype.toWellFormed;
  const SymbolIterator = Symbol.iterator;
  const TypeErrorCtor = TypeError;

  const cells = ops.hostCells;
  const ENTRY_REALM = 3; // HostCells.entryRealm
  const realmID = ops.realmID;
  const postMessagePrefix = failedToExecute("postMessage", "Window");

  // ---- the agent-wide registry ----
  const queue = internals.hostTaskQueue;
  let registry = queue.windowRealms;
  if (registry === undefined) {
    registry = { __proto__: null, byID: { __proto__: null }, byGlobal: new WeakMapCtor() };
    ObjectDefineProperty(queue, "windowRealms", { __proto__: null, value: registry });
  }

  // This realm's origin, serialized ("null" for the host's opaque origin), made on first use.
  // An about:blank frame has its opener's origin (HTML: it inherits its creator's).
  let origin = null;
  function originOf() {
    if (origin === null) {
      const url = ops.scriptURL;
      const opener = url === "about:blank" && ops.parentWindow !== undefined
        ? ReflectApply(WeakMapGet, registry.byGlobal, [ops.parentWindow]) : undefined;
      if (opener !== undefined) {
        origin = opener.origin();
      } else if (url === undefined || ReflectApply(StringPrototypeStartsWith, url, ["file:"]) ||
          ReflectApply(StringPrototypeStartsWith, url, ["about:"])) {
        origin = "null";
      } else {
        internals.requireModule("url.js");
        const record = internals.parseURLRecord(url);
        origin = record === null ? "null" : internals.urlRecordOrigin(record);
      }
    }
    return origin;
  }

  // list.map(fn) as a null-prototype array-like: a store into a fresh array's index would run a setter that
  // user code put on Array.prototype.
  function mapList(list, fn) {
    const out = { __proto__: null, length: list.length };
    for (let i = 0; i < list.length; i++) out[i] = fn(list[i]);
    return out;
  }
  // An Array of an array-like's elements (CreateDataProperty: no setter runs).
  function toArray(arrayLike) {
    return ReflectApply(ArrayOf, ArrayCtor, arrayLike);
  }

  // The incumbent side of a post, run with THIS realm's clone and ports: the message as a parcel another realm of
  // the agent can rebuild (a same-realm copy needs no rebuilding). Throws DataCloneError with no side effect.
  function prepare(message, transfer, forThisRealm) {
    const type = typeof message;
    if (transfer.length === 0) {
      if ((type !== "object" && type !== "function" && type !== "symbol") || message === null) {
        return { __proto__: null, value: message, snapshot: null, sides: emptyPorts };
      }
      const copy = internals.copyForPost(message);
      if (internals.isPostSnapshot(copy)) return { __proto__: null, value: undefined, snapshot: copy, sides: emptyPorts };
      if (forThisRealm) return { __proto__: null, value: copy, snapshot: null, sides: emptyPorts };
      return { __proto__: null, value: undefined, snapshot: internals.snapshotOf(copy), sides: emptyPorts };
    }
    const snapshot = internals.serializeForPost(message, transfer);
    const sides = snapshot.ports.length === 0 ? emptyPorts : mapList(snapshot.ports, internals.detachMessagePort);
    return { __proto__: null, value: undefined, snapshot, sides };
  }

  const record = {
    __proto__: null,
    id: realmID,
    global,
    closed: false,
    origin: originOf,
    prepare,
    isDOMException: (value) => internals.isDOMException?.(value) === true,
    isMessagePort: (value) => internals.isMessagePort(value),
  };
  registry.byID[realmID] = record;
  ReflectApply(WeakMapSet, registry.byGlobal, [global, record]);

  // The realm whose code serializes a message: the realm of the first MessagePort in the transfer list (each
  // realm's ports answer only to its own classes), else the incumbent. Ports of two realms in one list are a
  // DataCloneError (a limitation: browsers accept them).
  function serializingRealm(from, list) {
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      if (from.isMessagePort(item)) return from;
      const all = registry.byID;
      for (const key in all) {
        const other = all[key];
        if (!other.closed && other.isMessagePort(item)) return other;
      }
    }
    return from;
  }

  function incumbent() {
    const id = cells[ENTRY_REALM];
    if (id === realmID) return record; // posting to one's own window
    const entry = registry.byID[id | 0];
    return entry !== undefined && !entry.closed ? entry : record;
  }

  // The host closes this realm: its window takes no more messages (posting to it is a silent no-op).
  const closeRealm = internals.closeRealm;
  internals.closeRealm = () => {
    record.closed = true;
    delete registry.byID[realmID];
    closeRealm();
  };

  internals.isWindowProxy = (value) =>
    value !== null && typeof value === "object" && ReflectApply(WeakMapGet, registry.byGlobal, [value]) !== undefined;
  internals.windowRecord = record;

  // ---- postMessage ----

  function toUSVString(value) {
    const s = toDOMString(value, postMessagePrefix);
    return s === "*" || s === "/" ? s : ReflectApply(StringPrototypeToWellFormed, s, []);
  }

  // sequence<object>
  function toObjectSequence(value, what) {
    const method = value === null || (typeof value !== "object" && typeof value !== "function") ? undefined : value[SymbolIterator];
    if (typeof method !== "function") throw new TypeErrorCtor(`${postMessagePrefix}${what} cannot be converted to a sequence.`);
    const list = internals.idl.objectSequence(value, method, postMessagePrefix, "");
    return list.length === 0 ? emptyPorts : list;
  }

  // The task of the target realm (HTML "window post message steps", step 8).
  function deliver(message) {
    if (record.closed) return;
    const parcel = message.parcel;
    // 8.1. A target origin that is not "*" must be the window's origin; otherwise the message is dropped.
    if (message.targetOrigin !== "*" && message.targetOrigin !== originOf()) {
      for (let i = 0; i < parcel.sides.length; i++) internals.discardSide(parcel.sides[i]);
      return;
    }
    let ports = emptyPorts;
    let data;
    try {
      if (parcel.sides.length !== 0) ports = ObjectFreeze(toArray(mapList(parcel.sides, internals.adoptMessagePortSide)));
      data = parcel.snapshot === null ? parcel.value : internals.deserializeFromPost(parcel.snapshot, ports);
    } catch {
      dispatchTrusted(global, makeWindowMessageEvent("messageerror", null, message.origin, message.source, emptyPorts));
      return;
    }
    dispatchTrusted(global, makeWindowMessageEvent("message", data, message.origin, message.source, ports));
  }

  // postMessage(message, targetOrigin, transfer) or postMessage(message, { targetOrigin, transfer }).
  function postMessage(message, targetOriginOrOptions = undefined, transfer = undefined) {
    if (this !== undefined && this !== null && this !== global) throw illegalInvocation("postMessage", "Window");
    const count = arguments.length;
    if (count < 1) throw notEnoughArguments(postMessagePrefix, 1, 0);
    // WebIDL overload resolution: three arguments, or a second one that is not undefined, null or an object,
    // select the targetOrigin form.
    let targetOrigin = "/";
    let list = emptyPorts;
    const t = typeof targetOriginOrOptions;
    if (count >= 3 || (targetOriginOrOptions !== undefined && targetOriginOrOptions !== null && t !== "object" && t !== "function")) {
      targetOrigin = toUSVString(targetOriginOrOptions);
      if (transfer !== undefined) list = toObjectSequence(transfer, "The provided value");
    } else if (targetOriginOrOptions !== undefined && targetOriginOrOptions !== null) {
      // WindowPostMessageOptions: the inherited member (transfer) first, then targetOrigin.
      const given = targetOriginOrOptions.transfer;
      if (given !== undefined) {
        list = toObjectSequence(given, "Failed to read the 'transfer' property from 'WindowPostMessageOptions': The provided value");
      }
      const origin = targetOriginOrOptions.targetOrigin;
      if (origin !== undefined) targetOrigin = toUSVString(origin);
    }
    // A window whose frame was closed takes nothing.
    if (record.closed) return;
    const from = incumbent();
    // 4, 5. "/" is the incumbent's origin; "*" any; anything else must parse as a URL, whose origin it means.
    let expected;
    if (targetOrigin === "/") {
      expected = from.origin();
    } else if (targetOrigin === "*") {
      expected = "*";
    } else {
      internals.requireModule("url.js");
      const parsed = internals.parseURLRecord(targetOrigin);
      if (parsed === null) {
        throw internals.makeDOMException(`${postMessagePrefix}Invalid target origin '${targetOrigin}' in a call to 'postMessage'.`, "SyntaxError");
      }
      const serialized = internals.urlRecordOrigin(parsed);
      // An opaque origin made from a URL is a new one: the same as no window's.
      expected = serialized === "null" ? null : serialized;
    }
    // 7. Serialize with transfer, in the realm of the ports transferred (else the incumbent's). Its
    // DOMException becomes ours: the error of a method is of the method's realm.
    const serializer = list.length === 0 ? from : serializingRealm(from, list);
    let parcel;
    try {
      parcel = serializer.prepare(message, list, serializer === record);
    } catch (error) {
      if (serializer !== record && serializer.isDOMException(error)) throw internals.makeDOMException(error.message, error.name);
      throw error;
    }
    // 8. A task on the target window's posted message task source.
    queueTask(deliver, { __proto__: null, parcel, targetOrigin: expected, origin: from.origin(), source: from.global });
  }

  function defineGlobalValue(name, value, enumerable) {
    ObjectDefineProperty(global, name, { __proto__: null, value, writable: true, enumerable, configurable: true });
  }
  defineGlobalValue("postMessage", postMessage, true);
  defineEventHandler(global, "message");
  defineEventHandler(global, "messageerror");

  // ---- window, parent, top, frames, length, closed ----

  const parentWindow = ops.parentWindow !== undefined ? ops.parentWindow : global;
  const topWindow = ops.topWindow !== undefined ? ops.topWindow : global;
  internals.frameCount = () => 0; // frames.js keeps the count once this window opened a frame

  // [LegacyUnforgeable] readonly attributes: window, top.
  const unforgeable = {
    get window() { return global; },
    get top() { return record.closed ? null : topWindow; },
  };
  // [Replaceable] readonly attributes (a set makes a data property of the value given): parent, frames, length.
  const replaceable = {
    get parent() { return record.closed ? null : parentWindow; },
    set parent(value) { defineGlobalValue("parent", value, true); },
    get frames() { return global; },
    set frames(value) { defineGlobalValue("frames", value, true); },
    get length() { return internals.frameCount(); },
    set length(value) { defineGlobalValue("length", value, true); },
    // (HTML: readonly, not [Replaceable]. jshost lets a set replace it, so that scripts that keep a global
    // variable named `closed` go on working.)
    get closed() { return record.closed; },
    set closed(value) { defineGlobalValue("closed", value, true); },
  };
  const descriptors = ObjectGetOwnPropertyDescriptors(unforgeable);
  ObjectDefineProperty(global, "window", { __proto__: null, get: descriptors.window.get, enumerable: true, configurable: false });
  ObjectDefineProperty(global, "top", { __proto__: null, get: descriptors.top.get, enumerable: true, configurable: false });
  const attributes = ObjectGetOwnPropertyDescriptors(replaceable);
  const names = ["parent", "frames", "length", "closed"];
  for (let i = 0; i < names.length; i++) {
    const d = attributes[names[i]];
    ObjectDefineProperty(global, names[i], { __proto__: null, get: d.get, set: d.set, enumerable: true, configurable: true });
  }

  // ---- jshost.openFrame (frames.js, loaded on first use) ----

  let framesLoaded = false;
  const host = global.jshost;
  if (host !== undefined) {
    const extended = ObjectCreate(ObjectGetPrototypeOf(host), ObjectGetOwnPropertyDescriptors(host));
    ObjectDefineProperty(extended, "openFrame", {
      __proto__: null,
      value: function openFrame(url = undefined) {
        if (!framesLoaded) {
          ops.loadModule("frames.js");
          framesLoaded = true;
        }
        return ReflectApply(internals.openFrame, undefined, arguments);
      },
      writable: false, enumerable: true, configurable: false,
    });
    defineGlobalValue("jshost", ObjectFreeze(extended), false);
  }
})
