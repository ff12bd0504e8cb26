// Errors: causes, extra own properties, subclass naming, nesting. Stacks differ between engines, so each
// error's stack is either removed or set to a fixed text.
function noStack(error) {
  delete error.stack;
  return error;
}
function fixedStack(error, frames) {
  error.stack = `${error.name}: ${error.message}\n${frames.map((f) => `    at ${f}`).join('\n')}`;
  return error;
}
const root = noStack(new Error('root cause'));
const middle = noStack(new TypeError('middle', { cause: root }));
console.log(noStack(new RangeError('top', { cause: middle })));
console.log(noStack(new Error('with object cause', { cause: { code: 42, detail: { deep: { deeper: 1 } } } })));
console.log(noStack(new Error('undefined cause', { cause: undefined })));
const props = noStack(new Error('props'));
props.code = 'E_PROPS';
props.details = { path: '/tmp/x', attempts: [1, 2, 3] };
props[Symbol('tag')] = 'symbol prop';
console.log(props);
const framed = fixedStack(new Error('framed'), ['first (a.js:1:1)', 'second (b.js:2:2)']);
framed.status = 500;
console.log(framed);
console.log({ error: framed });
console.log([framed, noStack(new Error('second'))]);
const framedCause = fixedStack(new Error('outer framed', { cause: fixedStack(new Error('inner framed'), ['inner (c.js:3:3)']) }), ['outer (d.js:4:4)']);
console.log(framedCause);
class ValidationError extends Error {}
class HttpError extends Error {
  constructor(status) {
    super(`status ${status}`);
    this.name = 'HttpError';
    this.status = status;
  }
}
class Timeout extends TypeError {}
console.log(noStack(new ValidationError('bad input')), noStack(new HttpError(404)), noStack(new Timeout('late')));
console.log(noStack(new ValidationError('')), noStack(new Timeout('')));
const renamed = noStack(new TypeError('renamed'));
renamed.name = 'Error';
console.log(renamed);
const relabeled = noStack(new Error('relabeled'));
relabeled.name = 'SyntaxError';
console.log(relabeled);
const notError = noStack(new Error('name without Error suffix'));
notError.name = 'Oops';
console.log(notError);
const changedMessage = noStack(new Error('old'));
changedMessage.message = 'new';
console.log(changedMessage);
console.log(noStack(new AggregateError([noStack(new Error('a')), 'b', { c: 1 }], 'many')));
const odd = new Error('odd');
odd.stack = 'no frames in this stack';
console.log(odd, [odd]);
const multiline = noStack(new Error('first line\nsecond line'));
console.log(multiline, { multiline });
console.log({ a: { b: { c: noStack(new Error('deep')) } } }, { a: { b: { c: props } } });
console.dir(props, { depth: 0 });
