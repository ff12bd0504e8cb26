// Modeled on wpt dom/events/remove-all-listeners.any.js

test(() => {
  const target = new EventTarget();
  let c1 = 0, c2 = 0, c3 = 0;
  function l1() {
    c1++;
    target.removeEventListener("foo", l1);
    target.removeEventListener("foo", l2);
    target.addEventListener("foo", l3);
  }
  function l2() { c2++; }
  function l3() { c3++; }
  target.addEventListener("foo", l1);
  target.addEventListener("foo", l2);
  target.dispatchEvent(new Event("foo"));
  assert_equals(c1, 1);
  assert_equals(c2, 0, "removed during dispatch: not called");
  assert_equals(c3, 0, "added during dispatch: not called");
  target.dispatchEvent(new Event("foo"));
  assert_equals(c1, 1);
  assert_equals(c2, 0);
  assert_equals(c3, 1);
}, "Removing all listeners and then adding a new one should work.");

test(() => {
  const target = new EventTarget();
  let c1 = 0, c2 = 0, c3 = 0;
  function l1() {
    c1++;
    target.dispatchEvent(new Event("foo"));
    assert_equals(c1, 1);
    assert_equals(c2, 1);
    assert_equals(c3, 0);
    target.addEventListener("foo", l3);
  }
  function l2() { c2++; }
  function l3() { c3++; }
  target.addEventListener("foo", l1, { once: true });
  target.addEventListener("foo", l2, { once: true });
  target.dispatchEvent(new Event("foo"));
  assert_equals(c1, 1);
  assert_equals(c2, 1);
  assert_equals(c3, 0);
  target.dispatchEvent(new Event("foo"));
  assert_equals(c1, 1);
  assert_equals(c2, 1);
  assert_equals(c3, 1);
}, "Nested usage of once listeners should work.");
