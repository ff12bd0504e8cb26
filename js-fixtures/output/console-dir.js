// console.dir and its options.
const deep = { l1: { l2: { l3: { l4: { l5: 'bottom' } } } }, arr: [[[[1]]]] };
console.dir(deep);
console.dir(deep, { depth: 0 });
console.dir(deep, { depth: 1 });
console.dir(deep, { depth: null });
console.dir(deep, { depth: Infinity });
console.dir('a string is quoted');
console.dir(42);
console.dir({ a: 1, b: 2 }, { breakLength: 5 });
console.dir({ a: { b: 1 }, c: [1, 2] }, { compact: false });
console.dir({ a: [1, 2], b: { c: { d: 1 } } }, { compact: true });
console.dir([1, 2, 3, 4], { maxArrayLength: 2 });
console.dir('abcdef', { maxStringLength: 3 });
console.dir({ b: 1, a: 2, c: 0 }, { sorted: true });
console.dir(Object.defineProperty({ shown: 1 }, 'hidden', { value: 2 }), { showHidden: true });
const custom = { [Symbol.for('nodejs.util.inspect.custom')]() { return 'CUSTOM'; } };
console.log(custom, [custom]);
console.dir(custom);
