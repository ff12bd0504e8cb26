// META: global=window
// META: script=resources/messaging-helpers.js
// Frames (jshost extension, the iframe case): jshost.openFrame(url) opens another window-like realm of this
// thread and runs the script at `url` in it; frame.contentWindow is the frame's window, to post to; in the frame,
// `parent` and `top` are the opener's window. Each realm has its own globals and prototypes.
"use strict";

// Opens a frame and resolves with it once it loaded.
function open_frame(t, url) {
  const frame = jshost.openFrame(url);
  t.add_cleanup(() => frame.remove());
  return new Promise((resolve, reject) => {
    frame.onload = () => resolve(frame);
    frame.onerror = () => reject(new Error(`the frame ${url} did not load`));
  });
}

// Resolves with the next message event at this window that `filter` accepts.
function next_window_message(filter = () => true) {
  return new Promise((resolve) => {
    window.addEventListener("message", function listener(e) {
      if (!filter(e)) return;
      window.removeEventListener("message", listener);
      resolve(e);
    });
  });
}

promise_test(async (t) => {
  const frame = jshost.openFrame("resources/frame-echo.js");
  t.add_cleanup(() => frame.remove());
  const win = frame.contentWindow;
  assert_true(frame instanceof EventTarget, "a frame is an EventTarget");
  assert_equals(Object.prototype.toString.call(frame), "[object JSHostFrame]");
  assert_equals(frame.onload, null);
  assert_equals(frame.onerror, null);
  assert_true(frame.src.startsWith("file:///"), "src is absolute: " + frame.src);
  assert_true(frame.src.endsWith("/webmessaging/resources/frame-echo.js"), "src is resolved against this file's URL");
  assert_not_equals(win, null, "contentWindow is there at once");
  assert_not_equals(win, window);
  assert_equals(Object.prototype.toString.call(win), "[object Window]");
  assert_equals(win.window, win);
  assert_equals(win.self, win);
  assert_equals(win.parent, window, "the frame's parent is this window");
  assert_equals(win.top, window, "and so is its top");
  assert_equals(length, 1, "this window has one frame");
  assert_equals(win.length, 0);
  assert_false(win.closed);
  assert_equals(win.ran, undefined, "the script has not run yet");
  assert_equals(win.location.href, frame.src, "the frame's location is its script URL");
  let loadedBeforeScript = null;
  await new Promise((resolve) => {
    frame.addEventListener("load", (e) => {
      loadedBeforeScript = win.ran !== true;
      assert_true(e.isTrusted);
      resolve();
    });
  });
  assert_false(loadedBeforeScript, "load fires after the frame's script ran");
  frame.remove();
  assert_equals(length, 0, "a removed frame no longer counts");
}, "jshost.openFrame(url): a frame object with contentWindow at once, and load after its script ran");

promise_test(async (t) => {
  const frame = await open_frame(t, "resources/frame-echo.js");
  const win = frame.contentWindow;
  assert_not_equals(win.Object, Object, "its own Object");
  assert_not_equals(win.Array.prototype, Array.prototype, "its own prototypes");
  assert_not_equals(win.MessageChannel, MessageChannel, "its own web classes");
  assert_not_equals(win.EventTarget.prototype, EventTarget.prototype);
  const made = win.makeObject();
  assert_false(made instanceof Object, "an object made in the frame is not this realm's");
  assert_true(made instanceof win.Object, "it is the frame's");
  assert_equals(made.made, "in the frame", "and it is passed directly, not copied");
  assert_true(new win.MessageChannel().port1 instanceof win.MessagePort);
  assert_false(new win.MessageChannel().port1 instanceof MessagePort);
}, "a frame has its own globals and prototypes; objects passed directly are the frame's");

