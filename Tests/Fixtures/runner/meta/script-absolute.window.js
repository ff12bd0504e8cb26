// META: script=/meta/resources/helper.js
test(() => {
  assert_equals(self.helperValue, 42);
}, "an absolute META script resolves against --root");
