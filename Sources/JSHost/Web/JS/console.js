// console.js: the `console` namespace (WHATWG Console Standard, https://console.spec.whatwg.org/) with the
// output conventions of Node.js 20: log/info/debug/dirxml print to stdout, warn/error/trace/assert to
// stderr; group() indents by two spaces; count() prints `label: n`; timers print `label: 1.234ms`;
// table() draws a box table; assert() prints `Assertion failed[: message]`.
//
// Cheap to evaluate on purpose: a realm is created per test file, and most console calls print one string.
// The value formatting (inspect*.js, format.js) and table drawing (console-table.js) are loaded on the first
// call that needs them; `console.log("text")` needs none of them.
//
// Published on `internals` (each loads its module on first use; see inspect*.js and format.js):
//   inspect(value, options), format(...args), formatUncaught(value, inPromise), formatStackFrames(stack)
// Published on the global: console.
(function (ops, internals, global) {
  "use strict";

  const I = internals.intrinsics; // captured before user code, see intrinsics.js
  const { ReflectApply, ObjectDefineProperty, ObjectGetOwnPropertyDescriptor, ObjectKeys, StringCtor } = I;
  const uncurry = (fn) => ReflectApply(I.FunctionPrototypeBind, I.FunctionPrototypeCall, [fn]);
  const slice = uncurry(I.StringPrototypeSlice);
  const indexOf = uncurry(I.StringPrototypeIndexOf);
  const toFixed = uncurry(I.NumberPrototypeToFixed);
  const print = ops.print;
  const now = ops.now;
  const ErrorCtor = Error;

  // ---- modules loaded on first use --------------------------------------------------------------------------

  let formattingLoaded = false;
  function loadFormatting() {
    if (formattingLoaded) return;
    formattingLoaded = true;
    ops.loadModule("inspect-text.js");
    ops.loadModule("inspect.js");
    ops.loadModule("inspect-errors.js");
    ops.loadModule("format.js");
  }

  let tableLoaded = false;
  function loadTable() {
    loadFormatting();
    if (tableLoaded) return;
    tableLoaded = true;
    ops.loadModule("console-table.js");
  }

  // Until inspect.js and format.js are loaded, their hooks are accessors that load them; the modules then
  // replace each accessor with the real function.
  function lazyHook(name) {
    ObjectDefineProperty(internals, name, {
      __proto__: null,
      get() {
        loadFormatting();
        const descriptor = ObjectGetOwnPropertyDescriptor(internals, name);
        return descriptor !== undefined ? descriptor.value : undefined;
      },
      set(value) {
        ObjectDefineProperty(internals, name, { __proto__: null, value, writable: true, enumerable: true, configurable: true });
      },
      enumerable: true,
      configurable: true,
    });
  }
  lazyHook("inspect");
  lazyHook("format");
  lazyHook("formatUncaught");
  lazyHook("formatStackFrames");

  // ---- output ---------------------------------------------------------------------------------------------

  let groupIndent = "";

  function indentLines(text) {
    let result = groupIndent;
    let from = 0;
    for (let at = indexOf(text, "\n"); at !== -1; at = indexOf(text, "\n", from)) {
      result += slice(text, from, at + 1) + groupIndent;
      from = at + 1;
    }
    return result + slice(text, from);
  }

  function write(fd, text) {
    print(fd, `${groupIndent === "" ? text : indentLines(text)}\n`);
  }

  // The text of a list of console arguments; a single string is printed as it is (the common case).
  function textOf(args) {
    if (args.length === 1 && typeof args[0] === "string") return args[0];
    if (args.length === 0) return "";
    loadFormatting();
    return ReflectApply(internals.format, undefined, args);
  }

  function warn(message) {
    write(2, `Warning: ${message}`);
  }

  function labelOf(label) {
    return label === undefined ? "default" : typeof label === "string" ? label : StringCtor(label);
  }

  // Durations as Node prints them: 1.234ms, 1.234s, 1:02.345 (m:ss.mmm), 1:02:03.456 (h:mm:ss.mmm).
  function formatDuration(ms) {
    if (ms < 1000) return `${toFixed(ms, 3)}ms`;
    if (ms < 60000) return `${toFixed(ms / 1000, 3)}s`;
    const seconds = ms / 1000;
    const hours = (seconds / 3600) | 0;
    const minutes = ((seconds - hours * 3600) / 60) | 0;
    const rest = toFixed(seconds - hours * 3600 - minutes * 60, 3);
    const paddedRest = rest.length < 6 ? `0${rest}` : rest;
    if (hours === 0) return `${minutes}:${paddedRest} (m:ss.mmm)`;
    return `${hours}:${minutes < 10 ? "0" : ""}${minutes}:${paddedRest} (h:mm:ss.mmm)`;
  }

  // ---- the namespace ---------------------------------------------------------------------------------------

  const counts = { __proto__: null };
  const timers = { __proto__: null };

  // Per the Console Standard, the namespace object's prototype is an empty object, not Object.prototype.
  const console = {
    __proto__: {},
    assert(condition = false, ...data) {
      if (condition) return;
      if (data.length === 0) {
        write(2, "Assertion failed");
        return;
      }
      // Node's wording: the first argument is converted with String() and prefixed.
      data[0] = `Assertion failed: ${typeof data[0] === "string" ? data[0] : StringCtor(data[0])}`;
      write(2, textOf(data));
    },

    // Clearing means nothing when the output is a file or a pipe, the usual case for jshost.
    clear() {},

    debug(...data) { write(1, textOf(data)); },
    error(...data) { write(2, textOf(data)); },
    info(...data) { write(1, textOf(data)); },
    log(...data) { write(1, textOf(data)); },

    table(tabularData = undefined, properties = undefined) {
      if (tabularData === null || typeof tabularData !== "object") {
        write(1, textOf([tabularData]));
        return;
      }
      loadTable();
      write(1, internals.renderTable(tabularData, properties));
    },

    trace(...data) {
      loadFormatting();
      const stack = new ErrorCtor().stack;
      let frames = "";
      if (typeof stack === "string") {
        const firstBreak = indexOf(stack, "\n"); // the first frame is this method
        frames = firstBreak === -1 ? "" : internals.formatStackFrames(slice(stack, firstBreak + 1));
      }
      const message = data.length === 0 ? "Trace" : `Trace: ${textOf(data)}`;
      write(2, frames === "" ? message : `${message}\n${frames}`);
    },

    warn(...data) { write(2, textOf(data)); },

    dir(item = undefined, options = undefined) {
      loadFormatting();
      const merged = { __proto__: null, customInspect: false };
      if (options !== null && typeof options === "object") {
        const keys = ObjectKeys(options);
        for (let i = 0; i < keys.length; i++) merged[keys[i]] = options[keys[i]];
      }
      write(1, internals.inspect(item, merged));
    },

    dirxml(...data) { write(1, textOf(data)); },

    count(label = undefined) {
      const key = labelOf(label);
      const count = (counts[key] ?? 0) + 1;
      counts[key] = count;
      write(1, `${key}: ${count}`);
    },

    countReset(label = undefined) {
      const key = labelOf(label);
      if (counts[key] === undefined) {
        warn(`Count for '${key}' does not exist`);
        return;
      }
      counts[key] = 0;
    },

    group(...data) {
      if (data.length > 0) write(1, textOf(data));
      groupIndent += "  ";
    },

    groupCollapsed(...data) {
      if (data.length > 0) write(1, textOf(data));
      groupIndent += "  ";
    },

    groupEnd() {
      groupIndent = slice(groupIndent, 2);
    },

    time(label = undefined) {
      const key = labelOf(label);
      if (timers[key] !== undefined) {
        warn(`Label '${key}' already exists for console.time()`);
        return;
      }
      timers[key] = now();
    },

    timeLog(label = undefined, ...data) {
      const key = labelOf(label);
      const start = timers[key];
      if (start === undefined) {
        warn(`No such label '${key}' for console.timeLog()`);
        return;
      }
      const line = `${key}: ${formatDuration(now() - start)}`;
      if (data.length === 0) {
        write(1, line);
        return;
      }
      // The extra data is printed like extra console.log arguments (no format specifiers in it).
      const args = [line];
      for (let i = 0; i < data.length; i++) args[i + 1] = data[i];
      loadFormatting();
      write(1, ReflectApply(internals.format, undefined, args));
    },

    timeEnd(label = undefined) {
      const key = labelOf(label);
      const start = timers[key];
      if (start === undefined) {
        warn(`No such label '${key}' for console.timeEnd()`);
        return;
      }
      delete timers[key];
      write(1, `${key}: ${formatDuration(now() - start)}`);
    },
  };

  ObjectDefineProperty(console, I.SymbolToStringTag, { __proto__: null, value: "console", configurable: true });
  ObjectDefineProperty(global, "console", { __proto__: null, value: console, writable: true, enumerable: false, configurable: true });
})
