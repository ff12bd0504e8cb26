// The list of ways a script can tamper with the built-ins, for the sweep tests (patched-builtins.any.js and
// the CLI test of error reports under patches): every function-valued property and every accessor of the
// built-in constructors, prototypes and namespaces, replaced by one that throws; every global binding set to 5;
// and a few patches of their own (Object.prototype.get / set / value, species, constructor).
//
// makeBuiltinPatches() returns [{ name, apply(), restore() }]. apply and restore use only what was captured
// when the list was made, so they work while any single patch is in force.

function makeBuiltinPatches() {
  "use strict";
  const { defineProperty, getOwnPropertyDescriptor, getPrototypeOf } = Object;
  const ownKeys = Reflect.ownKeys;
  const hasOwn = Object.hasOwn;
  const StringCtor = String;
  const symbolDescription = getOwnPropertyDescriptor(Symbol.prototype, "description").get;
  const apply = Reflect.apply;
  const patches = [];

  function keyName(key) {
    return typeof key === "symbol" ? `[${apply(symbolDescription, key, [])}]` : `.${key}`;
  }

  function thrower(name) {
    return function patched() {
      throw new Error(`patched built-in called: ${name}`);
    };
  }

  // Replaces a property for the duration of one patch; restore puts the original descriptor back.
  function add(name, object, key, replacement) {
    const original = getOwnPropertyDescriptor(object, key);
    patches[patches.length] = {
      name,
      apply() { defineProperty(object, key, replacement); },
      restore() {
        if (original === undefined) delete object[key];
        else defineProperty(object, key, original);
      },
    };
  }

  const arrayIterator = getPrototypeOf([][Symbol.iterator]());
  const typedArray = getPrototypeOf(Uint8Array);
  const targets = [
    ["Object", Object], ["Object.prototype", Object.prototype], ["Function.prototype", Function.prototype],
    ["Array", Array], ["Array.prototype", Array.prototype], ["%ArrayIteratorPrototype%", arrayIterator],
    ["%IteratorPrototype%", getPrototypeOf(arrayIterator)],
    ["String", String], ["String.prototype", String.prototype],
    ["%StringIteratorPrototype%", getPrototypeOf(""[Symbol.iterator]())],
    ["Symbol", Symbol], ["Symbol.prototype", Symbol.prototype],
    ["Number", Number], ["Number.prototype", Number.prototype], ["Boolean.prototype", Boolean.prototype],
    ["BigInt.prototype", BigInt.prototype], ["Date", Date], ["Date.prototype", Date.prototype],
    ["Map", Map], ["Map.prototype", Map.prototype], ["%MapIteratorPrototype%", getPrototypeOf(new Map().entries())],
    ["Set", Set], ["Set.prototype", Set.prototype], ["%SetIteratorPrototype%", getPrototypeOf(new Set().values())],
    ["WeakMap.prototype", WeakMap.prototype], ["WeakSet.prototype", WeakSet.prototype],
    ["WeakRef.prototype", WeakRef.prototype], ["FinalizationRegistry.prototype", FinalizationRegistry.prototype],
    ["Promise", Promise], ["Promise.prototype", Promise.prototype],
    ["Reflect", Reflect], ["JSON", JSON], ["Math", Math],
    ["Error", Error], ["Error.prototype", Error.prototype], ["TypeError.prototype", TypeError.prototype],
    ["RegExp", RegExp], ["RegExp.prototype", RegExp.prototype],
    ["ArrayBuffer", ArrayBuffer], ["ArrayBuffer.prototype", ArrayBuffer.prototype],
    ["%TypedArray%", typedArray], ["%TypedArray%.prototype", typedArray.prototype],
    ["Uint8Array", Uint8Array], ["DataView.prototype", DataView.prototype],
  ];
  for (let t = 0; t < targets.length; t++) {
    const label = targets[t][0], object = targets[t][1];
    const keys = ownKeys(object);
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k];
      const d = getOwnPropertyDescriptor(object, key);
      const name = label + keyName(key);
      if (!d.configurable && !(hasOwn(d, "value") && d.writable)) continue;
      if (hasOwn(d, "value")) {
        if (typeof d.value !== "function") continue;
        if (!d.configurable) {
          add(name, object, key, { __proto__: null, value: thrower(name) }); // writable, not configurable
        } else {
          add(name, object, key, { __proto__: null, value: thrower(name), writable: true, enumerable: d.enumerable, configurable: true });
        }
      } else {
        add(name, object, key, {
          __proto__: null, get: thrower(name + " (get)"), set: thrower(name + " (set)"),
          enumerable: d.enumerable, configurable: true,
        });
      }
    }
  }

  // Properties a script may add to Object.prototype: every descriptor-shaped object inherits them.
  for (const key of ["get", "set", "value", "writable", "enumerable", "configurable", "then"]) {
    add(`Object.prototype.${key} (added)`, Object.prototype, key,
      { __proto__: null, value: key === "get" || key === "set" ? thrower(key) : 1, writable: true, configurable: true });
  }
  const hasOwnProperty = getOwnPropertyDescriptor(Object.prototype, "hasOwnProperty");
  patches[patches.length] = {
    name: "Object.prototype.hasOwnProperty (deleted)",
    apply() { delete Object.prototype.hasOwnProperty; },
    restore() { defineProperty(Object.prototype, "hasOwnProperty", hasOwnProperty); },
  };
  for (const [label, C] of [["Promise", Promise], ["Array", Array], ["Map", Map], ["ArrayBuffer", ArrayBuffer]]) {
    add(`${label}.prototype.constructor (replaced)`, C.prototype, "constructor",
      { __proto__: null, value: { [Symbol.species]: thrower(label + " species") }, writable: true, configurable: true });
  }

  // Every global binding, one at a time, set to 5 (`String = 5`).
  const globals = ownKeys(globalThis);
  for (let g = 0; g < globals.length; g++) {
    const key = globals[g];
    const d = getOwnPropertyDescriptor(globalThis, key);
    if (typeof key !== "string" || !d.configurable) continue;
    add(`globalThis${keyName(key)} = 5`, globalThis, key, { __proto__: null, value: 5, writable: true, configurable: true });
  }
  return patches;
}
