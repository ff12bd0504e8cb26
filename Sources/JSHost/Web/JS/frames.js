// Frames: `jshost.openFrame(url)`, a jshost extension that stands in for an iframe. It opens another window-like
// realm of this agent (same thread, same loop, objects shared directly; its own globals and prototypes) and
// runs the script at `url` in it, in a task of its own. The returned JSHostFrame (an EventTarget) has:
//   contentWindow   the frame's global (its window), at once; null once the frame is closed
//   src             the script URL, resolved against this realm's URL
//   load / onload   fired after the frame's script ran (and its microtasks)
//   error / onerror fired instead when the script cannot be had (no such file, a bad data: URL)
//   close(), remove()  closes the frame's realm (and the frames it opened): its timers stop, its queued tasks
//                   are dropped, ports entangled with it are disentangled (their peers get `close`), posting
//                   to its window does nothing, and the realm is freed once nothing references it.
// In the frame, `parent` is this window and `top` is this window's top. Loaded on first use
// (window-messaging.js), after user code: only captured intrinsics here.
(function (ops, internals, global) {
  "use strict";

  const { SymbolCtor, ReflectApply, MapCtor, MapGet, MapSet, MapDelete } = internals.capturedBuiltins;
  const { failedToExecute, illegalInvocation, illegalConstructor, finishInterface, toDOMString } = internals.webIdl;
  const EventTarget = internals.EventTarget;
  const Event = internals.Event;
  const dispatchTrusted = internals.dispatchTrusted;

  let openCount = 0;
  internals.frameCount = () => openCount;

  const token = SymbolCtor("JSHostFrame construction");
  let isFrame;
  let windowOf;
  let closeFrame;

  class JSHostFrame extends EventTarget {
    #id;
    #window;
    #src;

    constructor(key = undefined, id = 0, window = null, src = "") {
      if (key !== token) throw illegalConstructor("JSHostFrame");
      super();
      this.#id = id;
      this.#window = window;
      this.#src = src;
    }

    get contentWindow() {
      if (!isFrame(this)) throw illegalInvocation("contentWindow", "JSHostFrame");
      return this.#window;
    }

    get src() {
      if (!isFrame(this)) throw illegalInvocation("src", "JSHostFrame");
      return this.#src;
    }

    close() {
      if (!isFrame(this)) throw illegalInvocation("close", "JSHostFrame");
      closeFrame(this);
    }

    // What removing an iframe does; the same as close().
    remove() {
      if (!isFrame(this)) throw illegalInvocation("remove", "JSHostFrame");
      closeFrame(this);
    }

    static {
      isFrame = (value) => value !== null && typeof value === "object" && #id in value;
      windowOf = (frame) => frame.#window;
      closeFrame = (frame) => {
        if (frame.#window === null) return;
        frame.#window = null;
        openCount--;
        ReflectApply(MapDelete, loading, [frame.#id]);
        ops.frameClose(frame.#id);
      };
    }
  }

  internals.defineEventHandler(JSHostFrame.prototype, "load", { __proto__: null, brand: isFrame, interfaceName: "JSHostFrame" });
  internals.defineEventHandler(JSHostFrame.prototype, "error", { __proto__: null, brand: isFrame, interfaceName: "JSHostFrame" });
  finishInterface(JSHostFrame, "JSHostFrame");

  // Frames whose script has not run yet, by realm id: the host calls frameLoaded(id, loaded) once it ran
  // (Web/Frames.swift), in the same task, after the script's microtasks.
  const loading = new MapCtor();
  internals.frameLoaded = function frameLoaded(id, loaded) {
    const frame = ReflectApply(MapGet, loading, [id]);
    ReflectApply(MapDelete, loading, [id]);
    if (frame !== undefined && windowOf(frame) !== null) dispatchTrusted(frame, new Event(loaded ? "load" : "error"));
  };

  const prefix = failedToExecute("openFrame", "jshost");

  internals.openFrame = function openFrame(url = undefined) {
    let href = "about:blank";
    let source = "";
    if (url !== undefined) {
      const text = toDOMString(url, prefix);
      // Resolved against this realm's URL, like `new Worker(url)`.
      internals.requireModule("url.js");
      const record = internals.parseURLRecord(text, ops.scriptURL);
      if (record === null) throw internals.makeDOMException(`${prefix}The URL '${text}' is invalid.`, "SyntaxError");
      href = internals.serializeURLRecord(record);
      // data: and blob: URLs are read here; a file: URL by the host (undefined); null when it cannot be had.
      if (href !== "about:blank") source = internals.scriptSource(href);
    }
    const made = ops.frameOpen(href, source);
    const frame = new JSHostFrame(token, made[0], made[1], href);
    openCount++;
    ReflectApply(MapSet, loading, [made[0], frame]);
    return frame;
  };
})
