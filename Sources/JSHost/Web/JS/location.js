// `location` (HTML §7.10.4 Location in a window, §10.3.3 WorkerLocation in a worker): the realm's script URL,
// read-only. The host gives the URL (RealmOptions.url → ops.scriptURL): `jshost run file.js` and
// `jshost test` pass the file's `file:` URL; without one, location is about:blank. The origin of a file: URL is
// opaque, serialized "null" (URL Standard; what browsers report for file: pages). jshost never navigates:
// assign(), replace(), reload() and setting `location`/`href` throw a NotSupportedError.
(function (ops, internals, global) {
  "use strict";
  // Intrinsics as they were before any user code ran (this module is loaded on first use; web-loader.js).
  const {
    ObjectDefineProperty, SymbolCtor,
  } = internals.capturedBuiltins;

  const { illegalInvocation, illegalConstructor, finishInterface } = internals.webIdl;
  const inWorker = ops.globalName !== "Window";
  const interfaceName = inWorker ? "WorkerLocation" : "Location";
  const href = ops.scriptURL !== undefined ? ops.scriptURL : "about:blank";

  // The URL object behind the getters, made on first use (it loads the URL parser).
  let url = null;
  function u() {
    if (url === null) {
      const record = internals.parseURLRecord(href);
      url = record !== null ? record : internals.parseURLRecord("about:blank");
    }
    return url;
  }
  function notSupported(what) {
    return internals.makeDOMException(`jshost does not navigate: ${what} is not supported.`, "NotSupportedError");
  }

  const construct = SymbolCtor("Location construction");
  let isLocation;
  class Location {
    #brand = true;
    constructor(key = undefined) {
      if (key !== construct) throw illegalConstructor(interfaceName);
    }
    get href() { check(this, "href"); return internals.serializeURLRecord(u()); }
    get origin() { check(this, "origin"); return internals.urlRecordOrigin(u()); }
    get protocol() { check(this, "protocol"); return u().scheme + ":"; }
    get host() {
      check(this, "host");
      const r = u();
      return r.host === null ? "" : r.port === null ? r.host : r.host + ":" + r.port;
    }
    get hostname() { check(this, "hostname"); return u().host === null ? "" : u().host; }
    get port() { check(this, "port"); return u().port === null ? "" : "" + u().port; }
    get pathname() { check(this, "pathname"); const r = u(); return typeof r.path === "string" ? r.path : pathOf(r); }
    get search() { check(this, "search"); const q = u().query; return q === null || q === "" ? "" : "?" + q; }
    get hash() { check(this, "hash"); const f = u().fragment; return f === null || f === "" ? "" : "#" + f; }
    toString() { check(this, "toString"); return internals.serializeURLRecord(u()); }
    static {
      isLocation = (v) => typeof v === "object" && v !== null && #brand in v;
    }
  }
  function pathOf(r) {
    let out = "";
    for (let i = 0; i < r.path.length; i++) out += "/" + r.path[i];
    return out;
  }
  function check(self, name) {
    if (!isLocation(self)) throw illegalInvocation(name, interfaceName);
  }
  if (!inWorker) {
    const methods = {
      assign(url) { check(this, "assign"); throw notSupported("location.assign()"); },
      replace(url) { check(this, "replace"); throw notSupported("location.replace()"); },
      reload() { check(this, "reload"); throw notSupported("location.reload()"); },
    };
    const names = ["assign", "replace", "reload"];
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      ObjectDefineProperty(Location.prototype, name, { __proto__: null, value: methods[name], writable: true, enumerable: true, configurable: true });
    }
  }
  ObjectDefineProperty(Location, "name", { __proto__: null, value: interfaceName });
  finishInterface(Location, interfaceName);
  // The global `location` attribute (and its setter) is web-loader.js's; it returns this object.
  const publishGlobal = internals.publishGlobal;
  publishGlobal(interfaceName, Location);
  internals.locationObject = new Location(construct);
  {
    const prev = internals.platformObjectKind;
    internals.platformObjectKind = (v) => (isLocation(v) ? interfaceName : prev?.(v));
  }
})
