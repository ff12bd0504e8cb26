// Timers, after the HTML "timer initialization steps" (html.spec.whatwg.org, §8.6 Timers).
// Sections run one after another; each prints only facts that do not depend on the machine's speed: orderings
// whose deadlines are at least ~50 ms apart, equal delays (creation order), and lower bounds on elapsed time.
// Where Node differs from the standard (32-bit wrap, nesting clamp, string handlers, `this`), this file follows
// the standard.
const log = (...values) => console.log(...values);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function orderingByDelay() {
  const order = [];
  // Created longest first, so only the deadlines can put them in order.
  setTimeout(() => order.push('150 ms'), 150);
  setTimeout(() => order.push('100 ms'), 100);
  setTimeout(() => order.push('50 ms'), 50);
  setTimeout(() => order.push('0 ms'), 0);
  await sleep(200);
  log('by delay:', order.join(', '));
}

async function equalDelaysInCreationOrder() {
  const order = [];
  for (const name of 'abcdefghij') setTimeout(() => order.push(name), 50);
  for (const name of 'klmnopqrst') setTimeout(() => order.push(name), 0);
  await sleep(100);
  // Equal delays keep creation order; the 0 ms group is due before the 50 ms group.
  log('equal delays:', order.join(''));

  const nested = [];
  setTimeout(() => {
    nested.push('A');
    // Created while B is already due: runs after B.
    setTimeout(() => nested.push('A2'), 0);
  }, 0);
  setTimeout(() => nested.push('B'), 0);
  await sleep(50);
  log('timer created by a timer runs after timers already due:', nested.join(' '));
}

async function argumentsAndThis() {
  await new Promise((resolve) => {
    setTimeout(function (a, b, c, ...rest) {
      log('extra arguments:', a, b, JSON.stringify(c), 'rest:', rest.length);
      log('this is the global:', this === globalThis);
      resolve();
    }, 0, 1, 'two', { three: 3 });
  });
  await new Promise((resolve) => {
    const id = setInterval((x, y) => {
      clearInterval(id);
      log('setInterval passes arguments too:', x, y);
      resolve();
    }, 0, 'x', 'y');
  });
  // A string handler is compiled and run as a script in the global scope; extra arguments are ignored.
  setTimeout("globalThis.fromString = typeof this + ' ' + (this === globalThis)", 0, 'ignored');
  await sleep(20);
  log('string handler ran:', globalThis.fromString);
  for (const [label, call] of [
    ['setTimeout()', () => setTimeout()],
    ['setInterval()', () => setInterval()],
    ['setTimeout(f, 10n)', () => setTimeout(() => {}, 10n)],
    ['setTimeout(f, Symbol())', () => setTimeout(() => {}, Symbol())],
  ]) {
    try {
      call();
      log(label, 'did not throw');
    } catch (error) {
      log(label, 'throws', error.constructor.name);
    }
  }
}

async function delayConversion() {
  // WebIDL `long`: ToNumber, then modulo 2^32 into [-2^31, 2^31); HTML: negative means 0.
  // A reference timer at 100 ms is made first; each case then says whether it ran before or after it.
  const cases = [
    ['-100', -100],
    ['NaN', NaN],
    ['missing', undefined],
    ["'abc'", 'abc'],
    ['null', null],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
    ['2**31 + 150 (wraps negative)', 2 ** 31 + 150],
    ['2**32 - 1 (wraps to -1)', 2 ** 32 - 1],
    ['2**32 + 150 (wraps to 150)', 2 ** 32 + 150],
    ['-(2**32) + 150 (wraps to 150)', -(2 ** 32) + 150],
    ['149.9 (truncated)', 149.9],
    ["' 150 ' (string)", ' 150 '],
    ['{ valueOf: 150 }', { valueOf() { return 150; } }],
    ['[150]', [150]],
    ['true', true],
  ];
  const fired = new Set();
  let referenceRan = false;
  const when = new Map();
  setTimeout(() => { referenceRan = true; }, 100);
  for (const [label, delay] of cases) {
    const run = () => { fired.add(label); when.set(label, referenceRan ? 'after' : 'before'); };
    if (delay === undefined) setTimeout(run);
    else setTimeout(run, delay);
  }
  await sleep(300);
  for (const [label] of cases) log(`delay ${label}:`, fired.has(label) ? `${when.get(label)} the 100 ms reference` : 'never ran');
}

async function clearing() {
  const fired = [];
  const timeout = setTimeout(() => fired.push('timeout'), 0);
  const interval = setInterval(() => fired.push('interval'), 0);
  log('ids are distinct positive integers:',
    Number.isInteger(timeout) && timeout > 0 && Number.isInteger(interval) && interval > 0 && timeout !== interval);
  // One list of active timers: either function clears either kind.
  clearInterval(timeout);
  clearTimeout(interval);
  // The id goes through WebIDL `long` as well.
  const byString = setTimeout(() => fired.push('by string'), 0);
  clearTimeout(String(byString));
  // Unknown ids and odd values are ignored.
  clearTimeout();
  clearTimeout(undefined);
  clearTimeout(null);
  clearTimeout('nonsense');
  clearTimeout(-1);
  clearInterval(2 ** 40);
  clearInterval({});
  // A timer cleared by an earlier timer that is due at the same time never runs.
  const order = [];
  let second;
  setTimeout(() => { order.push('first'); clearTimeout(second); }, 0);
  second = setTimeout(() => order.push('second'), 0);
  setTimeout(() => order.push('third'), 0);
  await sleep(40);
  log('cleared timers that ran:', fired.length === 0 ? 'none' : fired.join(', '));
  log('clearing a due timer from an earlier one:', order.join(' '));
  // Clearing after a timeout ran, or twice, is harmless.
  clearTimeout(timeout);
  clearTimeout(timeout);
}

async function intervals() {
  await new Promise((resolve) => {
    let ticks = 0;
    const id = setInterval((tag) => {
      ticks += 1;
      log('interval tick', ticks, tag);
      if (ticks === 3) {
        clearInterval(id);
        setTimeout(() => {
          log('ticks after clearing itself:', ticks);
          resolve();
        }, 50);
      }
    }, 5, 'arg');
  });
}

async function nestingClamp() {
  // A timer made at nesting level > 5 with a timeout < 4 waits at least 4 ms. Timer k of a chain is made at
  // nesting level k - 1, so timers 7 and later are clamped (timers 1-6 are not, but how fast they run depends on
  // the machine, so nothing is printed for them).
  const deltas = await new Promise((resolve) => {
    const deltas = [];
    const next = () => {
      if (deltas.length === 10) return resolve(deltas);
      const start = performance.now();
      setTimeout(() => {
        deltas.push(performance.now() - start);
        next();
      }, deltas.length % 2); // 0 or 1 ms
    };
    next();
  });
  for (let k = 7; k <= 10; k++) log(`nested timer ${k} waited at least 4 ms:`, deltas[k - 1] > 3.999);
  // A timeout of 4 ms or more is never changed; elapsed time is never less than asked.
  const start = performance.now();
  await sleep(30);
  log('a 30 ms timer waited at least 30 ms:', performance.now() - start > 29.999);
}

(async () => {
  await orderingByDelay();
  await equalDelaysInCreationOrder();
  await argumentsAndThis();
  await delayConversion();
  await clearing();
  await intervals();
  await nestingClamp();
  log('done');
})();
