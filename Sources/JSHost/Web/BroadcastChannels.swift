import CJavaScriptCore
import CJSHostSupport

/// BroadcastChannel (HTML "Broadcasting to other browsing contexts"): a host-wide registry of subscribers by
/// channel name. broadcast-channel.js delivers to the channels of the poster's own agent itself; the host
/// carries a post to the other agents: encoded once in the sender's realm (clone-wire.js), queued to each
/// agent that has subscribers of the name, and delivered there to them in the order they subscribed. The
/// messages in flight count as pending work, a subscription does not.
final class BroadcastRegistry: Sendable {
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

    /// How many channels of one name are open in the whole host, in memory the realms read as a Float64Array:
    /// with the count of its own agent's channels (kept in JS) it tells a post whether the name has channels in
    /// other agents, without a call into the host. Written only under the registry's lock; read by JS without
    /// it, which is sound for the case that matters: a channel opened in another agent before something there
    /// told this agent so (that message crossed a lock after the write).
    final class NameCounter: @unchecked Sendable {
        let storage: UnsafeMutablePointer<Double>

        init() {
            storage = .allocate(capacity: 1)
            storage.initialize(to: 0)
        }

        deinit {
            storage.deallocate()
        }

        /// A view for one realm; it keeps the counter alive.
        func makeView(in context: JSContext) -> JSValue? {
            var exception: JSValueRef?
            let keeper = Unmanaged.passRetained(self).toOpaque()
            let view = JSObjectMakeTypedArrayWithBytesNoCopy(
                context.ref, kJSTypedArrayTypeFloat64Array, storage, MemoryLayout<Double>.size,
                { _, keeper in if let keeper { Unmanaged<NameCounter>.fromOpaque(keeper).release() } }, keeper, &exception)
            guard exception == nil, let view else {
                Unmanaged<NameCounter>.fromOpaque(keeper).release()
                return nil
            }
            return JSValue(ref: view)
        }
    }

    private struct Channel {
        var subscribers: [Subscriber] = []
        let counter = NameCounter()
        /// The subscribers grouped by agent, in creation order within each; made by the first post after a change.
        var byAgent: [(agent: ObjectIdentifier, mailbox: AgentMailbox, targets: [Subscriber])]?
    }

    private struct State {
        var byName: [String: Channel] = [:]
        var nameOf: [Int: (name: String, agent: ObjectIdentifier)] = [:]
        /// Posts waiting for an agent's delivery task. An entry exists exactly while that task is queued, so a
        /// burst of posts wakes the agent once.
        var pending: [ObjectIdentifier: [Delivery]] = [:]
        var lastID = 0
    }

    private let state = Locked(State())

    func subscribe(name: String, mailbox: AgentMailbox, realmID: Int, handle: Int) -> Int {
        state.withLock { state in
            state.lastID += 1
            let subscriber = Subscriber(id: state.lastID, mailbox: mailbox, realmID: realmID, handle: handle)
            state.byName[name, default: Channel()].subscribers.append(subscriber)
            state.byName[name]!.byAgent = nil
            state.byName[name]!.counter.storage.pointee += 1
            state.nameOf[state.lastID] = (name, mailbox.identity)
            return state.lastID
        }
    }

    func unsubscribe(_ id: Int) {
        state.withLock { state in Self.unsubscribe(id, in: &state) }
    }

    private static func unsubscribe(_ id: Int, in state: inout State) {
        guard let (name, _) = state.nameOf.removeValue(forKey: id), state.byName[name] != nil else { return }
        // (In place: a copy of the channel would copy its subscriber list too.)
        state.byName[name]!.subscribers.removeAll { $0.id == id }
        state.byName[name]!.byAgent = nil
        state.byName[name]!.counter.storage.pointee -= 1
        if state.byName[name]!.subscribers.isEmpty { state.byName[name] = nil }
    }

    /// How many open channels have this name (for tests and diagnostics).
    func subscriberCount(named name: String) -> Int {
        state.withLock { $0.byName[name]?.subscribers.count ?? 0 }
    }

