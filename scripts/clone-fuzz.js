// A seeded property-based fuzzer for structured clone.
//
// Each case builds a random object graph from its own seed: every type structuredClone supports (primitives
// with -0, NaN and BigInt; wrapper objects; Date; RegExp; ArrayBuffer, resizable too; every TypedArray with
// Float16Array; DataView; Map; Set; the seven Error types with and without cause; DOMException; sparse and holey
// arrays; objects with many keys), with shared references and cycles, and a transfer list of ArrayBuffers and
// MessagePorts. The graph goes through structuredClone() or through postMessage() on a MessageChannel, and the
// result is compared with a second graph built from the same seed (the input itself may be detached by the
// transfer): values exactly (Object.is), keys in order, prototypes, and identity structure (two references to
// one object stay two references to one object; distinct objects stay distinct; cycles stay cycles).
//
// Two ways to run it:
//   - js-fixtures/structured-clone/fuzz.any.js loads this file with `// META: script=` and runs a few thousand
//     cases per path (part of `make test`);
//   - jshost run scripts/clone-fuzz.js [--cases N] [--seed S] [--via structuredClone|postMessage|both]
//                                      [--case K] [--show]
//     runs N cases from seed S (`make fuzz`: a million). A mismatch prints its seed and case number; `--case K`
//     reruns that one case and `--show` prints its input and output.
(function (global) {
  "use strict";

  const DEFAULT_SEED = 20261127;

  // ---- Random numbers: xorshift32 per case, seeded from (run seed, case number) ----

  class Random {
    constructor(seed) {
      this.state = (seed >>> 0) || 0x9e3779b9;
    }
    next() {
      let x = this.state;
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      this.state = x >>> 0;
      return this.state;
    }
    int(limit) {
      return this.next() % limit;
    }
    chance(probability) {
      return this.next() / 4294967296 < probability;
    }
    pick(list) {
      return list[this.int(list.length)];
    }
    float() {
      return this.next() / 4294967296;
    }
  }

  function caseSeed(seed, caseNumber) {
    // Mix the two so that neighbouring cases of neighbouring runs do not share streams.
    let h = Math.imul((seed >>> 0) ^ 0x85ebca6b, 0xc2b2ae35) ^ Math.imul(caseNumber + 1, 0x27d4eb2f);
    h ^= h >>> 16;
    h = Math.imul(h, 0x7feb352d);
    h ^= h >>> 15;
    return h >>> 0;
  }

  // ---- Generating a graph ----

  const NUMBERS = [0, -0, 1, -1, 0.1, -2.5, NaN, Infinity, -Infinity, 2 ** 53, -(2 ** 53) + 1, 5e-324,
    Number.MAX_VALUE, -Number.MIN_VALUE, 4294967295, 4294967296, 1e21];
  const BIGINTS = [0n, 1n, -1n, 2n ** 63n, -(2n ** 63n), 2n ** 64n, -(2n ** 200n) - 12345n, 9007199254740993n];
  const CHARACTERS = ["a", "b", "Z", "0", " ", "é", "日", "🎉", "\u0000", "\n", "\uD800", "\uDFFF", "\u2028", "\\", "\""];
  const KEYS = ["a", "b", "key", "length", "constructor", "__proto__", "toString", "0", "1", "42", "-1", "1.5",
    "4294967294", "4294967295", "", "ünï", "🎉"];
  const VIEW_TYPES = ["Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array",
    "Uint32Array", "Float16Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array"]
    .filter((name) => typeof global[name] === "function");
  // The errors structured clone knows by name; any other name (AggregateError's too) clones as an Error.
  const ERROR_NAMES = ["Error", "EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError"];
  const ERROR_TYPES = ERROR_NAMES.map((name) => global[name]).concat(typeof AggregateError === "function" ? [AggregateError] : []);
  const DOM_EXCEPTION_NAMES = ["AbortError", "DataCloneError", "NotFoundError", "SyntaxError", "NoSuchName", ""];
  const REGEXP_SOURCES = ["a+b", "^x$", "[\\u{1F389}]", "(?<name>\\d+)", "", "\\/slash", "a|b|c", "."];
  const REGEXP_FLAGS = ["", "g", "i", "m", "s", "u", "y", "d", "gimsuyd", "v", "gv"];

  class Generator {
    constructor(seed, shape) {
      this.random = new Random(seed);
      this.shape = shape;
      this.objects = []; // objects made so far: later references to them make shared references and cycles
      this.buffers = [];
      this.ports = []; // every port made (both ends), to close afterwards
      this.sendPorts = []; // ports in the graph, which must be transferred
      this.nodes = 0;
      this.budget = shape.large ? 400 : 4 + this.random.int(40);
    }

    keep(object) {
      this.objects.push(object);
      return object;
    }

    string() {
      const r = this.random;
      if (r.chance(0.1)) return "";
      const length = r.chance(0.05) ? 200 + r.int(300) : r.int(12);
      let text = "";
      for (let i = 0; i < length; i++) text += r.pick(CHARACTERS);
      return text;
    }

    number() {
      const r = this.random;
      switch (r.int(4)) {
        case 0: return r.pick(NUMBERS);
        case 1: return r.int(1000) - 500;
        case 2: return (r.float() - 0.5) * 10 ** (r.int(40) - 20);
        default: return new Float64Array(new Uint32Array([r.next(), r.next()]).buffer)[0]; // any bit pattern
      }
    }

    bigint() {
      const r = this.random;
      return r.chance(0.5) ? r.pick(BIGINTS) : BigInt(r.int(100000)) * (r.chance(0.5) ? -1n : 1n) * 10n ** BigInt(r.int(30));
    }

    primitive() {
      const r = this.random;
      switch (r.int(8)) {
        case 0: return undefined;
        case 1: return null;
        case 2: return r.chance(0.5);
        case 3: case 4: return this.number();
        case 5: case 6: return this.string();
        default: return this.bigint();
      }
    }

    value(depth) {
      const r = this.random;
      this.nodes += 1;
      if (this.objects.length > 0 && r.chance(0.12)) return r.pick(this.objects);
      if (depth >= 6 || this.nodes >= this.budget) return r.chance(0.8) ? this.primitive() : this.leafObject();
      const k = r.int(100);
      if (k < 25) return this.primitive();
      if (k < 40) return this.plainObject(depth);
      if (k < 52) return this.array(depth);
      if (k < 57) return this.map(depth);
      if (k < 61) return this.set(depth);
      if (k < 69) return this.view();
      if (k < 89) return this.leafObject();
      if (k < 95) return this.error(depth);
      if (k < 97 && this.shape.ports) return this.port();
      return this.primitive();
    }

    // Objects without children.
    leafObject() {
      const r = this.random;
      switch (r.int(9)) {
        case 0: return this.keep(new Number(this.number()));
        case 1: return this.keep(new String(this.string()));
        case 2: return this.keep(new Boolean(r.chance(0.5)));
        case 3: return this.keep(Object(this.bigint()));
        case 4: return this.keep(new Date(r.chance(0.1) ? NaN : (r.float() - 0.5) * 1e13));
        case 5: {
          const regexp = new RegExp(r.pick(REGEXP_SOURCES), r.pick(REGEXP_FLAGS));
          regexp.lastIndex = r.int(5); // not cloned
          return this.keep(regexp);
        }
        case 6: return this.keep(new DOMException(this.string(), r.pick(DOM_EXCEPTION_NAMES)));
        case 7: return this.buffer();
        default: return this.view();
      }
    }

    plainObject(depth) {
      const r = this.random;
      const object = this.keep(r.chance(0.1) ? Object.create(null) : {});
      const count = this.shape.large && r.chance(0.3) ? 100 + r.int(400) : r.int(6);
      for (let i = 0; i < count; i++) {
        const key = r.chance(0.5) ? r.pick(KEYS) : this.string();
        const value = count > 20 ? this.primitive() : this.value(depth + 1);
        // A data property even for "__proto__" (CreateDataProperty, as the clone must do).
        Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
      }
      if (r.chance(0.1)) Object.defineProperty(object, "hidden", { value: 1, enumerable: false }); // not cloned
      if (r.chance(0.1)) object[Symbol("s")] = 1; // not cloned
      return object;
    }

    array(depth) {
      const r = this.random;
      const array = this.keep([]);
      const kind = r.int(4);
      if (kind === 0) {
        // Sparse: a long length, a few elements.
        array.length = r.chance(0.02) ? 2 ** 32 - 1 : r.int(2000);
        for (let i = r.int(4); i > 0; i--) array[r.int(array.length + 1)] = this.value(depth + 1);
      } else {
        const length = this.shape.large && r.chance(0.2) ? 100 + r.int(400) : r.int(8);
        for (let i = 0; i < length; i++) {
          if (kind === 1 && r.chance(0.3)) continue; // a hole
          array[i] = length > 20 ? this.primitive() : this.value(depth + 1);
        }
        array.length = length;
      }
      if (r.chance(0.15)) array[r.pick(["extra", "-1", "x"])] = this.value(depth + 1); // cloned too
      return array;
    }

    map(depth) {
      const r = this.random;
      const map = this.keep(new Map());
      for (let i = r.int(5); i > 0; i--) map.set(this.value(depth + 1), this.value(depth + 1));
      return map;
    }

    set(depth) {
      const r = this.random;
      const set = this.keep(new Set());
      for (let i = r.int(5); i > 0; i--) set.add(this.value(depth + 1));
      return set;
    }

    buffer() {
      const r = this.random;
      if (this.buffers.length > 0 && r.chance(0.3)) return r.pick(this.buffers);
      const length = r.int(48);
      const buffer = r.chance(0.3) ? new ArrayBuffer(length, { maxByteLength: length + r.int(64) }) : new ArrayBuffer(length);
      const bytes = new Uint8Array(buffer);
      for (let i = 0; i < length; i++) bytes[i] = r.int(256);
      this.buffers.push(buffer);
      return this.keep(buffer);
    }

    view() {
      const r = this.random;
      const buffer = this.buffer();
      const isDataView = r.chance(0.15);
      const type = isDataView ? DataView : global[r.pick(VIEW_TYPES)];
      const size = isDataView ? 1 : type.BYTES_PER_ELEMENT;
      const slots = Math.floor(buffer.byteLength / size);
      const start = r.int(slots + 1);
      const count = r.int(slots - start + 1);
      // On a resizable buffer, a view without a length tracks the buffer's length.
      const tracking = buffer.resizable && r.chance(0.5);
      const view = tracking ? new type(buffer, start * size) : new type(buffer, start * size, count);
      return this.keep(view);
    }

    error(depth) {
      const r = this.random;
      const type = r.pick(ERROR_TYPES);
      const message = r.chance(0.2) ? undefined : this.string();
      const error = this.keep(type === global.AggregateError ? new type([1], message) : new type(message));
      switch (r.int(12)) {
        // The name decides the prototype of the copy; it is not copied itself.
        case 0: error.name = r.pick(ERROR_NAMES); break;
        case 1: error.name = r.pick(["Custom", "", "DOMException"]); break;
        case 2: Object.defineProperty(error, "name", { value: 5 }); break;
        // Only an own data message is copied, converted to a string.
        case 3: Object.defineProperty(error, "message", { value: this.number(), writable: true, configurable: true }); break;
        case 4: Object.defineProperty(error, "message", { get: () => "from a getter", configurable: true }); break;
        default: break;
      }
      if (r.chance(0.4)) {
        // Defined after construction so that the cause may be the error itself or contain it.
        Object.defineProperty(error, "cause", { value: this.value(depth + 1), writable: true, enumerable: false, configurable: true });
      }
      return error;
    }

    port() {
      const channel = new MessageChannel();
      this.ports.push(channel.port1, channel.port2);
      this.sendPorts.push(channel.port1);
      return this.keep(channel.port1);
    }

    transferList() {
      const r = this.random;
      const list = [...this.sendPorts];
      for (const buffer of this.buffers) {
        if (r.chance(0.3)) list.push(buffer);
      }
      if (r.chance(0.05)) list.push(new ArrayBuffer(r.int(8))); // transferred but not in the value
      for (let i = list.length - 1; i > 0; i--) {
        const j = r.int(i + 1);
        [list[i], list[j]] = [list[j], list[i]];
      }
      return list;
    }
  }

  function generate(seed) {
    const r = new Random(seed);
    const shape = { large: r.chance(0.02), ports: r.chance(0.1) };
    const generator = new Generator(r.next(), shape);
    // Mostly a container at the top, so that most cases are graphs rather than single values.
    const value = r.chance(0.2) ? generator.value(0) : r.chance(0.6) ? generator.plainObject(0) : r.chance(0.7) ? generator.array(0) : generator.map(0);
    const transfer = generator.transferList();
    return { value, transfer, ports: generator.ports };
  }

  // Two identical graphs: the input (cloned, and maybe detached by the transfer) and the reference. Made on one
  // line so that their errors' stacks are the same text.
  function generatePair(seed) {
    const [input, reference] = [0, 1].map(() => generate(seed));
    return { input, reference };
  }

  // ---- Comparing ----

  class Mismatch extends Error {}

  function kindOf(value) {
    if (Array.isArray(value)) return "Array";
    if (value instanceof ArrayBuffer) return "ArrayBuffer";
    if (value instanceof DataView) return "DataView";
    if (ArrayBuffer.isView(value)) return "TypedArray";
    if (value instanceof Map) return "Map";
    if (value instanceof Set) return "Set";
    if (value instanceof Date) return "Date";
    if (value instanceof RegExp) return "RegExp";
    if (value instanceof Number) return "Number";
    if (value instanceof String) return "String";
    if (value instanceof Boolean) return "Boolean";
    if (value instanceof BigInt) return "BigInt";
    if (value instanceof DOMException) return "DOMException";
    if (value instanceof Error) return "Error";
    if (typeof MessagePort === "function" && value instanceof MessagePort) return "MessagePort";
    return "Object";
  }

  const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

  // What a copied error may have as own properties: the cloned ones, and those the engine gives every new error
  // (JavaScriptCore: line, column, sourceURL).
  const ERROR_OWN_KEYS = ["message", "stack", "cause", ...Reflect.ownKeys(new Error("m", { cause: 0 }))];

  // The error type a copy of `error` has: its name (read with Get) when structured clone knows it, else Error.
  function errorName(error) {
    const name = error.name;
    return ERROR_NAMES.includes(name) ? name : "Error";
  }

  function describeKey(key) {
    return typeof key === "symbol" ? key.toString() : JSON.stringify(key);
  }

  // Throws a Mismatch naming the path of the first difference.
  function compareGraphs(expected, actual) {
    const seen = new Map(); // expected object -> actual object
    const claimed = new Map(); // actual object -> the expected object it stands for
    const stack = [[expected, actual, "value"]];
    while (stack.length > 0) {
      const [e, a, path] = stack.pop();
      compareOne(e, a, path, seen, claimed, (ce, ca, cpath) => stack.push([ce, ca, cpath]));
    }
    return seen;
  }

  // A value for a message: -0, bigints and strings shown as JS would write them.
  function show(value) {
    if (Object.is(value, -0)) return "-0";
    if (typeof value === "bigint") return `${value}n`;
    if (typeof value === "string") return JSON.stringify(value);
    if (typeof value === "symbol") return value.toString();
    if (value !== null && typeof value === "object") return `a ${kindOf(value)}`;
    return String(value);
  }

  function fail(path, message) {
    throw new Mismatch(`${path}: ${message}`);
  }

  function compareOne(e, a, path, seen, claimed, visit) {
    if (typeof e !== typeof a) fail(path, `${show(a)}, expected ${show(e)}`);
    if (e === null || (typeof e !== "object" && typeof e !== "function")) {
      if (!Object.is(e, a)) fail(path, `${show(a)}, expected ${show(e)}`);
      return;
    }
    if (a === null) fail(path, "null, expected an object");
    if (seen.has(e)) {
      if (seen.get(e) !== a) fail(path, "a second reference to one object became a different object");
      return;
    }
    if (claimed.has(a)) fail(path, "two different objects became one");
    seen.set(e, a);
    claimed.set(a, e);

    const kind = kindOf(e);
    const expectedPrototype = kind === "Object" ? Object.prototype : kind === "Error" ? global[errorName(e)].prototype : Object.getPrototypeOf(e);
    if (Object.getPrototypeOf(a) !== expectedPrototype) {
      fail(path, `prototype of a ${kindOf(a)} (${Object.prototype.toString.call(a)}), expected that of a ${kind}`);
    }
    switch (kind) {
      case "Number": case "String": case "Boolean": case "BigInt": {
        const valueOf = global[kind].prototype.valueOf;
        if (!Object.is(valueOf.call(e), valueOf.call(a))) fail(path, `wrapped ${show(valueOf.call(a))}, expected ${show(valueOf.call(e))}`);
        return;
      }
      case "Date":
        if (!Object.is(e.getTime(), a.getTime())) fail(path, `time ${a.getTime()}, expected ${e.getTime()}`);
        return;
      case "RegExp":
        if (a.source !== e.source || a.flags !== e.flags) fail(path, `/${a.source}/${a.flags}, expected /${e.source}/${e.flags}`);
        if (a.lastIndex !== 0) fail(path, `lastIndex ${a.lastIndex}, expected 0`);
        return;
      case "ArrayBuffer": {
        if (a.byteLength !== e.byteLength) fail(path, `byteLength ${a.byteLength}, expected ${e.byteLength}`);
        if (a.resizable !== e.resizable) fail(path, `resizable ${a.resizable}, expected ${e.resizable}`);
        if (a.maxByteLength !== e.maxByteLength) fail(path, `maxByteLength ${a.maxByteLength}, expected ${e.maxByteLength}`);
        const eb = new Uint8Array(e), ab = new Uint8Array(a);
        for (let i = 0; i < eb.length; i++) {
          if (eb[i] !== ab[i]) fail(path, `byte ${i} is ${ab[i]}, expected ${eb[i]}`);
        }
        return;
      }
      case "TypedArray": case "DataView": {
        const lengthName = kind === "DataView" ? "byteLength" : "length";
        if (a.byteOffset !== e.byteOffset) fail(path, `byteOffset ${a.byteOffset}, expected ${e.byteOffset}`);
        if (a[lengthName] !== e[lengthName]) fail(path, `${lengthName} ${a[lengthName]}, expected ${e[lengthName]}`);
        visit(e.buffer, a.buffer, `${path}.buffer`);
        return;
      }
      case "Map": case "Set": {
        if (a.size !== e.size) fail(path, `size ${a.size}, expected ${e.size}`);
        const ee = [...e.entries()], ae = [...a.entries()];
        for (let i = ee.length - 1; i >= 0; i--) {
          visit(ee[i][1], ae[i][1], `${path}.entry(${i}).value`);
          visit(ee[i][0], ae[i][0], `${path}.entry(${i}).key`);
        }
        return;
      }
      case "DOMException":
        if (a.name !== e.name || a.message !== e.message || a.code !== e.code) {
          fail(path, `DOMException ${JSON.stringify([a.name, a.message, a.code])}, expected ${JSON.stringify([e.name, e.message, e.code])}`);
        }
        return;
      case "Error": {
        if (hasOwn(a, "name")) fail(path, "an own name property");
        const messageDescriptor = Object.getOwnPropertyDescriptor(e, "message");
        const message = messageDescriptor !== undefined && "value" in messageDescriptor ? String(messageDescriptor.value) : undefined;
        if (hasOwn(a, "message") !== (message !== undefined)) fail(path, `own message: ${hasOwn(a, "message")}, expected ${message !== undefined}`);
        if (message !== undefined && a.message !== message) fail(`${path}.message`, `${show(a.message)}, expected ${show(message)}`);
        if (hasOwn(e, "stack") !== hasOwn(a, "stack")) fail(path, `own stack: ${hasOwn(a, "stack")}, expected ${hasOwn(e, "stack")}`);
        if (a.stack !== e.stack) fail(`${path}.stack`, `${show(a.stack)}, expected ${show(e.stack)}`);
        for (const key of Reflect.ownKeys(a)) {
          if (!ERROR_OWN_KEYS.includes(key)) fail(path, `an own ${describeKey(key)} property`);
        }
        if (hasOwn(e, "cause") !== hasOwn(a, "cause")) fail(path, `own cause: ${hasOwn(a, "cause")}, expected ${hasOwn(e, "cause")}`);
        if (hasOwn(e, "cause")) visit(e.cause, a.cause, `${path}.cause`);
        return;
      }
      case "MessagePort":
        return;
      default:
        break;
    }
    // Arrays and plain objects: own enumerable string keys, in order, as plain data properties.
    if (kind === "Array" && a.length !== e.length) fail(path, `length ${a.length}, expected ${e.length}`);
    const expectedKeys = Object.keys(e);
    const actualKeys = Reflect.ownKeys(a).filter((key) => kind !== "Array" || key !== "length");
    if (actualKeys.length !== expectedKeys.length || actualKeys.some((key, i) => key !== expectedKeys[i])) {
      fail(path, `keys [${actualKeys.map(describeKey).join(", ")}], expected [${expectedKeys.map(describeKey).join(", ")}]`);
    }
    for (let i = expectedKeys.length - 1; i >= 0; i--) {
      const key = expectedKeys[i];
      const descriptor = Object.getOwnPropertyDescriptor(a, key);
      if (!("value" in descriptor) || !descriptor.writable || !descriptor.enumerable || !descriptor.configurable) {
        fail(`${path}[${describeKey(key)}]`, "not a writable, enumerable, configurable data property");
      }
      visit(Object.getOwnPropertyDescriptor(e, key).value, descriptor.value, `${path}[${describeKey(key)}]`);
    }
  }

  // After a transfer, the input's transferred buffers are detached.
  function checkDetached(transfer) {
    for (const item of transfer) {
      if (item instanceof ArrayBuffer && !item.detached) throw new Mismatch("a transferred ArrayBuffer is not detached");
    }
  }

  function closePorts(...lists) {
    for (const list of lists) {
      for (const port of list) port.close();
    }
  }

  // Ports that arrived in a clone, to close them.
  function portsIn(value) {
    const ports = [];
    const seen = new Set();
    const stack = [value];
    while (stack.length > 0) {
      const v = stack.pop();
      if (v === null || typeof v !== "object" || seen.has(v)) continue;
      seen.add(v);
      if (typeof MessagePort === "function" && v instanceof MessagePort) ports.push(v);
      else if (v instanceof Map) for (const [k, x] of v) stack.push(k, x);
      else if (v instanceof Set) for (const x of v) stack.push(x);
      else if (v instanceof Error && hasOwn(v, "cause")) stack.push(v.cause);
      else if (Array.isArray(v) || kindOf(v) === "Object") for (const key of Object.keys(v)) stack.push(v[key]);
    }
    return ports;
  }

  // ---- Running ----

  function reproduction(seed, caseNumber, via) {
    return `seed ${seed} case ${caseNumber} via ${via} (rerun: jshost run scripts/clone-fuzz.js --seed ${seed} --case ${caseNumber} --via ${via} --show)`;
  }

  // Compares a copy with the reference, checks that the input's transferred buffers are detached and that each
  // transferred port still talks to its partner, and closes every port of the case.
  async function checkCopy(input, reference, copy) {
    try {
      const copies = compareGraphs(reference.value, copy);
      checkDetached(input.transfer);
      // Ports come in pairs: [port1 (in the graph), port2 (its partner)] for each channel.
      for (let i = 0; i < reference.ports.length; i += 2) {
        const copied = copies.get(reference.ports[i]);
        if (copied !== undefined) await checkEntangled(copied, input.ports[i + 1]);
      }
    } finally {
      closePorts(input.ports, reference.ports, portsIn(copy));
    }
  }

  // A transferred port stays entangled with its partner: a message from the partner reaches the copy.
  function checkEntangled(copied, partner) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Mismatch("a transferred MessagePort does not get its partner's messages")), 5000);
      copied.onmessage = (event) => {
        clearTimeout(timer);
        if (event.data === "ping") resolve();
        else reject(new Mismatch(`a transferred MessagePort got ${show(event.data)}, expected "ping"`));
      };
      partner.postMessage("ping");
    });
  }

  async function runCloneCase(seed, caseNumber) {
    const { input, reference } = generatePair(caseSeed(seed, caseNumber));
    let copy;
    try {
      copy = structuredClone(input.value, { transfer: input.transfer });
    } catch (error) {
      closePorts(input.ports, reference.ports);
      throw new Mismatch(`structuredClone threw ${error}`);
    }
    await checkCopy(input, reference, copy);
    return copy;
  }

  async function runCloneCases(seed, first, count, onMismatch) {
    for (let caseNumber = first; caseNumber < first + count; caseNumber++) {
      try {
        await runCloneCase(seed, caseNumber);
      } catch (error) {
        if (!(error instanceof Mismatch)) throw error;
        onMismatch(caseNumber, error.message);
      }
    }
  }

  // Sends every case through one MessageChannel, one at a time.
  async function runPostMessageCases(seed, first, count, onMismatch) {
    const { port1: receiver, port2: sender } = new MessageChannel();
    let deliver = null;
    receiver.onmessage = (event) => deliver(event.data);
    try {
      for (let caseNumber = first; caseNumber < first + count; caseNumber++) {
        const { input, reference } = generatePair(caseSeed(seed, caseNumber));
        const arrived = new Promise((resolve) => { deliver = resolve; });
        try {
          sender.postMessage(input.value, { transfer: input.transfer });
        } catch (error) {
          closePorts(input.ports, reference.ports);
          onMismatch(caseNumber, `postMessage threw ${error}`);
          continue;
        }
        try {
          await checkCopy(input, reference, await arrived);
        } catch (error) {
          if (!(error instanceof Mismatch)) throw error;
          onMismatch(caseNumber, error.message);
        }
      }
    } finally {
      receiver.close();
      sender.close();
    }
  }

  // Runs `count` cases from `first` through one path; resolves to the mismatches (at most `limit` kept).
  async function run({ seed = DEFAULT_SEED, first = 0, count, via, limit = 20 }) {
    const mismatches = [];
    let total = 0;
    const onMismatch = (caseNumber, message) => {
      total += 1;
      if (mismatches.length < limit) mismatches.push(`${reproduction(seed, caseNumber, via)}: ${message}`);
    };
    if (via === "structuredClone") await runCloneCases(seed, first, count, onMismatch);
    else await runPostMessageCases(seed, first, count, onMismatch);
    return { total, mismatches };
  }

  global.CloneFuzz = { DEFAULT_SEED, run, generate, caseSeed, compareGraphs };

  // ---- Command line (jshost run scripts/clone-fuzz.js ...) ----

  if (typeof global.test === "function" || typeof jshost !== "object") return;

  function parseArguments(args) {
    const options = { cases: 5000, seed: DEFAULT_SEED, via: "both", case: null, show: false };
    for (let i = 0; i < args.length; i++) {
      const name = args[i];
      const value = args[i + 1];
      const number = () => {
        i += 1;
        const parsed = Number(value);
        if (value === undefined || !Number.isSafeInteger(parsed) || parsed < 0) throw new Error(`${name} needs a non-negative integer`);
        return parsed;
      };
      if (name === "--cases") options.cases = number();
      else if (name === "--seed") options.seed = number();
      else if (name === "--case") options.case = number();
      else if (name === "--via") {
        i += 1;
        if (!["structuredClone", "postMessage", "both"].includes(value)) throw new Error("--via is structuredClone, postMessage or both");
        options.via = value;
      } else if (name === "--show") options.show = true;
      else throw new Error(`unknown option ${name} (--cases N, --seed S, --via structuredClone|postMessage|both, --case K, --show)`);
    }
    return options;
  }

  async function main() {
    const options = parseArguments(jshost.args);
    const paths = options.via === "both" ? ["structuredClone", "postMessage"] : [options.via];
    const first = options.case ?? 0;
    const count = options.case === null ? options.cases : 1;
    if (options.show) {
      const { input } = generatePair(caseSeed(options.seed, first));
      console.log("input:", input.value, "transfer:", input.transfer);
      if (paths.includes("structuredClone")) {
        try {
          console.log("structuredClone:", await runCloneCase(options.seed, first));
        } catch (error) {
          console.log("structuredClone mismatch:", error.message);
        }
      }
    }
    let failures = 0;
    for (const via of paths) {
      const started = performance.now();
      const chunk = 100000;
      let total = 0;
      for (let done = 0; done < count; done += chunk) {
        const report = await run({ seed: options.seed, first: first + done, count: Math.min(chunk, count - done), via });
        total += report.total;
        for (const line of report.mismatches) console.log(`MISMATCH ${line}`);
        if (count > chunk) console.log(`${via}: ${Math.min(done + chunk, count)} of ${count} cases, ${total} mismatches`);
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`${via}: ${count} cases from seed ${options.seed}, ${total} mismatches, ${seconds} s`);
      failures += total;
    }
    if (failures > 0) throw new Error(`${failures} mismatches (seed ${options.seed})`);
  }

  // A bad option or a mismatch rejects: reported as uncaught, exit code 1.
  main();
})(globalThis);
