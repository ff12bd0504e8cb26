/// BroadcastChannel (HTML "Broadcasting to other browsing contexts"): a host-wide registry of subscribers by
/// channel name. A post is encoded once in the sender's realm (clone-wire.js) and delivered to every other
/// subscriber of the name, in the order they subscribed, as one task each on its own agent's loop; the
/// messages in flight count as pending work, a subscription does not.
final class BroadcastRegistry: Sendable {
    struct Subscriber: Sendable {
        let id: Int
        let mailbox: AgentMailbox
        let realmID: Int
        /// The channel object's number in its realm (broadcast-channel.js).
        let handle: Int
    }

    private struct State {
        var byName: [String: [Subscriber]] = [:]
        var nameOf: [Int: String] = [:]
        var lastID = 0
    }

    private let state = Locked(State())

    func subscribe(name: String, mailbox: AgentMailbox, realmID: Int, handle: Int) -> Int {
        state.withLock { state in
            state.lastID += 1
            state.byName[name, default: []].append(Subscriber(id: state.lastID, mailbox: mailbox, realmID: realmID, handle: handle))
            state.nameOf[state.lastID] = name
            return state.lastID
        }
    }

    func unsubscribe(_ id: Int) {
        state.withLock { state in
            guard let name = state.nameOf.removeValue(forKey: id) else { return }
            state.byName[name]?.removeAll { $0.id == id }
            if state.byName[name]?.isEmpty == true { state.byName[name] = nil }
        }
    }

    /// How many open channels have this name (for tests and diagnostics).
    func subscriberCount(named name: String) -> Int {
        state.withLock { $0.byName[name]?.count ?? 0 }
    }

    /// Queues `text` (and a copy of `buffers` each) for every subscriber of the sender's name but the sender.
    ///
    /// The subscribers of one agent get one loop task between them, which calls each in creation order with a
    /// microtask checkpoint after every delivery, as if each were a task of its own: posting to the same
    /// inbox once per subscriber cost a lock, a wake-up and a closure each, most of a delivery's time.
    func post(from id: Int, text: JSStringHandle, buffers: [ByteBlock]) {
        let targets = state.withLock { state -> [Subscriber] in
            guard let name = state.nameOf[id] else { return [] }
            return (state.byName[name] ?? []).filter { $0.id != id }
        }
        var batches: [(mailbox: AgentMailbox, deliveries: [(Subscriber, [ByteBlock])])] = []
        var batchOfAgent: [ObjectIdentifier: Int] = [:]
        for target in targets {
            let delivery = (target, buffers.map { $0.duplicate() })
            if let index = batchOfAgent[target.mailbox.identity] {
                batches[index].deliveries.append(delivery)
            } else {
                batchOfAgent[target.mailbox.identity] = batches.count
                batches.append((target.mailbox, [delivery]))
            }
        }
        for batch in batches {
            let deliveries = batch.deliveries
            let accepted = batch.mailbox.post { runtime in
                for (target, copies) in deliveries {
                    if runtime.isTerminating || runtime.interrupt.isRaised { return }
                    runtime.deliverBroadcast(to: target, text: text, buffers: copies)
                }
            }
            if !accepted { for (target, _) in deliveries { unsubscribe(target.id) } }  // that agent has ended
        }
    }
}

extension AgentRuntime {
    func deliverBroadcast(to subscriber: BroadcastRegistry.Subscriber, text: JSStringHandle, buffers: [ByteBlock]) {
        guard let realm = realms[subscriber.realmID], !realm.isClosed else { return }
        cells.markTaskStart()
        let context = realm.context
        var arguments = [context.number(Double(subscriber.handle)), context.string(text)]
        for block in buffers { arguments.append(block.makeArrayBuffer(in: context) ?? context.undefined) }
        if realm.broadcastDeliverHook == nil { realm.broadcastDeliverHook = realm.hook("broadcastDeliver") }
        guard let deliver = realm.broadcastDeliverHook else { return }
        if case .thrown(let exception) = deliver.call(arguments) { realm.reportException(exception) }
        microtaskCheckpoint(in: context)
    }
}

extension RealmRuntime {
    /// The native side of broadcast-channel.js.
    func installBroadcastOps(into ops: JSObject) {
        let context = self.context
        context.setProperty(ops, "broadcastSubscribe", context.makeFunction("broadcastSubscribe") { [unowned self] call throws(HostFunctionError) in
            guard let handle = call.context.toNumber(call[1]).flatMap({ Int(exactly: $0) }) else {
                throw .typeError("broadcastSubscribe: bad handle")
            }
            let id = agent.host.broadcast.subscribe(name: call.context.toSwiftString(call[0]), mailbox: agent.mailbox,
                                                    realmID: self.id, handle: handle)
            broadcastSubscriptions.append(id)
            return call.context.number(Double(id))
        })
        context.setProperty(ops, "broadcastUnsubscribe", context.makeFunction("broadcastUnsubscribe") { [unowned self] call throws(HostFunctionError) in
            if let id = call.context.toNumber(call[0]).flatMap({ Int(exactly: $0) }) {
                agent.host.broadcast.unsubscribe(id)
                broadcastSubscriptions.removeAll { $0 == id }
            }
            return call.context.undefined
        })
        // broadcastPost(id, text, ...buffers)
        context.setProperty(ops, "broadcastPost", context.makeFunction("broadcastPost") { [unowned self] call throws(HostFunctionError) in
            guard let id = call.context.toNumber(call[0]).flatMap({ Int(exactly: $0) }),
                  let text = call.context.toStringHandle(call[1]) else { throw .typeError("broadcastPost: bad arguments") }
            var blocks: [ByteBlock] = []
            if call.argumentCount > 2 {
                for index in 2..<call.argumentCount {
                    guard let block = ByteBlock(copying: call[index], in: call.context) else {
                        throw .typeError("broadcastPost: argument \(index) is not an ArrayBuffer")
                    }
                    blocks.append(block)
                }
            }
            agent.host.broadcast.post(from: id, text: text, buffers: blocks)
            return call.context.undefined
        })
    }
}
