// console.table shapes.
console.table([{ a: 1, b: 'x' }, { a: 2, c: true }]);
console.table([1, 'two', [3], { four: 4 }]);
console.table({ first: { name: 'one', n: 1 }, second: { name: 'two', n: 2 } });
console.table([[1, 2], [3, 4, 5]]);
console.table([{ a: 1, b: 2, c: 3 }, { a: 4, b: 5, c: 6 }], ['a', 'c']);
console.table([{ a: 1 }, 'prim'], ['a']);
console.table(new Map([['k1', { v: 1 }], ['k2', 'two']]));
console.table(new Set(['x', 'y']));
console.table([{ nested: { a: 1, b: 2 }, big: { a: 1, b: 2, c: 3 }, arr: [1, 2, 3, 4, 5] }]);
console.table([{ 'wide': '日本語', s: 'ab' }]);
console.table([]);
console.table({});
console.table('not tabular');
console.table(42);
console.table(null);
