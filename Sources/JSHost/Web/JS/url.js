// URL and URLSearchParams (URL Standard §6), URL.createObjectURL/revokeObjectURL (File API §8).
// The parser is url-parser.js, loaded the first time a URL is parsed (most scripts never parse one).
//
// blob: URLs live in a store per realm (not yet shared by the agent's realms or with workers).
// Published on `internals`: resolveBlobURL(string) → the Blob a blob: URL names, or undefined;
//                           parseURLRecord(string, baseString?) → a URL record or null; urlRecordOrigin(record).
(function (ops, internals, global) {
  "use strict";
  // Intrinsics as they were before any user code ran (this module is loaded on first use; web-loader.js).
  const {
    ReflectApply, ReflectOwnKeys, ObjectDefineProperty, ObjectGetOwnPropertyDescriptor,
    StringPrototypeCharCodeAt, StringPrototypeSlice, StringPrototypeIndexOf, NumberPrototypeToString,
    ArrayPrototypeSplice, SymbolIterator, SymbolToStringTag, MapCtor, MapGet, MapSet, MapDelete, TypeErrorCtor,
    SymbolCtor,
  } = internals.capturedBuiltins;

  const {
    failedToConstruct, failedToExecute, notEnoughArguments, illegalInvocation, finishInterface,
    pairIterators,
  } = internals.webIdl;
  const publishGlobal = internals.publishGlobal;
  const toUSVString = internals.toUSVString;
  const utf8Decode = internals.utf8Decode;
  const charCodeAt = (s, i) => ReflectApply(StringPrototypeCharCodeAt, s, [i]);
  const slice = (s, a, b) => ReflectApply(StringPrototypeSlice, s, b === undefined ? [a] : [a, b]);
  const indexOf = (s, t, from) => ReflectApply(StringPrototypeIndexOf, s, [t, from]);

  let parser = null;
  function p() {
    if (parser === null) {
      ops.loadModule("url-parser.js");
      parser = {
        parse: internals.parseURL, serialize: internals.serializeURL, path: internals.serializeURLPath,
        origin: internals.urlOrigin, STATE: internals.urlState, encode: internals.percentEncodeString,
        decodeBytes: internals.percentDecodeBytes, sets: internals.urlSets, isSpecial: internals.isSpecialScheme,
      };
    }
    return parser;
  }

  function parseWithBase(url, base, prefix) {
    let baseRecord = null;
    if (base !== undefined) {
      baseRecord = p().parse(base);
      if (baseRecord === null) {
        if (prefix !== undefined) throw new TypeErrorCtor(`${prefix}Invalid base URL`);
        return null;
      }
    }
    const record = p().parse(url, baseRecord);
    if (record === null && prefix !== undefined) throw new TypeErrorCtor(`${prefix}Invalid URL`);
    return record;
  }

  // ---- application/x-www-form-urlencoded (§5) ---------------------------------------------------------------
  function decodeFormComponent(s) {
    let escapes = false;
    for (let i = 0; i < s.length; i++) {
      if (charCodeAt(s, i) === 0x25) { escapes = true; break; }
    }
    let plus = "";
    let start = 0;
    for (let i = 0; i < s.length; i++) {
      if (charCodeAt(s, i) === 0x2b) { plus += slice(s, start, i) + " "; start = i + 1; }
    }
    if (start !== 0) s = plus + slice(s, start);
    return escapes ? utf8Decode(p().decodeBytes(s)) : s;
  }

  function parseForm(input) {
    const list = [];
    let start = 0;
    while (start <= input.length) {
      let end = indexOf(input, "&", start);
      if (end === -1) end = input.length;
      if (end > start) {
        const sequence = slice(input, start, end);
        const eq = indexOf(sequence, "=", 0);
        const name = eq === -1 ? sequence : slice(sequence, 0, eq);
        const value = eq === -1 ? "" : slice(sequence, eq + 1);
        list[list.length] = [decodeFormComponent(name), decodeFormComponent(value)];
      }
      start = end + 1;
    }
    return list;
  }

  function serializeForm(list) {
    const { encode, sets } = p();
    let out = "";
    for (let i = 0; i < list.length; i++) {
      if (i > 0) out += "&";
      out += encode(list[i][0], sets.formURLEncoded, true) + "=" + encode(list[i][1], sets.formURLEncoded, true);
    }
    return out;
  }

  // ---- URLSearchParams ----------------------------------------------------------------------------------------
  let isSearchParams, listOf, attachURL, setList;
  const construct = SymbolCtor("URLSearchParams construction");

  class URLSearchParams {
    #list = [];
    #url = null; // the URL object's record holder { record }, or null

    constructor(init = "") {
      const prefix = failedToConstruct("URLSearchParams");
      if (new.target === undefined) {
        throw new TypeErrorCtor(`${prefix}Please use the 'new' operator, this DOM object constructor cannot be called as a function.`);
      }
      if (init === construct) return;
      if (typeof init === "object" && init !== null || typeof init === "function") {
        const method = init[SymbolIterator];
        if (method !== undefined && method !== null) {
          if (typeof method !== "function") throw new TypeErrorCtor(`${prefix}The object's @@iterator property is not callable.`);
          const iterator = ReflectApply(method, init, []);
          const next = iterator.next;
          for (;;) {
            const step = ReflectApply(next, iterator, []);
            if (step.done) break;
            const pair = step.value;
            if ((typeof pair !== "object" && typeof pair !== "function") || pair === null) {
              throw new TypeErrorCtor(`${prefix}The provided value cannot be converted to a sequence.`);
            }
            const items = [];
            for (const item of pair) items[items.length] = toUSVString(item, prefix);
            if (items.length !== 2) {
              throw new TypeErrorCtor(`${prefix}Failed to construct 'URLSearchParams': Sequence initializer must only contain pair elements`);
            }
            this.#list[this.#list.length] = items;
          }
        } else {
          // record<USVString, USVString>: own enumerable keys, in order
          const keys = ReflectOwnKeys(init);
          for (let i = 0; i < keys.length; i++) {
            const key = keys[i];
            const d = ObjectGetOwnPropertyDescriptor(init, key);
            if (d === undefined || !d.enumerable) continue;
            if (typeof key === "symbol") continue;
            const name = toUSVString(key, prefix);
            const value = toUSVString(init[key], prefix);
            const list = this.#list;
            let found = false;
            for (let j = 0; j < list.length; j++) {
              if (list[j][0] === name) { list[j][1] = value; found = true; break; }
            }
            if (!found) list[list.length] = [name, value];
          }
        }
      } else {
        let s = toUSVString(init, prefix);
        if (charCodeAt(s, 0) === 0x3f) s = slice(s, 1);
        this.#list = parseForm(s);
      }
    }

    #update() {
      const holder = this.#url;
      if (holder === null) return;
      const serialized = serializeForm(this.#list);
      holder.record.query = serialized === "" ? null : serialized;
    }

    get size() {
      if (!isSearchParams(this)) throw illegalInvocation("size", "URLSearchParams");
      return this.#list.length;
    }

    append(name, value) {
      const prefix = check(this, "append", arguments.length, 2);
      this.#list[this.#list.length] = [toUSVString(name, prefix), toUSVString(value, prefix)];
      this.#update();
    }

    delete(name, value = undefined) {
      const prefix = check(this, "delete", arguments.length, 1);
      name = toUSVString(name, prefix);
      if (value !== undefined) value = toUSVString(value, prefix);
      const list = this.#list;
      for (let i = 0; i < list.length;) {
        if (list[i][0] === name && (value === undefined || list[i][1] === value)) ReflectApply(ArrayPrototypeSplice, list, [i, 1]);
        else i++;
      }
      this.#update();
    }

    get(name) {
      const prefix = check(this, "get", arguments.length, 1);
      name = toUSVString(name, prefix);
      const list = this.#list;
      for (let i = 0; i < list.length; i++) if (list[i][0] === name) return list[i][1];
      return null;
    }

    getAll(name) {
      const prefix = check(this, "getAll", arguments.length, 1);
      name = toUSVString(name, prefix);
      const out = [];
      const list = this.#list;
      for (let i = 0; i < list.length; i++) if (list[i][0] === name) out[out.length] = list[i][1];
      return out;
    }

    has(name, value = undefined) {
      const prefix = check(this, "has", arguments.length, 1);
      name = toUSVString(name, prefix);
      if (value !== undefined) value = toUSVString(value, prefix);
      const list = this.#list;
      for (let i = 0; i < list.length; i++) {
        if (list[i][0] === name && (value === undefined || list[i][1] === value)) return true;
      }
      return false;
    }

    set(name, value) {
      const prefix = check(this, "set", arguments.length, 2);
      name = toUSVString(name, prefix);
      value = toUSVString(value, prefix);
      const list = this.#list;
      let found = false;
      for (let i = 0; i < list.length;) {
        if (list[i][0] === name) {
          if (found) { ReflectApply(ArrayPrototypeSplice, list, [i, 1]); continue; }
          list[i][1] = value;
          found = true;
        }
        i++;
      }
      if (!found) list[list.length] = [name, value];
      this.#update();
    }

    sort() {
      check(this, "sort", 0, 0);
      // Stable insertion sort by code units of the names (the list is usually short).
      const list = this.#list;
      for (let i = 1; i < list.length; i++) {
        const item = list[i];
        let j = i - 1;
        while (j >= 0 && list[j][0] > item[0]) { list[j + 1] = list[j]; j--; }
        list[j + 1] = item;
      }
      this.#update();
    }

    forEach(callback, thisArg = undefined) {
      const prefix = check(this, "forEach", arguments.length, 1);
      if (typeof callback !== "function") throw new TypeErrorCtor(`${prefix}The callback provided as parameter 1 is not a function.`);
      const list = this.#list;
      for (let i = 0; i < list.length; i++) ReflectApply(callback, thisArg, [list[i][1], list[i][0], this]);
    }

    entries() { check(this, "entries", 0, 0); return makeIterator(this, "key+value"); }
    keys() { check(this, "keys", 0, 0); return makeIterator(this, "key"); }
    values() { check(this, "values", 0, 0); return makeIterator(this, "value"); }

    toString() {
      check(this, "toString", 0, 0);
      return serializeForm(this.#list);
    }

    static {
      isSearchParams = (v) => typeof v === "object" && v !== null && #list in v;
      listOf = (o) => o.#list;
      attachURL = (o, holder) => { o.#url = holder; };
      setList = (o, list) => { o.#list = list; };
    }
  }
  function check(self, name, present, required) {
    if (!isSearchParams(self)) throw illegalInvocation(name, "URLSearchParams");
    const prefix = failedToExecute(name, "URLSearchParams");
    if (present < required) throw notEnoughArguments(prefix, required, present);
    return prefix;
  }
  finishInterface(URLSearchParams, "URLSearchParams");
  ObjectDefineProperty(URLSearchParams.prototype, SymbolIterator, {
    __proto__: null, value: URLSearchParams.prototype.entries, writable: true, enumerable: false, configurable: true,
  });
  publishGlobal("URLSearchParams", URLSearchParams);

  const makeIterator = pairIterators("URLSearchParams", listOf);

  // ---- URL ------------------------------------------------------------------------------------------------------
  const blobStore = new MapCtor(); // blob: URL string → Blob
  let isURL;

  class URL {
    #holder; // { record }: URLSearchParams keeps the same holder, so its updates reach this URL
    #query;

    constructor(url, base = undefined) {
      const prefix = failedToConstruct("URL");
      if (new.target === undefined) {
        throw new TypeErrorCtor(`${prefix}Please use the 'new' operator, this DOM object constructor cannot be called as a function.`);
      }
      if (arguments.length < 1) throw notEnoughArguments(prefix, 1, 0);
      if (url === construct) { // internal: new URL(construct, record)
        this.#init(base);
        return;
      }
      url = toUSVString(url, prefix);
      if (base !== undefined) base = toUSVString(base, prefix);
      this.#init(parseWithBase(url, base, prefix));
    }

    #init(record) {
      this.#holder = { record };
      const query = new URLSearchParams(construct);
      if (record.query !== null) setList(query, parseForm(record.query));
      attachURL(query, this.#holder);
      this.#query = query;
    }

    static parse(url, base = undefined) {
      const prefix = failedToExecute("parse", "URL");
      if (arguments.length < 1) throw notEnoughArguments(prefix, 1, 0);
      url = toUSVString(url, prefix);
      if (base !== undefined) base = toUSVString(base, prefix);
      const record = parseWithBase(url, base);
      return record === null ? null : new URL(construct, record);
    }

    static canParse(url, base = undefined) {
      const prefix = failedToExecute("canParse", "URL");
      if (arguments.length < 1) throw notEnoughArguments(prefix, 1, 0);
      url = toUSVString(url, prefix);
      if (base !== undefined) base = toUSVString(base, prefix);
      return parseWithBase(url, base) !== null;
    }

    static createObjectURL(obj) {
      const prefix = failedToExecute("createObjectURL", "URL");
      if (arguments.length < 1) throw notEnoughArguments(prefix, 1, 0);
      if (internals.isBlob === undefined || !internals.isBlob(obj)) {
        throw new TypeErrorCtor(`${prefix}Overload resolution failed.`);
      }
      const url = `blob:${ownOrigin()}/${randomUUID()}`;
      ReflectApply(MapSet, blobStore, [url, obj]);
      return url;
    }

    static revokeObjectURL(url) {
      const prefix = failedToExecute("revokeObjectURL", "URL");
      if (arguments.length < 1) throw notEnoughArguments(prefix, 1, 0);
      url = toUSVString(url, prefix);
      const record = p().parse(url);
      if (record === null || record.scheme !== "blob") return;
      ReflectApply(MapDelete, blobStore, [p().serialize(record, true)]);
    }

    get href() { return p().serialize(this.#get("href")); }
    set href(value) {
      const holder = this.#set("href", arguments.length);
      const record = p().parse(toUSVString(value, failedToExecute("href", "URL")));
      if (record === null) throw new TypeErrorCtor(`Failed to set the 'href' property on 'URL': Invalid URL`);
      holder.record = record;
      setList(this.#query, record.query === null ? [] : parseForm(record.query));
    }

    get origin() { return p().origin(this.#get("origin")); }

    get protocol() { return this.#get("protocol").scheme + ":"; }
    set protocol(value) {
      const holder = this.#set("protocol", arguments.length);
      this.#override(holder, toUSVString(value, "") + ":", p().STATE.SCHEME_START);
    }

    get username() { return this.#get("username").username; }
    set username(value) {
      const record = this.#set("username", arguments.length).record;
      value = toUSVString(value, "");
      if (cannotHaveCredentialsOrPort(record)) return;
      record.username = p().encode(value, p().sets.userinfo, false);
    }

    get password() { return this.#get("password").password; }
    set password(value) {
      const record = this.#set("password", arguments.length).record;
      value = toUSVString(value, "");
      if (cannotHaveCredentialsOrPort(record)) return;
      record.password = p().encode(value, p().sets.userinfo, false);
    }

    get host() {
      const r = this.#get("host");
      if (r.host === null) return "";
      return r.port === null ? r.host : r.host + ":" + r.port;
    }
    set host(value) {
      const holder = this.#set("host", arguments.length);
      value = toUSVString(value, "");
      if (typeof holder.record.path === "string") return;
      this.#override(holder, value, p().STATE.HOST);
    }

    get hostname() { const r = this.#get("hostname"); return r.host === null ? "" : r.host; }
    set hostname(value) {
      const holder = this.#set("hostname", arguments.length);
      value = toUSVString(value, "");
      if (typeof holder.record.path === "string") return;
      this.#override(holder, value, p().STATE.HOSTNAME);
    }

    get port() { const r = this.#get("port"); return r.port === null ? "" : "" + r.port; }
    set port(value) {
      const holder = this.#set("port", arguments.length);
      value = toUSVString(value, "");
      if (cannotHaveCredentialsOrPort(holder.record)) return;
      if (value === "") holder.record.port = null;
      else this.#override(holder, value, p().STATE.PORT);
    }

    get pathname() { return p().path(this.#get("pathname")); }
    set pathname(value) {
      const holder = this.#set("pathname", arguments.length);
      value = toUSVString(value, "");
      if (typeof holder.record.path === "string") return;
      holder.record.path = internals.newURLPathList();
      p().parse(value, null, holder.record, p().STATE.PATH_START);
    }

    get search() { const r = this.#get("search"); return r.query === null || r.query === "" ? "" : "?" + r.query; }
    set search(value) {
      const holder = this.#set("search", arguments.length);
      value = toUSVString(value, "");
      if (value === "") {
        holder.record.query = null;
        setList(this.#query, []);
        return;
      }
      const input = charCodeAt(value, 0) === 0x3f ? slice(value, 1) : value;
      holder.record.query = "";
      p().parse(input, null, holder.record, p().STATE.QUERY);
      setList(this.#query, parseForm(input));
    }

    get searchParams() { this.#get("searchParams"); return this.#query; }

    get hash() { const r = this.#get("hash"); return r.fragment === null || r.fragment === "" ? "" : "#" + r.fragment; }
    set hash(value) {
      const holder = this.#set("hash", arguments.length);
      value = toUSVString(value, "");
      if (value === "") {
        holder.record.fragment = null;
        return;
      }
      const input = charCodeAt(value, 0) === 0x23 ? slice(value, 1) : value;
      holder.record.fragment = "";
      p().parse(input, null, holder.record, p().STATE.FRAGMENT);
    }

    toJSON() { return p().serialize(this.#get("toJSON")); }
    toString() { return p().serialize(this.#get("toString")); }

    #get(name) {
      if (!isURL(this)) throw illegalInvocation(name, "URL");
      return this.#holder.record;
    }
    #set(name, present) {
      if (!isURL(this)) throw illegalInvocation(name, "URL");
      if (present < 1) throw notEnoughArguments(`Failed to set the '${name}' property on 'URL': `, 1, 0);
      return this.#holder;
    }
    // The basic URL parser with a state override changes the record in place; setters ignore its result.
    #override(holder, input, state) {
      p().parse(input, null, holder.record, state);
    }

    static {
      isURL = (v) => typeof v === "object" && v !== null && #holder in v;
    }
  }
  function cannotHaveCredentialsOrPort(r) {
    return r.host === null || r.host === "" || r.scheme === "file";
  }
  // A version-4 UUID from the OS's random source (not through the global crypto, which script may replace).
  function randomUUID() {
    const b = ops.randomBytes(16);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let out = "";
    for (let i = 0; i < 16; i++) {
      if (i === 4 || i === 6 || i === 8 || i === 10) out += "-";
      out += (b[i] < 16 ? "0" : "") + ReflectApply(NumberPrototypeToString, b[i], [16]);
    }
    return out;
  }
  function ownOrigin() {
    const url = ops.scriptURL;
    if (url === undefined) return "null";
    const record = p().parse(url);
    return record === null ? "null" : p().origin(record);
  }

  finishInterface(URL, "URL");
  // The stringifier: toString is enumerable like the other members (finishInterface did that).
  publishGlobal("URL", URL);
  internals.isURLSearchParams = isSearchParams;
  internals.serializeSearchParams = (params) => serializeForm(listOf(params));
  {
    const prev = internals.platformObjectKind;
    internals.platformObjectKind = (v) => (isURL(v) ? "URL" : isSearchParams(v) ? "URLSearchParams" : prev?.(v));
  }
  internals.resolveBlobURL = (url) => ReflectApply(MapGet, blobStore, [url]);
  internals.parseURLRecord = (url, base) => parseWithBase(url, base);
  internals.urlRecordOrigin = (record) => p().origin(record);
  internals.serializeURLRecord = (record) => p().serialize(record);
})
