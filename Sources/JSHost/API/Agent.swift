import CJSHostSupport
import Dispatch
import Synchronization

/// An agent: one thread, one JS engine instance (context group) and one event loop. Realms made in an agent
/// share its thread and may share objects, like same-origin iframes. Only thread-neutral data crosses agents.
public final class Agent: Sendable {
    public let name: String
    let core: HostCore
    private let inbox: LoopInbox
    private let thread: AgentThread
    /// The agent's state, touched only on the agent's own thread (in work posted through `perform`).
    private let runtime: RuntimeSlot
    /// Set from any thread to stop the script this agent is running now (its watchdog polls it).
    let interruptFlag: InterruptFlag
    /// This object, for the runtime on the agent's thread (made before it exists).
    private let selfBox = WeakBox<Agent>()

    init(core: HostCore, name: String, interruptible: Bool = false) throws {
        self.core = core
        self.name = name
        let ready = DispatchSemaphore(value: 0)
        let slot = RuntimeSlot()
        let agentBox = selfBox
        let interrupt = InterruptFlag()
        let inboxSlot = Locked<LoopInbox?>(nil)
        interruptFlag = interrupt
        thread = AgentThread(name: name) {
            // The main context outlives the engine: it is popped last, on this thread.
            let pump = MainContextPump()
            // Work can be posted as soon as the inbox exists; the engine is made after the creator goes on, so
            // starting an agent (a worker) blocks its creator only for the thread's start.
            let inbox = LoopInbox(waker: pump.waker, tracker: core.tracker)
            inboxSlot.withLock { $0 = inbox }
            ready.signal()
            // Realms hold views of the cells' memory: it is freed after the engine.
            let cells = HostCells()
            withExtendedLifetime((pump, cells)) {
                slot.runtime = AgentRuntime(host: core, pump: pump, inbox: inbox, slot: slot, cells: cells, interrupt: interrupt,
                                            interruptible: interruptible || core.configuration.canInterruptScripts)
                slot.runtime!.agentBox = agentBox
                slot.runtime!.loop.run()
                slot.runtime!.tearDown()
                slot.runtime = nil
            }
        }
        ready.wait()
        runtime = slot
        inbox = inboxSlot.withLock { $0! }
        selfBox.value = self
    }

    /// The host this agent belongs to (nil once the host is gone).
    public var host: ScriptHost? { core.publicHost.value }

    /// Stops this agent alone, at once, even a script in a loop (when the host can interrupt scripts): no task
    /// runs on it again, its realms' ports are disentangled (their peers hear `close`), other agents go on.
    /// Never blocks; the thread is joined in the background.
    public func terminate() {
        interruptFlag.raise()
        core.retire(self)
    }

    /// Creates a realm in this agent.
    public func makeRealm(options: RealmOptions = RealmOptions()) async throws -> Realm {
        let id = try await perform { runtime throws(HostError) -> Int in
            do throws(JavaScriptError) {
                return try runtime.makeRealm(options: options).id
            } catch {
                throw .realmSetupFailed(error)
            }
        }
        return Realm(agent: self, id: id)
    }

    /// Runs `body` as a task on the agent's thread and returns its result.
    func perform<Result: Sendable>(_ body: @escaping @Sendable (AgentRuntime) throws(HostError) -> Result) async throws(HostError) -> Result {
        let outcome: Swift.Result<Result, HostError> = await withCheckedContinuation { continuation in
            submit(body, reply: Reply { continuation.resume(returning: $0) })
        }
        return try outcome.get()
    }

    /// Queues `body` as a task on the agent's thread without waiting. Returns false once the agent stopped.
    @discardableResult
    func post(_ body: @escaping @Sendable (AgentRuntime) -> Void) -> Bool {
        mailbox.post(body)
    }

    /// What other agents keep to post work here: it does not keep the agent (or its host) alive.
    var mailbox: AgentMailbox { AgentMailbox(inbox: inbox, slot: runtime) }

    /// Like ``perform(_:)``, blocking the calling thread instead, for at most `timeout` seconds (then it throws
    /// ``HostError/agentStopped`` and the work may still run later). Never call it on an agent thread.
    func performBlocking<Result: Sendable>(timeout: Double? = nil, _ body: @escaping @Sendable (AgentRuntime) throws(HostError) -> Result) throws(HostError) -> Result {
        let done = DispatchSemaphore(value: 0)
        let box = Locked<Swift.Result<Result, HostError>?>(nil)
        submit(body, reply: Reply { result in
            box.withLock { $0 = result }
            done.signal()
        })
        let deadline: DispatchTime = timeout.map { .now() + $0 } ?? .distantFuture
        guard done.wait(timeout: deadline) == .success, let result = box.withLock({ $0 }) else { throw .agentStopped }
        return try result.get()
    }