promise_test(async (t) => {
  const frame = await open_frame(t, "resources/frame-echo.js");
  const c = new MessageChannel();
  const viaPort = next_message(c.port2);
  const viaWindow = next_window_message((e) => e.source === frame.contentWindow);
  frame.contentWindow.postMessage({ greeting: "hi", list: [1, 2] }, "*", [c.port1]);
  const [p, w] = await Promise.all([viaPort, viaWindow]);
  for (const reply of [p.data, w.data]) {
    assert_equals(reply.echo.greeting, "hi");
    assert_array_equals(reply.echo.list, [1, 2]);
    assert_equals(reply.origin, "null", "the frame saw this window's origin");
    assert_true(reply.sourceIsParent, "the frame saw this window as the source");
    assert_equals(reply.ports, 1, "the frame got the port");
    assert_true(reply.dataIsFrameObject, "the data the frame got was made in its realm");
    assert_true(reply.isTrusted);
  }
  assert_equals(w.source, frame.contentWindow, "the reply's source is the frame's window");
  assert_equals(w.origin, "null");
  assert_true(w.data instanceof Object, "the data this window got was made in this realm");
  assert_true(w.data.echo.list instanceof Array);
  assert_equals(w.target, window);
}, "frame.contentWindow.postMessage(msg, '*', [port]) and parent.postMessage back: source, origin, ports");

promise_test(async (t) => {
  const frame = await open_frame(t, "resources/frame-echo.js");
  const replies = [];
  const gotAll = new Promise((resolve) => {
    window.addEventListener("message", function listener(e) {
      if (e.source !== frame.contentWindow) return;
      replies.push(e.data.echo);
      if (e.data.echo === "last") {
        window.removeEventListener("message", listener);
        resolve();
      }
    });
  });
  frame.contentWindow.postMessage("slash", "/");
  frame.contentWindow.postMessage("options slash", { targetOrigin: "/" });
  frame.contentWindow.postMessage("default");
  frame.contentWindow.postMessage("dropped", "http://example.com");
  frame.contentWindow.postMessage("dropped too", "file:///");
  frame.contentWindow.postMessage("last", "*");
  await gotAll;
  assert_array_equals(replies, ["slash", "options slash", "default", "last"]);
}, "between a window and its frame, '/' matches (one opaque origin for the host's file: realms), a URL origin does not");

promise_test(async (t) => {
  const frame = await open_frame(t, "resources/frame-echo.js");
  const win = frame.contentWindow;
  assert_throws_dom("DataCloneError", win.DOMException, () => win.postMessage(() => {}, "*"),
    "the DataCloneError is the frame's DOMException (the method's realm)");
  assert_throws_dom("SyntaxError", win.DOMException, () => win.postMessage("x", "no url"));
  const c = new MessageChannel();
  assert_throws_dom("DataCloneError", win.DOMException, () => win.postMessage(Symbol(), "*", [c.port1]));
  const got = next_message(c.port2);
  c.port1.postMessage("not transferred");
  assert_equals((await got).data, "not transferred");
  assert_array_equals(win.received, [], "nothing reached the frame");
}, "errors of a post to a frame's window are the frame's, and leave nothing transferred");

promise_test(async (t) => {
  const frame = jshost.openFrame("resources/frame-nested.js");
  t.add_cleanup(() => frame.remove());
  const grandchild = next_window_message((e) => e.data.kind === "grandchild");
  const childLoaded = next_window_message((e) => e.data.kind === "nested child loaded");
  const e = await grandchild;
  const inner = frame.contentWindow.child.contentWindow;
  assert_equals(e.source, inner, "the source is the innermost frame's window");
  assert_true(e.data.topIsNotParent);
  assert_true(e.data.parentsParentIsTop);
  assert_true(e.data.href.endsWith("/webmessaging/resources/frame-top-poster.js"), "resolved against the frame's URL");
  assert_equals(inner.top, window);
  assert_equals(inner.parent, frame.contentWindow);
  const loaded = await childLoaded;
  assert_equals(loaded.data.frames, 1, "the middle frame has one frame");
  assert_equals(loaded.source, frame.contentWindow);
}, "nested frames: top is the outermost window, parent the frame that opened it");

