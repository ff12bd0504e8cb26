// printf-style format specifiers (util.format rules).
console.log('%s|%s|%s|%s|%s|%s|%s', 'str', 42, -0, 10n, Symbol('sy'), null, undefined);
console.log('%s', { a: { b: { c: 1 } } }, 'after');
console.log('%s and %s', [1, [2, [3]]], new Date(0));
console.log('%s', { toString() { return 'custom toString'; } });
class Foo {}
class Bar { toString() { return 'bar!'; } }
console.log('%s %s', new Foo(), new Bar());
console.log('%s %s', function named() {}, new Map([[1, 2]]));
console.log('%s', { [Symbol.toPrimitive]() { return 'primitive'; } });
console.log('%d %d %d %d %d %d %d', '42', 42.5, -0, 5n, {}, 'abc', null);
console.log('%d', Symbol('s'));
console.log('%i %i %i %i', '42.9px', -3.7, 7n, 'x');
console.log('%f %f %f', '1.5e3', 'abc', 2);
console.log('%j %j %j', { a: [1, 'x'] }, 'str', { toJSON() { return 'J'; } });
const circ = {};
circ.me = circ;
console.log('%j', circ);
console.log('%o', { a: 1, b: 'x' });
console.log('%O', { a: { b: { c: { d: 1 } } } });
console.log('%o', { a: { b: { c: { d: { e: { f: 1 } } } } } });
console.log('%c styled %c text', 'color: red', 'font-weight: bold');
console.log('100%% sure', 'extra');
console.log('%%', 1);
console.log('%% %s');
console.log('%s %s', 'only one');
console.log('%x is not a specifier %s', 'y');
console.log('trailing %', 1);
console.log('%s:%s', 'a', 'b', 'extra', { k: 1 });
console.log(1, 2, 'three', [4]);
console.log('no specifiers', { a: 1 }, 'x');
console.log();
console.log('%s%d%i', 1, 2, 3, 4);
console.info('info %s', 'goes to stdout');
console.debug('debug %d', 1);
console.error('error %s', 'goes to stderr', { e: 1 });
console.warn('warn %i', 2.5);
