// `navigator` (HTML §8.9.1 "The Navigator object"; WorkerNavigator in workers): the NavigatorID,
// NavigatorLanguage and NavigatorConcurrentHardware members. userAgent is `jshost/<version>`; language is
// always "en-US" (jshost does not read the locale); hardwareConcurrency is the number of online CPUs.
(function (ops, internals, global) {
  "use strict";
  // Intrinsics as they were before any user code ran (this module is loaded on first use; web-loader.js).
  const {
    ObjectDefineProperty, ObjectFreeze, SymbolCtor,
  } = internals.capturedBuiltins;

  const { illegalInvocation, illegalConstructor, finishInterface } = internals.webIdl;
  const inWorker = ops.globalName !== "Window";
  const interfaceName = inWorker ? "WorkerNavigator" : "Navigator";
  const userAgent = `jshost/${ops.version}`;
  const languages = ObjectFreeze(["en-US"]);

  const construct = SymbolCtor("Navigator construction");
  let isNavigator;
  class Navigator {
    #brand = true;
    constructor(key = undefined) {
      if (key !== construct) throw illegalConstructor(interfaceName);
    }
    get userAgent() { check(this, "userAgent"); return userAgent; }
    get appCodeName() { check(this, "appCodeName"); return "Mozilla"; }
    get appName() { check(this, "appName"); return "Netscape"; }
    get appVersion() { check(this, "appVersion"); return "5.0"; }
    get platform() { check(this, "platform"); return "Linux"; }
    get product() { check(this, "product"); return "Gecko"; }
    get language() { check(this, "language"); return "en-US"; }
    get languages() { check(this, "languages"); return languages; }
    get onLine() { check(this, "onLine"); return true; }
    get hardwareConcurrency() { check(this, "hardwareConcurrency"); return ops.hardwareConcurrency; }
    static {
      isNavigator = (v) => typeof v === "object" && v !== null && #brand in v;
    }
  }
  function check(self, name) {
    if (!isNavigator(self)) throw illegalInvocation(name, interfaceName);
  }
  ObjectDefineProperty(Navigator, "name", { value: interfaceName });
  finishInterface(Navigator, interfaceName);
  // The global `navigator` attribute is web-loader.js's; it returns this object.
  const publishGlobal = internals.publishGlobal;
  publishGlobal(interfaceName, Navigator);
  internals.navigatorObject = new Navigator(construct);
  {
    const prev = internals.platformObjectKind;
    internals.platformObjectKind = (v) => (isNavigator(v) ? interfaceName : prev?.(v));
  }
})
