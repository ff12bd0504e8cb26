/// Dedicated workers (HTML "Web workers"): each worker is an agent of its own (a thread, an engine, a loop)
/// with one realm whose global is a `DedicatedWorkerGlobalScope`. A worker and its `Worker` object talk through
/// an ``AgentPipe``; the JS side is worker.js (the `Worker` class) and worker-global.js (the worker's global).
///
/// JS knows a pipe side by an endpoint number of its agent. Everything here runs on the agent's own thread.

/// What a worker agent needs to start.
struct WorkerStart: Sendable {
    let url: String
    /// The script, when JS already has it (a `data:` or `blob:` URL); nil to read the `file:` URL.
    let source: String?
    let name: String
    let pipe: AgentPipe
}

/// The agent-wide state of pipes and workers.
final class AgentEndpoints {
    struct Endpoint {
        let pipe: AgentPipe
        let side: Int
        let realmID: Int
        /// For the parent's end of a worker's pipe: the worker's agent, to terminate it.
        var worker: Agent?
        /// In a shared worker: this is the link to one owner (client), which closes when the owner is gone.
        var linksSharedWorkerOwner = false
    }

    var byNumber: [Int: Endpoint] = [:]
    var lastNumber = 0
    /// Pipe sides made or detached here for MessagePorts being transferred, until the message carrying them is sent.
    var handoffs: [Int: PortHandoff] = [:]
    var lastHandoff = 0

    func addHandoff(_ handoff: PortHandoff) -> Int {
        lastHandoff += 1
        handoffs[lastHandoff] = handoff
        return lastHandoff
    }
    /// In a worker agent: its own agent (to close itself) once started.
    var ownAgent: Agent?
    /// In a shared worker agent: its entry in the host's registry, while it accepts connections.
    var sharedWorker: SharedWorkerMembership?
    /// In a shared worker agent: how many owner links are open.
    var sharedWorkerOwners = 0
}

extension AgentRuntime {
    func addEndpoint(_ pipe: AgentPipe, side: Int, realmID: Int, worker: Agent? = nil) -> Int {
        endpoints.lastNumber += 1
        let number = endpoints.lastNumber
        endpoints.byNumber[number] = .init(pipe: pipe, side: side, realmID: realmID, worker: worker)
        pipe.attach(side, to: PipeOwner(mailbox: mailbox, realmID: realmID, endpoint: number))
        return number
    }

    /// A delivery task of a pipe side: hands one item to the realm's JS.
    func deliverPipe(_ pipe: AgentPipe, side: Int, to owner: PipeOwner) {
        // The endpoint's realm now (a port backed by this pipe may have moved to another realm of the agent).
        let realmID = endpoints.byNumber[owner.endpoint]?.realmID ?? owner.realmID
        guard let realm = realms[realmID], !realm.isClosed else {
            pipe.close()
            return
        }
        switch pipe.takeNext(side, for: owner) {
        case .item(let item):
            cells.markTaskStart()
            realm.deliverPipeItem(item, endpoint: owner.endpoint)
            pipe.deliveryDone(side, for: owner)
        case .closed:
            let closed = endpoints.byNumber.removeValue(forKey: owner.endpoint)
            if closed?.linksSharedWorkerOwner == true { sharedWorkerOwnerLeft() }
            realm.callInternal("pipeClosed", reporting: [realm.context.number(Double(owner.endpoint))])
        case .nothing:
            break
        }
    }

    /// Closes every pipe of a realm that is closing, and terminates the workers it started.
    func closeEndpoints(ofRealm realmID: Int) {
        for (number, endpoint) in endpoints.byNumber where endpoint.realmID == realmID {
            closeEndpoint(number)
        }
    }

    func closeAllEndpoints() {
        for number in endpoints.byNumber.keys { closeEndpoint(number) }
    }

    func closeEndpoint(_ number: Int) {
        guard let endpoint = endpoints.byNumber.removeValue(forKey: number) else { return }
        endpoint.pipe.close()
        if let worker = endpoint.worker { terminate(worker) }
    }

