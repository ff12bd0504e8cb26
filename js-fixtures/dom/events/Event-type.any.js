// Modeled on wpt dom/events/Event-type.any.js

test(() => {
  const e = new Event("bar");
  assert_equals(e.type, "bar");
}, "Event.type should be initialized by the constructor");
