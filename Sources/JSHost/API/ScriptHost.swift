import Dispatch
import Synchronization

/// Why a host's run ended, or that it is quiescent.
public enum RunOutcome: Sendable, Equatable {
    /// No agent can run JavaScript any more: no task queued, no timer armed, nothing in flight.
    case quiescent
    /// An exception went unhandled in a realm without an ``RealmOptions/uncaughtExceptionHandler``.
    case uncaughtException
    /// ``ScriptHost/terminate()`` stopped the run.
    case terminated
}

/// Misuse of the embedding API.
public enum HostError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The agent's thread has stopped (the host was shut down or its run ended).
    case agentStopped
    /// The realm was closed.
    case realmClosed
    /// A realm could not be set up (an error in a built-in or extra module).
    case realmSetupFailed(JavaScriptError)
    /// The operation needs realms of one agent (objects never cross agents). `Realm.connect` no longer throws
    /// it (realms of two agents are connected through a pipe); kept for source compatibility.
    case realmsInDifferentAgents
    /// A host operation failed inside JavaScript.
    case scriptFailed(JavaScriptError)
    /// A path such as `"app.log"` is empty, has an empty component, or cannot be set.
    case invalidPath(String)
    /// A script ran longer than the time limit of the call and was stopped; the realm stays usable.
    case timeLimitExceeded(seconds: Double)
    /// A time limit needs an agent that can interrupt scripts (``ScriptHost/Configuration/canInterruptScripts``).
    case cannotInterrupt
    /// Ports sent together must be served by the same agent.
    case portsOfAnotherAgent

    public var description: String {
        switch self {
        case .agentStopped: "the agent has stopped"
        case .realmClosed: "the realm is closed"
        case .realmSetupFailed(let error): "the realm could not be set up: \(error)"
        case .realmsInDifferentAgents: "the realms belong to different agents"
        case .scriptFailed(let error): "a host operation failed in JavaScript: \(error)"
        case .invalidPath(let path): "'\(path)' is not a usable property path"
        case .timeLimitExceeded(let seconds): "the script ran longer than its time limit of \(formatSeconds(seconds)) s and was stopped"
        case .cannotInterrupt: "this host cannot interrupt scripts (ScriptHost.Configuration.canInterruptScripts is off)"
        case .portsOfAnotherAgent: "a transferred port belongs to another agent"
        }
    }
}

/// The root of an embedding: owns agents (each a thread with its own JS engine and event loop) and decides
/// when the run is over.
///
/// ```swift
/// let host = ScriptHost()
/// let realm = try await host.makeAgent().makeRealm()
/// let value = try await realm.evaluate("6 * 7")   // .number(42)
/// await host.shutdown()
/// ```
///
/// Dropping the last reference to a host shuts it down. A host may be shut down from any thread, including
/// from a callback running on one of its own agents (console output, an uncaught-exception handler).
public final class ScriptHost: Sendable {
    public struct Configuration: Sendable {
        /// Where `console` output and uncaught-exception reports go.
        public var output: ConsoleOutput = .standard
        /// Lets ``ScriptHost/terminate()`` (and the test runner's time limits) stop a script that never yields,
        /// such as `while (true) {}`. It costs a little on every call into JS (JSC reads the thread's CPU
        /// clock at each entry), so a host that never needs to interrupt running code can turn it off; then
        /// `terminate()` takes effect when the running task ends, and `shutdown(timeout:)` of an agent stuck
        /// in a loop gives up after ``shutdownTimeout`` (see there).
        public var canInterruptScripts = true
        /// How long `shutdown(timeout:)` waits for each agent's thread to end, in seconds. An agent that
        /// is still running then (see there for when that can happen) is reported on standard error of
        /// ``output`` and its thread is left to finish on its own; the host never waits forever.
        public var shutdownTimeout = 5.0
        public init() {}
    }

    /// The state agents share with their host. Agents hold it strongly, so an agent never reaches freed state.
    let core: HostCore

    public var configuration: Configuration { core.configuration }

    public init(configuration: Configuration = Configuration()) {
        core = HostCore(configuration: configuration)
        core.publicHost.value = self
    }

    deinit {
        core.shutdown()
    }

    /// Starts an agent: a new thread with its own JS engine instance and event loop.
    public func makeAgent(name: String = "agent") throws -> Agent {
        try core.makeAgent(name: name)
    }

    /// How the run ended, if it has ended.
    public var outcome: RunOutcome? { core.outcome }

