// Headers and Response (Fetch Standard §5.2, §5.5), without networking: a Response over an in-memory body, so
// that code (and tests) can read Blobs, buffers and strings with `new Response(x).arrayBuffer()` / text() /
// json() / blob() / bytes(). jshost has no fetch() and no ReadableStream: `body` is always null and a stream
// or FormData body is not supported (such objects are converted to strings, as for any other object).
(function (ops, internals, global) {
  "use strict";
  // Intrinsics as they were before any user code ran (this module is loaded on first use; web-loader.js).
  const {
    ReflectApply, ReflectOwnKeys, ObjectDefineProperty, ObjectGetOwnPropertyDescriptor,
    StringPrototypeCharCodeAt, StringPrototypeSlice, ArrayPrototypeSort, JSONParse, JSONStringify,
    SymbolIterator, SymbolToStringTag, PromiseCtor, TypeErrorCtor, RangeErrorCtor, TypedArrayPrototype,
    TypedArrayBuffer, TypedArraySlice, SymbolCtor, Uint8ArrayCtor,
  } = internals.capturedBuiltins;

  const {
    toDOMString, failedToConstruct, failedToExecute, notEnoughArguments, illegalInvocation, checkDictionary,
    finishInterface, pairIterators,
  } = internals.webIdl;
  const publishGlobal = internals.publishGlobal;
  const toUSVString = internals.toUSVString;
  const charCodeAt = (s, i) => ReflectApply(StringPrototypeCharCodeAt, s, [i]);

  // ---- header names and values (Fetch §2.2) --------------------------------------------------------------
  function isTokenCode(c) {
    // tchar: "!#$%&'*+-.^_`|~" / DIGIT / ALPHA
    return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ||
      c === 0x21 || (c >= 0x23 && c <= 0x27) || c === 0x2a || c === 0x2b || c === 0x2d || c === 0x2e ||
      c === 0x5e || c === 0x5f || c === 0x60 || c === 0x7c || c === 0x7e;
  }
  function isToken(s) {
    if (s === "") return false;
    for (let i = 0; i < s.length; i++) if (!isTokenCode(charCodeAt(s, i))) return false;
    return true;
  }
  const isHTTPWhitespace = (c) => c === 0x09 || c === 0x0a || c === 0x0d || c === 0x20;
  function normalizeValue(s) {
    let a = 0, b = s.length;
    while (a < b && isHTTPWhitespace(charCodeAt(s, a))) a++;
    while (b > a && isHTTPWhitespace(charCodeAt(s, b - 1))) b--;
    return ReflectApply(StringPrototypeSlice, s, [a, b]);
  }
  function isValidValue(s) {
    for (let i = 0; i < s.length; i++) {
      const c = charCodeAt(s, i);
      if (c === 0 || c === 0x0a || c === 0x0d || c > 0xff) return false;
    }
    return true;
  }
  const lower = (s) => internals.asciiLowerCase(s);

  // ---- Headers ---------------------------------------------------------------------------------------------
  const construct = SymbolCtor("Headers construction");
  let isHeaders, headerList, setGuard, fill;

  class Headers {
    #list = []; // [name, value] in insertion order; names keep their case
    #guard = "none"; // "none", "response" (Set-Cookie dropped) or "immutable"

    constructor(init = undefined) {
      const prefix = failedToConstruct("Headers");
      if (new.target === undefined) {
        throw new TypeErrorCtor(`${prefix}Please use the 'new' operator, this DOM object constructor cannot be called as a function.`);
      }
      if (init === construct) return;
      if (init !== undefined) fill(this, init, prefix);
    }

    #check(name, value, prefix) {
      name = toDOMString(name, prefix);
      if (!isToken(name)) throw new TypeErrorCtor(`${prefix}Invalid name`);
      if (value !== undefined) {
        value = normalizeValue(toDOMString(value, prefix));
        if (!isValidValue(value)) throw new TypeErrorCtor(`${prefix}Invalid value`);
      }
      if (this.#guard === "immutable") throw new TypeErrorCtor(`${prefix}Headers are immutable`);
      return [name, value];
    }

    append(name, value) {
      const prefix = check(this, "append", arguments.length, 2);
      this.#append(name, value, prefix);
    }

    #append(name, value, prefix) {
      const checked = this.#check(name, value, prefix);
      if (this.#guard === "response" && isForbiddenResponseName(checked[0])) return;
      this.#list[this.#list.length] = checked;
    }

    delete(name) {
      const prefix = check(this, "delete", arguments.length, 1);
      const key = lower(this.#check(name, undefined, prefix)[0]);
      const list = this.#list;
      let j = 0;
      for (let i = 0; i < list.length; i++) if (lower(list[i][0]) !== key) list[j++] = list[i];
      list.length = j;
    }

    get(name) {
      const prefix = check(this, "get", arguments.length, 1);
      name = toDOMString(name, prefix);
      if (!isToken(name)) throw new TypeErrorCtor(`${prefix}Invalid name`);
      return getCombined(this.#list, lower(name));
    }

    getSetCookie() {
      check(this, "getSetCookie", 0, 0);
      const out = [];
      const list = this.#list;
      for (let i = 0; i < list.length; i++) if (lower(list[i][0]) === "set-cookie") out[out.length] = list[i][1];
      return out;
    }

    has(name) {
      const prefix = check(this, "has", arguments.length, 1);
      name = toDOMString(name, prefix);
      if (!isToken(name)) throw new TypeErrorCtor(`${prefix}Invalid name`);
      return getCombined(this.#list, lower(name)) !== null;
    }

    set(name, value) {
      const prefix = check(this, "set", arguments.length, 2);
      const checked = this.#check(name, value, prefix);
      const n = checked[0], v = checked[1];
      if (this.#guard === "response" && isForbiddenResponseName(n)) return;
      const key = lower(n);
      const list = this.#list;
      let found = false, j = 0;
      for (let i = 0; i < list.length; i++) {
        if (lower(list[i][0]) === key) {
          if (found) continue;
          found = true;
          list[i][1] = v;
        }
        list[j++] = list[i];
      }
      list.length = j;
      if (!found) list[list.length] = [n, v];
    }

    forEach(callback, thisArg = undefined) {
      const prefix = check(this, "forEach", arguments.length, 1);
      if (typeof callback !== "function") throw new TypeErrorCtor(`${prefix}The callback provided as parameter 1 is not a function.`);
      const pairs = sortAndCombine(this.#list);
      for (let i = 0; i < pairs.length; i++) ReflectApply(callback, thisArg, [pairs[i][1], pairs[i][0], this]);
    }

    entries() { check(this, "entries", 0, 0); return makeIterator(this, "key+value"); }
    keys() { check(this, "keys", 0, 0); return makeIterator(this, "key"); }
    values() { check(this, "values", 0, 0); return makeIterator(this, "value"); }

    static {
      isHeaders = (v) => typeof v === "object" && v !== null && #list in v;
      headerList = (h) => h.#list;
      setGuard = (h, guard) => { h.#guard = guard; };
      fill = (h, init, prefix) => {
        if ((typeof init !== "object" && typeof init !== "function") || init === null) {
          throw new TypeErrorCtor(`${prefix}The provided value is not of type '(record<ByteString, ByteString> or sequence<sequence<ByteString>>)'.`);
        }
        const method = init[SymbolIterator];
        if (method !== undefined && method !== null) {
          if (typeof method !== "function") throw new TypeErrorCtor(`${prefix}The object's @@iterator property is not callable.`);
          const pairs = [];
          for (const pair of { [SymbolIterator]: () => ReflectApply(method, init, []) }) {
            if ((typeof pair !== "object" && typeof pair !== "function") || pair === null) {
              throw new TypeErrorCtor(`${prefix}The provided value cannot be converted to a sequence.`);
            }
            const items = [];
            for (const item of pair) items[items.length] = toDOMString(item, prefix);
            if (items.length !== 2) throw new TypeErrorCtor(`${prefix}Invalid value`);
            pairs[pairs.length] = items;
          }
          for (let i = 0; i < pairs.length; i++) h.#append(pairs[i][0], pairs[i][1], prefix);
        } else {
          const keys = ReflectOwnKeys(init);
          for (let i = 0; i < keys.length; i++) {
            const key = keys[i];
            const d = ObjectGetOwnPropertyDescriptor(init, key);
            if (d === undefined || !d.enumerable || typeof key === "symbol") continue;
            h.#append(key, init[key], prefix);
          }
        }
      };
    }
  }
  function isForbiddenResponseName(name) {
    const l = lower(name);
    return l === "set-cookie" || l === "set-cookie2";
  }
  function getCombined(list, key) {
    let out = null;
    for (let i = 0; i < list.length; i++) {
      if (lower(list[i][0]) === key) out = out === null ? list[i][1] : out + ", " + list[i][1];
    }
    return out;
  }
  // Fetch "sort and combine": lowercased names in order, values combined (Set-Cookie kept apart).
  function sortAndCombine(list) {
    const names = [];
    for (let i = 0; i < list.length; i++) {
      const n = lower(list[i][0]);
      let seen = false;
      for (let j = 0; j < names.length; j++) if (names[j] === n) { seen = true; break; }
      if (!seen) names[names.length] = n;
    }
    ReflectApply(ArrayPrototypeSort, names, [(a, b) => (a < b ? -1 : a > b ? 1 : 0)]);
    const out = [];
    for (let i = 0; i < names.length; i++) {
      if (names[i] === "set-cookie") {
        for (let j = 0; j < list.length; j++) if (lower(list[j][0]) === "set-cookie") out[out.length] = ["set-cookie", list[j][1]];
      } else {
        out[out.length] = [names[i], getCombined(list, names[i])];
      }
    }
    return out;
  }
  function check(self, name, present, required) {
    if (!isHeaders(self)) throw illegalInvocation(name, "Headers");
    const prefix = failedToExecute(name, "Headers");
    if (present < required) throw notEnoughArguments(prefix, required, present);
    return prefix;
  }
  finishInterface(Headers, "Headers");
  ObjectDefineProperty(Headers.prototype, SymbolIterator, {
    __proto__: null, value: Headers.prototype.entries, writable: true, enumerable: false, configurable: true,
  });
  publishGlobal("Headers", Headers);

  const makeIterator = pairIterators("Headers", (headers) => sortAndCombine(headerList(headers)));

  // ---- Response --------------------------------------------------------------------------------------------
  // Fetch "extract a body": [bytes (Uint8Array, never written), type or null]
  function extractBody(body, prefix) {
    if (internals.isBlob(body)) {
      const type = internals.blobType(body);
      return [internals.blobBytes(body), type === "" ? null : type];
    }
    const bytes = internals.bufferSourceBytes(body);
    if (bytes !== undefined) return [ReflectApply(TypedArraySlice, bytes, []), null];
    if (internals.isURLSearchParams !== undefined && internals.isURLSearchParams(body)) {
      return [internals.utf8Encode(internals.serializeSearchParams(body)), "application/x-www-form-urlencoded;charset=UTF-8"];
    }
    return [internals.utf8Encode(toUSVString(body, prefix)), "text/plain;charset=UTF-8"];
  }

  const nullBodyStatus = (s) => s === 101 || s === 103 || s === 204 || s === 205 || s === 304;
  const redirectStatus = (s) => s === 301 || s === 302 || s === 303 || s === 307 || s === 308;
  const EMPTY = new Uint8ArrayCtor(0);
  let isResponse;

  class Response {
    #type = "default";
    #url = "";
    #status = 200;
    #statusText = "";
    #headers;
    #body = null; // Uint8Array or null
    #used = false;

    constructor(body = null, init = undefined) {
      const prefix = failedToConstruct("Response");
      if (new.target === undefined) {
        throw new TypeErrorCtor(`${prefix}Please use the 'new' operator, this DOM object constructor cannot be called as a function.`);
      }
      this.#headers = new Headers(construct);
      setGuard(this.#headers, "response");
      if (body === construct) return;
      let extracted = null;
      if (body !== null && body !== undefined) extracted = extractBody(body, prefix);
      // ResponseInit members in order: headers, status, statusText
      let headers, status = 200, statusText = "";
      if (checkDictionary(init, prefix, "ResponseInit")) {
        headers = init.headers;
        const s = init.status;
        if (s !== undefined) status = +s & 0xffff;
        const t = init.statusText;
        if (t !== undefined) statusText = toDOMString(t, prefix);
      }
      if (status < 200 || status > 599) {
        throw new RangeErrorCtor(`${prefix}The status provided (${status}) is outside the range [200, 599].`);
      }
      for (let i = 0; i < statusText.length; i++) {
        const c = charCodeAt(statusText, i);
        if (!(c === 0x09 || (c >= 0x20 && c <= 0x7e) || (c >= 0x80 && c <= 0xff))) {
          throw new TypeErrorCtor(`${prefix}Invalid statusText`);
        }
      }
      this.#status = status;
      this.#statusText = statusText;
      if (headers !== undefined) fill(this.#headers, headers, prefix);
      if (extracted !== null) {
        if (nullBodyStatus(status)) throw new TypeErrorCtor(`${prefix}Response with null body status cannot have body`);
        this.#body = extracted[0];
        const list = headerList(this.#headers);
        if (extracted[1] !== null && getCombined(list, "content-type") === null) list[list.length] = ["Content-Type", extracted[1]];
      }
    }

    static error() {
      const r = new Response(construct);
      r.#type = "error";
      r.#status = 0;
      setGuard(r.#headers, "immutable");
      return r;
    }

    static json(data, init = undefined) {
      const prefix = failedToExecute("json", "Response");
      if (arguments.length < 1) throw notEnoughArguments(prefix, 1, 0);
      const text = JSONStringify(data);
      if (text === undefined) throw new TypeErrorCtor(`${prefix}The data is not JSON-serializable.`);
      const r = new Response(text, init);
      setHeader(headerList(r.#headers), "Content-Type", "application/json");
      return r;
    }

    static redirect(url, status = 302) {
      const prefix = failedToExecute("redirect", "Response");
      if (arguments.length < 1) throw notEnoughArguments(prefix, 1, 0);
      const parsed = internals.parseURLRecord(toUSVString(url, prefix), ops.scriptURL);
      if (parsed === null) throw new TypeErrorCtor(`${prefix}Invalid URL`);
      status = +status & 0xffff;
      if (!redirectStatus(status)) throw new RangeErrorCtor(`${prefix}Invalid status code`);
      const r = new Response(construct);
      r.#status = status;
      setHeader(headerList(r.#headers), "Location", internals.serializeURLRecord(parsed));
      setGuard(r.#headers, "immutable");
      return r;
    }

    get type() { return this.#self("type").#type; }
    get url() { return this.#self("url").#url; }
    get redirected() { this.#self("redirected"); return false; }
    get status() { return this.#self("status").#status; }
    get ok() { const s = this.#self("ok").#status; return s >= 200 && s <= 299; }
    get statusText() { return this.#self("statusText").#statusText; }
    get headers() { return this.#self("headers").#headers; }
    get body() { this.#self("body"); return null; }
    get bodyUsed() { return this.#self("bodyUsed").#used; }

    clone() {
      this.#self("clone");
      if (this.#used) throw new TypeErrorCtor(`${failedToExecute("clone", "Response")}Response body is already used`);
      const r = new Response(construct);
      r.#type = this.#type; r.#url = this.#url; r.#status = this.#status; r.#statusText = this.#statusText;
      r.#body = this.#body;
      const list = headerList(this.#headers), copy = headerList(r.#headers);
      for (let i = 0; i < list.length; i++) copy[i] = [list[i][0], list[i][1]];
      return r;
    }

    arrayBuffer() { return this.#consume("arrayBuffer", (b) => ReflectApply(TypedArrayBuffer, ReflectApply(TypedArraySlice, b, []), [])); }
    bytes() { return this.#consume("bytes", (b) => ReflectApply(TypedArraySlice, b, [])); }
    text() { return this.#consume("text", (b) => internals.utf8Decode(b)); }
    json() { return this.#consume("json", (b) => JSONParse(internals.utf8Decode(b))); }
    blob() {
      return this.#consume("blob", (b) => {
        const type = getCombined(headerList(this.#headers), "content-type");
        return internals.makeBlob(b, type === null ? "" : lower(type));
      });
    }

    #self(name) {
      if (!isResponse(this)) throw illegalInvocation(name, "Response");
      return this;
    }
    // Fetch "consume body": rejects when the body was used; the bytes are read once.
    #consume(name, convert) {
      if (!isResponse(this)) return PromiseReject(illegalInvocation(name, "Response"));
      if (this.#used) return PromiseReject(new TypeErrorCtor(`${failedToExecute(name, "Response")}body stream already read`));
      const body = this.#body === null ? EMPTY : this.#body;
      if (this.#body !== null) this.#used = true;
      return new PromiseCtor((resolve) => resolve(convert(body)));
    }

    static {
      isResponse = (v) => typeof v === "object" && v !== null && #status in v;
    }
  }
  // Headers "set" without the checks, for values the host made.
  function setHeader(list, name, value) {
    const key = lower(name);
    let j = 0;
    for (let i = 0; i < list.length; i++) if (lower(list[i][0]) !== key) list[j++] = list[i];
    list.length = j;
    list[j] = [name, value];
  }
  function PromiseReject(error) {
    return new PromiseCtor((resolve, reject) => reject(error));
  }
  finishInterface(Response, "Response");
  publishGlobal("Response", Response);

  {
    const prev = internals.platformObjectKind;
    internals.platformObjectKind = (v) => (isResponse(v) ? "Response" : isHeaders(v) ? "Headers" : prev?.(v));
  }
})
