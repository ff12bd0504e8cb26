// Modeled on wpt dom/events/Event-isTrusted.any.js

test(() => {
  const d1 = Object.getOwnPropertyDescriptor(new Event("x"), "isTrusted");
  assert_not_equals(d1, undefined);
  assert_equals(typeof d1.get, "function");
  const d2 = Object.getOwnPropertyDescriptor(new Event("x"), "isTrusted");
  assert_not_equals(d2, undefined);
  assert_equals(typeof d2.get, "function");
  assert_equals(d1.get, d2.get);
}, "Event-isTrusted");

test(() => {
  const ev = new CustomEvent("x");
  const d = Object.getOwnPropertyDescriptor(ev, "isTrusted");
  assert_equals(d.get, Object.getOwnPropertyDescriptor(new Event("y"), "isTrusted").get, "shared by subclasses");
  assert_equals(d.set, undefined);
  assert_true(d.enumerable);
  assert_false(d.configurable);
  assert_false("isTrusted" in Event.prototype, "not on the prototype");
  assert_throws_js(TypeError, () => d.get.call({}), "brand check");
  assert_throws_js(TypeError, () => Object.defineProperty(ev, "isTrusted", { value: true }));
  assert_false(ev.isTrusted);
  const target = new EventTarget();
  let seen;
  target.addEventListener("x", (e) => { seen = e.isTrusted; });
  target.dispatchEvent(ev);
  assert_false(seen, "script-dispatched events are untrusted");
}, "isTrusted is an unforgeable own accessor, false for script events");

test(() => {
  const c = new AbortController();
  let seen;
  c.signal.addEventListener("abort", (e) => { seen = e.isTrusted; });
  c.abort();
  assert_true(seen, "events fired by the platform are trusted");
}, "isTrusted is true for events the host fires");
