// Modeled on wpt dom/events/Event-constants.any.js (with /dom/constants.js)

const constants = [["NONE", 0], ["CAPTURING_PHASE", 1], ["AT_TARGET", 2], ["BUBBLING_PHASE", 3]];
for (const [object, description] of [[Event, "Event interface object"], [Event.prototype, "Event prototype object"]]) {
  test(() => {
    for (const [name, value] of constants) {
      assert_true(name in object, `${description} has ${name}`);
      assert_equals(object[name], value, `${description}.${name}`);
    }
  }, `Constants for eventPhase on ${description}.`);

  test(() => {
    for (const [name, value] of constants) {
      const d = Object.getOwnPropertyDescriptor(object, name);
      assert_equals(d.value, value);
      assert_false(d.writable, `${name} is read-only`);
      assert_true(d.enumerable, `${name} is enumerable`);
      assert_false(d.configurable, `${name} is not configurable`);
    }
  }, `Constant property descriptors for eventPhase on ${description}.`);
}
