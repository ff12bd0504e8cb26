// Installs the web platform pieces that most scripts never touch (Encoding, File API, URL, base64, crypto,
// navigator, location, FileReader, Response) without evaluating them: each module is evaluated the first
// time one of its globals is read (realms are made per test file, so startup matters).
//
// - Functions (atob, btoa) are installed at once as their permanent selves; the first call loads the module.
// - Attributes (crypto, navigator, location) are the global's accessors from the start; the first get loads.
// - Interface objects (Blob, URL, ...) start as an accessor on the global that, when first read, loads the
//   module and turns itself into the WebIDL data property { writable, configurable, not enumerable } holding
//   the class. (Until then, Object.getOwnPropertyDescriptor shows that accessor: the one visible deviation.)
//   A value the script assigns first wins, and a module loaded later leaves it alone.
//
// Published on `internals`: requireModule(name) loads a module (and what it needs) now; publishGlobal(name,
// value) is what a lazily loaded module calls instead of installGlobal.
(function (ops, internals, global) {
  "use strict";

  const ObjectDefineProperty = Object.defineProperty;
  const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
  const ReflectApply = Reflect.apply;

  // module → the modules it uses at evaluation time (loaded first)
  const needs = {
    __proto__: null,
    "encoding.js": [], "base64.js": [], "crypto.js": [], "navigator.js": [],
    "blob.js": ["encoding.js"], "url.js": ["encoding.js"], "location.js": ["url.js"],
    "file-reader.js": ["blob.js", "base64.js"], "response.js": ["blob.js", "url.js"],
  };
  const interfaces = {
    __proto__: null,
    TextEncoder: "encoding.js", TextDecoder: "encoding.js", Blob: "blob.js", File: "blob.js", URL: "url.js",
    URLSearchParams: "url.js", Crypto: "crypto.js", FileReader: "file-reader.js", ProgressEvent: "file-reader.js",
    Headers: "response.js", Response: "response.js",
    [ops.globalName === "Window" ? "Navigator" : "WorkerNavigator"]: "navigator.js",
    [ops.globalName === "Window" ? "Location" : "WorkerLocation"]: "location.js",
  };
  const loaded = { __proto__: null };
  const stubs = { __proto__: null }; // interface name → the getter standing in for it

  function requireModule(name) {
    if (loaded[name]) return;
    loaded[name] = true;
    const deps = needs[name];
    for (let i = 0; i < deps.length; i++) requireModule(deps[i]);
    ops.loadModule(name);
  }

  function publishGlobal(name, value) {
    const d = ObjectGetOwnPropertyDescriptor(global, name);
    // Only replace our own stand-in: the script may have deleted or replaced the global already.
    if (d !== undefined && d.get !== undefined && d.get === stubs[name]) {
      ObjectDefineProperty(global, name, { __proto__: null, value, writable: true, enumerable: false, configurable: true });
    }
  }

  for (const name in interfaces) {
    const module = interfaces[name];
    const accessors = {
      get [name]() {
        requireModule(module);
        return internals.lazyInterfaces[name];
      },
      set [name](value) {
        ObjectDefineProperty(global, name, { __proto__: null, value, writable: true, enumerable: false, configurable: true });
      },
    };
    const d = ObjectGetOwnPropertyDescriptor(accessors, name);
    stubs[name] = d.get;
    ObjectDefineProperty(global, name, { __proto__: null, get: d.get, set: d.set, enumerable: false, configurable: true });
  }
  internals.lazyInterfaces = { __proto__: null };

  // atob/btoa: permanent functions; the implementation arrives with base64.js.
  const functions = {
    atob(data) { requireModule("base64.js"); return ReflectApply(internals.atob, this, arguments); },
    btoa(data) { requireModule("base64.js"); return ReflectApply(internals.btoa, this, arguments); },
  };
  for (const name of ["atob", "btoa"]) {
    ObjectDefineProperty(global, name, { __proto__: null, value: functions[name], writable: true, enumerable: true, configurable: true });
  }

  // crypto, navigator: [SameObject] readonly attributes. location: [LegacyUnforgeable, PutForwards=href] in a
  // window (not configurable; setting it would navigate, which jshost does not do), a plain readonly
  // attribute in a worker.
  const inWorker = ops.globalName !== "Window";
  const attributes = {
    get crypto() { requireModule("crypto.js"); return internals.cryptoObject; },
    get navigator() { requireModule("navigator.js"); return internals.navigatorObject; },
    get location() { requireModule("location.js"); return internals.locationObject; },
    set location(value) {
      requireModule("location.js");
      throw internals.makeDOMException("jshost does not navigate: setting location is not supported.", "NotSupportedError");
    },
  };
  for (const name of ["crypto", "navigator", "location"]) {
    const d = ObjectGetOwnPropertyDescriptor(attributes, name);
    const unforgeable = name === "location" && !inWorker;
    ObjectDefineProperty(global, name, {
      __proto__: null, get: d.get, set: unforgeable ? d.set : undefined, enumerable: true, configurable: !unforgeable,
    });
  }

  // A Blob can arrive in a message before this realm ever evaluated blob.js: clone.js's deserialize hook
  // loads it (blob.js then replaces this stand-in).
  internals.blobDeserialize = (record) => {
    requireModule("blob.js");
    return internals.blobDeserialize(record);
  };

  internals.requireModule = requireModule;
  internals.publishGlobal = (name, value) => {
    internals.lazyInterfaces[name] = value;
    publishGlobal(name, value);
  };
})
