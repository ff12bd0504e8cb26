// inspect-text.js: how inspect.js writes primitive values and property keys (numbers, quoted and escaped
// strings, symbols, identifier-like keys), plus the small text helpers the inspect modules share.
// Loaded with inspect.js (see there for where the format comes from).
//
// Published on `internals`:
//   inspectText   a frozen record of the helpers below, for inspect.js, inspect-errors.js and console-table.js
(function (ops, internals, global) {
  "use strict";

  const I = internals.intrinsics; // captured before user code, see intrinsics.js
  const { ReflectApply, FunctionPrototypeCall, FunctionPrototypeBind, StringCtor, ObjectFreeze } = I;
  const uncurry = (fn) => ReflectApply(FunctionPrototypeBind, FunctionPrototypeCall, [fn]);
  const slice = uncurry(I.StringPrototypeSlice);
  const indexOf = uncurry(I.StringPrototypeIndexOf);
  const charCodeAt = uncurry(I.StringPrototypeCharCodeAt);
  const codePointAt = uncurry(I.StringPrototypeCodePointAt);
  const repeat = uncurry(I.StringPrototypeRepeat);
  const includes = uncurry(I.StringPrototypeIncludes);
  const numberToString = uncurry(I.NumberPrototypeToString);
  const symbolToString = uncurry(I.SymbolPrototypeToString);

  // ---- small helpers (no user-patchable method is involved) -------------------------------------------

  function append(list, item) {
    list[list.length] = item;
  }

  function join(list, separator) {
    let text = "";
    for (let i = 0; i < list.length; i++) text = i === 0 ? list[0] : text + separator + list[i];
    return text;
  }

  function spaces(count) {
    return count > 0 ? repeat(" ", count) : "";
  }

  // Replaces every "\n" with "\n" followed by `indent`.
  function indentAfterNewlines(text, indent) {
    if (indent === "") return text;
    let result = "";
    let from = 0;
    for (let at = indexOf(text, "\n"); at !== -1; at = indexOf(text, "\n", from)) {
      result += slice(text, from, at + 1) + indent;
      from = at + 1;
    }
    return result + slice(text, from);
  }

  // Columns a string takes in a terminal: East Asian wide and fullwidth characters take two, combining marks
  // and zero-width characters none.
  function displayWidth(text) {
    let width = 0;
    for (let i = 0; i < text.length; i++) {
      const code = codePointAt(text, i);
      if (code > 0xffff) i++;
      if (code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0x300 && code < 0x370) ||
          (code >= 0x200b && code <= 0x200f) || (code >= 0xfe00 && code <= 0xfe0f) || code === 0xfeff ||
          (code >= 0xe0100 && code <= 0xe01ef)) {
        continue;
      }
      width += isWide(code) ? 2 : 1;
    }
    return width;
  }

  function isWide(code) {
    return code >= 0x1100 && (
      code <= 0x115f || code === 0x2329 || code === 0x232a ||
      (code >= 0x2e80 && code <= 0x3247 && code !== 0x303f) ||
      (code >= 0x3250 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0xa4c6) ||
      (code >= 0xa960 && code <= 0xa97c) || (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe10 && code <= 0xfe19) ||
      (code >= 0xfe30 && code <= 0xfe6b) || (code >= 0xff01 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x1b000 && code <= 0x1b001) ||
      (code >= 0x1f200 && code <= 0x1f251) || (code >= 0x1f300 && code <= 0x1f64f) ||
      (code >= 0x1f900 && code <= 0x1f9ff) || (code >= 0x20000 && code <= 0x3fffd));
  }

  // ---- primitives -----------------------------------------------------------------------------------------

  function formatNumber(number) {
    return number === 0 && 1 / number < 0 ? "-0" : `${number}`;
  }

  const HEX = "0123456789ABCDEF";

  // The escape for one UTF-16 code unit inside a quoted string, or undefined when it stands for itself.
  function escapeFor(code, quote) {
    if (code === quote) return quote === 0x27 ? "\\'" : undefined;
    if (code === 0x5c) return "\\\\";
    if (code >= 0x20 && code < 0x7f) return undefined;
    switch (code) {
      case 0x08: return "\\b";
      case 0x09: return "\\t";
      case 0x0a: return "\\n";
      case 0x0c: return "\\f";
      case 0x0d: return "\\r";
    }
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return `\\x${HEX[code >> 4]}${HEX[code & 15]}`;
    return undefined;
  }

  // Quotes a string the way inspect shows strings: single quotes unless the text contains one, then double
  // quotes, then backticks; control characters, backslashes and lone surrogates escaped.
  function quote(text) {
    let quoteCode = 0x27;
    if (includes(text, "'")) {
      if (!includes(text, "\"")) quoteCode = 0x22;
      else if (!includes(text, "`") && !includes(text, "${")) quoteCode = 0x60;
    }
    const mark = quoteCode === 0x27 ? "'" : quoteCode === 0x22 ? "\"" : "`";
    return mark + escapeText(text, quoteCode) + mark;
  }

  function escapeText(text, quoteCode) {
    let result = "";
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      const code = charCodeAt(text, i);
      let escaped = escapeFor(code, quoteCode);
      if (escaped === undefined && code >= 0xd800 && code <= 0xdfff) {
        const next = i + 1 < text.length ? charCodeAt(text, i + 1) : 0;
        if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          i++;
          continue;
        }
        escaped = `\\u${numberToString(code, 16)}`;
      }
      if (escaped !== undefined) {
        result += slice(text, from, i) + escaped;
        from = i + 1;
      }
    }
    return from === 0 ? text : result + slice(text, from);
  }

  const MIN_SPLIT_LENGTH = 16;

  function formatString(run, text) {
    let tail = "";
    if (text.length > run.maxStringLength) {
      const rest = text.length - run.maxStringLength;
      text = slice(text, 0, run.maxStringLength);
      tail = `... ${rest} more character${rest > 1 ? "s" : ""}`;
    }
    // A long string with line breaks is shown as one quoted piece per line, joined with `+`.
    if (run.compact !== true && text.length > MIN_SPLIT_LENGTH &&
        text.length > run.breakLength - run.indent - 4 && includes(text, "\n")) {
      const pieces = [];
      let from = 0;
      for (let at = indexOf(text, "\n"); at !== -1; at = indexOf(text, "\n", from)) {
        append(pieces, quote(slice(text, from, at + 1)));
        from = at + 1;
      }
      if (from < text.length) append(pieces, quote(slice(text, from)));
      return join(pieces, ` +\n${spaces(run.indent + 2)}`) + tail;
    }
    return quote(text) + tail;
  }

  function formatSymbol(symbol) {
    return symbolToString(symbol);
  }

  function formatPrimitive(run, value) {
    switch (typeof value) {
      case "string": return formatString(run, value);
      case "number": return formatNumber(value);
      case "bigint": return `${value}n`;
      case "boolean": return value ? "true" : "false";
      case "undefined": return "undefined";
      case "symbol": return formatSymbol(value);
    }
    return "null";
  }

  // ---- property keys --------------------------------------------------------------------------------------

  function isIdentifier(key) {
    if (key.length === 0) return false;
    for (let i = 0; i < key.length; i++) {
      const code = charCodeAt(key, i);
      const letter = (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
      if (!letter && !(i > 0 && code >= 0x30 && code <= 0x39)) return false;
    }
    return true;
  }

  function isArrayIndex(key) {
    if (typeof key !== "string" || key.length === 0 || key.length > 10) return false;
    const first = charCodeAt(key, 0);
    if (first === 0x30) return key.length === 1;
    for (let i = 0; i < key.length; i++) {
      const code = charCodeAt(key, i);
      if (code < 0x30 || code > 0x39) return false;
    }
    return +key < 4294967295;
  }

  function formatKey(key, enumerable) {
    if (typeof key === "symbol") return `[${escapeText(symbolToString(key), 0x27)}]`;
    if (key === "__proto__") return "['__proto__']";
    if (!enumerable) return `[${key}]`;
    return isIdentifier(key) ? key : quote(key);
  }

  // ---- reading user objects without letting their getters break the output ---------------------------

  function safeGet(object, key) {
    try {
      return object[key];
    } catch {
      return undefined;
    }
  }

  function safeString(value) {
    try {
      return typeof value === "symbol" ? symbolToString(value) : StringCtor(value);
    } catch {
      return "[unprintable]";
    }
  }

  internals.inspectText = ObjectFreeze({
    __proto__: null,
    append,
    join,
    spaces,
    indentAfterNewlines,
    displayWidth,
    formatNumber,
    formatString,
    formatSymbol,
    formatPrimitive,
    formatKey,
    isArrayIndex,
    safeGet,
    safeString,
  });
})
