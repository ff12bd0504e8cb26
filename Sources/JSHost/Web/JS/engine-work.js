// Keeps the agent alive while the engine finishes work of its own. JavaScriptCore compiles WebAssembly
// asynchronously on its own threads and settles the promise later, through the thread's GLib context; nothing
// in the event loop knows that JS will run then, so without this the host could count itself idle and end the
// run before the promise settles. Each pending operation counts in a host cell the loop reads.
(function (ops, internals, global) {
  "use strict";

  const cells = ops.hostCells;
  const PENDING_ENGINE_WORK = 2;
  const WebAssemblyObject = global.WebAssembly;
  if (typeof WebAssemblyObject !== "object" || WebAssemblyObject === null) return;

  const { apply: ReflectApply, defineProperty: ReflectDefineProperty, getOwnPropertyDescriptor: ReflectGetOwnPropertyDescriptor } = Reflect;
  const PromisePrototypeThen = Promise.prototype.then;

  function settled() {
    cells[PENDING_ENGINE_WORK] -= 1;
  }

  for (const name of ["compile", "instantiate", "compileStreaming", "instantiateStreaming"]) {
    const descriptor = ReflectGetOwnPropertyDescriptor(WebAssemblyObject, name);
    if (descriptor === undefined || typeof descriptor.value !== "function") continue;
    const original = descriptor.value;
    // A method-shaped function keeps the original's name and length and is not a constructor.
    const wrapper = {
      [name](...args) {
        const promise = ReflectApply(original, this, args);
        cells[PENDING_ENGINE_WORK] += 1;
        ReflectApply(PromisePrototypeThen, promise, [settled, settled]);
        return promise;
      },
    }[name];
    ReflectDefineProperty(wrapper, "length", { __proto__: null, value: original.length, configurable: true });
    ReflectDefineProperty(WebAssemblyObject, name, { __proto__: null, ...descriptor, value: wrapper });
  }
})
