// console.table: row and column shapes, filters, cell formats.
console.table([{ name: 'apple', price: 1.25, tags: ['red', 'fruit'] }, { name: 'kiwi', price: 0.5 }, { name: 'melon', stock: 0 }]);
console.table({ alice: { age: 30, city: 'Paris' }, bob: { age: 25 }, carol: 'not an object' });
console.table([[1, 2, 3], ['a', 'b'], []]);
console.table([{ a: 1, b: 2 }, { b: 3, c: 4 }], ['c', 'a']);
console.table([{ a: 1 }], []);
console.table([{ a: 1 }], ['missing']);
console.table(['just', 'strings', 42, null, undefined, true]);
console.table([{ nested: { x: 1 }, list: [1, 2, 3, 4], big: { a: 1, b: 2, c: 3 }, fn: null, text: 'quoted' }]);
console.table(new Map([[{ key: 'object' }, 1], ['plain', [1, 2]]]));
console.table(new Set([{ a: 1 }, 'two']));
console.table({ '日本': { 'ключ': 'значение', emoji: 'ok' } });
console.table([{ long: 'a fairly long cell value that makes the column wide' }, { long: 'short' }]);
console.table([new Map([[1, 2]]), new Set([3])]);
console.table(Object.create(null));
console.table([undefined]);
console.group('inside a group');
console.table([{ x: 1 }]);
console.groupEnd();
