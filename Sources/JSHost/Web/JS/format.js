// format.js: the text of a console call's arguments: printf-style substitution in a leading string
// (%s %d %i %f %j %o %O %c %%), then the remaining arguments separated by spaces.
// Loaded by console.js after the inspect*.js modules (it uses inspect for everything that is not a string).
//
// Behaviour: the WHATWG Console Standard's Formatter (https://console.spec.whatwg.org/#formatter) with
// Node.js 20's documented `util.format` conversions, observed on node:
//   %s  strings as they are; numbers (-0 as `-0`), bigints (`5n`), symbols, functions via String(); objects
//       inspected with depth 0, unless the object brings its own toString or Symbol.toPrimitive (one not
//       inherited from a built-in prototype), which is then used
//   %d  Number(value) (bigints stay `5n`, symbols and objects give NaN)      %i  parseInt      %f  parseFloat
//   %j  JSON.stringify (a cycle gives `[Circular]`)
//   %o  inspect with { showHidden: true, depth: 4 }                          %O  inspect with the defaults
//   %c  consumes its argument (CSS has no meaning here)                      %%  a single `%`
// A specifier without an argument left, or an unknown one, stays in the text as written.
//
// Published on `internals`:
//   format(...args) → string
(function (ops, internals, global) {
  "use strict";

  const I = internals.intrinsics;
  const { ReflectApply, FunctionPrototypeCall, FunctionPrototypeBind } = I;
  const uncurry = (fn) => ReflectApply(FunctionPrototypeBind, FunctionPrototypeCall, [fn]);
  const { ObjectGetOwnPropertyDescriptor, ObjectGetPrototypeOf, StringCtor, NumberCtor, JSONStringify,
    SymbolToPrimitive } = I;
  const parseIntIntrinsic = I.parseInt;
  const parseFloatIntrinsic = I.parseFloat;
  const charCodeAt = uncurry(I.StringPrototypeCharCodeAt);
  const slice = uncurry(I.StringPrototypeSlice);
  const includes = uncurry(I.StringPrototypeIncludes);
  const functionToString = uncurry(I.FunctionPrototypeToString);
  const symbolToString = uncurry(I.SymbolPrototypeToString);
  const inspect = internals.inspect;
  const formatNumber = internals.inspectText.formatNumber;

  const HIDDEN_AND_DEEPER = { __proto__: null, showHidden: true, depth: 4 };
  const SHALLOW = { __proto__: null, depth: 0 };

  // Text of an argument that is not consumed by a specifier.
  function formatArgument(value) {
    return typeof value === "string" ? value : inspect(value, undefined);
  }

  // True when converting the object with String() would run code of the user's rather than a built-in
  // prototype's toString (built-in constructors are native functions).
  function hasOwnConversion(object) {
    for (let holder = object; holder !== null; holder = ObjectGetPrototypeOf(holder)) {
      const ctor = ObjectGetOwnPropertyDescriptor(holder, "constructor");
      if (ctor !== undefined && typeof ctor.value === "function" && isNative(ctor.value)) return false;
      const toString = ObjectGetOwnPropertyDescriptor(holder, "toString");
      if (toString !== undefined && typeof toString.value === "function") return true;
      const toPrimitive = ObjectGetOwnPropertyDescriptor(holder, SymbolToPrimitive);
      if (toPrimitive !== undefined && typeof toPrimitive.value === "function") return true;
    }
    return false;
  }

  function isNative(fn) {
    try {
      return includes(functionToString(fn), "[native code]");
    } catch {
      return false;
    }
  }

  function asString(value) {
    switch (typeof value) {
      case "string": return value;
      case "number": return formatNumber(value);
      case "bigint": return `${value}n`;
      case "symbol": return symbolToString(value);
      case "object":
        if (value !== null && !hasOwnConversion(value)) return inspect(value, SHALLOW);
    }
    return StringCtor(value);
  }

  function asNumber(value, convert) {
    if (typeof value === "bigint") return `${value}n`;
    if (typeof value === "symbol") return "NaN";
    return formatNumber(convert(value));
  }

  function asJSON(value) {
    try {
      const text = JSONStringify(value);
      return text === undefined ? "undefined" : text;
    } catch (error) {
      // A cyclic structure is the one failure shown instead of thrown.
      if (error !== null && typeof error === "object" && typeof error.message === "string" &&
          (includes(error.message, "circular") || includes(error.message, "cyclic"))) {
        return "[Circular]";
      }
      throw error;
    }
  }

  function format(...args) {
    const first = args[0];
    if (typeof first !== "string" || args.length === 1) {
      let text = "";
      for (let i = 0; i < args.length; i++) text += (i === 0 ? "" : " ") + formatArgument(args[i]);
      return text;
    }
    let text = "";
    let next = 1; // the next argument a specifier consumes
    let from = 0; // start of the text not yet copied
    for (let i = 0; i < first.length - 1; i++) {
      if (charCodeAt(first, i) !== 0x25) continue; // '%'
      const code = charCodeAt(first, i + 1);
      if (code === 0x25) {
        text += slice(first, from, i) + "%";
        from = i + 2;
        i++;
        continue;
      }
      if (next >= args.length) continue;
      let replacement;
      switch (code) {
        case 0x73: replacement = asString(args[next]); break; // s
        case 0x64: replacement = asNumber(args[next], NumberCtor); break; // d
        case 0x69: replacement = asNumber(args[next], parseIntIntrinsic); break; // i
        case 0x66: // f
          replacement = typeof args[next] === "symbol" ? "NaN" : formatNumber(parseFloatIntrinsic(args[next]));
          break;
        case 0x6a: replacement = asJSON(args[next]); break; // j
        case 0x6f: replacement = inspect(args[next], HIDDEN_AND_DEEPER); break; // o
        case 0x4f: replacement = inspect(args[next], undefined); break; // O
        case 0x63: replacement = ""; break; // c
        default: continue;
      }
      next++;
      text += slice(first, from, i) + replacement;
      from = i + 2;
      i++;
    }
    text += slice(first, from);
    for (; next < args.length; next++) text += " " + formatArgument(args[next]);
    return text;
  }

  internals.format = format;
})
