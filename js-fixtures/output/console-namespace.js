// The console global is a WebIDL namespace.
const desc = Object.getOwnPropertyDescriptor(globalThis, 'console');
console.log(typeof desc.value, desc.writable, desc.enumerable, desc.configurable);
console.log(Object.prototype.toString.call(console));
const methods = ['assert', 'clear', 'count', 'countReset', 'debug', 'dir', 'dirxml', 'error', 'group',
  'groupCollapsed', 'groupEnd', 'info', 'log', 'table', 'time', 'timeEnd', 'timeLog', 'trace', 'warn'];
for (const name of methods) {
  const d = Object.getOwnPropertyDescriptor(console, name);
  if (!d || typeof d.value !== 'function' || !d.enumerable || !d.writable || !d.configurable) {
    console.log('bad method', name);
  }
}
console.log('methods ok');
const log = console.log;
log('detached call works', { ok: true });
console.log('fast path: plain string with \'quotes\' and \\ and %s left alone');
console.log('%s', 'string through format');