    /// HTML "terminate a worker": the worker stops running script at once (even in a loop), and nothing more
    /// reaches it. Never blocks: the thread is joined elsewhere.
    func terminate(_ worker: Agent) {
        worker.interruptFlag.raise()
        host.retire(worker)
    }

    /// Starts a worker for the realm `realmID` of this agent; returns the endpoint of its `Worker` object.
    func startWorker(url: String, source: String?, name: String, realmID: Int) throws(HostError) -> Int {
        let pipe = AgentPipe()
        let worker = try host.makeAgentOrStopped(name: name.isEmpty ? "worker" : "worker \(name)", interruptible: true)
        let number = addEndpoint(pipe, side: 0, realmID: realmID, worker: worker)
        let start = WorkerStart(url: url, source: source, name: name, pipe: pipe)
        worker.post { runtime in runtime.runWorker(start, agent: worker) }
        return number
    }

    /// On the worker's own thread: makes its global, binds its end of the pipe and runs its script.
    func runWorker(_ start: WorkerStart, agent: Agent) {
        endpoints.ownAgent = agent
        guard let source = workerScript(url: start.url, given: start.source) else {
            start.pipe.post(from: 1, .loadFailed)
            closeSelf()
            return
        }
        var options = RealmOptions()
        options.url = start.url
        let realm: RealmRuntime
        do throws(JavaScriptError) {
            realm = try makeWorkerRealm(options: options, name: start.name, pipe: start.pipe)
        } catch {
            start.pipe.post(from: 1, .loadFailed)
            closeSelf()
            return
        }
        // HTML: a script that does not parse is a failure to fetch/parse: `error` at the Worker, not a report.
        if !realm.context.checkSyntax(source, sourceURL: start.url) {
            start.pipe.post(from: 1, .loadFailed)
            closeSelf()
            return
        }
        realm.runScript(source, sourceURL: start.url)
    }

    /// A worker's script: `given` (what JS fetched itself), else the file of a `file:` URL; nil when unreadable.
    func workerScript(url: String, given: String?) -> String? {
        if let given { return given }
        guard let path = filePath(fromFileURL: url) else { return nil }
        return try? readUTF8File(path)
    }

    /// A realm whose global is a `DedicatedWorkerGlobalScope`, bound to side 1 of `pipe`.
    func makeWorkerRealm(options: RealmOptions, name: String, pipe: AgentPipe) throws(JavaScriptError) -> RealmRuntime {
        var options = options
        options.globalName = "DedicatedWorkerGlobalScope"
        // worker-global.js learns its endpoint number while the realm is made, before the endpoint exists.
        let number = endpoints.lastNumber + 1
        options.worker = RealmOptions.WorkerGlobal(kind: .dedicated, name: name, endpoint: number, url: options.url ?? "")
        let realm = try makeRealm(options: options)
        let added = addEndpoint(pipe, side: 1, realmID: realm.id)
        precondition(added == number, "an endpoint was added while the worker's realm was made")
        return realm
    }

    /// A worker global with no `Worker` object on the other side (the test runner's dedicatedworker context):
    /// what it posts goes nowhere.
    func makeStandaloneWorkerRealm(options: RealmOptions) throws(JavaScriptError) -> RealmRuntime {
        let pipe = AgentPipe()
        let realm = try makeWorkerRealm(options: options, name: "", pipe: pipe)
        pipe.close()
        return realm
    }

    /// The worker's `close()` (or a failed start): stop after the running task and discard the queued ones.
    /// The pipes close when the loop has ended (``tearDown()``), so what this task still posts is delivered.
    func closeSelf() {
        leaveSharedWorkerRegistry()
        if let agent = endpoints.ownAgent {
            endpoints.ownAgent = nil
            host.retire(agent)
        }
    }
}

