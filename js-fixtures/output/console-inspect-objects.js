// Built-in object kinds: collections, binary data, dates, regexps, boxed primitives, prototypes.
console.log(new Map([[1, 'a'], ['b', { c: 2 }], [{ k: 1 }, [1, 2]]]));
console.log(new Set([1, 'two', [3], { four: 4 }]));
console.log(new Map(), new Set(), new Map([[new Map([[1, 2]]), new Set([new Set([1])])]]));
const m = new Map([['self', null]]);
m.set('self', m);
m.extra = true;
console.log(m);
console.log(new WeakMap(), new WeakSet());
console.log(new Uint8Array([1, 2, 3]), new Float64Array([1.5, -0, NaN]), new BigInt64Array([1n, -2n]));
console.log(new Int16Array(0), new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).subarray(7));
console.log(new ArrayBuffer(3), new Uint8Array([1, 2, 255]).buffer);
console.log(new DataView(new ArrayBuffer(4), 1));
console.log({ buffer: new Uint8Array([16, 32]).buffer });
console.log(new Date(86400000), new Date(NaN), [new Date(0)]);
console.log(/ab+c/gi, new RegExp('a/b'), [/x/y]);
const d = new Date(0);
d.note = 'epoch';
console.log(d);
const r = /re/m;
r.flag = 1;
console.log(r);
console.log(new Number(3), new Number(-0), new String('abc'), new Boolean(false), Object(5n), Object(Symbol('bx')));
const boxed = new String('ab');
boxed.extra = 1;
console.log(boxed);
console.log(Object.create(null), Object.assign(Object.create(null), { a: 1, b: { c: 2 } }));
class Foo {
  constructor() {
    this.x = 1;
    this.y = 'two';
  }
}
class Empty {}
console.log(new Foo(), new Empty(), [new Foo()]);
class Tagged {
  get [Symbol.toStringTag]() { return 'Tag'; }
}
console.log(new Tagged());
const hiddenTag = { a: 1 };
Object.defineProperty(hiddenTag, Symbol.toStringTag, { value: 'Hidden' });
console.log(hiddenTag, { [Symbol.toStringTag]: 'OwnEnumerable' });
console.log(Object.create(null, { [Symbol.toStringTag]: { value: 'T' } }));
class MyMap extends Map {}
class MyArray extends Array {}
class MySet extends Set {}
console.log(new MyMap([[1, 2]]), MyArray.from([1, 2]), new MySet());
console.log(Object.create({}), Object.create(Object.create(null)));
console.log((function () { return arguments; })(1, 'x'));
