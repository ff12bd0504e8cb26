#if canImport(Glibc)
import Glibc
#endif

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
    /// When nil (and ``uncaughtErrorHandler`` is nil too), the report is printed and the host's run ends with
    /// ``RunOutcome/uncaughtException``.
    public var uncaughtExceptionHandler: (@Sendable (String) -> Void)?
    /// When set, an uncaught exception or unhandled rejection in this realm is handed here as a structured
    /// ``UncaughtError`` (on the agent's thread), and the run goes on. Takes precedence over
    /// ``uncaughtExceptionHandler``. The error carries its ``Realm``, so the handler reaches its agent and host
    /// (`error.realm.agent.host`) without capturing them.
    public var uncaughtErrorHandler: (@Sendable (UncaughtError) -> Void)?

    /// The URL of the realm's main script: `location.href` (and the base of relative URLs the script resolves).
    /// For a file, its absolute `file:` URL. When nil, `location` is `about:blank`.
    public var url: String?

    public init() {}

    /// The absolute `file:` URL of a file path (relative paths are taken from the current directory), with
    /// every byte outside the URL path's safe characters percent-encoded: `a b.js` → `file:///cwd/a%20b.js`.
    public static func fileURL(forPath path: String) -> String {
        var absolute = path
        if !path.hasPrefix("/") {
            var buffer = [CChar](repeating: 0, count: 4096)
            if getcwd(&buffer, buffer.count) != nil {
                let directory = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                absolute = directory + (directory.hasSuffix("/") ? "" : "/") + path
            }
        }
        var url = "file://"
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in absolute.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"),
                 UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
                 UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
                 UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: "@"):
                url.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                url.append("%")
                url.unicodeScalars.append(Unicode.Scalar(hex[Int(byte >> 4)]))
                url.unicodeScalars.append(Unicode.Scalar(hex[Int(byte & 15)]))
            }
        }
        return url
    }

    /// Set for the global of a worker (made by the host, never by an embedder).
    struct WorkerGlobal: Sendable {
        enum Kind: String, Sendable {
            case dedicated, shared
        }
        let kind: Kind
        let name: String
        /// For a dedicated worker, the endpoint number of the worker's end of its pipe, in its agent (0 for a
        /// shared worker: its clients connect later, each through pipes of their own).
        let endpoint: Int
        let url: String
    }

    var worker: WorkerGlobal?

    /// Set for a frame's realm (`jshost.openFrame`): the id of the realm that opened it, in the same agent.
    var frameParent: Int?
}

/// An exception nothing handled in a realm (``RealmOptions/uncaughtErrorHandler``).
public struct UncaughtError: Sendable {
    /// The error, with its name, message, stack, cause and properties (or the thrown value).
    public let error: JavaScriptError
    /// The text `jshost` would print for it (`Uncaught TypeError: ...` and the stack).
    public let report: String
    /// Whether it was a rejected promise nobody handled, rather than a thrown exception.
    public let isUnhandledRejection: Bool
    /// The realm it happened in.
    public let realm: Realm
}
