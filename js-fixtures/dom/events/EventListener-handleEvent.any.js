// Modeled on wpt dom/events/EventListener-handleEvent.any.js

setup({ allow_uncaught_exception: true });

test((t) => {
  const target = new EventTarget();
  const listener = {
    handleEvent(evt) {
      const self = this;
      t.step(() => {
        assert_equals(evt.type, "foo");
        assert_equals(evt.target, target);
        assert_equals(evt.srcElement, target);
        assert_equals(self, listener);
      });
    },
  };
  target.addEventListener("foo", listener);
  target.dispatchEvent(new Event("foo"));
}, "calls `handleEvent` method of `EventListener`");

test(() => {
  const target = new EventTarget();
  let gets = 0;
  target.addEventListener("foo", {
    get handleEvent() {
      gets++;
      return () => {};
    },
  });
  assert_equals(gets, 0);
  target.dispatchEvent(new Event("foo"));
  target.dispatchEvent(new Event("foo"));
  assert_equals(gets, 2);
}, "performs `Get` every time event is dispatched");

test((t) => {
  const target = new EventTarget();
  let calls = 0;
  const listener = function () { calls++; };
  listener.handleEvent = t.unreached_func("handleEvent of a callable listener must not be called");
  target.addEventListener("foo", listener);
  target.dispatchEvent(new Event("foo"));
  assert_equals(calls, 1);
}, "doesn't call `handleEvent` method on callable `EventListener`");

// The exception is reported: an "error" event at the global carries it.
async function expectReported(t, getHandleEvent) {
  const target = new EventTarget();
  let gets = 0;
  target.addEventListener("foo", {
    get handleEvent() {
      gets++;
      return getHandleEvent();
    },
  });
  const reported = new Promise((resolve) => {
    const onError = (e) => {
      globalThis.removeEventListener("error", onError);
      e.preventDefault();
      resolve(e);
    };
    globalThis.addEventListener("error", onError);
  });
  target.dispatchEvent(new Event("foo"));
  const event = await reported;
  assert_equals(gets, 1, "handleEvent was looked up once");
  assert_true(event instanceof ErrorEvent, "an ErrorEvent");
  throw event.error;
}

promise_test((t) => {
  const error = { name: "test" };
  return promise_rejects_exactly(t, error, expectReported(t, () => { throw error; }));
}, "rethrows errors when getting `handleEvent`");

promise_test((t) => {
  return promise_rejects_js(t, TypeError, expectReported(t, () => null));
}, "throws if `handleEvent` is falsy and not callable");

promise_test((t) => {
  return promise_rejects_js(t, TypeError, expectReported(t, () => 42));
}, "throws if `handleEvent` is truthy and not callable");
