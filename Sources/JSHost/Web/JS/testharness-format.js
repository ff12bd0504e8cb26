// Test harness, part 1 of 4: turning values into the text of failure messages (`format_value`).
// Loaded by testharness.js; publishes its functions on the shared harness namespace `internals.th`.
(function (ops, internals, global) {
  "use strict";

  const th = internals.th;
  const { apply, defineProperty } = Reflect;
  const StringCtor = String;
  const ObjectIs = Object.is;
  const isArray = Array.isArray;
  const charCodeAt = String.prototype.charCodeAt;
  const stringSlice = String.prototype.slice;
  const numberToString = Number.prototype.toString;
  const symbolToString = Symbol.prototype.toString;

  // Longest text shown for an object's string form, and for a DOM node's data.
  const MAX_OBJECT_TEXT = 1000;
  const MAX_NODE_TEXT = 60;

  function sliceOf(text, start, end) {
    return apply(stringSlice, text, [start, end]);
  }

  function hex(code, width) {
    let digits = apply(numberToString, code, [16]);
    while (digits.length < width) digits = "0" + digits;
    return digits;
  }

  // Escapes as the harness always has: named escapes for the common controls, \xNN for the other C0
  // controls, \uXXXX for U+FFFD..U+FFFF (which render as nothing useful); everything else as is.
  const NAMED_ESCAPES = {
    __proto__: null, 0x22: "\\\"", 0x5c: "\\\\", 0x0a: "\\n", 0x09: "\\t", 0x0d: "\\r", 0x08: "\\b",
    0x0c: "\\f", 0x0b: "\\v", 0x00: "\\0",
  };

  function quoteString(text) {
    let out = "\"";
    for (let i = 0; i < text.length; i++) {
      const code = apply(charCodeAt, text, [i]);
      const named = NAMED_ESCAPES[code];
      if (named !== undefined) out += named;
      else if (code < 0x20) out += "\\x" + hex(code, 2);
      else if (code >= 0xfffd) out += "\\u" + hex(code, 4);
      else out += text[i];
    }
    return out + "\"";
  }

  function truncate(text, limit) {
    return text.length > limit ? sliceOf(text, 0, limit - 3) + "..." : text;
  }

  function hasProperty(value, name) {
    try {
      return name in value;
    } catch {
      return false;
    }
  }

  function looksLikeNode(value) {
    return hasProperty(value, "nodeType") && hasProperty(value, "nodeName") && hasProperty(value, "nodeValue")
      && hasProperty(value, "childNodes");
  }

  function childCount(node) {
    const count = node.childNodes.length;
    return `with ${count} ${count === 1 ? "child" : "children"}`;
  }

  // DOM nodes (or objects shaped like them) are described by kind rather than by their string form.
  function describeNode(node) {
    switch (node.nodeType) {
      case 1: {
        let tag = "<" + node.localName;
        const attributes = node.attributes;
        for (let i = 0; i < attributes.length; i++) {
          tag += ` ${attributes[i].name}="${attributes[i].value}"`;
        }
        return `Element node ${tag}>${node.innerHTML}</${node.localName}>`;
      }
      case 3: return `Text node "${truncate(StringCtor(node.data), MAX_NODE_TEXT)}"`;
      case 7: return `ProcessingInstruction node with target "${StringCtor(node.target)}" and data "${StringCtor(node.data)}"`;
      case 8: return `Comment node <!--${truncate(StringCtor(node.data), MAX_NODE_TEXT)}-->`;
      case 9: return `Document node ${childCount(node)}`;
      case 10: return "DocumentType node";
      case 11: return `DocumentFragment node ${childCount(node)}`;
      default: return "Node object of unknown type";
    }
  }

  function describeObject(value, kind) {
    let text;
    try {
      text = StringCtor(value);
    } catch (error) {
      return `[stringifying object threw ${safeString(error)} with type ${typeof error}]`;
    }
    return `${kind} "${truncate(text, MAX_OBJECT_TEXT)}"`;
  }

  function safeString(value) {
    try {
      return StringCtor(value);
    } catch {
      return "[unprintable]";
    }
  }

  // `seen` holds the objects already shown while formatting one array: a repeat is shown as [...],
  // which also stops cycles.
  function formatValue(value, seen) {
    switch (typeof value) {
      case "string": return quoteString(value);
      case "number": return ObjectIs(value, -0) ? "-0" : StringCtor(value);
      case "bigint": return `bigint "${StringCtor(value)}"`;
      case "symbol": return `symbol "${apply(symbolToString, value, [])}"`;
      case "undefined": case "boolean": return StringCtor(value);
      case "function": return describeObject(value, "function");
    }
    if (value === null) return "null";
    if (seen === undefined) seen = [];
    for (let i = 0; i < seen.length; i++) {
      if (seen[i] === value) return "[...]";
    }
    defineProperty(seen, seen.length, { __proto__: null, value, writable: true, enumerable: true, configurable: true });
    if (isArray(value)) {
      let out = "[";
      for (let i = 0; i < value.length; i++) {
        if (i > 0) out += ", ";
        if (i in value) out += formatValue(value[i], seen);
      }
      return out + "]";
    }
    try {
      if (looksLikeNode(value)) return describeNode(value);
    } catch {
      // a node-like object with throwing accessors: show it as a plain object
    }
    return describeObject(value, "object");
  }

  // Failure messages name lone surrogates as U+XXXX so that they survive any output encoding.
  function replaceLoneSurrogates(text) {
    let out = "";
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const code = apply(charCodeAt, text, [i]);
      if (code < 0xd800 || code > 0xdfff) continue;
      if (code <= 0xdbff && i + 1 < text.length) {
        const next = apply(charCodeAt, text, [i + 1]);
        if (next >= 0xdc00 && next <= 0xdfff) {
          i++;
          continue;
        }
      }
      out += sliceOf(text, start, i) + "U+" + hex(code, 4);
      start = i + 1;
    }
    return start === 0 ? text : out + sliceOf(text, start, text.length);
  }

  // Arrays longer than this are shown as a window of WINDOW_SIZE elements around the interesting index.
  const FULL_ARRAY_LIMIT = 21;
  const WINDOW_SIZE = 20;

  // `focus` is the index to show, or undefined for the end of the array (where two lengths differ).
  function formatArrayAround(array, focus) {
    const length = array.length;
    if (length <= FULL_ARRAY_LIMIT) return formatValue(array);
    let start = focus === undefined ? length : focus - WINDOW_SIZE / 2;
    if (start < 0) start = 0;
    let end = start + WINDOW_SIZE;
    if (end > length) {
      end = length;
      start = length - WINDOW_SIZE < 0 ? 0 : length - WINDOW_SIZE;
    }
    let out = start > 0 ? "[\u2026" : "[";
    for (let i = start; i < end; i++) {
      if (i > 0) out += ", ";
      if (i in array) out += formatValue(array[i]);
    }
    return out + (end < length ? ", \u2026]" : "]");
  }

  th.formatValue = formatValue;
  th.replaceLoneSurrogates = replaceLoneSurrogates;
  th.formatArrayAround = formatArrayAround;
  th.safeString = safeString;
})
