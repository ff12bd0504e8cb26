import Dispatch
import Synchronization

/// How ``TestRunner`` runs files.
package struct TestRunnerOptions: Sendable {
    /// How many files run at once, each in its own agent.
    package var jobs = 1
    /// Scales the per-file time limits (10 s, or 60 s for `// META: timeout=long`).
    package var timeoutMultiplier = 1.0
    /// An external `testharness.js` to use instead of the built-in harness.
    package var harnessPath: String?
    /// The directory absolute `// META: script=/...` paths are resolved against.
    package var root: String?

    package init() {}

    static let defaultTimeout = 10.0
    static let longTimeout = 60.0
}

/// Runs web-platform-tests-style test files, each in a fresh realm, and collects their results.
package final class TestRunner: Sendable {
    package let options: TestRunnerOptions
    private let harness: RealmRuntime.Script

    /// The contexts this build can run a test file in.
    package static let supportedContexts: Set<String> = ["window", "dedicatedworker", "sharedworker"]

    package struct SetupError: Error, CustomStringConvertible, Sendable {
        package let description: String
    }

    package init(options: TestRunnerOptions = TestRunnerOptions()) throws(SetupError) {
        self.options = options
        if let path = options.harnessPath {
            do {
                harness = .classic(source: try readUTF8File(path), url: path)
            } catch {
                throw SetupError(description: "cannot read harness '\(path)': \(error.reason)")
            }
        } else {
            guard let source = EmbeddedJavaScript.sources["testharness.js"] else {
                throw SetupError(description: "this build has no built-in testharness.js")
            }
            harness = .module(source: source, name: "testharness.js")
        }
    }

    /// Runs every file and calls `report` with each file's results (one per context), in the order of `paths`,
    /// as soon as a file and all before it are done.
    package func run(_ paths: [String], report: @escaping @Sendable (_ path: String, _ results: [TestFileResult]) -> Void) {
        let queue = WorkQueue(count: paths.count)
        let ordered = OrderedDelivery(paths: paths, report: report)
        let group = DispatchGroup()
        for _ in 0..<max(1, min(options.jobs, paths.count)) {
            group.enter()
            DispatchQueue.global().async { [self] in
                let job = TestJob(runner: self)
                while let index = queue.next() {
                    ordered.deliver(index, job.run(path: paths[index]))
                }
                job.finish()
                group.leave()
            }
        }
        group.wait()
    }

    fileprivate func timeLimit(for file: TestFile) -> Double {
        (file.isLongTimeout ? TestRunnerOptions.longTimeout : TestRunnerOptions.defaultTimeout) * options.timeoutMultiplier
    }

    fileprivate var harnessScript: RealmRuntime.Script { harness }
}

/// One worker: a host with one agent, running files one after another in fresh realms. Used by one thread.
private final class TestJob: @unchecked Sendable {
    let runner: TestRunner
    private(set) var host: ScriptHost
    private(set) var agent: Agent?
    /// The agent `dedicatedworker` and `sharedworker` files run in: a thread of its own, made on first use.
    private var workerAgent: Agent?

    init(runner: TestRunner) {
        self.runner = runner
        (host, agent) = Self.makeHost()
    }

    private static func makeHost() -> (ScriptHost, Agent?) {
        var configuration = ScriptHost.Configuration()
        // The runner shows results, not the files' console output: it is dropped, not kept (1,000 files that log
        // would otherwise hold all of it until the run ends).
        configuration.output = ConsoleOutput { _, _ in }
        let host = ScriptHost(configuration: configuration)
        return (host, try? host.makeAgent(name: "test"))
    }

    func finish() {
        host.shutdown()
    }

    /// How long to wait for an interrupted agent to answer. The watchdog stops a script after 50 ms of its CPU
    /// time, which can be seconds of wall time on a loaded machine; this only guards against an agent that will
    /// never answer.
    static let stopGrace = 10.0

