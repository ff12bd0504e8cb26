import CJavaScriptCore
import CJSHostSupport

/// BroadcastChannel (HTML "Broadcasting to other browsing contexts"): a host-wide registry of subscribers by
/// channel name. broadcast-channel.js delivers to the channels of the poster's own agent itself; the host
/// carries a post to the other agents: encoded once in the sender's realm (clone-wire.js), queued to each
/// agent that has subscribers of the name, and delivered there to them in the order they subscribed. The
/// messages in flight count as pending work, a subscription does not.
final class BroadcastRegistry: @unchecked Sendable {
    struct Subscriber: Sendable {
        let id: Int
        let mailbox: AgentMailbox
        let realmID: Int
        /// The channel object's number in its realm (broadcast-channel.js).
        let handle: Int
    }

    /// One post for the subscribers of one agent.
    struct Delivery: Sendable {
        let text: JSStringHandle
        let buffers: [ByteBlock]
        let targets: [Subscriber]
    }

    private struct State {
        var byName: [String: [Subscriber]] = [:]
        var nameOf: [Int: (name: String, agent: ObjectIdentifier)] = [:]
        /// Per name, how many subscribers each agent has: whether a post must leave its agent at all.
        var agentsOfName: [String: [ObjectIdentifier: Int]] = [:]
        /// Posts waiting for an agent's delivery task. An entry exists exactly while that task is queued, so a
        /// burst of posts wakes the agent once.
        var pending: [ObjectIdentifier: [Delivery]] = [:]
        var lastID = 0
    }

    private let state = Locked(State())

    /// How many channels are open in the whole host, as a Float64Array every realm reads: with its own agent's
    /// count (kept in JS) it tells a post whether any channel is open elsewhere without a call into the host.
    /// Written only under `state`'s lock; read by JS without it, which is sound for the one case that matters:
    /// a channel opened in another agent before something there told this agent so (that message crossed a
    /// lock after the write).
    private let subscriptionTotal: UnsafeMutablePointer<Double>

    init() {
        subscriptionTotal = .allocate(capacity: 1)
        subscriptionTotal.initialize(to: 0)
    }

    deinit {
        subscriptionTotal.deallocate()
    }

    /// A view of the subscription total for one realm; it keeps the registry (and so the memory) alive.
    func makeSubscriptionView(in context: JSContext) -> JSValue? {
        var exception: JSValueRef?
        let keeper = Unmanaged.passRetained(self).toOpaque()
        let view = JSObjectMakeTypedArrayWithBytesNoCopy(
            context.ref, kJSTypedArrayTypeFloat64Array, subscriptionTotal, MemoryLayout<Double>.size,
            { _, keeper in if let keeper { Unmanaged<BroadcastRegistry>.fromOpaque(keeper).release() } }, keeper, &exception)
        guard exception == nil, let view else {
            Unmanaged<BroadcastRegistry>.fromOpaque(keeper).release()
            return nil
        }
        return JSValue(ref: view)
    }

    func subscribe(name: String, mailbox: AgentMailbox, realmID: Int, handle: Int) -> Int {
        state.withLock { state in
            state.lastID += 1
            state.byName[name, default: []].append(Subscriber(id: state.lastID, mailbox: mailbox, realmID: realmID, handle: handle))
            state.nameOf[state.lastID] = (name, mailbox.identity)
            state.agentsOfName[name, default: [:]][mailbox.identity, default: 0] += 1
            subscriptionTotal.pointee += 1
            return state.lastID
        }
    }

    func unsubscribe(_ id: Int) {
        state.withLock { state in unsubscribe(id, in: &state) }
    }

    private func unsubscribe(_ id: Int, in state: inout State) {
        guard let (name, agent) = state.nameOf.removeValue(forKey: id) else { return }
        subscriptionTotal.pointee -= 1
        state.byName[name]?.removeAll { $0.id == id }
        if state.byName[name]?.isEmpty == true { state.byName[name] = nil }
        if let count = state.agentsOfName[name]?[agent], count > 1 {
            state.agentsOfName[name]?[agent] = count - 1
        } else {
            state.agentsOfName[name]?[agent] = nil
            if state.agentsOfName[name]?.isEmpty == true { state.agentsOfName[name] = nil }
        }
    }

    /// How many open channels have this name (for tests and diagnostics).
    func subscriberCount(named name: String) -> Int {
        state.withLock { $0.byName[name]?.count ?? 0 }
    }

    /// Whether channels of the subscriber's name exist in other agents than its own.
    func hasSubscribersElsewhere(than id: Int) -> Bool {
        state.withLock { state in
            guard let (name, agent) = state.nameOf[id], let agents = state.agentsOfName[name] else { return false }
            return agents.count > (agents[agent] == nil ? 0 : 1)
        }
    }

