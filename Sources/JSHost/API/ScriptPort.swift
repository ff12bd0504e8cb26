/// A message from JS to Swift: the value (copied out of the engine) and the ports transferred with it.
public struct ScriptMessage: Sendable {
    public let value: ScriptValue
    /// MessagePorts that came with the message, each now a ``ScriptPort`` of Swift's.
    public let ports: [ScriptPort]

    /// The value decoded as `type` (``ScriptValueDecoder``).
    public func decode<Value: Decodable>(as type: Value.Type = Value.self) throws -> Value {
        try ScriptValueDecoder().decode(type, from: value)
    }
}

/// Swift's end of a channel whose other end is a JS `MessagePort`.
///
/// Make one with ``Realm/makeChannel(global:)`` (the realm gets the JS end as a global), or receive one in a
/// message. Sending is synchronous and may happen from any thread: the message is queued on the agent's loop
/// (and counts as pending work until JS has it). ``messages`` is an `AsyncSequence` of what JS posts; it ends
/// when either side closes the channel or the agent ends.
///
/// ```swift
/// let port = try await realm.makeChannel(global: "native")
/// try realm.run("native.onmessage = (e) => native.postMessage(e.data * 2)", sourceURL: "app.js")
/// try port.send(21)
/// for await message in port.messages { print(message.value) }   // 42
/// ```
///
/// The JS end lives in the realm's agent; the Swift end is kept for it by that agent, so ports sent together
/// with ``send(_:transferring:)`` must belong to the same agent.
public final class ScriptPort: Sendable {
    /// The agent whose thread serves this port.
    public let agent: Agent
    let id: Int
    /// What JS posted, in order; finished when the channel closes. (Not fed while a handler is set with
    /// ``onMessage(_:)``.)
    public let messages: AsyncStream<ScriptMessage>
    let continuation: AsyncStream<ScriptMessage>.Continuation
    /// (In a class: a closure stored directly as a `Locked` generic value is re-abstracted, and so wrapped in
    /// one more thunk, on every access through the lock's `inout`.)
    private let handler = Locked<MessageHandler?>(nil)

    private final class MessageHandler: Sendable {
        let body: @Sendable (ScriptMessage) -> Void
        init(_ body: @escaping @Sendable (ScriptMessage) -> Void) { self.body = body }
    }

    init(agent: Agent, id: Int) {
        self.agent = agent
        self.id = id
        (messages, continuation) = AsyncStream.makeStream(of: ScriptMessage.self)
    }

    deinit {
        // Nobody can send or receive through this end any more: close it, so the JS side hears `close`.
        let id = self.id
        _ = agent.post { runtime in runtime.closeSwiftPort(id) }
    }

    /// Posts `value` to the JS end (as `event.data` of a `message` event), with `ports` transferred.
    /// - Throws: ``HostError/agentStopped`` once the agent has ended; ``HostError/portsOfAnotherAgent`` for a
    ///   port of another agent.
    public func send(_ value: ScriptValue, transferring ports: [ScriptPort] = []) throws {
        guard ports.allSatisfy({ $0.agent === agent }) else { throw HostError.portsOfAnotherAgent }
        let id = self.id
        let portIDs = ports.map(\.id)
        // Swift no longer owns the transferred ends: they live on in JS.
        for port in ports { port.continuation.finish() }
        guard agent.post({ runtime in runtime.sendFromSwift(id, value, transferring: portIDs) }) else { throw HostError.agentStopped }
    }

    /// Posts an `Encodable` value (``ScriptValueEncoder``).
    public func send(encoding value: some Encodable) throws {
        try send(ScriptValueEncoder().encode(value))
    }

    /// Delivers what JS posts to `handler` instead of ``messages``: called on the agent's thread, as part of the
    /// task that delivers the message, with no hop to another thread (a reply sent from it is queued on the same
    /// loop). Keep it short: the agent runs no JS meanwhile. `nil` goes back to ``messages``. A handler that
    /// captures this port keeps it alive: set `nil` (or ``close()``) when done with it.
    public func onMessage(_ handler: (@Sendable (ScriptMessage) -> Void)?) {
        let box = handler.map(MessageHandler.init)
        self.handler.withLock { $0 = box }
    }

    /// Hands one message to the handler, else to the sequence.
    func deliver(_ message: ScriptMessage) {
        if let handler = handler.withLock({ $0 }) {
            handler.body(message)
        } else {
            continuation.yield(message)
        }
    }

    /// Closes the channel: the JS end hears `close`, and ``messages`` ends.
    public func close() {
        continuation.finish()
        let id = self.id
        _ = agent.post { runtime in runtime.closeSwiftPort(id) }
    }
}

/// What the agent keeps for one Swift port: the JS port object it stands for (in the agent's port realm).
struct SwiftPortRecord {
    let port: ProtectedValue
    weak var owner: ScriptPort?
}