/// The path of a `file:` URL (percent-decoded), or nil for any other URL.
func filePath(fromFileURL url: String) -> String? {
    var rest: Substring
    if url.hasPrefix("file://") {
        rest = url.dropFirst("file://".count)
        if !rest.hasPrefix("/") {
            // file://host/path: only the local host.
            guard rest.hasPrefix("localhost/") else { return nil }
            rest = rest.dropFirst("localhost".count)
        }
    } else if url.hasPrefix("file:/") {
        rest = url.dropFirst("file:".count)
    } else {
        return nil
    }
    if let query = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<query] }
    var bytes: [UInt8] = []
    var iterator = Array(rest.utf8)[...]
    while let byte = iterator.popFirst() {
        if byte == UInt8(ascii: "%"), iterator.count >= 2,
           let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16) {
            bytes.append(value)
            iterator = iterator.dropFirst(2)
        } else {
            bytes.append(byte)
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}

extension HostCore {
    /// Like ``makeAgent(name:interruptible:)``, as a ``HostError``.
    func makeAgentOrStopped(name: String, interruptible: Bool) throws(HostError) -> Agent {
        do {
            return try makeAgent(name: name, interruptible: interruptible)
        } catch {
            throw .agentStopped
        }
    }
}

extension RealmRuntime {
    /// Hands one item from a pipe to this realm's JS, as the body of a task; an exception is reported.
    func deliverPipeItem(_ item: PipeItem, endpoint: Int) {
        let number = context.number(Double(endpoint))
        switch item {
        case .message(let text, let buffers, let ports):
            // One hold of the VM's lock for the values made here and the call (see withAPILock): each C API
            // call would take it whole otherwise. The checkpoint after the call runs when it is released.
            context.withAPILock {
                // Each transferred port becomes an endpoint of this agent, bound to this realm; JS makes its MessagePort.
                // (null when there are none: most messages carry no port, and an empty array is one more call.)
                var portList = context.null
                if !ports.isEmpty {
                    let portEndpoints = ports.map { context.number(Double(agent.addEndpoint($0.pipe, side: $0.side, realmID: id))) }
                    guard case .normal(let list) = context.makeArray(portEndpoints) else { return }
                    portList = list
                }
                var arguments = [number, context.string(text), portList]
                for block in buffers { arguments.append(block.makeArrayBuffer(in: context, borrowed: agent.lent.borrowed) ?? context.undefined) }
                // The hot path: the hook is looked up once per realm.
                if pipeMessageHook == nil { pipeMessageHook = hook("pipeMessage") }
                if case .thrown(let exception)? = pipeMessageHook?.call(arguments) { reportException(exception) }
            }
        case .error(let message, let filename, let line, let column):
            callInternal("pipeError", reporting: [number, context.string(message), context.string(filename),
                                                  context.number(Double(line)), context.number(Double(column))])
        case .loadFailed:
            callInternal("pipeLoadFailed", reporting: [number])
        }
    }