    /// Queues `text` (and a copy of `buffers` for each agent) for the subscribers of the sender's name in the
    /// other agents.
    ///
    /// An agent's subscribers get one delivery task for all the posts that wait for it; it calls each realm's
    /// channels in creation order, with a microtask checkpoint after every delivery, as if each were a task of
    /// its own. A post per subscriber to its inbox cost a lock, a wake-up and a closure each, most of a
    /// delivery's time.
    func post(from id: Int, text: JSStringHandle, buffers: [ByteBlock]) {
        let toWake = state.withLock { state -> [AgentMailbox] in
            guard let (name, sender) = state.nameOf[id], let subscribers = state.byName[name] else { return [] }
            var groups: [(mailbox: AgentMailbox, targets: [Subscriber])] = []
            for subscriber in subscribers where subscriber.mailbox.identity != sender {
                if let index = groups.firstIndex(where: { $0.mailbox.identity == subscriber.mailbox.identity }) {
                    groups[index].targets.append(subscriber)
                } else {
                    groups.append((subscriber.mailbox, [subscriber]))
                }
            }
            var toWake: [AgentMailbox] = []
            for (index, group) in groups.enumerated() {
                let delivery = Delivery(text: text, buffers: index == 0 ? buffers : buffers.map { $0.duplicate() },
                                        targets: group.targets)
                if state.pending[group.mailbox.identity] == nil {
                    state.pending[group.mailbox.identity] = [delivery]
                    toWake.append(group.mailbox)
                } else {
                    state.pending[group.mailbox.identity]!.append(delivery)
                }
            }
            return toWake
        }
        for mailbox in toWake {
            let agent = mailbox.identity
            let accepted = mailbox.post { [self] runtime in
                runtime.deliverBroadcasts(take(for: agent))
            }
            if !accepted { dropPending(for: agent) }  // that agent has ended
        }
    }

    private func take(for agent: ObjectIdentifier) -> [Delivery] {
        state.withLock { $0.pending.removeValue(forKey: agent) ?? [] }
    }

    private func dropPending(for agent: ObjectIdentifier) {
        state.withLock { state in
            guard let deliveries = state.pending.removeValue(forKey: agent) else { return }
            for delivery in deliveries {
                for target in delivery.targets { unsubscribe(target.id, in: &state) }
            }
        }
    }
}

extension AgentRuntime {
    /// Runs posts from other agents: per post, one call into each destination realm for its channels.
    func deliverBroadcasts(_ deliveries: [BroadcastRegistry.Delivery]) {
        // Without a checkpoint inside a call, each channel gets a call of its own.
        let perCall = jshost_can_drain_microtasks() ? Int.max : 1
        for delivery in deliveries {
            var start = 0
            let targets = delivery.targets
            var buffersUsed = false
            while start < targets.count {
                if isTerminating || interrupt.isRaised { return }
                var end = start + 1
                while end < targets.count, end - start < perCall, targets[end].realmID == targets[start].realmID { end += 1 }
                let isLast = end == targets.count
                let buffers = isLast && !buffersUsed ? delivery.buffers : delivery.buffers.map { $0.duplicate() }
                buffersUsed = buffersUsed || isLast
                deliver(delivery.text, to: targets[start..<end], buffers: buffers)
                start = end
            }
        }
    }

    private func deliver(_ text: JSStringHandle, to targets: ArraySlice<BroadcastRegistry.Subscriber>, buffers: [ByteBlock]) {
        guard let first = targets.first, let realm = realms[first.realmID], !realm.isClosed else { return }
        cells.markTaskStart()
        let context = realm.context
        var arguments = [context.string(text), context.number(Double(targets.count))]
        arguments.reserveCapacity(2 + targets.count + buffers.count)
        for target in targets { arguments.append(context.number(Double(target.handle))) }
        for block in buffers { arguments.append(block.makeArrayBuffer(in: context) ?? context.undefined) }
        if realm.broadcastDeliverHook == nil { realm.broadcastDeliverHook = realm.hook("broadcastDeliver") }
        guard let deliverHook = realm.broadcastDeliverHook else { return }
        if case .thrown(let exception) = deliverHook.call(arguments) { realm.reportException(exception) }
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
        if let view = agent.host.broadcast.makeSubscriptionView(in: context) {
            context.setProperty(ops, "broadcastSubscriptions", view)
        }
        context.setProperty(ops, "broadcastHasRemote", context.makeFunction("broadcastHasRemote") { [unowned self] call throws(HostFunctionError) in
            guard let id = call.context.toNumber(call[0]).flatMap({ Int(exactly: $0) }) else { return call.context.boolean(false) }
            return call.context.boolean(agent.host.broadcast.hasSubscribersElsewhere(than: id))
        })
        // A microtask checkpoint between two deliveries that share one task (broadcast-channel.js).
        if let checkpoint = context.makeMicrotaskCheckpointFunction() {
            context.setProperty(ops, "broadcastCheckpoint", checkpoint)
        }
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
