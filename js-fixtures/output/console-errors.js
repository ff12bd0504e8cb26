// Errors whose stack has no frames print in brackets like Node: `[Error: msg]`.
// (Stacks with frames differ between engines and are kept out of golden output.)
function noStack(err) {
  delete err.stack;
  return err;
}
console.log(noStack(new Error('plain')));
console.log(noStack(new TypeError('type')), noStack(new RangeError('range')));
const coded = noStack(new Error('with code'));
coded.code = 'E_CODE';
coded.errno = 5;
console.log(coded);
console.log({ nested: coded }, [coded]);
class MyError extends Error {}
console.log(noStack(new MyError('mine')));
class NamedError extends Error {
  constructor(message) {
    super(message);
    this.name = 'NamedError';
  }
}
console.log(noStack(new NamedError('named')));
const inner = noStack(new Error('inner', { cause: 'because' }));
console.log(inner);
console.log(noStack(new Error('outer', { cause: inner })));
const renamed = noStack(new Error('x'));
renamed.name = 'Custom';
console.log(renamed);
console.log(noStack(new Error('')), noStack(new Error()));
console.log(noStack(new AggregateError([1, new Error('e')].map((e) => e instanceof Error ? noStack(e) : e), 'agg')));
const custom = new Error('s');
custom.stack = 'Error: s\n    at foo (bar.js:1:2)';
console.log(custom);
console.log({ k: custom });
const odd = new Error('s');
odd.stack = 'just a custom stack';
console.log(odd);
try {
  null.property;
} catch (e) {
  console.log(e instanceof TypeError, e.name);
}