    /// Blocks the calling thread until the host is quiescent or its run has ended, or `timeout` seconds pass
    /// (then returns nil). For synchronous code (a command-line tool's main thread); async code awaits
    /// ``quiescence()`` or ``quiescence(timeout:)`` instead.
    @available(*, noasync, message: "blocks a thread: use `await quiescence()` or `await quiescence(timeout:)`")
    public func wait(timeout: Double? = nil) -> RunOutcome? {
        core.wait(timeout: timeout)
    }

    /// Like ``quiescence()``, giving up after `timeout` seconds (then returns nil).
    public func quiescence(timeout: Double) async throws -> RunOutcome? {
        try await awaitOutcome(deadline: MonotonicClock.nanoseconds() &+ UInt64(max(0, timeout) * 1e9))
    }

    /// Waits without blocking a thread until the host is quiescent or its run has ended.
    ///
    /// - Throws: `CancellationError` when the waiting task is cancelled first (the host is not affected).
    public func quiescence() async throws -> RunOutcome {
        // Without a deadline the wait ends only with an outcome (or a cancellation).
        try await awaitOutcome(deadline: nil) ?? .quiescent
    }

    /// Waits on a global-queue thread in short slices, so that a cancellation is noticed within ~50 ms; nil when
    /// `deadline` (monotonic nanoseconds) passes first.
    private func awaitOutcome(deadline: UInt64?) async throws -> RunOutcome? {
        let core = self.core
        let cancelled = Atomic<Bool>(false)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<RunOutcome?, any Error>) in
                DispatchQueue.global().async {
                    while !cancelled.load(ordering: .relaxed) {
                        var slice = 0.05
                        if let deadline {
                            let now = MonotonicClock.nanoseconds()
                            if now >= deadline {
                                continuation.resume(returning: core.outcome ?? (core.tracker.isQuiescent ? .quiescent : nil))
                                return
                            }
                            slice = min(slice, Double(deadline - now) / 1e9)
                        }
                        if let outcome = core.wait(timeout: slice) {
                            continuation.resume(returning: outcome)
                            return
                        }
                    }
                    continuation.resume(throwing: CancellationError())
                }
            }
        } onCancel: {
            cancelled.store(true, ordering: .relaxed)
        }
    }

    /// Stops all JavaScript: a running script is interrupted (even `while (true) {}`), no further task runs.
    public func terminate() {
        core.end(.terminated)
    }

    /// Terminates the run and joins every agent's thread, each for at most `timeout` seconds (by default
    /// ``Configuration/shutdownTimeout``). The host cannot be used afterwards.
    ///
    /// A thread that does not end in time is reported and left running; this happens only to a script that
    /// never yields (a loop, an endless microtask chain) when ``Configuration/canInterruptScripts`` is off.
    ///
    /// - Returns: false when some agent's thread did not end in time and was left running.
    @discardableResult
    @available(*, noasync, message: "blocks a thread while agents stop: use `await shutdown()`")
    public func shutdown(timeout: Double? = nil) -> Bool {
        core.shutdown(timeout: timeout)
    }

    /// Like the blocking `shutdown(timeout:)`, for async code: the joins happen off the cooperative pool.
    @discardableResult
    public func shutdown(timeout: Double? = nil) async -> Bool {
        let core = self.core
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: core.shutdown(timeout: timeout)) }
        }
    }
}

/// A host's shared state: its agents, how its run ended, its work count.
final class HostCore: Sendable {
    private struct State {
        var agents: [Agent] = []
        var ended: RunOutcome?
        var waiters: [DispatchSemaphore] = []
        var isShutDown = false
    }

    let configuration: ScriptHost.Configuration
    private let state = Locked(State())
    let tracker: WorkTracker
    /// BroadcastChannel subscribers of every agent (Web/BroadcastChannels.swift).
    let broadcast = BroadcastRegistry()
    /// The embedder's object, for `Agent.host` (weak: dropping the last `ScriptHost` still shuts the host down).
    let publicHost = WeakBox<ScriptHost>()
    /// Running shared workers by (URL, name) (SharedWorkers.swift).
    let sharedWorkers = SharedWorkerRegistry()
    /// Read by every agent's watchdog while JS runs: set once the run must stop.
    let isTerminating = Atomic<Bool>(false)

    init(configuration: ScriptHost.Configuration) {
        self.configuration = configuration
        let wakeWaiters = WeakBox<HostCore>()
        tracker = WorkTracker { wakeWaiters.value?.resumeWaiters() }
        wakeWaiters.value = self
    }

    /// `interruptible` gives the agent a watchdog whatever the configuration says (a worker must stop on
    /// `terminate()`, even in a loop).
    func makeAgent(name: String, interruptible: Bool = false) throws -> Agent {
        let agent = try Agent(core: self, name: name, interruptible: interruptible)
        let accepted = state.withLock { state -> Bool in
            guard !state.isShutDown else { return false }
            state.agents.append(agent)
            return true
        }
        if !accepted {
            agent.stop(timeout: configuration.shutdownTimeout)
            throw HostError.agentStopped
        }
        return agent
    }

