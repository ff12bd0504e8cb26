// The global object is an instance of its own interfaces (Window; WorkerGlobalScope and
// DedicatedWorkerGlobalScope in a worker). JSC's global keeps Object.prototype-like ancestry (see README,
// "Known deviations"), so the interface objects answer instanceof for the global themselves.

test(() => {
  if (GLOBAL.isWindow()) {
    assert_true(self instanceof Window);
    assert_false({} instanceof Window);
    assert_equals(typeof WorkerGlobalScope, "undefined");
    assert_throws_js(TypeError, () => new Window());
  } else {
    assert_true(self instanceof WorkerGlobalScope);
    assert_true(self instanceof DedicatedWorkerGlobalScope);
    assert_false({} instanceof DedicatedWorkerGlobalScope);
    assert_equals(typeof Window, "undefined");
    assert_throws_js(TypeError, () => new DedicatedWorkerGlobalScope());
  }
}, "the global is an instance of its own interfaces, and nothing else is");

test(() => {
  class Target extends EventTarget {}
  assert_true(new Target() instanceof EventTarget, "EventTarget's own instanceof is the ordinary one");
  assert_false(Object.prototype.hasOwnProperty.call(EventTarget, Symbol.hasInstance));
}, "EventTarget keeps the ordinary instanceof");
