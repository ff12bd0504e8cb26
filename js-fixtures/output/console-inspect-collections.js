// Maps and Sets: nesting, object keys, extra properties, subclasses, limits and depth.
const inner = new Map([['x', 1], ['y', [1, 2]]]);
console.log(new Map([['inner', inner], ['set', new Set(['a', 'b'])]]));
console.log(new Set([new Set([1, 2]), new Map([[1, { deep: { deeper: true } }]]), [new Set()]]));
console.log(new Map([[{ id: 1 }, 'object key'], [[1, 2], 'array key'], [null, undefined], [NaN, -0]]));
console.log([new Map([['a', 1]]), new Set([1])], { m: new Map(), s: new Set() });
const tagged = new Map([[1, 'one']]);
tagged.label = 'numbers';
tagged[Symbol('meta')] = true;
console.log(tagged);
const taggedSet = new Set(['only']);
taggedSet.size2 = 2;
console.log(taggedSet);
class Registry extends Map {
  constructor() {
    super([['id', 7]]);
    this.owner = 'me';
  }
}
class Bag extends Set {}
console.log(new Registry(), new Bag([1, 2, 3]));
console.log(new Map(Array.from({ length: 120 }, (_, i) => [i, i * 2])).size);
console.dir(new Map(Array.from({ length: 5 }, (_, i) => ['key' + i, i])), { maxArrayLength: 2 });
console.dir(new Set(Array.from({ length: 5 }, (_, i) => i)), { maxArrayLength: 0 });
console.log({ level1: { level2: new Map([['level3', new Map([['level4', 1]])]]) } });
console.log({ level1: { level2: new Set([new Set([1])]) } });
console.dir({ a: new Map([['b', new Map([['c', new Map([['d', 1]])]])]]) }, { depth: 1 });
console.log(new Map([['long key number one', 'a long value string'], ['long key number two', 'another long value']]));
console.log(new Set(['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda']));
console.log(new WeakMap([[{}, 1]]), new WeakSet([{}]), [new WeakMap()]);
console.dir(new Map([['b', 2], ['a', 1]]), { sorted: true });
