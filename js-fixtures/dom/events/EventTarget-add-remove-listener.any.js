// Modeled on wpt dom/events/EventTarget-add-remove-listener.any.js
"use strict";

function cancelingListener(evt) {
  evt.preventDefault();
  return false;
}

test(() => {
  const et = new EventTarget();
  et.addEventListener("x", cancelingListener, false);
  assert_false(et.dispatchEvent(new Event("x", { cancelable: true })));
  et.removeEventListener("x", cancelingListener);
  assert_true(et.dispatchEvent(new Event("x", { cancelable: true })));
}, "Removing an event listener without explicit capture arg should succeed");
