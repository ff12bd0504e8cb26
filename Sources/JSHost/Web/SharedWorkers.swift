/// Shared workers (HTML "Shared workers"): one worker agent per (script URL, name) in a host, whichever realm or
/// agent asks for it. Each `SharedWorker` object is a client with two pipes to the worker: its `port` (a
/// MessagePort whose peer is the port of the worker's `connect` event) and an owner link, which tells the client
/// object that the script failed to load and, when it closes (the client's realm or agent ended), tells the
/// worker that one of its owners is gone. When the last owner is gone the worker closes (HTML: a worker that is
/// not "active needed" is terminated). An idle shared worker is not pending work: it never keeps a run going.
///
/// The JS side is shared-worker.js (the `SharedWorker` class) and worker-global.js (the worker's global).

/// What a shared worker agent needs to start; also what a connection carries, so that it can start the worker
/// again if it finds it closing.
struct SharedWorkerStart: Sendable {
    let key: SharedWorkerRegistry.Key
    /// The script, when JS already has it (a `data:` or `blob:` URL); nil to read the `file:` URL.
    let source: String?
    /// Where the worker's uncaught exceptions go: the handlers of the realm that started it (nil: the host's).
    let uncaughtExceptionHandler: (@Sendable (String) -> Void)?
    let uncaughtErrorHandler: (@Sendable (UncaughtError) -> Void)?
}

/// The host-wide table of running shared workers, and the connections each has not taken yet.
final class SharedWorkerRegistry: Sendable {
    /// HTML matches a running shared worker by its constructor URL and its name.
    struct Key: Hashable, Sendable {
        let url: String
        let name: String
    }

    /// One client's link, the worker's ends: side 1 of the client's port pipe and of its owner pipe.
    struct Connection: Sendable {
        let port: PortHandoff
        let owner: PortHandoff

        /// Nobody will ever take this connection: the client's port hears `close`, its object nothing more.
        func drop() {
            port.pipe.close()
            owner.pipe.close()
        }
    }

    private struct Instance {
        let id: Int
        let agent: Agent
        var waiting: [Connection]
        /// Its script has run: waiting connections are taken by a drain task (before, by the start itself).
        var isRunning = false
        var drainScheduled = false
    }

    private struct State {
        var instances: [Key: Instance] = [:]
        var lastID = 0
    }

    private let state = Locked(State())

    enum Join {
        /// Queued for the running instance; when `drain` is set, the caller posts it a drain task.
        case joined(drain: Agent?)
        /// No instance: the caller starts one.
        case absent
    }

    func join(_ key: Key, _ connection: Connection) -> Join {
        state.withLock { state in
            guard var instance = state.instances[key] else { return .absent }
            instance.waiting.append(connection)
            var drain: Agent?
            if instance.isRunning && !instance.drainScheduled {
                instance.drainScheduled = true
                drain = instance.agent
            }
            state.instances[key] = instance
            return .joined(drain: drain)
        }
    }

    /// Records a new instance running on `agent`, with `connection` waiting; nil if another one got there first.
    func register(_ key: Key, agent: Agent, _ connection: Connection) -> Int? {
        state.withLock { state in
            guard state.instances[key] == nil else { return nil }
            state.lastID += 1
            state.instances[key] = Instance(id: state.lastID, agent: agent, waiting: [connection])
            return state.lastID
        }
    }

    /// The instance's script has run: returns what waits; later connections come through drain tasks.
    func markRunning(_ key: Key, id: Int) -> [Connection] {
        state.withLock { state in
            guard var instance = state.instances[key], instance.id == id else { return [] }
            instance.isRunning = true
            let waiting = instance.waiting
            instance.waiting = []
            state.instances[key] = instance
            return waiting
        }
    }

    /// In a drain task: the connections that arrived since the last one.
    func takeWaiting(_ key: Key, id: Int) -> [Connection] {
        state.withLock { state in
            guard var instance = state.instances[key], instance.id == id else { return [] }
            let waiting = instance.waiting
            instance.waiting = []
            instance.drainScheduled = false
            state.instances[key] = instance
            return waiting
        }
    }

    /// The instance is closing: forgets it (a later constructor starts a new one) and returns the connections it
    /// never took.
    func remove(_ key: Key, id: Int) -> [Connection] {
        state.withLock { state in
            guard let instance = state.instances[key], instance.id == id else { return [] }
            state.instances[key] = nil
            return instance.waiting
        }
    }

    /// How many shared workers run (for tests and diagnostics).
    var count: Int { state.withLock { $0.instances.count } }
}

extension HostCore {
    /// Hands `connection` to the shared worker of `start.key`, starting it if none runs. From any thread.
    func connectSharedWorker(_ connection: SharedWorkerRegistry.Connection, _ start: SharedWorkerStart) {
        // Two rounds at most: a lost race to register means the winner's instance now exists.
        for _ in 0..<2 {
            switch sharedWorkers.join(start.key, connection) {
            case .joined(let drain):
                // A worker that stops from now on hands its waiting connections on (``remove(_:id:)``); a failed
                // post means the whole host is ending.
                if let drain { _ = drain.post { runtime in runtime.acceptWaitingConnections() } }
                return
            case .absent:
                let name = start.key.name.isEmpty ? "shared worker" : "shared worker \(start.key.name)"
                guard let agent = try? makeAgent(name: name, interruptible: true) else {
                    connection.drop()
                    return
                }
                guard let id = sharedWorkers.register(start.key, agent: agent, connection) else {
                    retire(agent)
                    continue
                }
                if !agent.post({ runtime in runtime.runSharedWorker(start, id: id, agent: agent) }) {
                    for waiting in sharedWorkers.remove(start.key, id: id) { waiting.drop() }
                }
                return
            }
        }
        connection.drop()
    }
}