    /// The native side of worker.js and worker-global.js.
    func installWorkerOps(into ops: JSObject) {
        let context = self.context
        context.setProperty(ops, "workerStart", context.makeFunction("workerStart") { [unowned self] call throws(HostFunctionError) in
            let url = call.context.toSwiftString(call[0])
            let source = call.context.isNullOrUndefined(call[1]) ? nil : call.context.toSwiftString(call[1])
            let name = call.context.toSwiftString(call[2])
            do throws(HostError) {
                let number = try agent.startWorker(url: url, source: source, name: name, realmID: id)
                return call.context.number(Double(number))
            } catch {
                throw .typeError("the worker could not be started: \(error)")
            }
        })
        // pipePost(endpoint, text, handoffIds, ...buffers)
        context.setProperty(ops, "pipePost", context.makeFunction("pipePost") { [unowned self] call throws(HostFunctionError) in
            // (One hold of the VM's lock for the C API calls below: each would take it whole otherwise.)
            try call.context.withAPILock { () throws(HostFunctionError) in try pipePost(call) }
        })
        // A new pipe for a MessagePort leaving this agent: side 0 stays here (returned as an endpoint of this
        // realm), side 1 goes with the message (returned as a handoff id). → [endpoint, handoffId]
        context.setProperty(ops, "pipeCreate", context.makeFunction("pipeCreate") { [unowned self] call throws(HostFunctionError) in
            let pipe = AgentPipe()
            let number = agent.addEndpoint(pipe, side: 0, realmID: id)
            let handoff = agent.endpoints.addHandoff(PortHandoff(pipe: pipe, side: 1))
            guard case .normal(let pair) = call.context.makeArray([call.context.number(Double(number)), call.context.number(Double(handoff))]) else {
                throw .typeError("pipeCreate: could not make the result")
            }
            return pair
        })
        // pipeHandOver(endpoint, ...texts): a port whose side is already a pipe endpoint here leaves this agent;
        // `texts` are the messages it had received but not delivered yet. → handoffId
        context.setProperty(ops, "pipeHandOver", context.makeFunction("pipeHandOver") { [unowned self] call throws(HostFunctionError) in
            guard let number = call.context.toNumber(call[0]).flatMap({ Int(exactly: $0) }),
                  let endpoint = agent.endpoints.byNumber.removeValue(forKey: number) else {
                throw .typeError("pipeHandOver: unknown endpoint")
            }
            var items: [PipeItem] = []
            if call.argumentCount > 1 {
                for index in 1..<call.argumentCount {
                    guard let text = call.context.toStringHandle(call[index]) else { continue }
                    items.append(.message(text: text, buffers: [], ports: []))
                }
            }
            endpoint.pipe.handOver(endpoint.side, prepending: items)
            return call.context.number(Double(agent.endpoints.addHandoff(PortHandoff(pipe: endpoint.pipe, side: endpoint.side))))
        })
        // pipeRebind(endpoint): a port backed by a pipe moved to this realm of the same agent.
        context.setProperty(ops, "pipeRebind", context.makeFunction("pipeRebind") { [unowned self] call throws(HostFunctionError) in
            guard let number = call.context.toNumber(call[0]).flatMap({ Int(exactly: $0) }),
                  let endpoint = agent.endpoints.byNumber[number] else { return call.context.undefined }
            agent.endpoints.byNumber[number] = .init(pipe: endpoint.pipe, side: endpoint.side, realmID: id, worker: endpoint.worker)
            endpoint.pipe.attach(endpoint.side, to: PipeOwner(mailbox: agent.mailbox, realmID: id, endpoint: number))
            return call.context.undefined
        })
        context.setProperty(ops, "pipeClose", context.makeFunction("pipeClose") { [unowned self] call throws(HostFunctionError) in
            if let number = call.context.toNumber(call[0]).flatMap({ Int(exactly: $0) }) { agent.closeEndpoint(number) }
            return call.context.undefined
        })
        // sharedWorkerConnect(url, source, name, loadFailed) → [portEndpoint, ownerEndpoint] (SharedWorkers.swift)
        context.setProperty(ops, "sharedWorkerConnect", context.makeFunction("sharedWorkerConnect") { [unowned self] call throws(HostFunctionError) in
            let source = call.context.isNullOrUndefined(call[1]) ? nil : call.context.toSwiftString(call[1])
            let (port, owner) = agent.connectSharedWorker(url: call.context.toSwiftString(call[0]), source: source,
                                                          name: call.context.toSwiftString(call[2]),
                                                          loadFailed: call.context.toBoolean(call[3]), realmID: id)
            guard case .normal(let pair) = call.context.makeArray([call.context.number(Double(port)), call.context.number(Double(owner))]) else {
                throw .typeError("sharedWorkerConnect: could not make the result")
            }
            return pair
        })
        context.setProperty(ops, "workerTerminate", context.makeFunction("workerTerminate") { [unowned self] call throws(HostFunctionError) in
            if let number = call.context.toNumber(call[0]).flatMap({ Int(exactly: $0) }) { agent.closeEndpoint(number) }
            return call.context.undefined
        })
        context.setProperty(ops, "readScript", context.makeFunction("readScript") { call throws(HostFunctionError) in
            let url = call.context.toSwiftString(call[0])
            guard let path = filePath(fromFileURL: url) else { throw .typeError("cannot load \(url): not a file: URL") }
            do throws(FileReadError) {
                return call.context.string(try readUTF8File(path))
            } catch {
                throw .typeError("cannot load \(url): \(error.reason)")
            }
        })
        context.setProperty(ops, "evaluateScript", context.makeFunction("evaluateScript") { call throws(HostFunctionError) in
            // A classic script in this realm's global scope, with its own URL; its exception propagates.
            let source = call.context.toSwiftString(call[0])
            let url = call.context.toSwiftString(call[1])
            switch call.context.evaluate(source, sourceURL: url) {
            case .normal: return call.context.undefined
            case .thrown(let exception): throw .rethrow(exception)
            }
        })
        guard let worker = options.worker else { return }
        context.setProperty(ops, "workerKind", context.string(worker.kind.rawValue))
        context.setProperty(ops, "workerName", context.string(worker.name))
        context.setProperty(ops, "workerURL", context.string(worker.url))
        context.setProperty(ops, "workerEndpoint", context.number(Double(worker.endpoint)))
        context.setProperty(ops, "workerClose", context.makeFunction("workerClose") { [unowned self] call throws(HostFunctionError) in
            agent.closeSelf()
            return call.context.undefined
        })
        context.setProperty(ops, "workerReportError", context.makeFunction("workerReportError") { [unowned self] call throws(HostFunctionError) in
            guard let endpoint = agent.endpoints.byNumber[worker.endpoint] else { return call.context.boolean(false) }
            let line = call.context.toNumber(call[2]).flatMap { Int(exactly: $0.rounded(.towardZero)) } ?? 0
            let column = call.context.toNumber(call[3]).flatMap { Int(exactly: $0.rounded(.towardZero)) } ?? 0
            let report = PipeItem.error(message: call.context.toSwiftString(call[0]), filename: call.context.toSwiftString(call[1]),
                                        line: line, column: column)
            return call.context.boolean(endpoint.pipe.post(from: endpoint.side, report))
        })
    }

