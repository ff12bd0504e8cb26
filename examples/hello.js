// A tour of what a script sees: console, timers, microtasks, performance, and its arguments.
console.log("hello from jshost %s, arguments: %o", jshost.version, jshost.args);

const order = [];
setTimeout(() => order.push("timeout"), 0);
queueMicrotask(() => order.push("microtask"));
Promise.resolve().then(() => order.push("promise"));
order.push("script");

setTimeout(() => {
  console.log("task order:", order);
  console.log({ nested: { map: new Map([[1, "a"]]), set: new Set([1, 2]), when: new Date(0) } });
  console.log("elapsed > 0:", performance.now() > 0);
}, 5);