extension AgentRuntime {
    /// The `SharedWorker` constructor, in a client realm: makes the client's two pipes and connects their far
    /// sides to the worker. Returns the endpoints of the client's port and of its owner link. When the script
    /// is already known to be unloadable (`loadFailed`), the client hears `error` and nothing starts.
    func connectSharedWorker(url: String, source: String?, name: String, loadFailed: Bool, realmID: Int) -> (port: Int, owner: Int) {
        let portPipe = AgentPipe()
        let ownerPipe = AgentPipe()
        let port = addEndpoint(portPipe, side: 0, realmID: realmID)
        let owner = addEndpoint(ownerPipe, side: 0, realmID: realmID)
        let connection = SharedWorkerRegistry.Connection(port: PortHandoff(pipe: portPipe, side: 1),
                                                         owner: PortHandoff(pipe: ownerPipe, side: 1))
        if loadFailed {
            ownerPipe.post(from: 1, .loadFailed)
            connection.drop()
        } else {
            let start = SharedWorkerStart(key: .init(url: url, name: name), source: source,
                                          uncaughtExceptionHandler: realms[realmID]?.options.uncaughtExceptionHandler,
                                          uncaughtErrorHandler: realms[realmID]?.options.uncaughtErrorHandler)
            host.connectSharedWorker(connection, start)
        }
        return (port, owner)
    }

    /// On the shared worker's own thread: makes its global, runs its script, then takes its first connections.
    /// A script that cannot be loaded fires `error` at every client object waiting, and the worker ends.
    func runSharedWorker(_ start: SharedWorkerStart, id: Int, agent: Agent) {
        endpoints.ownAgent = agent
        endpoints.sharedWorker = .init(start: start, id: id)
        var options = RealmOptions()
        options.url = start.key.url
        options.globalName = "SharedWorkerGlobalScope"
        options.worker = RealmOptions.WorkerGlobal(kind: .shared, name: start.key.name, endpoint: 0, url: start.key.url)
        options.uncaughtExceptionHandler = start.uncaughtExceptionHandler
        options.uncaughtErrorHandler = start.uncaughtErrorHandler
        guard let source = workerScript(url: start.key.url, given: start.source),
              let realm = try? makeRealm(options: options),
              realm.context.checkSyntax(source, sourceURL: start.key.url) else {
            endpoints.sharedWorker = nil
            for connection in host.sharedWorkers.remove(start.key, id: id) {
                connection.owner.pipe.post(from: connection.owner.side, .loadFailed)
                connection.drop()
            }
            closeSelf()
            return
        }
        endpoints.sharedWorker?.realmID = realm.id
        realm.runScript(source, sourceURL: start.key.url)
        accept(host.sharedWorkers.markRunning(start.key, id: id))
    }

    /// A drain task: the connections that joined since the last one.
    func acceptWaitingConnections() {
        guard let membership = endpoints.sharedWorker else { return }
        accept(host.sharedWorkers.takeWaiting(membership.start.key, id: membership.id))
    }

    /// Fires `connect` at the worker's global for each connection, one after another (each call is an outermost
    /// entry into JS, so its microtasks run before the next connection's event).
    private func accept(_ connections: [SharedWorkerRegistry.Connection]) {
        guard let realmID = endpoints.sharedWorker?.realmID, let realm = realms[realmID], !realm.isClosed else {
            for connection in connections { connection.drop() }
            return
        }
        for connection in connections {
            let owner = addEndpoint(connection.owner.pipe, side: connection.owner.side, realmID: realmID)
            endpoints.byNumber[owner]?.linksSharedWorkerOwner = true
            endpoints.sharedWorkerOwners += 1
            let port = addEndpoint(connection.port.pipe, side: connection.port.side, realmID: realmID)
            cells.markTaskStart()
            realm.callInternal("sharedWorkerConnect", reporting: [realm.context.number(Double(port))])
        }
    }

    /// An owner link closed: that client's realm or agent is gone. Without owners the worker closes.
    func sharedWorkerOwnerLeft() {
        endpoints.sharedWorkerOwners -= 1
        if endpoints.sharedWorkerOwners == 0 { closeSelf() }
    }

    /// When a shared worker closes: a constructor from now on starts a new one, and the connections this one
    /// never took go to that new one.
    func leaveSharedWorkerRegistry() {
        guard let membership = endpoints.sharedWorker else { return }
        endpoints.sharedWorker = nil
        for connection in host.sharedWorkers.remove(membership.start.key, id: membership.id) {
            host.connectSharedWorker(connection, membership.start)
        }
    }

    /// The global of the test runner's sharedworker context: a `SharedWorkerGlobalScope` with no clients.
    func makeStandaloneSharedWorkerRealm(options: RealmOptions) throws(JavaScriptError) -> RealmRuntime {
        var options = options
        options.globalName = "SharedWorkerGlobalScope"
        options.worker = RealmOptions.WorkerGlobal(kind: .shared, name: "", endpoint: 0, url: options.url ?? "")
        return try makeRealm(options: options)
    }
}

/// What a shared worker agent knows of its place in the registry.
struct SharedWorkerMembership {
    let start: SharedWorkerStart
    let id: Int
    var realmID: Int?
}
