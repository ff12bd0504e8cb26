// Modeled on wpt dom/events/EventTarget-this-of-listener.any.js
"use strict";

const makeTargets = () => [globalThis, new EventTarget()];

test(() => {
  const targets = makeTargets();
  let calls = 0;
  for (const target of targets) {
    const listener = function () {
      ++calls;
      assert_equals(this, target);
    };
    target.addEventListener("someevent", listener);
    target.dispatchEvent(new CustomEvent("someevent"));
    target.removeEventListener("someevent", listener);
  }
  assert_equals(calls, targets.length);
}, "the this value inside the event listener callback should be the node");

test(() => {
  const targets = makeTargets();
  let calls = 0;
  for (const target of targets) {
    const handler = {
      handleEvent() {
        ++calls;
        assert_equals(this, handler);
      },
    };
    target.addEventListener("someevent", handler);
    target.dispatchEvent(new CustomEvent("someevent"));
    target.removeEventListener("someevent", handler);
  }
  assert_equals(calls, targets.length);
}, "the this value inside the event listener object handleEvent should be the object");

test(() => {
  const targets = makeTargets();
  let calls = 0;
  for (const target of targets) {
    const handler = { handleEvent() { assert_unreached("the old handleEvent must not be called"); } };
    target.addEventListener("someevent", handler);
    handler.handleEvent = function () {
      ++calls;
      assert_equals(this, handler);
    };
    target.dispatchEvent(new CustomEvent("someevent"));
    target.removeEventListener("someevent", handler);
  }
  assert_equals(calls, targets.length);
}, "dispatchEvent should invoke the current handleEvent method of the object");

test(() => {
  const targets = makeTargets();
  let calls = 0;
  for (const target of targets) {
    const handler = {};
    target.addEventListener("someevent", handler);
    handler.handleEvent = function () {
      ++calls;
      assert_equals(this, handler);
    };
    target.dispatchEvent(new CustomEvent("someevent"));
    target.removeEventListener("someevent", handler);
  }
  assert_equals(calls, targets.length);
}, "addEventListener should not require handleEvent to be defined on object listeners");

test(() => {
  const targets = makeTargets();
  let calls = 0;
  for (const target of targets) {
    function handler() {
      ++calls;
      assert_equals(this, target);
    }
    handler.handleEvent = () => { assert_unreached("handleEvent of a function must not be called"); };
    target.addEventListener("someevent", handler);
    target.dispatchEvent(new CustomEvent("someevent"));
    target.removeEventListener("someevent", handler);
  }
  assert_equals(calls, targets.length);
}, "handleEvent properties added to a function before addEventListener are not reached");

test(() => {
  const targets = makeTargets();
  let calls = 0;
  for (const target of targets) {
    function handler() {
      ++calls;
      assert_equals(this, target);
    }
    target.addEventListener("someevent", handler);
    handler.handleEvent = () => { assert_unreached("handleEvent of a function must not be called"); };
    target.dispatchEvent(new CustomEvent("someevent"));
    target.removeEventListener("someevent", handler);
  }
  assert_equals(calls, targets.length);
}, "handleEvent properties added to a function after addEventListener are not reached");
