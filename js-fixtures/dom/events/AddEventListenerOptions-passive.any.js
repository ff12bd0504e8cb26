// Modeled on wpt dom/events/AddEventListenerOptions-passive.any.js

test(() => {
  let passiveRead = false;
  const options = {
    get passive() { passiveRead = true; return false; },
    get dummy() { assert_unreached("unknown members must not be read"); return false; },
  };
  const et = new EventTarget();
  et.addEventListener("test_event", null, options);
  assert_true(passiveRead, "addEventListener reads passive");
  passiveRead = false;
  et.removeEventListener("test_event", null, options);
  assert_false(passiveRead, "removeEventListener does not read passive");
}, "Supports passive option on addEventListener only");

function checkPassive(options, expectPrevented, target) {
  let prevented;
  const handler = (e) => {
    assert_false(e.defaultPrevented, "not prevented before the call");
    e.preventDefault();
    prevented = e.defaultPrevented;
  };
  const et = target || new EventTarget();
  et.addEventListener("test", handler, options);
  const notCanceled = et.dispatchEvent(new Event("test", { bubbles: true, cancelable: true }));
  assert_equals(prevented, expectPrevented, "defaultPrevented for " + JSON.stringify(options));
  assert_equals(notCanceled, !expectPrevented, "dispatchEvent result for " + JSON.stringify(options));
  et.removeEventListener("test", handler, options);
}

test(() => {
  checkPassive(undefined, true);
  checkPassive({}, true);
  checkPassive({ passive: false }, true);
  checkPassive({ passive: true }, false);
  checkPassive({ passive: 0 }, true);
  checkPassive({ passive: 1 }, false);
}, "preventDefault should be ignored if-and-only-if the passive option is true");

function checkPassiveReturnValue(t, options, expectPrevented) {
  let prevented;
  const handler = t.step_func((e) => {
    assert_false(e.defaultPrevented, "not prevented before the call");
    e.returnValue = false;
    prevented = e.defaultPrevented;
  });
  const et = new EventTarget();
  et.addEventListener("test", handler, options);
  const notCanceled = et.dispatchEvent(new Event("test", { bubbles: true, cancelable: true }));
  assert_equals(prevented, expectPrevented, "defaultPrevented for " + JSON.stringify(options));
  assert_equals(notCanceled, !expectPrevented, "dispatchEvent result for " + JSON.stringify(options));
  et.removeEventListener("test", handler, options);
}

async_test((t) => {
  checkPassiveReturnValue(t, undefined, true);
  checkPassiveReturnValue(t, {}, true);
  checkPassiveReturnValue(t, { passive: false }, true);
  checkPassiveReturnValue(t, { passive: true }, false);
  checkPassiveReturnValue(t, { passive: 0 }, true);
  checkPassiveReturnValue(t, { passive: 1 }, false);
  t.done();
}, "returnValue should be ignored if-and-only-if the passive option is true");

function checkWithOthers(options, expectPrevented) {
  let calledPassive = false;
  let calledActive = false;
  const passiveOne = () => { calledPassive = true; };
  const activeOne = () => { calledActive = true; };
  const et = new EventTarget();
  et.addEventListener("test", passiveOne, { passive: true });
  et.addEventListener("test", activeOne);
  checkPassive(options, expectPrevented, et);
  assert_true(calledPassive, "the other passive listener ran");
  assert_true(calledActive, "the other non-passive listener ran");
  et.removeEventListener("test", passiveOne);
  et.removeEventListener("test", activeOne);
}

test(() => {
  checkWithOthers({}, true);
  checkWithOthers({ passive: false }, true);
  checkWithOthers({ passive: true }, false);
}, "passive behavior of one listener should be unaffected by the presence of other listeners");

function checkEquivalence(a, b, same) {
  let calls = 0;
  const handler = () => { calls++; };
  const et = new EventTarget();
  et.addEventListener("test", handler, a);
  et.addEventListener("test", handler, b);
  et.dispatchEvent(new Event("test", { bubbles: true }));
  assert_equals(calls, same ? 1 : 2, JSON.stringify(a) + " vs " + JSON.stringify(b));
  et.removeEventListener("test", handler, a);
  et.removeEventListener("test", handler, b);
}

test(() => {
  checkEquivalence({ capture: true }, { capture: false, passive: false }, false);
  checkEquivalence({ capture: true }, { passive: true }, false);
  checkEquivalence({}, { passive: false }, true);
  checkEquivalence({ passive: true }, { passive: false }, true);
  checkEquivalence(undefined, { passive: true }, true);
  checkEquivalence({ capture: true, passive: false }, { capture: true, passive: true }, true);
}, "Equivalence of option values");
