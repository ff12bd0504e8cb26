// Names and messages that would drive a terminal if printed raw: escape sequences, a carriage return, a bell,
// a C1 control and a right-to-left override.
test(() => {}, "clears \u001b[2J the screen");
test(() => {}, "returns\rto the start");
test(() => {
  assert_true(false, "rings \u0007 and \u009b moves");
}, "reversed \u202e txet");
