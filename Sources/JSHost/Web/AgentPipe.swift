import DequeModule

/// What crosses between agents: thread-neutral data only (DESIGN.md, "Messaging core").
enum PipeItem: Sendable {
    /// A structured-clone message: the encoded clone, the bytes of the ArrayBuffers it carries, and the pipe
    /// sides of the MessagePorts transferred with it (in transfer-list order).
    case message(text: JSStringHandle, buffers: [ByteBlock], ports: [PortHandoff])
    /// An uncaught exception in a worker that its global did not cancel (HTML "report an exception", step for
    /// workers): fired at the `Worker` object as an `ErrorEvent`.
    case error(message: String, filename: String, line: Int, column: Int)
    /// The worker's script could not be fetched or parsed: a plain `error` event at the `Worker` object.
    case loadFailed
}

/// A MessagePort on its way to another agent: one side of a pipe, owned by nobody until the receiver attaches it
/// (what arrives for it meanwhile waits in the pipe, in order).
struct PortHandoff: Sendable {
    let pipe: AgentPipe
    let side: Int
}

/// Where a pipe side delivers: a realm of an agent, and the endpoint number its JS knows the side by.
struct PipeOwner: Sendable {
    let mailbox: AgentMailbox
    let realmID: Int
    let endpoint: Int
    /// Set by the pipe on attach: a delivery task scheduled for an earlier owner of the side (it moved to
    /// another realm or agent since) finds a different generation and does nothing.
    fileprivate(set) var generation = 0
}

/// One small thread-safe primitive for a pair of entangled endpoints in two agents (DESIGN.md: "a port pair
/// becomes one small thread-safe pipe"). Each side has an owner and an inbox. Posting appends to the peer's
/// inbox and schedules at most one delivery task on the peer owner's loop; the delivery task hands over one
/// item (one message is one task) and schedules itself again while items remain. Closing either side closes
/// the pipe: nothing more is accepted, and each owner is told once.
final class AgentPipe: Sendable {
    private struct Side {
        var owner: PipeOwner?
        var inbox = Deque<PipeItem>()
        var deliveryScheduled = false
        var closeReported = false
    }

    private struct State {
        var sides = [Side(), Side()]
        var isClosed = false
        var lastGeneration = 0
    }

    private let state = Locked(State())

    /// Binds `side` to its owner; items that arrived before are delivered now.
    func attach(_ side: Int, to owner: PipeOwner) {
        var owner = owner
        let schedule = state.withLock { state -> Bool in
            state.lastGeneration += 1
            owner.generation = state.lastGeneration
            state.sides[side].owner = owner
            // A delivery task of the previous owner, if any, will find itself stale: schedule afresh.
            state.sides[side].deliveryScheduled = false
            return needsDelivery(&state, side)
        }
        if schedule { scheduleDelivery(side, owner) }
    }

    /// Queues `item` for the side opposite `side`. Returns false (dropping it) once the pipe is closed.
    @discardableResult
    func post(from side: Int, _ item: PipeItem) -> Bool {
        let target = 1 - side
        let (accepted, owner) = state.withLock { state -> (Bool, PipeOwner?) in
            guard !state.isClosed else { return (false, nil) }
            state.sides[target].inbox.append(item)
            return (true, needsDelivery(&state, target) ? state.sides[target].owner : nil)
        }
        if let owner { scheduleDelivery(target, owner) }
        return accepted
    }

    /// Detaches `side` from its owner so it can be handed to another agent: `items` (what the old owner had
    /// taken but not delivered yet) go back in front of what is still waiting, in order.
    func handOver(_ side: Int, prepending items: [PipeItem]) {
        state.withLock { state in
            state.sides[side].owner = nil
            state.sides[side].deliveryScheduled = false
            for item in items.reversed() { state.sides[side].inbox.prepend(item) }
        }
    }

    /// Closes the pipe from either side. Items already queued are still delivered; then each owner hears `close`.
    func close() {
        let owners = state.withLock { state -> [(Int, PipeOwner)] in
            guard !state.isClosed else { return [] }
            state.isClosed = true
            return (0..<2).compactMap { side in needsDelivery(&state, side) ? state.sides[side].owner.map { (side, $0) } : nil }
        }
        for (side, owner) in owners { scheduleDelivery(side, owner) }
    }

    /// What a delivery task of `side` does next, on the owner's thread.
    enum Next {
        case item(PipeItem)
        case closed
        case nothing
    }

    /// Takes the next item for `side`, or the one-time close notice once the inbox is empty and the pipe closed.
    /// When it returns an item and more remain, the caller must call ``deliveryDone(_:for:)`` after handing it
    /// over. A task of an earlier owner (`owner` no longer current) gets nothing.
    func takeNext(_ side: Int, for owner: PipeOwner) -> Next {
        state.withLock { state in
            guard state.sides[side].owner?.generation == owner.generation else { return .nothing }
            if let item = state.sides[side].inbox.popFirst() { return .item(item) }
            state.sides[side].deliveryScheduled = false
            if state.isClosed, !state.sides[side].closeReported {
                state.sides[side].closeReported = true
                return .closed
            }
            return .nothing
        }
    }

    /// After one item was delivered: schedules the next delivery task if more is waiting.
    func deliveryDone(_ side: Int, for owner: PipeOwner) {
        let owner = state.withLock { state -> PipeOwner? in
            guard state.sides[side].owner?.generation == owner.generation else { return nil }
            let more = !state.sides[side].inbox.isEmpty || (state.isClosed && !state.sides[side].closeReported)
            if more { return state.sides[side].owner }
            state.sides[side].deliveryScheduled = false
            return nil
        }
        if let owner { scheduleDelivery(side, owner) }
    }

    /// Under the lock: whether `side` has something to deliver, an owner, and no delivery task yet (then marks one).
    private func needsDelivery(_ state: inout State, _ side: Int) -> Bool {
        let hasWork = !state.sides[side].inbox.isEmpty || (state.isClosed && !state.sides[side].closeReported)
        guard hasWork, state.sides[side].owner != nil, !state.sides[side].deliveryScheduled else { return false }
        state.sides[side].deliveryScheduled = true
        return true
    }

    /// Posts one delivery task for `side` to its owner's loop.
    private func scheduleDelivery(_ side: Int, _ owner: PipeOwner) {
        let delivered = owner.mailbox.post { runtime in runtime.deliverPipe(self, side: side, to: owner) }
        if !delivered {
            // The owner's agent has ended: nothing will ever read this side.
            state.withLock { state in
                state.sides[side].inbox.removeAll()
                state.sides[side].owner = nil
                state.sides[side].deliveryScheduled = false
            }
        }
    }
}
