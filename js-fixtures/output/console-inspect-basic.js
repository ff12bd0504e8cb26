// Primitives, strings, plain objects/arrays, symbols, accessors, holes, functions and classes.
console.log(1, -0, 0, 1.5, -2e-7, 1e21, NaN, Infinity, -Infinity);
console.log(123n, -5n, true, false, undefined, null);
console.log('top-level strings are not quoted', 'it\'s');
console.log(['single', "it's", 'it\'s "dq"', 'it\'s "dq" `bt`', 'it\'s "dq" `bt` ${x}']);
console.log(['new\nline', 'tab\t', 'nul\x00', 'esc\x1b', 'del\x7f', 'c1\x85', 'back\\slash', '😀', 'lone\ud800']);
console.log({ s: 'a string', empty: '' });
console.log(Symbol('x'), Symbol(), Symbol.iterator, Symbol.for('reg'));
console.log({ [Symbol('k')]: 1, [Symbol()]: 'anon', [Symbol.for('f')]: { a: 1 } });
console.log({});
console.log([]);
console.log({ a: 1, b: [1, 2, { c: 3 }] });
console.log([1, 'two', [3, [4, [5]]], { six: 6 }]);
console.log({ 'a-b': 1, 'with space': 2, 3: 'num', _ok: 4, $no: 5, "it's": 6, ['__proto__']: 7 });
console.log({ u: undefined, n: null, nested: { deeper: { deepest: true } } });
console.log({ get a() { return 1; }, set b(v) {}, get c() { return 1; }, set c(v) {} });
console.log([1, , 3], [, , 1, , , ], new Array(5), [1, 2, 3].concat(new Array(20)));
const extra = [1, 2];
extra.name = 'extra';
extra[Symbol('s')] = true;
console.log(extra);
function foo() {}
const anon = [function () {}, () => {}];
console.log(foo, anon, async function af() {}, function* gen() {}, async function* agen() {});
console.log({ method() {}, arrow: () => {}, async am() {} });
class A {}
class B extends A {}
console.log(A, B, class {}, class extends A {});
foo.prop = 'has props';
console.log(foo);
class WithStatic { static count = 2; }
console.log(WithStatic);
console.log(foo.bind(null));
console.log(Math.max, Array, Symbol);
