// Subtest names and messages with characters that TAP, XML and JSON must escape.
test(() => {}, "a # hash");
test(() => {}, "<xml> & \"quotes\" 'apostrophes'");
test(() => {
  assert_equals("a\u0001b", "ab", "control \u0007 char");
}, "a control \u0002 character");
test(() => {
  assert_true(false, "first line\nsecond line");
}, "name with a\nnewline");
test(() => {}, "ünïcödé ✓ 🎉");
