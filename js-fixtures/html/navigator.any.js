// HTML §8.9.1 navigator: userAgent, language(s), hardwareConcurrency.

test(() => {
  assert_true(navigator instanceof (GLOBAL.isWindow() ? Navigator : WorkerNavigator));
  assert_equals(navigator, navigator, "[SameObject]");
  assert_regexp_match(navigator.userAgent, /^jshost\/\d+\.\d+/);
  assert_equals(navigator.language, "en-US");
  assert_array_equals(navigator.languages, ["en-US"]);
  assert_true(Object.isFrozen(navigator.languages));
  assert_true(Number.isInteger(navigator.hardwareConcurrency) && navigator.hardwareConcurrency >= 1);
  assert_true(navigator.onLine);
}, "navigator members");

test(() => {
  const name = GLOBAL.isWindow() ? "Navigator" : "WorkerNavigator";
  const Interface = self[name];
  assert_throws_js(TypeError, () => new Interface());
  assert_throws_js(TypeError, () => Object.getOwnPropertyDescriptor(Interface.prototype, "userAgent").get.call({}));
  assert_equals(Object.prototype.toString.call(navigator), `[object ${name}]`);
  const d = Object.getOwnPropertyDescriptor(globalThis, "navigator");
  assert_equals(typeof d.get, "function");
  assert_true(d.enumerable);
}, `${GLOBAL.isWindow() ? "Navigator" : "WorkerNavigator"} is WebIDL-shaped`);
