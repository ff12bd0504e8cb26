// The console namespace object (WHATWG Console Standard, WebIDL namespace rules).

const methods = ["assert", "clear", "debug", "error", "info", "log", "table", "trace", "warn", "dir", "dirxml",
  "count", "countReset", "group", "groupCollapsed", "groupEnd", "time", "timeLog", "timeEnd"];

test(() => {
  const proto = Object.getPrototypeOf(console);
  assert_not_equals(proto, Object.prototype);
  assert_equals(Object.getPrototypeOf(proto), Object.prototype);
  assert_array_equals(Reflect.ownKeys(proto), []);
}, "console's prototype is an empty object that inherits from Object.prototype");

test(() => {
  assert_array_equals(Object.keys(console), methods);
  for (const name of methods) {
    const descriptor = Object.getOwnPropertyDescriptor(console, name);
    assert_equals(typeof descriptor.value, "function", name);
    assert_true(descriptor.writable && descriptor.enumerable && descriptor.configurable, `${name} attributes`);
    assert_equals(descriptor.value.name, name, `${name}.name`);
    assert_equals(descriptor.value.length, 0, `${name}.length`);
    assert_throws_js(TypeError, () => new descriptor.value(), `${name} is not a constructor`);
  }
}, "every operation is an enumerable, writable, configurable method with length 0");

test(() => {
  const tag = Object.getOwnPropertyDescriptor(console, Symbol.toStringTag);
  assert_equals(tag.value, "console");
  assert_false(tag.writable);
  assert_false(tag.enumerable);
  assert_true(tag.configurable);
}, "console has Symbol.toStringTag 'console'");

test(() => {
  for (const name of methods) {
    const method = console[name];
    method.call(undefined, "detached");
    method.call({}, "other this");
  }
  console.groupEnd(); // group and groupCollapsed opened two groups, groupEnd closed one
}, "methods work without a console `this`");

test(() => {
  const failure = new Error("toString failed");
  const hostile = { toString() { throw failure; } };
  assert_throws_exactly(failure, () => console.log("%s", hostile));
  assert_throws_exactly(failure, () => console.count(hostile));
  console.log(hostile); // inspecting does not call toString
}, "user conversions that throw propagate; plain inspection does not call them");

test(() => {
  console.log({ get boom() { throw new Error("getter ran"); } });
  console.log([1, 2], new Map([[1, { get boom() { throw new Error("getter ran"); } }]]));
}, "inspecting an object does not run its getters");
