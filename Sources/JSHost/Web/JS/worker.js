// Dedicated workers, the outside view (HTML "Web workers": the Worker interface). A worker runs in an agent of
// its own (a thread with its own engine); its Worker object and its global talk through a pipe between the two
// agents (Web/AgentPipe.swift). Messages cross as thread-neutral data (clone-wire.js). worker-global.js is the
// inside view, in the worker's own realm.
//
// Published on `internals`:
//   postToPipe(endpoint, message, transfer, prefix)   serialize and send (DataCloneError with no side effect)
//   bindPipeEndpoint(endpoint, target)                deliveries for `endpoint` are dispatched at `target`
//   pipeMessage / pipeError / pipeLoadFailed / pipeClosed   called by the host, one task per item
//   encodePrimitiveForAgent(message) / decodePrimitiveFromAgent(text), notPrimitive   a string or ordinary
//                                                     number alone, in clone-wire.js's format (in every realm)
(function (ops, internals, global) {
  "use strict";

  // A message that is one string or one ordinary number (the commonest kind, e.g. a worker's "ready") is
  // written and read here, in clone-wire.js's format, without loading the clone modules: they take ~2 ms to
  // load in a new worker, a fifth of its time to first message. clone-wire.js uses these too (published before
  // the check below, so that every realm has them). Tags as in clone-wire.js.
  const T_NUMBER = 4, T_STRING = 6;
  const { JSONStringify, JSONParse, ObjectSetPrototypeOf } = internals.capturedBuiltins;
  // (No prototype: JSON.stringify looks up `toJSON` on what it writes, and user code may put one on Array.prototype.)
  const primitiveTokens = ObjectSetPrototypeOf([0, 0], null);
  // The text for `message`, or undefined when it is not a string or an ordinary number.
  function encodePrimitive(message) {
    if (typeof message === "string") {
      primitiveTokens[0] = T_STRING;
    } else if (typeof message === "number" && message === message && message !== Infinity && message !== -Infinity
               && (message !== 0 || 1 / message > 0)) {
      primitiveTokens[0] = T_NUMBER;
    } else {
      return undefined;
    }
    primitiveTokens[1] = message;
    const text = JSONStringify(primitiveTokens);
    primitiveTokens[1] = 0;
    return text;
  }
  // The message a text stands for when it is one such string or number, else `notPrimitive` (which no
  // message can be). Only a text that starts as one of them is parsed here.
  const notPrimitive = Object.freeze({ __proto__: null });
  function decodePrimitive(text) {
    if (text.length < 4 || text[0] !== "[" || (text[1] !== "4" && text[1] !== "6") || text[2] !== ",") return notPrimitive;
    const tokens = JSONParse(text);
    if (tokens.length !== 2) return notPrimitive;
    const tag = tokens[0], item = tokens[1];
    return (tag === T_NUMBER && typeof item === "number") || (tag === T_STRING && typeof item === "string") ? item : notPrimitive;
  }
  internals.encodePrimitiveForAgent = encodePrimitive;
  internals.decodePrimitiveFromAgent = decodePrimitive;
  internals.notPrimitive = notPrimitive;

  if (typeof ops.workerStart !== "function") return;

  const {
    failedToExecute, failedToConstruct, notEnoughArguments, illegalInvocation, checkDictionary, finishInterface,
    installGlobal,
  } = internals.idl;
  const EventTarget = internals.EventTarget;
  const Event = internals.Event;
  const ErrorEvent = internals.ErrorEvent;
  const dispatchTrusted = internals.dispatchTrusted;
  const defineEventHandler = internals.defineEventHandler;
  const makeMessageEvent = internals.makeMessageEvent;
  const emptyPorts = internals.emptyPorts;
  const makeDOMException = internals.makeDOMException;
  const { apply: ReflectApply, defineProperty: ReflectDefineProperty } = Reflect;
  const ObjectFreeze = Object.freeze;
  const ObjectGetPrototypeOf = Object.getPrototypeOf;
  const MapCtor = Map;
  const { get: MapGet, set: MapSet, delete: MapDelete } = Map.prototype;
  const decodeURIComponentFunction = decodeURIComponent;
  const requireModule = internals.requireModule;
  const { slice: StringSlice, indexOf: StringIndexOf, toLowerCase: StringToLowerCase, endsWith: StringEndsWith } = String.prototype;

  // endpoint number → where its deliveries go: a Worker, the worker's own global, or (for a MessagePort whose
  // peer is in another agent) a null-prototype marker `{ side }` — told apart by the prototype, which script
  // cannot change on a marker.
  const endpoints = new MapCtor();
  const bindSide = (endpoint, side) => ReflectApply(MapSet, endpoints, [endpoint, { __proto__: null, side }]);
  const isSideMarker = (target) => ObjectGetPrototypeOf(target) === null;
  // Working lists without a prototype: storing into them never reaches a setter user code put on
  // Array.prototype or Object.prototype for an index.
  const newList = () => ObjectSetPrototypeOf([], null);

  let wireLoaded = false;
  function wire() {
    if (!wireLoaded) {
      internals.structuredClone; // clone.js first: clone-wire.js builds on its snapshot and intrinsics
      ops.loadModule("clone-wire.js");
      wireLoaded = true;
    }
  }

  // Serializes `message` for the pipe behind `endpoint` (DataCloneError with no side effect), then hands over
  // the MessagePorts of the transfer list: each becomes one side of a pipe between this agent and the receiver.
  function postToPipe(endpoint, message, transfer, prefix) {
    if (transfer.length === 0) {
      const text = encodePrimitive(message);
      if (text !== undefined) {
        ops.pipePost(endpoint, text, null);
        return;
      }
    }
    wire();
    const encoded = internals.encodeForAgent(message, transfer);
    // (null for no ports: the host then reads no list.)
    let handoffs = null;
    if (encoded.ports.length !== 0) {
      handoffs = newList();
      for (let i = 0; i < encoded.ports.length; i++) handoffs[i] = handOver(encoded.ports[i]);
    }
    if (encoded.buffers.length === 0) {
      ops.pipePost(endpoint, encoded.text, handoffs);
    } else {
      ReflectApply(ops.pipePost, undefined, opArguments([endpoint, encoded.text, handoffs], encoded.buffers));
    }
  }

  // `head` then `buffers`, as the argument list of an op. A null-prototype array-like built by index: a spread
  // would go through a patchable array iterator, and storing past an array's end reaches any setter user code
  // defined for that index on Array.prototype.
  function opArguments(head, buffers) {
    const args = { __proto__: null, length: head.length + buffers.length };
    for (let i = 0; i < head.length; i++) args[i] = head[i];
    for (let i = 0; i < buffers.length; i++) args[head.length + i] = buffers[i];
    return args;
  }

  // One MessagePort leaving this agent; returns the handoff id the message carries.
  function handOver(port) {
    const side = internals.portSideForTransfer(port);
    // Messages already queued for it travel too, ahead of anything that comes later.
    const pending = internals.takePendingEntries(side);
    const texts = newList();
    for (let i = 0; i < pending.length; i++) {
      const entry = pending[i];
      // A parcel still holds another realm's snapshot: rebuild it here first. (Ports inside queued
      // messages are not carried along yet.)
      const value = internals.isParcelEntry(entry)
        ? (entry.ready === true ? entry.data : internals.deserializeFromPost(entry.snapshot, emptyPorts))
        : entry;
      texts[i] = internals.encodeForAgent(value, emptyPorts).text;
    }
    if (side.remote !== 0) {
      // Its peer is in another agent already: the pipe side itself moves on.
      const endpointHere = side.remote;
      side.remote = 0;
      ReflectApply(MapDelete, endpoints, [endpointHere]);
      const args = newList();
      args[0] = endpointHere;
      for (let i = 0; i < texts.length; i++) args[i + 1] = texts[i];
      return ReflectApply(ops.pipeHandOver, undefined, args);
    }
    // Its peer is here (or gone): a new pipe; the peer keeps side 0, the message carries side 1.
    const created = ops.pipeCreate();
    const endpointHere = created[0];
    for (let i = 0; i < texts.length; i++) ops.pipePost(endpointHere, texts[i], null);
    const peer = side.peer;
    if (peer !== null) {
      // The peer may live in another realm of this agent: it takes the endpoint over, so that it hears the
      // pipe's messages and its close even after this realm has gone.
      peer.realm.adoptPipe(peer, endpointHere);
    } else {
      ops.pipeClose(endpointHere);
    }
    side.peer = null;
    return created[1];
  }

  // The text of a script URL that is not a file (data:, blob:), or undefined for a file: URL (the host reads
  // those), or null when it cannot be had.
  function scriptSource(href) {
    const scheme = ReflectApply(StringSlice, href, [0, 5]);
    if (scheme === "data:") return dataURLSource(href);
    if (scheme === "blob:") return blobURLSource(href);
    return undefined;
  }

  internals.scriptSource = scriptSource;
  internals.loadWire = wire;
  internals.opArguments = opArguments;
  internals.postToPipe = postToPipe;
  internals.bindPipeEndpoint = (endpoint, target) => ReflectApply(MapSet, endpoints, [endpoint, target]);
  internals.bindPipeSide = bindSide;

  // (`portEndpoints` is null when the message carries no port.)
  internals.pipeMessage = function pipeMessage(endpoint, text, portEndpoints, ...buffers) {
    const portCount = portEndpoints === null ? 0 : portEndpoints.length;
    const target = ReflectApply(MapGet, endpoints, [endpoint]);
    if (target === undefined) {
      // Nobody here to receive it: the ports it carried are lost, and their peers hear `close`.
      for (let i = 0; i < portCount; i++) ops.pipeClose(portEndpoints[i]);
      return;
    }
    // Transferred ports become MessagePorts of this realm, each behind its own endpoint.
    let ports = emptyPorts;
    if (portCount !== 0) {
      // (An Array, as MessageEvent.ports is; filled by definition, so no index setter user code put on
      // Array.prototype runs.)
      const made = [];
      for (let i = 0; i < portCount; i++) {
        ReflectDefineProperty(made, i, { __proto__: null, value: internals.bindNewRemotePort(portEndpoints[i]), writable: true, enumerable: true, configurable: true });
      }
      ports = ObjectFreeze(made);
    }
    let data;
    try {
      data = buffers.length === 0 && ports === emptyPorts ? decodePrimitive(text) : notPrimitive;
      if (data === notPrimitive) {
        wire();
        data = internals.decodeFromAgent(text, buffers, ports);
      }
    } catch {
      if (isSideMarker(target)) internals.remoteReceiveError(target.side);
      else dispatchTrusted(target, makeMessageEvent(null, emptyPorts, "messageerror"));
      return;
    }
    if (isSideMarker(target)) internals.remoteReceive(target.side, data, ports);
    else dispatchTrusted(target, makeMessageEvent(data, ports));
  };

  // HTML "runtime script errors" in a worker, step for the Worker object: an ErrorEvent (not cancelled by the
  // worker's own global) fired at the Worker; if it is not cancelled here either, it is reported as if it had
  // happened in this global.
  internals.pipeError = function pipeError(endpoint, message, filename, lineno, colno) {
    const target = ReflectApply(MapGet, endpoints, [endpoint]);
    if (target === undefined) return;
    const init = { __proto__: null, cancelable: true, message, filename, lineno, colno, error: null };
    if (!dispatchTrusted(target, new ErrorEvent("error", init))) return;
    if (!dispatchTrusted(global, new ErrorEvent("error", init))) return;
    ops.uncaught(`${message}\n    at ${filename}:${lineno}:${colno}\n`);
  };

  // The script could not be fetched or parsed: a plain `error` event at the Worker.
  internals.pipeLoadFailed = function pipeLoadFailed(endpoint) {
    const target = ReflectApply(MapGet, endpoints, [endpoint]);
    if (target !== undefined) dispatchTrusted(target, new Event("error"));
  };

  // A MessagePort of this realm behind `endpoint` (the host's Realm.connect across agents).
  internals.bindNewRemotePort = function bindNewRemotePort(endpoint) {
    const port = internals.makeRemotePort(endpoint);
    bindSide(endpoint, internals.sideOfPort(port));
    return port;
  };

  internals.pipeClosed = function pipeClosed(endpoint) {
    const target = ReflectApply(MapGet, endpoints, [endpoint]);
    ReflectApply(MapDelete, endpoints, [endpoint]);
    if (target !== undefined && isSideMarker(target) && target.side.remote === endpoint) {
      internals.remotePeerClosed(target.side);
    }
  };

  // The script of a `data:` URL (fetched here: there is no file to read), per the data: URL processor, as
  // UTF-8 text. Null when it cannot be decoded.
  function dataURLSource(url) {
    const comma = ReflectApply(StringIndexOf, url, [","]);
    if (comma < 0) return null;
    const header = ReflectApply(StringToLowerCase, ReflectApply(StringSlice, url, [5, comma]), []);
    const body = ReflectApply(StringSlice, url, [comma + 1]);
    try {
      if (!ReflectApply(StringEndsWith, header, [";base64"])) return decodeURIComponentFunction(body);
      requireModule("base64.js");
      requireModule("encoding.js");
      const bytes = internals.base64Decode(decodeURIComponentFunction(body));
      return bytes === null ? null : internals.utf8Decode(bytes);
    } catch {
      return null;
    }
  }

  // The script a `blob:` URL of this realm names, or null.
  function blobURLSource(url) {
    const blob = internals.resolveBlobURL(url);
    if (blob === undefined) return null;
    requireModule("encoding.js");
    return internals.utf8Decode(internals.blobBytes(blob));
  }

  // The constructor steps `Worker` and `SharedWorker` share: WorkerOptions (for SharedWorker, a string is the
  // name), classic scripts only, and the script URL parsed "relative to the relevant settings object" (this
  // realm's URL). Returns { href, name }.
  const toDOMString = internals.idl.toDOMString;
  function workerConstruction(prefix, scriptURL, options, stringIsName) {
    const url = toDOMString(scriptURL, prefix);
    let name = "";
    let type = "classic";
    if (stringIsName && options !== undefined && options !== null && typeof options !== "object" && typeof options !== "function") {
      name = toDOMString(options, prefix);
    } else if (checkDictionary(options, prefix, "WorkerOptions")) {
      if (options.name !== undefined) name = toDOMString(options.name, prefix);
      if (options.type !== undefined) type = toDOMString(options.type, prefix);
    }
    if (type !== "classic" && type !== "module") {
      throw new TypeError(`${prefix}Failed to read the 'type' property from 'WorkerOptions': The provided value '${type}' is not a valid enum value of type WorkerType.`);
    }
    if (type === "module") {
      throw makeDOMException(`${prefix}Module workers are not supported yet.`, "NotSupportedError");
    }
    requireModule("url.js");
    const record = internals.parseURLRecord(url, ops.scriptURL);
    if (record === null) throw makeDOMException(`${prefix}The script URL '${url}' is invalid.`, "SyntaxError");
    return { __proto__: null, href: internals.serializeURLRecord(record), name };
  }
  internals.workerConstruction = workerConstruction;

  let isWorker;
  const postMessagePrefix = failedToExecute("postMessage", "Worker");

  class Worker extends EventTarget {
    #endpoint;

    constructor(scriptURL, options = undefined) {
      const prefix = failedToConstruct("Worker");
      if (arguments.length < 1) throw notEnoughArguments(prefix, 1, 0);
      super();
      const { href, name } = workerConstruction(prefix, scriptURL, options, false);
      const source = scriptSource(href);
      this.#endpoint = ops.workerStart(href, source === undefined ? undefined : source === null ? "" : source, name);
      ReflectApply(MapSet, endpoints, [this.#endpoint, this]);
      if (source === null) {
        // An unreadable data: URL fails like a fetch: `error` at the Worker, later.
        ops.workerTerminate(this.#endpoint);
        const endpoint = this.#endpoint;
        internals.queueTask(() => internals.pipeLoadFailed(endpoint));
      }
    }

    postMessage(message, transferOrOptions = undefined) {
      if (!isWorker(this)) throw illegalInvocation("postMessage", "Worker");
      const prefix = postMessagePrefix;
      if (arguments.length < 1) throw notEnoughArguments(prefix, 1, 0);
      const transfer = internals.toTransferList(transferOrOptions, prefix);
      postToPipe(this.#endpoint, message, transfer, prefix);
    }

    terminate() {
      if (!isWorker(this)) throw illegalInvocation("terminate", "Worker");
      ops.workerTerminate(this.#endpoint);
    }

    static {
      isWorker = (value) => value !== null && typeof value === "object" && #endpoint in value;
    }
  }

  defineEventHandler(Worker.prototype, "message", { brand: isWorker, interfaceName: "Worker" });
  defineEventHandler(Worker.prototype, "messageerror", { brand: isWorker, interfaceName: "Worker" });
  defineEventHandler(Worker.prototype, "error", { brand: isWorker, interfaceName: "Worker" });
  finishInterface(Worker, "Worker");
  installGlobal("Worker", Worker);

  // A Worker is a platform object that is not serializable: name it in the DataCloneError.
  const platformObjectKind = internals.platformObjectKind;
  internals.platformObjectKind = (value) => (isWorker(value) ? "Worker" : platformObjectKind?.(value));
})
