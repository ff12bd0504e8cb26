// META: script=resources/helper.js
// META: script=./resources/second.js
test(() => {
  assert_equals(self.helperValue, 42);
  assert_equals(self.secondValue, "second");
  assert_array_equals(self.loadOrder, ["helper", "second"]);
}, "relative META scripts ran before the test, in order");
