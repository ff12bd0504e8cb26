// Less common kinds: functions with odd prototypes, built-in subclasses, values past the depth limit.
function named() {}
console.log(Object.setPrototypeOf(function f() {}, null), Object.setPrototypeOf(() => {}, null));
class Callable extends Function {}
console.log(Object.setPrototypeOf(function g() {}, Callable.prototype), [async () => {}, function* () {}]);
named.extra = { nested: true };
console.log(named, { deep: { deeper: { fn: named } } });
class Pattern extends RegExp {}
class Moment extends Date {}
console.log(new Pattern('x+', 'g'), new Moment(0), [new Moment(86400000)]);
const regexp = /x/g;
regexp.extra = 1;
const date = new Date(0);
date.extra = 1;
const number = new Number(1);
number.extra = 1;
const string = new String('s');
string.extra = 1;
const error = new Error('e');
delete error.stack;
error.extra = 1;
console.log({ a: { b: { regexp, date, number, string, error, fn: named, arr: [1], map: new Map([[1, 2]]) } } });
console.log({ a: { b: { regexp: /y/, date: new Date(0), number: new Number(2), fn() {}, empty: [], set: new Set() } } });
console.log(Object.create(Array.prototype), Object.setPrototypeOf([1, 2], null), Object.setPrototypeOf(new Map([[1, 2]]), null));
console.log(Object.setPrototypeOf({ a: 1 }, Array.prototype));
console.log([new Boolean(false), Object(Symbol('boxed')), Object(-0), new String('multi\nline')]);
// Built-in objects whose prototype was removed (ArrayBuffer and DataView are left out: node reads their
// byteLength through the missing prototype and prints `undefined`, jshost prints the real values).
for (const value of [new Set([1]), new Date(0), /x/, new WeakMap(), Object(Symbol('s')), Object(1n), new Number(1), new String('x'), new Boolean(true)]) {
  console.log(Object.setPrototypeOf(value, null));
}