    /// Posts `body` to run on the agent's thread; `reply` receives its result, or `.agentStopped` when the agent
    /// refuses the post or stops before running it.
    private func submit<Result: Sendable>(_ body: @escaping @Sendable (AgentRuntime) throws(HostError) -> Result, reply: Reply<Result>) {
        let slot = runtime
        let posted = inbox.post {
            do throws(HostError) {
                reply.send(.success(try body(slot.runtime!)))
            } catch {
                reply.send(.failure(error))
            }
        }
        if !posted { reply.send(.failure(.agentStopped)) }
    }

    func requestStop() {
        inbox.requestStop()
    }

    func holdWorkUntilTornDown() {
        inbox.holdWorkUntilTornDown()
    }

    func tornDown() {
        inbox.tornDown()
    }

    /// Stops the loop, tears the engine down and joins the thread, waiting at most `timeout` seconds.
    /// Returns false when the thread is still running then (it is left to finish on its own).
    ///
    /// On the agent's own thread (a callback of its script called this), the loop stops after the running
    /// task and the thread ends by itself: nothing waits for it.
    @discardableResult
    func stop(timeout: Double?) -> Bool {
        inbox.requestStop()
        if thread.isCurrent {
            thread.detach()
            return true
        }
        return thread.join(timeout: timeout)
    }
}

/// Delivers the result of work posted to an agent exactly once. If the agent stops before the work runs, the
/// work is dropped with its closure, and this object's deinit answers `.agentStopped`: a caller never waits
/// forever.
private final class Reply<Value: Sendable>: Sendable {
    private let deliver: Locked<(@Sendable (Result<Value, HostError>) -> Void)?>

    init(_ deliver: @escaping @Sendable (Result<Value, HostError>) -> Void) {
        self.deliver = Locked(deliver)
    }

    func send(_ result: Result<Value, HostError>) {
        let deliver = self.deliver.withLock { stored in
            defer { stored = nil }
            return stored
        }
        deliver?(result)
    }

    deinit {
        send(.failure(.agentStopped))
    }
}

/// A flag any thread may raise to interrupt the script an agent is running.
final class InterruptFlag: Sendable {
    private let raised = Atomic<Bool>(false)
    var isRaised: Bool { raised.load(ordering: .relaxed) }
    func raise() { raised.store(true, ordering: .relaxed) }
    func lower() { raised.store(false, ordering: .relaxed) }
}

/// Posts work to one agent's thread, from any thread.
struct AgentMailbox: Sendable {
    fileprivate let inbox: LoopInbox
    fileprivate let slot: RuntimeSlot

    /// The same for every mailbox of one agent.
    var identity: ObjectIdentifier { ObjectIdentifier(inbox) }

    /// Queues `body` as a task. Returns false (dropping it) once the agent's loop has ended.
    @discardableResult
    func post(_ body: @escaping @Sendable (AgentRuntime) -> Void) -> Bool {
        let slot = self.slot
        return inbox.post { body(slot.runtime!) }
    }
}

/// Hands the agent's runtime from its thread to work that runs on that same thread.
final class RuntimeSlot: @unchecked Sendable {
    // Written once on the agent thread before `ready` is signalled; afterwards only read, on that thread.
    var runtime: AgentRuntime?
}