    /// Stops an agent that ended on its own or was terminated (a worker), off the calling thread, and forgets
    /// it: thousands of workers started and stopped leave nothing behind.
    ///
    /// Until the agent has closed its pipes, the host is not quiescent: the peers that hear `close` from them
    /// must still get to run.
    func retire(_ agent: Agent) {
        agent.holdWorkUntilTornDown()
        agent.requestStop()
        let timeout = configuration.shutdownTimeout
        DispatchQueue.global().async { [self] in
            agent.stop(timeout: timeout)
            state.withLock { state in state.agents.removeAll { $0 === agent } }
            // (Normally given back by the teardown already; this covers a thread that never got there.)
            agent.tornDown()
        }
    }

    var outcome: RunOutcome? {
        state.withLock { $0.ended }
    }

    /// Agents started and not yet retired or shut down.
    var agentCount: Int { state.withLock { $0.agents.count } }

    func wait(timeout: Double? = nil) -> RunOutcome? {
        let deadline: DispatchTime = timeout.map { .now() + min($0, 1e9) } ?? .distantFuture
        // A wake-up only says that the count touched zero at some point: work may have been posted since (the
        // signal can arrive late, after another thread posted), so the state is checked again each time.
        while true {
            let semaphore = DispatchSemaphore(value: 0)
            let immediate = state.withLock { state -> RunOutcome? in
                if let ended = state.ended { return ended }
                if tracker.isQuiescent { return .quiescent }
                state.waiters.append(semaphore)
                return nil
            }
            if let immediate { return immediate }
            if semaphore.wait(timeout: deadline) == .timedOut {
                let stillWaiting = state.withLock { state -> Bool in
                    guard let index = state.waiters.firstIndex(where: { $0 === semaphore }) else { return false }
                    state.waiters.remove(at: index)
                    return true
                }
                if stillWaiting { return state.withLock { $0.ended } }
            }
        }
    }

    @discardableResult
    func shutdown(timeout: Double? = nil) -> Bool {
        end(.terminated)
        let agents = state.withLock { state -> [Agent] in
            state.isShutDown = true
            defer { state.agents = [] }
            return state.agents
        }
        // Every agent is asked first, then each joined: an agent whose bytes another one borrows ends only after
        // that one has ended too (LentBuffers.swift).
        for agent in agents { agent.requestStop() }
        var allStopped = true
        for agent in agents where !agent.stop(timeout: timeout ?? configuration.shutdownTimeout) {
            allStopped = false
            writeError("jshost: agent '\(agent.name)' did not stop within \(formatSeconds(timeout ?? configuration.shutdownTimeout)) s; "
                + "its thread was left running (see ScriptHost.Configuration.shutdownTimeout)\n")
        }
        return allStopped
    }

    /// An uncaught exception with no handler: printed, and the run ends. Once the run has ended, later reports
    /// are dropped: the first fatal error is the one the user sees, not a stream of follow-ups.
    /// - Returns: whether the report ended the run (so the caller should stop running JS).
    @discardableResult
    func reportUncaught(_ text: String, handler: (@Sendable (String) -> Void)?) -> Bool {
        if let handler {
            handler(text)
            return false
        }
        guard outcome == nil else { return true }
        writeError(text)
        end(.uncaughtException)
        return true
    }

    func end(_ outcome: RunOutcome) {
        let (agents, waiters) = state.withLock { state -> ([Agent], [DispatchSemaphore]) in
            guard state.ended == nil else { return ([], []) }
            isTerminating.store(true, ordering: .releasing)
            state.ended = outcome
            defer { state.waiters = [] }
            return (state.agents, state.waiters)
        }
        for agent in agents { agent.requestStop() }
        for waiter in waiters { waiter.signal() }
    }

    private func writeError(_ text: String) {
        var text = text
        text.withUTF8 { configuration.output.write(.standardError, UnsafeRawBufferPointer($0)) }
    }

    private func resumeWaiters() {
        let waiters = state.withLock { state -> [DispatchSemaphore] in
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.signal() }
    }
}

/// Breaks the reference cycle between the host and its tracker's callback.
final class WeakBox<Value: AnyObject>: Sendable {
    private struct Reference {
        weak var object: Value?
    }

    private let reference = Locked(Reference())

    var value: Value? {
        get { reference.withLock { $0.object } }
        set { reference.withLock { $0.object = newValue } }
    }
}