    /// A view of the open-channel count of `name` (which has a subscriber: the counter lives as long as it does).
    func counterView(named name: String, in context: JSContext) -> JSValue? {
        state.withLock { $0.byName[name]?.counter }?.makeView(in: context)
    }

    /// Queues `text` (and a copy of `buffers` for each agent) for the subscribers of the sender's name in the
    /// other agents.
    ///
    /// An agent's subscribers get one delivery task for all the posts that wait for it; it calls each realm's
    /// channels in creation order, with a microtask checkpoint after every delivery, as if each were a task of
    /// its own. A post per subscriber to its inbox cost a lock, a wake-up and a closure each, most of a
    /// delivery's time.
    func post(from id: Int, text: JSStringHandle, buffers: [ByteBlock]) {
        let toWake = state.withLock { state -> [(ObjectIdentifier, AgentMailbox)] in
            guard let (name, sender) = state.nameOf[id], let channel = state.byName[name] else { return [] }
            if channel.byAgent == nil {
                var groups: [(agent: ObjectIdentifier, mailbox: AgentMailbox, targets: [Subscriber])] = []
                for subscriber in channel.subscribers {
                    if let index = groups.firstIndex(where: { $0.agent == subscriber.mailbox.identity }) {
                        groups[index].targets.append(subscriber)
                    } else {
                        groups.append((subscriber.mailbox.identity, subscriber.mailbox, [subscriber]))
                    }
                }
                state.byName[name]!.byAgent = groups
            }
            var toWake: [(ObjectIdentifier, AgentMailbox)] = []
            var first = true
            for group in state.byName[name]!.byAgent! where group.agent != sender {
                let delivery = Delivery(text: text, buffers: first ? buffers : buffers.map { $0.duplicate() }, targets: group.targets)
                first = false
                if state.pending[group.agent] == nil {
                    state.pending[group.agent] = [delivery]
                    toWake.append((group.agent, group.mailbox))
                } else {
                    state.pending[group.agent]!.append(delivery)
                }
            }
            return toWake
        }
        for (agent, mailbox) in toWake {
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
                for target in delivery.targets { Self.unsubscribe(target.id, in: &state) }
            }
        }
    }
}

extension AgentRuntime {
    /// Runs posts from other agents. Consecutive posts to channels of one realm go to it in one call (their
    /// texts joined into one string, so the call allocates one value), which delivers them in order with a
    /// microtask checkpoint between any two deliveries; a post that carries ArrayBuffers or a long text gets a
    /// call of its own.
    func deliverBroadcasts(_ deliveries: [BroadcastRegistry.Delivery]) {
        // Without a checkpoint inside a call, each channel gets a call of its own.
        let canBatch = jshost_can_drain_microtasks()
        var call = BroadcastCall()
        for delivery in deliveries {
            let targets = delivery.targets
            let batchable = canBatch && delivery.buffers.isEmpty && delivery.text.length <= BroadcastCall.maximumTextLength
            var start = 0
            while start < targets.count {
                if isTerminating || interrupt.isRaised { return }
                var end = start + 1
                while canBatch, end < targets.count, end - start < BroadcastCall.maximumHandles,
                      targets[end].realmID == targets[start].realmID { end += 1 }
                if batchable {
                    if call.realmID != targets[start].realmID || call.isFull { deliver(&call) }
                    call.add(delivery.text, to: targets[start..<end])
                } else {
                    deliver(&call)
                    // Every run but the last gets its own copy of the bytes.
                    let buffers = end == targets.count ? delivery.buffers : delivery.buffers.map { $0.duplicate() }
                    var single = BroadcastCall()
                    single.add(delivery.text, to: targets[start..<end])
                    deliver(&single, buffers: buffers)
                }
                start = end
            }
        }
        deliver(&call)
    }

    private func deliver(_ call: inout BroadcastCall, buffers: [ByteBlock] = []) {
        defer { call = BroadcastCall() }
        guard call.posts > 0, let realm = realms[call.realmID], !realm.isClosed else { return }
        cells.markTaskStart()
        // One hold of the VM's lock for the hundreds of values made here (see withAPILock); the checkpoint
        // after the call runs inside it or, at the top level, when it is released.
        realm.context.withAPILock { deliver(call, to: realm, buffers: buffers) }
    }