extension Realm {
    /// Makes a channel between Swift and this realm: the realm gets a `MessagePort` as the global `name`, and
    /// Swift the other end.
    public func makeChannel(global name: String) async throws -> ScriptPort {
        let id = self.id
        let agent = self.agent
        return try await agent.perform { runtime throws(HostError) -> ScriptPort in
            let target = try runtime.realm(id)
            let portRealm = try runtime.swiftPortRealm()
            let context = portRealm.context
            guard case .normal(let channel) = context.evaluate("new MessageChannel()", sourceURL: "jshost:swift-port"),
                  let channelObject = context.object(channel),
                  case .normal(let port1) = context.property(channelObject, "port1"),
                  case .normal(let port2) = context.property(channelObject, "port2"),
                  case .normal(let side)? = portRealm.callInternal("detachMessagePort", [port2]),
                  case .normal(let shipped)? = target.callInternal("adoptMessagePortSide", [side]) else {
                throw .scriptFailed(JavaScriptError(name: "Error", message: "could not make a channel"))
            }
            _ = target.context.setProperty(target.context.globalObject, name, shipped)
            return runtime.adoptSwiftPort(port1, agent: agent)
        }
    }
}

extension AgentRuntime {
    /// The realm where the JS objects of Swift's ports live, made on first use. Scripts never see it.
    func swiftPortRealm() throws(HostError) -> RealmRuntime {
        if let id = swiftPorts.realmID, let realm = realms[id], !realm.isClosed { return realm }
        let realm: RealmRuntime
        do throws(JavaScriptError) {
            realm = try makeRealm(options: RealmOptions())
        } catch {
            throw .realmSetupFailed(error)
        }
        swiftPorts.realmID = realm.id
        // Deliveries: swiftPortMessage(id, data, ports) and swiftPortClosed(id), called by each port's listeners.
        realm.defineInternalFunction("swiftPortMessage") { [unowned self] call in
            guard let number = call.context.toNumber(call[0]), let record = swiftPorts.records[Int(number)], let owner = record.owner else { return }
            var ports: [ScriptPort] = []
            if let list = call.context.object(call[2]) {
                let count = Int(call.context.toNumber(call.context.propertyIgnoringExceptions(list, PropertyName.length)) ?? 0)
                for index in 0..<count {
                    if case .normal(let port) = call.context.element(list, index) { ports.append(adoptSwiftPort(port, agent: owner.agent)) }
                }
            }
            owner.deliver(ScriptMessage(value: ScriptValue.copy(call[1], in: call.context), ports: ports))
        }
        realm.defineInternalFunction("swiftPortClosed") { [unowned self] call in
            guard let number = call.context.toNumber(call[0]) else { return }
            swiftPorts.records.removeValue(forKey: Int(number))?.owner?.continuation.finish()
        }
        return realm
    }

    /// Makes `port` (a MessagePort of the port realm) Swift's: its messages go to the new ``ScriptPort``.
    func adoptSwiftPort(_ port: JSValue, agent: Agent) -> ScriptPort {
        swiftPorts.lastID += 1
        let id = swiftPorts.lastID
        let scriptPort = ScriptPort(agent: agent, id: id)
        guard let realmID = swiftPorts.realmID, let realm = realms[realmID] else {
            scriptPort.continuation.finish()
            return scriptPort
        }
        let context = realm.context
        swiftPorts.records[id] = SwiftPortRecord(port: ProtectedValue(port, in: context), owner: scriptPort)
        if case .normal(let listen) = context.evaluate("""
            (function (id, port, internals) {
              port.onmessage = (event) => internals.swiftPortMessage(id, event.data, event.ports);
              port.addEventListener("close", () => internals.swiftPortClosed(id));
            })
            """, sourceURL: "jshost:swift-port"), let function = context.object(listen), let internals = realm.internalsObject {
            _ = context.call(function, [context.number(Double(id)), port, internals.value])
        }
        return scriptPort
    }

    func sendFromSwift(_ id: Int, _ value: ScriptValue, transferring portIDs: [Int]) {
        guard let record = swiftPorts.records[id], let realmID = swiftPorts.realmID, let realm = realms[realmID], !realm.isClosed else { return }
        cells.markTaskStart()
        let context = realm.context
        var transfer: [JSValue] = []
        for portID in portIDs {
            // A transferred end is no longer Swift's: drop the record (the JS object moves with the message).
            if let moving = swiftPorts.records.removeValue(forKey: portID) { transfer.append(moving.port.value) }
        }
        guard case .normal(let post) = context.property(record.port.object, "postMessage"), let function = context.object(post),
              case .normal(let list) = context.makeArray(transfer) else { return }
        if case .thrown(let exception) = context.call(function, this: record.port.value, [value.makeJSValue(in: context), list]) {
            realm.reportException(exception)
        }
    }

    func closeSwiftPort(_ id: Int) {
        guard let record = swiftPorts.records.removeValue(forKey: id), let realmID = swiftPorts.realmID,
              let realm = realms[realmID], !realm.isClosed else { return }
        let context = realm.context
        if case .normal(let close) = context.property(record.port.object, "close"), let function = context.object(close) {
            _ = context.call(function, this: record.port.value)
        }
        record.owner?.continuation.finish()
    }

    /// The agent is ending: every Swift port's messages end.
    func finishSwiftPorts() {
        for record in swiftPorts.records.values { record.owner?.continuation.finish() }
        swiftPorts.records = [:]
    }
}

/// The agent's Swift ports.
final class SwiftPorts {
    var realmID: Int?
    var records: [Int: SwiftPortRecord] = [:]
    var lastID = 0
}