promise_test(async (t) => {
  const frame = jshost.openFrame("resources/no-such-frame-script.js");
  t.add_cleanup(() => frame.remove());
  frame.onload = t.unreached_func("no load event");
  await new Promise((resolve) => frame.addEventListener("error", resolve));
  assert_not_equals(frame.contentWindow, null, "the window stays until the frame is closed");
}, "a frame whose script file does not exist fires error, not load");

promise_test(async (t) => {
  const source = "parent.postMessage({ from: 'data', href: location.href.slice(0, 5), top: top === parent }, '*');";
  const message = next_window_message((e) => e.data.from === "data");
  const frame = await open_frame(t, "data:text/javascript," + encodeURIComponent(source));
  const e = await message;
  assert_equals(e.source, frame.contentWindow);
  assert_equals(e.data.href, "data:");
  assert_true(e.data.top);
  const bad = jshost.openFrame("data:text/javascript;base64,%%%");
  t.add_cleanup(() => bad.remove());
  await new Promise((resolve) => { bad.onerror = resolve; });
}, "a data: URL frame; a data: URL that cannot be decoded fires error");

promise_test(async (t) => {
  const frame = await open_frame(t, undefined);
  assert_equals(frame.src, "about:blank");
  assert_equals(frame.contentWindow.location.href, "about:blank");
  assert_equals(frame.contentWindow.parent, window);
  // Script of this realm can run in the blank frame's global through its own eval.
  assert_equals(frame.contentWindow.eval("typeof parent.postMessage"), "function");
  assert_throws_dom("SyntaxError", () => jshost.openFrame("http://["));
}, "jshost.openFrame() opens an about:blank frame; a URL that does not parse throws SyntaxError");

promise_test(async (t) => {
  const message = next_window_message((e) => e.data !== null && typeof e.data === "object" && "error" in e.data);
  const frame = await open_frame(t, "resources/frame-throws.js");
  const e = await message;
  assert_true(e.data.error.includes("frame failure"), e.data.error);
  assert_true(e.data.filename.endsWith("/resources/frame-throws.js"));
  assert_true(e.data.atFrameGlobal, "the error event fires at the frame's window");
  assert_true(frame.contentWindow.beforeThrow);
}, "an uncaught exception in a frame's script fires error at the frame's window (and the frame still loads)");

promise_test(async (t) => {
  const frame = await open_frame(t, "resources/frame-echo.js");
  const win = frame.contentWindow;
  const made = win.makeObject();
  made.list = new win.Array(1, 2);
  const received = new Promise((resolve) => window.addEventListener("message", resolve, { once: true }));
  window.postMessage(made, "*");
  const e = await received;
  assert_true(e.data instanceof Object, "the frame's object arrives as a copy made in this realm");
  assert_true(e.data.list instanceof Array);
  assert_equals(e.data.made, "in the frame");
  assert_array_equals(e.data.list, [1, 2]);
}, "an object of the frame's realm posted to this window arrives as this realm's copy");

promise_test(async (t) => {
  const source = "setTimeout(() => parent.postMessage('from a timer', '*'), 0);" +
    "onmessage = (e) => { if (e.data === 'ask') parent.postMessage('from a listener', '*'); };" +
    "Promise.resolve().then(() => parent.postMessage('from a microtask of its script', '*'));";
  const received = [];
  const all = new Promise((resolve) => {
    window.addEventListener("message", function listener(e) {
      if (typeof e.data !== "string" || !e.data.startsWith("from a")) return;
      received.push([e.data, e.source]);
      if (received.length === 3) {
        window.removeEventListener("message", listener);
        resolve();
      }
    });
  });
  const frame = await open_frame(t, "data:text/javascript," + encodeURIComponent(source));
  frame.contentWindow.postMessage("ask", "*");
  await all;
  for (const [what, source] of received) assert_equals(source, frame.contentWindow, what);
}, "the sender of a frame's post is the frame, from its script's microtasks, its timers and its listeners");