    private func deliver(_ call: BroadcastCall, to realm: RealmRuntime, buffers: [ByteBlock]) {
        let context = realm.context
        let text = call.texts.count == 1 ? call.texts[0] : JSStringHandle.joining(call.texts)
        // (Numbers only besides the one string and the buffers: nothing here allocates in the VM but those.)
        var arguments = [context.string(text), context.number(Double(call.posts))]
        arguments.reserveCapacity(2 + call.layout.count + buffers.count)
        for number in call.layout { arguments.append(context.number(number)) }
        for block in buffers { arguments.append(block.makeArrayBuffer(in: context) ?? context.undefined) }
        if realm.broadcastDeliverHook == nil { realm.broadcastDeliverHook = realm.hook("broadcastDeliver") }
        guard let deliverHook = realm.broadcastDeliverHook else { return }
        if case .thrown(let exception) = deliverHook.call(arguments) { realm.reportException(exception) }
        microtaskCheckpoint(in: context)
    }
}

/// The posts one call of broadcast-channel.js's `broadcastDeliver` delivers, all to channels of one realm.
/// `layout`, per post: its text's length, then how many channels it goes to (-1: the same as the post before)
/// and their handles.
private struct BroadcastCall {
    static let maximumTextLength = 16 * 1024
    /// Channels per run of one post (a call's arguments stay far below what the engine accepts).
    static let maximumHandles = 4096
    private static let maximumPosts = 256

    var realmID = 0
    var posts = 0
    var texts: [JSStringHandle] = []
    var layout: [Double] = []
    private var lastTargets: ArraySlice<BroadcastRegistry.Subscriber> = []

    var isFull: Bool { posts >= Self.maximumPosts || layout.count >= Self.maximumHandles }

    /// Posts to one agent share the registry's cached target list, so the common case is the very same storage:
    /// compared in O(1), without copying (and retaining) each subscriber as `elementsEqual` does. `last` keeps
    /// its storage alive, so an equal address cannot be a new list that reused freed memory.
    private static func sameStorage(_ targets: ArraySlice<BroadcastRegistry.Subscriber>,
                                    _ last: ArraySlice<BroadcastRegistry.Subscriber>) -> Bool {
        targets.count == last.count && targets.withUnsafeBufferPointer { a in
            last.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress }
        }
    }

    mutating func add(_ text: JSStringHandle, to targets: ArraySlice<BroadcastRegistry.Subscriber>) {
        realmID = targets.first?.realmID ?? 0
        posts += 1
        texts.append(text)
        layout.append(Double(text.length))
        if Self.sameStorage(targets, lastTargets) || targets.elementsEqual(lastTargets, by: { $0.handle == $1.handle }) {
            layout.append(-1)
        } else {
            layout.append(Double(targets.count))
            for target in targets { layout.append(Double(target.handle)) }
            lastTargets = targets
        }
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
        context.setProperty(ops, "broadcastCounter", context.makeFunction("broadcastCounter") { [unowned self] call throws(HostFunctionError) in
            agent.host.broadcast.counterView(named: call.context.toSwiftString(call[0]), in: call.context) ?? call.context.undefined
        })
        // A microtask checkpoint between two deliveries that share one task (broadcast-channel.js).
        if let checkpoint = context.makeMicrotaskCheckpointFunction() {
            context.setProperty(ops, "broadcastCheckpoint", checkpoint)
        }
        // broadcastPost(id, text, ...buffers)
        context.setProperty(ops, "broadcastPost", context.makeFunction("broadcastPost") { [unowned self] call throws(HostFunctionError) in
            // (One hold of the VM's lock for the C API calls below: each would take it whole otherwise.)
            try call.context.withAPILock { () throws(HostFunctionError) in try post(call) }
        })
    }

    /// broadcastPost's body.
    private func post(_ call: HostCall) throws(HostFunctionError) -> JSValue {
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
    }
}
