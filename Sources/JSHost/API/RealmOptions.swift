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

    public init() {}

    /// Set for the global of a dedicated worker (made by the host, never by an embedder).
    struct WorkerGlobal: Sendable {
        let name: String
        /// The endpoint number of the worker's end of its pipe, in its agent.
        let endpoint: Int
        let url: String
    }

    var worker: WorkerGlobal?
}
