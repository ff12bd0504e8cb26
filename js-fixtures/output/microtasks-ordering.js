// Microtasks, after HTML "perform a microtask checkpoint" (§8.1.7.3) and `queueMicrotask` (§8.7), with
// ECMAScript promise job ordering. Every line here is fully determined by the standards: no timing involved.
const log = (...values) => console.log(...values);

log('script start');
setTimeout(() => log('timeout 1 (after every microtask of the script)'), 0);
queueMicrotask(() => log('microtask 1'));
Promise.resolve().then(() => log('promise 1')).then(() => log('promise 1, second reaction'));
queueMicrotask(() => {
  log('microtask 2');
  // Queued during the checkpoint: still runs in it, before any task.
  queueMicrotask(() => log('microtask 2, nested'));
});
Promise.resolve().then(() => log('promise 2'));
(async () => {
  log('async function body (synchronous part)');
  await null;
  log('async function after await 1');
  await null;
  log('async function after await 2');
})();
// Resolving a promise with a promise takes two extra jobs (NewPromiseResolveThenableJob, then the then).
new Promise((resolve) => resolve(Promise.resolve('inner'))).then((value) => log('resolved with a promise:', value));
Promise.resolve().then(() => log('tick 1')).then(() => log('tick 2')).then(() => log('tick 3'));
log('script end');

// Microtasks run between timer tasks, even when both timers are due at once.
setTimeout(() => {
  log('timeout A');
  queueMicrotask(() => log('microtask from A'));
  Promise.resolve().then(() => log('promise from A')).then(() => log('promise from A, chained'));
  setTimeout(() => {
    log('timeout from A (20 ms later)');
    setTimeout(checkArguments, 0);
  }, 20);
}, 10);
setTimeout(() => {
  log('timeout B (after all of A\'s microtasks)');
  Promise.reject(new Error('handled')).catch((error) => log('rejection handled in the same checkpoint:', error.message));
}, 10);

// queueMicrotask checks its argument; the callback gets no arguments and an undefined `this`.
function checkArguments() {
  for (const [label, call] of [
    ['queueMicrotask()', () => queueMicrotask()],
    ['queueMicrotask(1)', () => queueMicrotask(1)],
    ["queueMicrotask('code')", () => queueMicrotask('log(1)')],
  ]) {
    try {
      call();
      log(label, 'did not throw');
    } catch (error) {
      log(label, 'throws', error.constructor.name);
    }
  }
  queueMicrotask(function () {
    'use strict';
    log('callback arguments:', arguments.length, 'this:', this);
  });
  log('queueMicrotask returns:', queueMicrotask(() => {}));
  setTimeout(longChain, 0);
}

// A microtask that keeps queueing microtasks delays the next task until the chain ends.
function longChain() {
  let count = 0;
  const again = () => {
    count += 1;
    if (count < 1000) queueMicrotask(again);
  };
  queueMicrotask(again);
  setTimeout(() => {
    log('microtasks run before the next task:', count);
    setTimeout(errorInMicrotask, 0);
  }, 0);
}

// An exception in a queueMicrotask callback is reported (HTML "report an exception": an `error` event at the
// global), not swallowed, and the checkpoint goes on with the next microtask. The listener cancels the event, so
// nothing is printed to stderr and the run still succeeds.
function errorInMicrotask() {
  const onError = (event) => {
    log('error event:', event instanceof ErrorEvent, event.isTrusted, event.cancelable,
      event.error instanceof RangeError, event.error.message, event.filename, event.lineno);
    event.preventDefault();
  };
  addEventListener('error', onError);
  queueMicrotask(() => log('microtask before the throw'));
  queueMicrotask(() => { throw new RangeError('thrown in a microtask'); });
  queueMicrotask(() => log('the next microtask still runs'));
  setTimeout(() => {
    removeEventListener('error', onError);
    log('done');
  }, 0);
}
