import CJavaScriptCore
import Foundation
import Synchronization
import Testing
@testable import JSHost


// MARK: - Engine on the current thread

/// Runs `body` with a fresh context group and one realm-less global context, all on the calling thread (a
/// synchronous test never leaves its thread). The GLib main context is pushed before the first JSC call and
/// outlives the engine, as in `Agent`.
func withEngine<Result>(_ body: (ContextGroup, JSContext) throws -> Result) rethrows -> Result {
    let pump = MainContextPump()
    return try withExtendedLifetime(pump) {
        let group = ContextGroup()
        return try withExtendedLifetime(group) {
            let context = group.makeGlobalContext()
            defer { group.releaseGlobalContext(context) }
            return try body(group, context)
        }
    }
}

extension JSContext {
    /// Evaluates `source` and returns its value, recording an issue when it throws.
    func value(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> JSValue {
        switch evaluate(source, sourceURL: "test.js") {
        case .normal(let value):
            return value
        case .thrown(let exception):
            Issue.record("script threw: \(JavaScriptError(thrown: exception, in: self))", sourceLocation: sourceLocation)
            return undefined
        }
    }

    /// Evaluates a script expected to produce a boolean.
    func check(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let result = value(source, sourceLocation: sourceLocation)
        guard type(of: result) == kJSTypeBoolean else {
            Issue.record("\(source) gave \(toSwiftString(result)), not a boolean", sourceLocation: sourceLocation)
            return false
        }
        return toBoolean(result)
    }

    func setGlobal(_ name: String, _ value: JSValue) {
        setProperty(globalObject, name, value)
    }
}

// MARK: - Captured console output

/// Collects what a host writes to each stream.
final class CapturedOutput: Sendable {
    private let bytes = Mutex<(out: [UInt8], err: [UInt8])>(([], []))

    var output: ConsoleOutput {
        ConsoleOutput { [self] stream, buffer in
            bytes.withLock { bytes in
                switch stream {
                case .standardOutput: bytes.out.append(contentsOf: buffer)
                case .standardError: bytes.err.append(contentsOf: buffer)
                }
            }
        }
    }

    var standardOutput: String { bytes.withLock { String(decoding: $0.out, as: UTF8.self) } }
    var standardError: String { bytes.withLock { String(decoding: $0.err, as: UTF8.self) } }
    var standardOutputBytes: [UInt8] { bytes.withLock { $0.out } }
}

/// A thread-safe list for values reported from agent threads.
final class Collected<Element: Sendable>: Sendable {
    private let items = Mutex<[Element]>([])
    func append(_ item: Element) { items.withLock { $0.append(item) } }
    var all: [Element] { items.withLock { $0 } }
}

/// A host whose console output is captured.
func makeCapturingHost() -> (ScriptHost, CapturedOutput) {
    let captured = CapturedOutput()
    var configuration = ScriptHost.Configuration()
    configuration.output = captured.output
    return (ScriptHost(configuration: configuration), captured)
}

// MARK: - Paths

enum Paths {
    /// The package root, found from this file's path (Tests/JSHostTests/Support.swift).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let outputFixtures = packageRoot.appendingPathComponent("js-fixtures/output")

