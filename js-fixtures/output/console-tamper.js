// Console output must not change when user code patches built-ins first. The expected output is node's
// output for this same script with the lines between the two '// ----' markers (the patches) removed.
class Point { constructor(x, y) { this.x = x; this.y = y; } }
const circular = { name: 'loop' };
circular.self = circular;
const sample = {
  list: [1, 2, 3, 'four', [5, [6, [7, [8]]]]],
  map: new Map([['k', { v: 1 }], [2, 'two']]),
  set: new Set([1, 'a', null]),
  point: new Point(1, 2),
  bare: Object.create(null),
  date: new Date(0),
  re: /ab+c/gi,
  bytes: new Uint8Array([1, 2, 3]),
  text: 'it\'s "quoted"\n',
  get computed() { return 1; },
  [Symbol('sym')]: 10n,
};
const counting = Array.from({ length: 30 }, (_, i) => i * 3);
const err = new Error('boom', { cause: 'why' });
err.stack = 'Error: boom\n    at work (task.js:1:2)';
err.code = 'E_BOOM';
const keyedMap = new Map([[{ k: 1 }, new Set([1])]]);
const rowMap = new Map([['row', { v: 1 }]]);
const fives = 'a'.repeat(5);
// ---- patches
// Patches that must not change what console prints (user code may do all of this).
const noop = function () { throw new Error('patched built-in called'); };
Object.getPrototypeOf(new Map().entries()).next = noop;
for (const name of Object.getOwnPropertyNames(String.prototype)) {
  if (name !== 'constructor' && name !== 'length' && name !== 'toString' && name !== 'valueOf') String.prototype[name] = noop;
}
Array.prototype.push = noop;
Array.prototype.join = noop;
Array.prototype.map = noop;
Array.prototype.forEach = noop;
Array.prototype.slice = noop;
Array.prototype.sort = noop;
Array.prototype[Symbol.iterator] = noop;
Object.keys = noop;
Object.getOwnPropertyNames = noop;
Object.getOwnPropertyDescriptor = noop;
Object.getPrototypeOf = noop;
Object.defineProperty = noop;
Object.prototype.toString = noop;
Object.prototype.hasOwnProperty = noop;
String.prototype[Symbol.replace] = noop;
String.prototype[Symbol.split] = noop;
Map.prototype.get = noop;
Map.prototype.set = noop;
Map.prototype.has = noop;
Map.prototype.forEach = noop;
Map.prototype.entries = noop;
Map.prototype[Symbol.iterator] = noop;
Set.prototype.values = noop;
Set.prototype[Symbol.iterator] = noop;
RegExp.prototype.exec = noop;
RegExp.prototype.test = noop;
JSON.stringify = noop;
Math.max = noop;
Math.min = noop;
Math.sqrt = noop;
Math.round = noop;
Math.floor = noop;
Number.prototype.toFixed = noop;
Number.prototype.toString = noop;
Symbol.prototype.toString = noop;
Date.prototype.toISOString = noop;
Reflect.apply = noop;
Function.prototype.apply = noop;
Function.prototype.bind = noop;
Function.prototype.call = null;
Object.freeze(Object.prototype);
Object.freeze(Array.prototype);
globalThis.String = 5;
globalThis.Object = 6;
globalThis.Array = 7;
globalThis.Error = 8;
globalThis.JSON = 9;
globalThis.Map = 10;
globalThis.parseInt = 11;
// ---- end of patches
console.log('plain string');
console.log(sample);
console.log([circular, counting]);
console.log('%s has %d items, %i%% done, %f, %j, %o, %O', 'list', 5, 42.9, '1.5', { j: [1] }, [1], { o: 1 });
console.log(err);
console.error('to stderr', { e: 1 });
console.info(keyedMap);
console.dir({ deep: { deeper: { deepest: { bottom: 1 } } } }, { depth: 0 });
console.table([{ a: 1, b: 'x' }, { a: 2, c: true }]);
console.table(rowMap);
console.group('group label');
console.log('inside\ntwo lines');
console.count();
console.count('label');
console.countReset('label');
console.count('label');
console.groupEnd();
console.assert(false, 'assertion %s', 'message');
console.log([-0, 1e21, fives], typeof 's');