    /// Replaces the agent after a file had to be interrupted: the next file gets a fresh one, whatever state the
    /// interrupted script left behind. Should the old agent still not stop, its thread is left running (see
    /// `shutdown(timeout:)`) and the run goes on.
    private func retireAgent() {
        host.shutdown(timeout: Self.stopGrace)
        (host, agent) = Self.makeHost()
        workerAgent = nil
    }

    private func agent(for context: String) -> Agent? {
        guard context == "dedicatedworker" || context == "sharedworker" else { return agent }
        if workerAgent == nil { workerAgent = try? host.core.makeAgent(name: "test-worker", interruptible: true) }
        return workerAgent
    }

    func run(path: String) -> [TestFileResult] {
        let source: String
        do {
            source = try readUTF8File(path)
        } catch {
            return [TestFileResult(path: path, context: "window", harnessStatus: .error, message: "cannot read the file: \(error.reason)")]
        }
        let file = TestFile(path: path, source: source, root: runner.options.root)
        guard !file.contexts.isEmpty else {
            return [TestFileResult(path: path, context: "window", harnessStatus: .error,
                                   message: "`// META: global=` names no context")]
        }
        return file.contexts.map { context in
            guard TestFile.knownContexts.contains(context) else {
                return TestFileResult(path: path, context: context, harnessStatus: .error,
                                      message: "`// META: global=` names an unknown context '\(context)'")
            }
            guard TestRunner.supportedContexts.contains(context) else {
                return TestFileResult(path: path, context: context, harnessStatus: .skipped,
                                      message: "the \(context) context is not supported yet")
            }
            return run(file, in: context)
        }
    }