/// An agent's thread-confined state.
final class AgentRuntime: HostTaskSource {
    let host: HostCore
    let pump: MainContextPump
    let cells: HostCells
    /// The agent's FIFO of JS host tasks (`internals.queueTask`), made by its first realm and shared by all.
    private var hostTaskQueue: ProtectedValue?
    private var runQueuedTask: ProtectedFunction?
    let group: ContextGroup
    let loop: EventLoop
    private(set) var realms: [Int: RealmRuntime] = [:]
    /// Pipes to other agents and the workers this agent started (Workers.swift).
    let endpoints = AgentEndpoints()
    /// ArrayBuffer bytes lent to other agents and borrowed from them (LentBuffers.swift).
    let lent = LentBuffers()
    /// The time limit of the embedder's call running now (`Realm.evaluate(_:timeLimit:)`), read by the watchdog.
    let callDeadline = CallDeadline()
    /// Promises of async Swift functions called from JS, until their Swift work settles them (Realm+Scripting.swift).
    var pendingSwiftCalls: [Int: PendingSwiftCall] = [:]
    var lastSwiftCallID = 0
    /// The public object of this agent (set right after the agent starts).
    var agentBox: WeakBox<Agent>?
    var publicAgent: Agent? { agentBox?.value }
    /// Objects Swift keeps handles to (JSObjectHandle.swift).
    var objectHandles: [Int: KeptObject] = [:]
    var lastObjectHandleID = 0
    /// Swift's ends of channels served by this agent (ScriptPort.swift).
    let swiftPorts = SwiftPorts()
    /// Swift tasks awaiting a promise of one of this agent's realms (`Realm.evaluateAwaitingPromise`).
    var promiseWaiters: [(realmID: Int, waiter: PromiseWaiter)] = []
    private var closedRealms: [RealmRuntime] = []
    private var nextRealmID = 0
    let interrupt: InterruptFlag
    private var hasWatchdog = false

    /// This agent's own mailbox, for the pipes it owns a side of.
    let mailbox: AgentMailbox

    /// `pump` must already be the thread's default main context: JSC schedules its timers on the one that
    /// exists at its first use.
    init(host: HostCore, pump: MainContextPump, inbox: LoopInbox, slot: RuntimeSlot, cells: HostCells, interrupt: InterruptFlag,
         interruptible: Bool) {
        mailbox = AgentMailbox(inbox: inbox, slot: slot)
        self.host = host
        self.pump = pump
        self.cells = cells
        self.interrupt = interrupt
        group = ContextGroup()
        loop = EventLoop(pump: pump, inbox: inbox)
        loop.hostTasks = self
        if interruptible {
            let deadline = callDeadline
            hasWatchdog = group.installWatchdog(interval: 0.05) {
                host.isTerminating.load(ordering: .relaxed) || interrupt.isRaised || deadline.hasPassed
            }
        }
    }

    var isTerminating: Bool { host.isTerminating.load(ordering: .relaxed) }

    /// Whether a running script can be stopped (a watchdog is installed).
    var canInterrupt: Bool { hasWatchdog }

    var sharedTaskQueue: JSValue? { hostTaskQueue?.value }

    /// Called by each realm once its modules ran: the first one's task FIFO becomes the agent's.
    func adoptHostTaskQueue(from internals: JSObject, in context: JSContext) {
        guard hostTaskQueue == nil else { return }
        let queue = context.propertyIgnoringExceptions(internals, JSStringHandle("hostTaskQueue"))
        guard context.isObject(queue) else { return }
        hostTaskQueue = ProtectedValue(queue, in: context)
        makeOneEntryFunction(in: context)
        runQueuedTask = ProtectedFunction(context.propertyIgnoringExceptions(internals, JSStringHandle("runQueuedTask")), in: context)
    }

    var pendingHostTasks: Int { Int(exactly: cells[.queuedTasks].rounded(.down)) ?? 0 }

    var pendingEngineWork: Bool { cells[.pendingEngineWork] > 0 }

    func runHostTask() {
        guard let runQueuedTask else { return }
        cells.markTaskStart()
        // runQueuedTask reports its callback's exceptions itself; a throw here is a termination.
        runAsOneEntry { _ = runQueuedTask.call() }
    }

    /// Runs `body` (one task) and its microtask checkpoint as ONE entry into the VM, in an agent that can be
    /// interrupted. JSC runs its own checkpoint after the outermost call has left the VM, where each microtask
    /// is an entry of its own; the watchdog measures one entry at a time, so an endless `queueMicrotask` or
    /// promise chain would never be stopped. Here the task runs inside a call of a native function, which
    /// drains the checkpoint before it returns. Costs a native call per task, so agents without a watchdog
    /// (which cannot be interrupted anyway) run tasks directly.
    func runAsOneEntry(_ body: () -> Void) {
        guard let entry = oneEntryFunction else {
            body()
            return
        }
        withoutActuallyEscaping(body) { body in
            entryBody = body
            _ = entry.call()
            entryBody = nil
        }
    }

    /// A microtask checkpoint between two tasks that share one loop turn (BroadcastChannel deliveries to one
    /// agent). Only needed inside ``runAsOneEntry(_:)``: elsewhere each call into JS is an outermost entry, and
    /// JSC has run the checkpoint when it returned.
    func microtaskCheckpoint(in context: JSContext) {
        if oneEntryFunction != nil { jshost_drain_microtasks(context.ref) }
    }