    /// `ops.pipePost(endpoint, text, handoffIds, ...buffers)`: sends one encoded message through a pipe.
    private func pipePost(_ call: HostCall) throws(HostFunctionError) -> JSValue {
        guard let endpoint = endpoint(call[0]), let text = call.context.toStringHandle(call[1]) else {
            return call.context.boolean(false)
        }
        var ports: [PortHandoff] = []
        if let list = call.context.object(call[2]) {
            let count = call.context.toNumber(call.context.propertyIgnoringExceptions(list, PropertyName.length)).flatMap { Int(exactly: $0) } ?? 0
            for index in 0..<count {
                guard case .normal(let value) = call.context.element(list, index),
                      let id = call.context.toNumber(value).flatMap({ Int(exactly: $0) }),
                      let handoff = agent.endpoints.handoffs.removeValue(forKey: id) else {
                    throw .typeError("pipePost: unknown port handoff")
                }
                ports.append(handoff)
            }
        }
        var blocks: [ByteBlock] = []
        if call.argumentCount > 3 {
            for index in 3..<call.argumentCount {
                // The message's own buffers (clone-wire.js): lent to the receiver, not copied.
                guard let block = agent.lendBuffer(call[index], in: call.context) else {
                    throw .typeError("pipePost: argument \(index) is not an ArrayBuffer")
                }
                blocks.append(block)
            }
        }
        let sent = endpoint.pipe.post(from: endpoint.side, .message(text: text, buffers: blocks, ports: ports))
        // Ports in a message that can no longer be delivered are lost: their pipes close, so their peers hear it.
        if !sent { for port in ports { port.pipe.close() } }
        return call.context.boolean(sent)
    }

    private func endpoint(_ value: JSValue) -> AgentEndpoints.Endpoint? {
        guard let number = context.toNumber(value).flatMap({ Int(exactly: $0) }) else { return nil }
        return agent.endpoints.byNumber[number]
    }
}