    private func run(_ file: TestFile, in context: String) -> TestFileResult {
        let started = MonotonicClock.nanoseconds()
        func result(_ status: HarnessStatus, _ message: String?, _ subtests: [SubtestResult] = [], _ uncaught: [String] = []) -> TestFileResult {
            TestFileResult(path: file.path, context: context, harnessStatus: status, message: message, subtests: subtests,
                           uncaughtReports: uncaught, duration: Double(MonotonicClock.nanoseconds() - started) / 1e9)
        }
        guard let agent = agent(for: context) else { return result(.error, "could not start an agent") }
        let inWorker = context == "dedicatedworker" || context == "sharedworker"

        var scripts: [RealmRuntime.Script] = []
        for script in file.scripts {
            do {
                scripts.append(.classic(source: try readUTF8File(script), url: script))
            } catch {
                return result(.error, "cannot read META script '\(script)': \(error.reason)")
            }
        }
        let prelude = """
            self.GLOBAL = { isWindow() { return \(!inWorker); }, isWorker() { return \(inWorker); }, isShadowRealm() { return false; } };
            \(file.title.map { "self.META_TITLE = \(javaScriptStringLiteral($0));" } ?? "")
            """
        // An external harness is evaluated by test-adapter.js (through `internals.loadHarness`), which can retry it
        // the way older upstream harnesses need (see there); the built-in one runs as a module before the adapter.
        let external: (source: String, url: String)?
        if case .classic(let source, let url) = runner.harnessScript { external = (source, url) } else { external = nil }
        scripts = [.classic(source: prelude, url: "jshost:test-prelude")] + (external == nil ? [runner.harnessScript] : [])
            + [.module(source: EmbeddedJavaScript.sources["test-adapter.js"]!, name: "test-adapter.js")]
            + scripts + [.classic(source: file.source, url: file.path)]
        if inWorker && external != nil {
            // What web-platform-tests' generated `.any.worker.js` wrapper does after the file: upstream's harness
            // waits for done() in a worker (no load event there). The built-in harness needs no call.
            scripts.append(.classic(source: "if (typeof done === \"function\") done();", url: "jshost:worker-done"))
        }

        let completion = Completion()
        var options = RealmOptions()
        options.url = RealmOptions.fileURL(forPath: file.path)
        options.uncaughtExceptionHandler = { text in completion.addUncaught(text) }
        let realmOptions = options
        let allScripts = scripts
        let realmID: Int
        do {
            realmID = try agent.performBlocking { runtime throws(HostError) -> Int in
                let realm: RealmRuntime
                do throws(JavaScriptError) {
                    // A worker file runs in a worker's global, on the worker agent's own thread.
                    switch context {
                    case "dedicatedworker": realm = try runtime.makeStandaloneWorkerRealm(options: realmOptions)
                    case "sharedworker": realm = try runtime.makeStandaloneSharedWorkerRealm(options: realmOptions)
                    default: realm = try runtime.makeRealm(options: realmOptions)
                    }
                } catch {
                    throw .realmSetupFailed(error)
                }
                realm.defineInternalFunction("testDone") { call in
                    completion.finish(call.context.toSwiftString(call[0]))
                }
                if let external {
                    // Evaluates the harness as a classic script. An exception is not reported: it is stored as
                    // `harnessException` (and `harnessThrew` set) on the object the function is called on.
                    realm.defineInternalFunction("loadHarness") { call in
                        let threw: Bool
                        var exception = call.context.undefined
                        if case .thrown(let value) = call.context.evaluate(external.source, sourceURL: external.url) {
                            threw = true
                            exception = value
                        } else {
                            threw = false
                        }
                        if let target = call.context.object(call.this) {
                            _ = call.context.setProperty(target, "harnessThrew", call.context.boolean(threw))
                            _ = call.context.setProperty(target, "harnessException", exception)
                        }
                    }
                }
                return realm.id
            }
        } catch {
            return result(.error, "could not set up a realm: \(error)")
        }
        // The file runs as a task of its own, so this thread is free to enforce the time limit even if the
        // file's top-level code never yields.
        let posted = agent.post { runtime in
            try? runtime.realm(realmID).runScripts(allScripts)
        }
        if !posted {
            return result(.error, "the test agent stopped")
        }

        // The limit counts from when the file's scripts start: making the realm is the host's work, and on a
        // loaded machine it can take a good part of a short limit.
        let deadline = Double(MonotonicClock.nanoseconds()) / 1e9 + runner.timeLimit(for: file)
        var timeoutReason: String?
        var interrupted = false
        while completion.json == nil {
            let remaining = deadline - Double(MonotonicClock.nanoseconds()) / 1e9
            // Short waits: a harness can complete while an interval keeps the agent busy, and that must not cost
            // the rest of the time limit.
            let outcome = remaining > 0 ? host.wait(timeout: min(remaining, 0.02)) : nil
            if completion.json != nil { break }
            if outcome == nil && remaining > 0.02 { continue }
            if outcome == .quiescent {
                timeoutReason = "the file has nothing left to run but the harness did not complete"
                try? agent.performBlocking { runtime throws(HostError) in
                    try runtime.realm(realmID).callInternal("testTimeout")
                }
            } else {
                timeoutReason = "the file did not complete within \(formatSeconds(runner.timeLimit(for: file))) s"
                // Stop a script that never yields (`while (true) {}`) and keep it stopped: the interrupt stays
                // raised, the harness gets the watchdog's interval (50 ms of CPU) to report its results, and the
                // agent is replaced below.
                agent.interruptFlag.raise()
                interrupted = true
                try? agent.performBlocking(timeout: Self.stopGrace) { runtime throws(HostError) in
                    try runtime.realm(realmID).callInternal("testTimeout")
                }
            }
            break
        }
        if !interrupted {
            // Whatever the file left queued may never yield (`setTimeout(() => { while (true) {} })`, which can
            // even start after the harness completed): keep the agent interrupting until the realm is closed.
            agent.interruptFlag.raise()
            do {
                try agent.performBlocking(timeout: Self.stopGrace) { runtime throws(HostError) in
                    agent.interruptFlag.lower()
                    runtime.closeRealm(realmID)
                }
            } catch {
                // Still busy after the watchdog had its chance.
                interrupted = true
            }
        }
        if interrupted { retireAgent() }

        guard let json = completion.json else {
            return result(.timeout, timeoutReason ?? "the harness did not report", [], completion.uncaught)
        }
        guard let report = HarnessReport(json: json) else {
            return result(.error, "the harness reported results jshost cannot read", [], completion.uncaught)
        }
        var message = report.message
        var status = report.status
        // Results that arrive only after the limit (the file completed, then kept its agent busy until it was
        // interrupted, e.g. with a microtask that queues itself forever) do not make the file OK.
        if interrupted, status == .ok {
            status = .timeout
            message = nil
        }
        if status == .timeout, let timeoutReason { message = message ?? timeoutReason }
        return result(status, message, report.subtests, completion.uncaught)
    }
}

