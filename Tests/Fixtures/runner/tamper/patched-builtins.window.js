// A file that leaves built-ins patched after its tests ran: the results must still reach the runner intact.
test(() => {}, "passes before the patches");
test(() => {
  assert_true(false, "fails on purpose");
}, "fails before the patches");
Object.prototype.toJSON = function () { return "hijacked"; };
Array.prototype.toJSON = function () { return []; };
Array.prototype[Symbol.iterator] = function* () {};
Array.prototype.push = function () { throw new Error("push is patched"); };
String.prototype.toString = function () { return "patched"; };
