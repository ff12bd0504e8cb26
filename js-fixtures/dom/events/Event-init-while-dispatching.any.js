// Modeled on wpt dom/events/Event-init-while-dispatching.any.js

const kinds = {
  CustomEvent: {
    create: () => new CustomEvent("type"),
    init: (ev) => { ev.initCustomEvent("type2", true, true, 1); },
    check: (ev) => { assert_equals(ev.detail, null, "initCustomEvent does not set detail while dispatching"); },
  },
  Event: {
    create: () => new Event("type"),
    init: (ev) => { ev.initEvent("type2", true, true); },
    check: (ev) => {
      assert_equals(ev.bubbles, false, "bubbles unchanged");
      assert_equals(ev.cancelable, false, "cancelable unchanged");
      assert_equals(ev.type, "type", "type unchanged");
    },
  },
};

for (const name of Object.keys(kinds)) {
  const t = async_test(`Calling init${name} while dispatching.`);
  t.step(() => {
    const e = kinds[name].create();
    let called = false;
    const target = new EventTarget();
    target.addEventListener("type", t.step_func(() => {
      called = true;
      kinds[name].init(e);
      for (let o = Object.getPrototypeOf(e); o && o.constructor.name in kinds; o = Object.getPrototypeOf(o)) {
        kinds[o.constructor.name].check(e);
      }
    }), false);
    assert_equals(target.dispatchEvent(e), true, "dispatchEvent returns true");
    assert_true(called, "the listener ran");
  });
  t.done();
}