/// Holds a file's results as the harness reports them, from the agent's thread.
private final class Completion: Sendable {
    private let state = Locked<(json: String?, uncaught: [String])>((nil, []))
    var json: String? { state.withLock { $0.json } }
    var uncaught: [String] { state.withLock { $0.uncaught } }
    func finish(_ json: String) { state.withLock { if $0.json == nil { $0.json = json } } }
    func addUncaught(_ text: String) { state.withLock { $0.uncaught.append(text) } }
}

/// Hands out file indices to workers.
private final class WorkQueue: Sendable {
    private let next_ = Locked(0)
    private let count: Int
    init(count: Int) { self.count = count }
    func next() -> Int? {
        next_.withLock { next in
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }
}

/// Reports results in input order however the workers finish.
private final class OrderedDelivery: Sendable {
    private let state = Locked<(next: Int, pending: [Int: [TestFileResult]])>((0, [:]))
    private let paths: [String]
    private let report: @Sendable (String, [TestFileResult]) -> Void

    init(paths: [String], report: @escaping @Sendable (String, [TestFileResult]) -> Void) {
        self.paths = paths
        self.report = report
    }

    func deliver(_ index: Int, _ results: [TestFileResult]) {
        // Reporting under the lock keeps output in order and never interleaved.
        state.withLock { state in
            state.pending[index] = results
            while let ready = state.pending.removeValue(forKey: state.next) {
                report(paths[state.next], ready)
                state.next += 1
            }
        }
    }
}

/// Parses the JSON `test-adapter.js` sends. Statuses come from JS (a test can assign any value to
/// `test.status`), so they are converted only when they are exactly one of the harness's codes.
private struct HarnessReport {
    var status: HarnessStatus
    var message: String?
    var subtests: [SubtestResult]

    init?(json: String) {
        guard case .object(let root)? = try? JSONValue.parse(json),
              case .number(let code)? = root["status"], let status = Int(exactly: code).flatMap(HarnessStatus.init(harnessCode:)),
              case .array(let tests)? = root["tests"] else { return nil }
        self.status = status
        if case .string(let message)? = root["message"] { self.message = message }
        subtests = tests.compactMap { test in
            guard case .object(let fields) = test, case .string(let name)? = fields["name"] else { return nil }
            var message: String?
            if case .string(let text)? = fields["message"] { message = text }
            guard case .number(let code)? = fields["status"], let status = Int(exactly: code).flatMap(SubtestStatus.init(harnessCode:)) else {
                let reported = fields["status"]?.serialized ?? "none"
                return SubtestResult(name: name, status: .fail, message: "the harness reported an unknown status (\(reported))")
            }
            return SubtestResult(name: name, status: status, message: message)
        }
    }
}

/// `10` for a whole number of seconds, `0.2` otherwise; any Double (NaN, 1e300) is fine.
package func formatSeconds(_ seconds: Double) -> String {
    Int(exactly: seconds).map { String($0) } ?? String(seconds)
}

/// A JS string literal for `text` (JSON's escaping is valid JS).
func javaScriptStringLiteral(_ text: String) -> String {
    JSONValue.quote(text)
}