    private var oneEntryFunction: ProtectedFunction?
    private var entryBody: (() -> Void)?

    /// Made once, in the agent's first realm.
    private func makeOneEntryFunction(in context: JSContext) {
        guard hasWatchdog, oneEntryFunction == nil, jshost_can_drain_microtasks() else { return }
        let runTask = context.makeFunction("runTask") { [unowned self] call throws(HostFunctionError) in
            let body = entryBody
            entryBody = nil
            body?()
            jshost_drain_microtasks(call.context.ref)
            return call.context.undefined
        }
        // Calling it from Swift enters the VM (and starts the watchdog's clock); the task's own calls into JS and
        // the checkpoint all happen inside that entry.
        oneEntryFunction = ProtectedFunction(runTask.value, in: context)
    }


    func makeRealm(options: RealmOptions) throws(JavaScriptError) -> RealmRuntime {
        nextRealmID += 1
        let realm = try RealmRuntime(id: nextRealmID, agent: self, options: options)
        realms[realm.id] = realm
        return realm
    }

    func realm(_ id: Int) throws(HostError) -> RealmRuntime {
        guard let realm = realms[id], !realm.isClosed else { throw .realmClosed }
        return realm
    }

    /// With `deferringRelease` (a frame closed by script, maybe its own), the realm's resources are let go of
    /// in a later task (``releaseClosedRealms()``).
    func closeRealm(_ id: Int, deferringRelease: Bool = false) {
        guard let realm = realms.removeValue(forKey: id) else { return }
        // A document's frames go with it (HTML: its child navigables are destroyed first).
        closeFrames(of: realm, deferringRelease: deferringRelease)
        failPromiseWaiters(ofRealm: id)
        dropObjectHandles(ofRealm: id)
        closeEndpoints(ofRealm: id)
        // Its ports are disentangled (peers in other realms get `close`) and its queued tasks dropped.
        realm.callInternal("closeRealm")
        realm.close(deferringRelease: deferringRelease)
        if deferringRelease { realmsAwaitingRelease.append(realm) }
        // Functions of a closed realm may still be reachable from its siblings' objects (same heap); their
        // ops must find the realm object, closed, until the engine itself goes away.
        closedRealms.append(realm)
    }

    /// Lets go of the resources of realms closed with `deferringRelease` (their code has unwound by now).
    func releaseClosedRealms() {
        let realms = realmsAwaitingRelease
        realmsAwaitingRelease = []
        for realm in realms { realm.releaseResources() }
    }

    private var realmsAwaitingRelease: [RealmRuntime] = []

    /// A context of the agent's own that no script sees, made on first use and kept for the agent's lifetime.
    private var utilityContext: JSContext?
    private var inertFunctionStorage: ProtectedFunction?

    /// The agent's own context: protects and unprotects lent buffers without keeping any realm alive.
    var utilityContextForLoans: JSContext {
        if let utilityContext { return utilityContext }
        let context = group.makeGlobalContext()
        utilityContext = context
        return context
    }

    /// A function that does nothing, owned by no realm: what a closing realm's engine hooks are pointed at, so
    /// that they keep nothing of the realm alive.
    var inertFunction: JSObject? {
        if inertFunctionStorage == nil {
            let context = utilityContextForLoans
            if case .normal(let function) = context.evaluate("(function () {})", sourceURL: "jshost:inert") {
                inertFunctionStorage = ProtectedFunction(function, in: context)
            }
        }
        return inertFunctionStorage?.object
    }

    func tearDown() {
        // A shared worker ending with its host: the connections it never took are dropped, not handed on.
        if let membership = endpoints.sharedWorker {
            endpoints.sharedWorker = nil
            for connection in host.sharedWorkers.remove(membership.start.key, id: membership.id) { connection.drop() }
        }
        closeAllEndpoints()
        loop.inbox.tornDown()
        failPromiseWaiters(ofRealm: nil)
        finishSwiftPorts()
        objectHandles = [:]
        for realm in realms.values { realm.close() }
        for realm in closedRealms { realm.releaseResources() }
        realmsAwaitingRelease = []
        realms = [:]
        closedRealms = []
        hostTaskQueue = nil
        runQueuedTask = nil
        oneEntryFunction = nil
        waitForLoans()
        inertFunctionStorage = nil
        if let utilityContext { group.releaseGlobalContext(utilityContext) }
        utilityContext = nil
    }
}
