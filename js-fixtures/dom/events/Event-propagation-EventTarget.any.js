// Modeled on wpt dom/events/Event-propagation-EventTarget.any.js: a plain EventTarget has no
// parent to propagate to, so stopPropagation() does not stop the listeners of the target itself.
"use strict";

const target = new EventTarget();

function checkPropagation(ev, expected, name) {
  test(function () {
    let called = false;
    const callback = () => { called = true; };
    this.add_cleanup(() => { target.removeEventListener("foo", callback); });
    target.addEventListener("foo", callback);
    target.dispatchEvent(ev);
    assert_equals(called, expected, "first dispatch");
    target.dispatchEvent(ev);
    assert_equals(called, true, "dispatch resets the propagation flags");
  }, name);
}

let ev = new Event("foo", { bubbles: true, cancelable: false });
checkPropagation(ev, true, "Newly-created Event");
ev.stopPropagation();
checkPropagation(ev, true, "After stopPropagation()");
ev.initEvent("foo", true, false);
checkPropagation(ev, true, "Reinitialized after stopPropagation()");

ev = new Event("foo", { bubbles: true, cancelable: false });
ev.stopImmediatePropagation();
checkPropagation(ev, false, "After stopImmediatePropagation()");
ev.initEvent("foo", true, false);
checkPropagation(ev, true, "Reinitialized after stopImmediatePropagation()");

ev = new Event("foo", { bubbles: true, cancelable: false });
ev.cancelBubble = true;
checkPropagation(ev, true, "After cancelBubble=true");
ev.initEvent("foo", true, false);
checkPropagation(ev, true, "Reinitialized after cancelBubble=true");
