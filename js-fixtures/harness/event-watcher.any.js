// EventWatcher of the built-in testharness.js. Every subtest here must PASS.

promise_test(async t => {
  const target = new EventTarget();
  const watcher = new EventWatcher(t, target, ["a", "b"]);
  const first = watcher.wait_for("a");
  target.dispatchEvent(new Event("a"));
  const event = await first;
  assert_equals(event.type, "a");
  const both = watcher.wait_for(["b", "a"]);
  target.dispatchEvent(new Event("b"));
  target.dispatchEvent(new Event("a"));
  const last = await both;
  assert_equals(last.type, "a", "resolves with the last event");
}, "wait_for one event, then a sequence");

promise_test(async t => {
  const target = new EventTarget();
  const watcher = new EventWatcher(t, target, "a");
  const all = watcher.wait_for(["a", "a", "a"], { record: "all" });
  for (let i = 0; i < 3; i++) {
    target.dispatchEvent(new Event("a"));
  }
  const events = await all;
  assert_equals(events.length, 3);
  for (const e of events) {
    assert_equals(e.type, "a");
  }
}, "wait_for with record: 'all'");

promise_test(async t => {
  const target = new EventTarget();
  const watcher = new EventWatcher(t, target, ["a"]);
  const pending = watcher.wait_for("a");
  let reason;
  await watcher.wait_for("a").then(() => {}, r => { reason = r; });
  assert_equals(reason, "Already waiting for an event or events");
  target.dispatchEvent(new Event("a"));
  await pending;
}, "wait_for while waiting rejects");

promise_test(async t => {
  const target = new EventTarget();
  const watcher = new EventWatcher(t, target, ["a", "b"]);
  const p = watcher.wait_for("a").then(() => watcher.wait_for("b"));
  target.dispatchEvent(new Event("a"));
  await Promise.resolve();
  target.dispatchEvent(new Event("b"));
  const e = await p;
  assert_equals(e.type, "b");
}, "wait_for can be called again from a resolution handler");

const listener_log = [];
const logging_target = {
  addEventListener(type) { listener_log.push("add " + type); },
  removeEventListener(type) { listener_log.push("remove " + type); },
};

test(t => {
  new EventWatcher(t, logging_target, ["x", "y"]);
  assert_array_equals(listener_log, ["add x", "add y"]);
}, "EventWatcher listens to each type");

test(() => {
  assert_array_equals(listener_log, ["add x", "add y", "remove x", "remove y"]);
}, "EventWatcher stops listening when its test is done");
