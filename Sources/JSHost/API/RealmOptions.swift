/// How a realm is set up.
public struct RealmOptions: Sendable {
    /// The global's interface name (`Object.prototype.toString.call(globalThis)`): `Window` for a
    /// window-like realm.
    public var globalName = "Window"
    /// Strings the script reads as `jshost.args`.
    public var arguments: [String] = []
    /// Defines `gc()`, which forces a full garbage collection.
    public var exposeGarbageCollection = false
    /// When set, an uncaught exception's report goes here instead of standard error, and the run goes on.
    /// When nil, the report is printed and the host's run ends with ``RunOutcome/uncaughtException``.
    public var uncaughtExceptionHandler: (@Sendable (String) -> Void)?
    /// Further scripts in the built-in module shape (`(function (ops, internals, global) { ... })`),
    /// evaluated after the web platform. For the host's own tooling, such as the test harness.
    var extraModules: [(name: String, source: String)] = []

    public init() {}
}
