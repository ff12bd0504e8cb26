// Loads clone.js the first time structured cloning is needed. It is the second-largest module and most
// scripts never clone (postMessage of a primitive needs no clone either), so realms start ~1 ms faster.
// The global `structuredClone` installed here is the permanent one: its identity, name and length never change.
(function (ops, internals, global) {
  "use strict";

  const { apply: reflectApply, defineProperty } = Reflect;
  let loaded = false;

  function load() {
    if (loaded) return;
    loaded = true;
    ops.loadModule("clone.js");
  }

  // Hooks other modules call through `internals`: the first read loads clone.js, which assigns the real ones.
  for (const name of ["structuredClone", "serializeForPost", "deserializeFromPost", "structuredCloneWebIDL"]) {
    defineProperty(internals, name, {
      get() {
        load();
        return internals[name];
      },
      set(value) {
        defineProperty(internals, name, { value, writable: true, enumerable: true, configurable: true });
      },
      enumerable: true,
      configurable: true,
    });
  }

  internals.structuredCloneGlobalInstalled = true;
  const structuredClone = {
    structuredClone(value, options = undefined) {
      return reflectApply(internals.structuredCloneWebIDL, undefined, arguments);
    },
  }.structuredClone;
  defineProperty(global, "structuredClone", { value: structuredClone, writable: true, enumerable: false, configurable: true });
})