    /// The `jshost` executable SwiftPM built beside the test bundle.
    static let jshost: URL? = {
        var directories: [URL] = []
        if let first = CommandLine.arguments.first {
            directories.append(URL(fileURLWithPath: first).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        if let executable = Bundle.main.executableURL {
            directories.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        directories.append(Bundle.main.bundleURL.deletingLastPathComponent())
        directories.append(Bundle.main.bundleURL)
        for directory in directories {
            for candidate in [directory, directory.deletingLastPathComponent()] {
                let url = candidate.appendingPathComponent("jshost")
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                   FileManager.default.isExecutableFile(atPath: url.path) {
                    return url
                }
            }
        }
        return nil
    }()
}

// MARK: - Running the CLI

struct ProcessResult: Sendable {
    var status: Int32
    var standardOutput: Data
    var standardError: Data
    var timedOut: Bool

    var stdout: String { String(decoding: standardOutput, as: UTF8.self) }
    var stderr: String { String(decoding: standardError, as: UTF8.self) }
}

/// Runs `jshost` with `arguments`, capturing its output in files (no pipe can fill up). `hangGuard` only stops a
/// process that hangs; it is not a timing assertion.
func runJSHost(_ arguments: [String], in directory: URL? = nil, hangGuard: Double = 120) async throws -> ProcessResult {
    let executable = try #require(Paths.jshost, "jshost not found beside the test bundle (\(CommandLine.arguments.first ?? "?"))")
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("jshost-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("stdout")
    let errURL = scratch.appendingPathComponent("stderr")
    try Data().write(to: outURL)
    try Data().write(to: errURL)
    let outHandle = try FileHandle(forWritingTo: outURL)
    let errHandle = try FileHandle(forWritingTo: errURL)

    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = outHandle
    process.standardError = errHandle
    if let directory { process.currentDirectoryURL = directory }
    var environment = ProcessInfo.processInfo.environment
    environment["SWIFT_BACKTRACE"] = "enable=no"
    process.environment = environment

    let timedOut = Atomic<Bool>(false)
    let status: Int32 = try await withCheckedThrowingContinuation { continuation in
        process.terminationHandler = { process in
            continuation.resume(returning: process.terminationStatus)
        }
        do {
            try process.run()
        } catch {
            process.terminationHandler = nil
            continuation.resume(throwing: error)
            return
        }
        let box = UncheckedBox(process)
        DispatchQueue.global().asyncAfter(deadline: .now() + hangGuard) {
            if box.value.isRunning {
                timedOut.store(true, ordering: .relaxed)
                // SIGKILL: a child started from the test runner may inherit a mask that blocks SIGTERM.
                kill(box.value.processIdentifier, SIGKILL)
            }
        }
    }
    try outHandle.close()
    try errHandle.close()
    return ProcessResult(
        status: status,
        standardOutput: try Data(contentsOf: outURL),
        standardError: try Data(contentsOf: errURL),
        timedOut: timedOut.load(ordering: .relaxed)
    )
}

/// Runs `operation` and returns its result, or nil when it has not finished after `seconds` (a hang guard, not a
/// timing assertion: the operation is left running).
func withHangGuard<Value: Sendable>(seconds: Double, _ operation: @escaping @Sendable () async -> Value) async -> Value? {
    let settled = Once()
    return await withCheckedContinuation { (continuation: CheckedContinuation<Value?, Never>) in
        let resume: @Sendable (Value?) -> Void = { value in
            if settled.claim() { continuation.resume(returning: value) }
        }
        Task { resume(await operation()) }
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { resume(nil) }
    }
}

/// True for exactly one caller of ``claim()``.
final class Once: Sendable {
    private let taken = Atomic<Bool>(false)
    func claim() -> Bool { !taken.exchange(true, ordering: .acquiringAndReleasing) }
}

struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// A temporary directory for test scripts, removed when the value is dropped.
final class ScratchDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("jshost-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `source` to `name` and returns its path.
    @discardableResult
    func write(_ name: String, _ source: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(source.utf8).write(to: file)
        return file.path
    }
}


// MARK: - Two connected realms

/// A page and a frame: two realms of one agent ("frames"), entangled with `Realm.connect` so the page's global
/// `toFrame` and the frame's global `toPage` are the two ends of one channel. The caller shuts the host down.
func makeConnectedRealms(options: RealmOptions = RealmOptions()) async throws -> (host: ScriptHost, agent: Agent, page: Realm, frame: Realm) {
    let host = ScriptHost()
    let agent = try host.makeAgent(name: "frames")
    let page = try await agent.makeRealm(options: options)
    let frame = try await agent.makeRealm(options: options)
    try await page.connect(global: "toFrame", to: frame, global: "toPage")
    return (host, agent, page, frame)
}
