// DOMException (WebIDL §3.14.1) and the small WebIDL helpers the event modules share.
// Evaluated first of the DOM modules: dom-exception.js, event.js, event-target.js, abort.js.
(function (ops, internals, global) {
  "use strict";

  // Intrinsics, captured before any user code runs: the DOM modules never call a method a script can replace.
  const ObjectDefineProperty = Object.defineProperty;
  const ObjectGetOwnPropertyNames = Object.getOwnPropertyNames;
  const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
  const ObjectSetPrototypeOf = Object.setPrototypeOf;
  const ReflectApply = Reflect.apply;
  const ReflectConstruct = Reflect.construct;
  const StringPrototypeIndexOf = String.prototype.indexOf;
  const StringPrototypeSlice = String.prototype.slice;
  const StringPrototypeEndsWith = String.prototype.endsWith;
  const RegExpPrototypeExec = RegExp.prototype.exec;
  const SetPrototypeHas = Set.prototype.has;
  const SymbolToStringTag = Symbol.toStringTag;
  const ErrorCtor = Error;
  const TypeErrorCtor = TypeError;
  const MapCtor = Map, SetCtor = Set;

  // Collections a script cannot patch: the methods live on a private prototype (as fast as Map's own: the
  // JIT sees one shape). Iterate with forEach; the iterator objects' `next` belongs to the script.
  function sealedCollection(Base, methodNames) {
    class Safe extends Base {
      constructor() { super(); } // (no iterable argument: nothing is looked up)
    }
    const from = Base.prototype;
    for (let i = 0; i < methodNames.length; i++) {
      ObjectDefineProperty(Safe.prototype, methodNames[i], {
        __proto__: null, ...ObjectGetOwnPropertyDescriptor(from, methodNames[i]), enumerable: false,
      });
    }
    return Safe;
  }
  const SealedMap = sealedCollection(MapCtor, ["get", "set", "has", "delete", "clear", "forEach", "size"]);
  const SealedSet = sealedCollection(SetCtor, ["add", "has", "delete", "clear", "forEach", "size"]);

  // ---------------------------------------------------------------------------------------------
  // Shared WebIDL helpers (internals.idl). Messages follow Chrome's wording.

  // Source URLs of the built-in modules: frames from these are trimmed from DOMException stacks.
  const internalSourceURLs = internals.internalSourceURLs || new Set();
  internals.internalSourceURLs = internalSourceURLs;
  {
    const url = new ErrorCtor().sourceURL;
    if (typeof url === "string" && url !== "") internalSourceURLs.add(url);
  }

  function describe(value) {
    if (value === null) return "null";
    const t = typeof value;
    if (t === "function") return "a function";
    if (t === "object") return "an object";
    if (t === "symbol") return "a symbol";
    if (t === "string") return "a string";
    return t;
  }

  // `context` is a prefix such as "Failed to execute 'addEventListener' on 'EventTarget': ".
  function toDOMString(value, context) {
    if (typeof value === "string") return value;
    if (typeof value === "symbol") {
      throw new TypeErrorCtor(`${context || ""}Cannot convert a Symbol value to a string.`);
    }
    return `${value}`;
  }

  function failedToExecute(operation, iface) {
    return `Failed to execute '${operation}' on '${iface}': `;
  }

  function failedToConstruct(iface) {
    return `Failed to construct '${iface}': `;
  }

  function notEnoughArguments(prefix, required, present) {
    return new TypeErrorCtor(`${prefix}${required} argument${required === 1 ? "" : "s"} required, but only ${present} present.`);
  }

  function illegalInvocation(member, iface) {
    const vowel = ReflectApply(StringPrototypeIndexOf, "AEIOU", [iface[0]]) !== -1;
    return new TypeErrorCtor(`Illegal invocation: '${member}' called on an object that is not ${vowel ? "an" : "a"} ${iface}.`);
  }

  function illegalConstructor(iface) {
    return new TypeErrorCtor(`Illegal constructor: '${iface}' cannot be constructed from script.`);
  }

  // WebIDL dictionary conversion step 1: undefined/null → empty dictionary; other non-objects throw.
  function checkDictionary(value, prefix, dictName) {
    if (value === undefined || value === null) return false;
    const t = typeof value;
    if (t !== "object" && t !== "function") {
      throw new TypeErrorCtor(`${prefix}The provided value is not of type '${dictName}'.`);
    }
    return true;
  }

  // Make a class look like a WebIDL interface: members enumerable, @@toStringTag, constants. Index loops, no
  // iterators: modules loaded on first use call this after user code may have patched Array.prototype.
  function finishInterface(ctor, name, constants) {
    const proto = ctor.prototype;
    const members = ObjectGetOwnPropertyNames(proto);
    for (let i = 0; i < members.length; i++) {
      const key = members[i];
      if (key === "constructor") continue;
      // (A null-prototype copy: `get`, `value`, ... that a script put on Object.prototype must not be read
      // as part of the descriptor when a lazily loaded module calls this.)
      ObjectDefineProperty(proto, key, { __proto__: null, ...ObjectGetOwnPropertyDescriptor(proto, key), enumerable: true });
    }
    const statics = ObjectGetOwnPropertyNames(ctor);
    for (let i = 0; i < statics.length; i++) {
      const key = statics[i];
      if (key === "prototype" || key === "length" || key === "name") continue;
      ObjectDefineProperty(ctor, key, { __proto__: null, ...ObjectGetOwnPropertyDescriptor(ctor, key), enumerable: true });
    }
    ObjectDefineProperty(proto, SymbolToStringTag, {
      __proto__: null, value: name, writable: false, enumerable: false, configurable: true,
    });
    if (constants) {
      const keys = ObjectGetOwnPropertyNames(constants);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        const d = { __proto__: null, value: constants[key], writable: false, enumerable: true, configurable: false };
        ObjectDefineProperty(ctor, key, d);
        ObjectDefineProperty(proto, key, d);
      }
    }
    // WebIDL: the interface object's "prototype" is non-writable (classes already are).
    return ctor;
  }

  // WebIDL "create a sequence from an iterable" for sequence<object>, `method` being the @@iterator already
  // read from `iterable` (the caller's overload resolution read it). Errors are TypeErrors starting with
  // `prefix`; `listName` names the list in the message for an element that is not an object.
  //
  // A genuine Array whose iteration nobody has changed is read by index: the array iterator's own steps
  // (read "length" and apply ToLength, stop past the end, else read the index) make exactly these Gets and
  // conversions in this order, so a proxy or an accessor sees the same calls, without an iterator object and
  // a result object per element.
  const ArrayIsArray = Array.isArray;
  const ArrayValues = Array.prototype[Symbol.iterator];
  const ArrayIteratorPrototype = Object.getPrototypeOf([][Symbol.iterator]());
  const ArrayIteratorNext = ArrayIteratorPrototype.next;
  const MathFloor = Math.floor, MathMin = Math.min;
  // ToLength (ECMAScript §7.1.20): `+` throws for a BigInt or a Symbol, as ToNumber does, and calls valueOf once.
  const toLength = (value) => {
    const n = +value;
    return n > 0 ? MathMin(MathFloor(n), 9007199254740991) : 0;
  };
  function objectSequence(iterable, method, prefix, listName) {
    const out = ObjectSetPrototypeOf([], null);
    const notObject = (index) => new TypeErrorCtor(`${prefix}Value at index ${index}${listName ? ` of ${listName}` : ""} is not an object.`);
    let next;
    if (method === ArrayValues && ArrayIsArray(iterable)
        && (next = ObjectGetOwnPropertyDescriptor(ArrayIteratorPrototype, "next")) !== undefined
        && ObjectSetPrototypeOf(next, null).value === ArrayIteratorNext) {
      for (let i = 0; i < toLength(iterable.length); i++) {
        const item = iterable[i];
        if ((typeof item !== "object" && typeof item !== "function") || item === null) throw notObject(i);
        out[i] = item;
      }
      return out;
    }
    const iterator = ReflectApply(method, iterable, []);
    if ((typeof iterator !== "object" && typeof iterator !== "function") || iterator === null) {
      throw new TypeErrorCtor(`${prefix}The iterator is not an object.`);
    }
    const nextMethod = iterator.next;
    for (let i = 0; ; i++) {
      const result = ReflectApply(nextMethod, iterator, []);
      if ((typeof result !== "object" && typeof result !== "function") || result === null) {
        throw new TypeErrorCtor(`${prefix}The iterator result is not an object.`);
      }
      if (result.done) return out;
      const item = result.value;
      if ((typeof item !== "object" && typeof item !== "function") || item === null) throw notObject(i);
      out[i] = item;
    }
  }

  function installGlobal(name, value) {
    ObjectDefineProperty(global, name, { __proto__: null, value, writable: true, enumerable: false, configurable: true });
  }

  internals.idl = {
    __proto__: null, describe, toDOMString, failedToExecute, failedToConstruct, notEnoughArguments,
    illegalInvocation, illegalConstructor, checkDictionary, finishInterface, installGlobal, SealedMap, SealedSet,
    objectSequence,
  };

  // ---------------------------------------------------------------------------------------------
  // DOMException

  // [name, legacy constant name, code]
  const errorNames = [
    ["IndexSizeError", "INDEX_SIZE_ERR", 1],
    [null, "DOMSTRING_SIZE_ERR", 2],
    ["HierarchyRequestError", "HIERARCHY_REQUEST_ERR", 3],
    ["WrongDocumentError", "WRONG_DOCUMENT_ERR", 4],
    ["InvalidCharacterError", "INVALID_CHARACTER_ERR", 5],
    [null, "NO_DATA_ALLOWED_ERR", 6],
    ["NoModificationAllowedError", "NO_MODIFICATION_ALLOWED_ERR", 7],
    ["NotFoundError", "NOT_FOUND_ERR", 8],
    ["NotSupportedError", "NOT_SUPPORTED_ERR", 9],
    ["InUseAttributeError", "INUSE_ATTRIBUTE_ERR", 10],
    ["InvalidStateError", "INVALID_STATE_ERR", 11],
    ["SyntaxError", "SYNTAX_ERR", 12],
    ["InvalidModificationError", "INVALID_MODIFICATION_ERR", 13],
    ["NamespaceError", "NAMESPACE_ERR", 14],
    ["InvalidAccessError", "INVALID_ACCESS_ERR", 15],
    [null, "VALIDATION_ERR", 16],
    ["TypeMismatchError", "TYPE_MISMATCH_ERR", 17],
    ["SecurityError", "SECURITY_ERR", 18],
    ["NetworkError", "NETWORK_ERR", 19],
    ["AbortError", "ABORT_ERR", 20],
    ["URLMismatchError", "URL_MISMATCH_ERR", 21],
    ["QuotaExceededError", "QUOTA_EXCEEDED_ERR", 22],
    ["TimeoutError", "TIMEOUT_ERR", 23],
    ["InvalidNodeTypeError", "INVALID_NODE_TYPE_ERR", 24],
    ["DataCloneError", "DATA_CLONE_ERR", 25],
  ];
  const codeByName = new SealedMap();
  const constants = { __proto__: null };
  for (const [name, constant, code] of errorNames) {
    if (name !== null) codeByName.set(name, code);
    constants[constant] = code;
  }

  const frameLocation = /@(.*):(\d+):(\d+)$/;

  // Give the instance a stack that starts at the caller, not inside this module, and make the
  // JSC `line` / `column` / `sourceURL` properties describe that frame.
  function trimStack(error) {
    const stack = error.stack;
    if (typeof stack !== "string") return;
    let start = 0; // where the first frame to keep begins
    for (;;) {
      const end = ReflectApply(StringPrototypeIndexOf, stack, ["\n", start]);
      if (end === -1) break; // the last frame stays in any case
      const line = ReflectApply(StringPrototypeSlice, stack, [start, end]);
      if (!ReflectApply(StringPrototypeEndsWith, line, ["@[native code]"])) {
        const m = ReflectApply(RegExpPrototypeExec, frameLocation, [line]);
        if (m === null || !ReflectApply(SetPrototypeHas, internalSourceURLs, [m[1]])) break;
      }
      start = end + 1;
    }
    if (start === 0) return;
    const rest = ReflectApply(StringPrototypeSlice, stack, [start]);
    defineHidden(error, "stack", rest);
    const newline = ReflectApply(StringPrototypeIndexOf, rest, ["\n"]);
    const first = newline === -1 ? rest : ReflectApply(StringPrototypeSlice, rest, [0, newline]);
    const m = ReflectApply(RegExpPrototypeExec, frameLocation, [first]);
    if (m !== null) {
      defineHidden(error, "sourceURL", m[1]);
      defineHidden(error, "line", +m[2]);
      defineHidden(error, "column", +m[3]);
    }
  }

  function defineHidden(object, name, value) {
    ObjectDefineProperty(object, name, { __proto__: null, value, writable: true, enumerable: false, configurable: true });
  }

  // The private slots are stamped on an object made by the Error constructor (so that it has
  // [[ErrorData]], a stack, and Error.isError is true): a base class whose constructor returns
  // its argument lets a derived class add private fields to any object.
  class Stamp { constructor(target) { return target; } }

  let DOMException;
  class DOMExceptionSlots extends Stamp {
    #name;
    #message;
    #cause;
    constructor(target, name, message, cause) {
      super(target);
      this.#name = name;
      this.#message = message;
      this.#cause = cause;
    }

    static {
      const prefix = failedToConstruct("DOMException");
      const isDOMException = (v) => typeof v === "object" && v !== null && #name in v;
      DOMException = class DOMException {
        constructor(message = undefined, options = undefined) {
          message = message === undefined ? "" : toDOMString(message, prefix);
          let name = "Error";
          let cause;
          if (options !== undefined) {
            const t = typeof options;
            if (options !== null && (t === "object" || t === "function")) {
              // DOMExceptionOptions { any cause; DOMString name = "Error"; } (members in order).
              cause = options.cause;
              const n = options.name;
              if (n !== undefined) name = toDOMString(n, prefix);
            } else {
              name = toDOMString(options, prefix);
            }
          }
          const self = ReflectConstruct(ErrorCtor, [], new.target);
          new DOMExceptionSlots(self, name, message, cause);
          trimStack(self);
          return self;
        }

        get name() {
          const self = this ?? global;
          if (!isDOMException(self)) throw illegalInvocation("name", "DOMException");
          return self.#name;
        }

        get message() {
          const self = this ?? global;
          if (!isDOMException(self)) throw illegalInvocation("message", "DOMException");
          return self.#message;
        }

        get code() {
          const self = this ?? global;
          if (!isDOMException(self)) throw illegalInvocation("code", "DOMException");
          return codeByName.get(self.#name) ?? 0;
        }

        get cause() {
          const self = this ?? global;
          if (!isDOMException(self)) throw illegalInvocation("cause", "DOMException");
          return self.#cause;
        }
      };

      internals.isDOMException = isDOMException;
      internals.domExceptionName = (v) => v.#name;
      internals.domExceptionMessage = (v) => v.#message;
    }
  }

  finishInterface(DOMException, "DOMException", constants);
  // WebIDL: DOMException.prototype.[[Prototype]] is %Error.prototype%.
  ObjectSetPrototypeOf(DOMException.prototype, ErrorCtor.prototype);

  internals.DOMException = DOMException;
  internals.makeDOMException = (message, name) => new DOMException(message, name);
  internals.domExceptionCode = (name) => codeByName.get(name) ?? 0;

  {
    const prev = internals.platformObjectKind;
    const isDOMException = internals.isDOMException;
    internals.platformObjectKind = (v) => (isDOMException(v) ? "DOMException" : prev?.(v));
  }

  installGlobal("DOMException", DOMException);
})
