import CJavaScriptCore
import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The bytes of an ArrayBuffer on their way to another agent. The receiver wraps the same memory in its new
/// ArrayBuffer without copying. Either the bytes are plain memory the block owns (copied once, or duplicated
/// for a message with several receivers), freed by the receiver's buffer or by the block if nobody wraps it;
/// or they are lent: they stay in an ArrayBuffer of the sending engine, which its agent keeps alive until the
/// ``ByteLoan`` ends (the receiver's buffer is collected, or the receiver's agent ends first).
final class ByteBlock: @unchecked Sendable {
    // Mutable state guarded by ownership: the block is made on one thread and wrapped on one other thread,
    // handed over through a lock (the pipe's), never used by two threads at once.
    private var bytes: UnsafeMutableRawPointer?
    let count: Int
    private let loan: ByteLoan?

    /// Copies the bytes of `buffer`, an ArrayBuffer. Nil when `buffer` is not one (or is detached).
    init?(copying buffer: JSValue, in context: JSContext) {
        guard let object = context.object(buffer) else { return nil }
        var exception: JSValueRef?
        let length = JSObjectGetArrayBufferByteLength(context.ref, object.ref, &exception)
        guard exception == nil else { return nil }
        let source = JSObjectGetArrayBufferBytesPtr(context.ref, object.ref, &exception)
        guard exception == nil else { return nil }
        count = length
        bytes = malloc(max(length, 1))
        loan = nil
        if length > 0, let source { bytes!.copyMemory(from: source, byteCount: length) }
    }

    /// Lends the `count` bytes at `bytes`, which belong to a buffer the lender keeps alive until `loan` ends.
    init(lending bytes: UnsafeMutableRawPointer?, count: Int, loan: ByteLoan) {
        self.bytes = bytes
        self.count = count
        self.loan = loan
    }

    private init(bytes: UnsafeMutableRawPointer?, count: Int) {
        self.bytes = bytes
        self.count = count
        loan = nil
    }

    deinit {
        if let loan {
            // Never wrapped (a message that could not be delivered): the lender may let go now.
            if bytes != nil { loan.end() }
        } else {
            free(bytes)
        }
    }

    /// Whether the bytes are lent by the sender's engine rather than owned by this block.
    var isLent: Bool { loan != nil }

    /// A block of its own with the same bytes (for a message that goes to several receivers).
    func duplicate() -> ByteBlock {
        let copy = malloc(max(count, 1))
        if let bytes, let copy, count > 0 { copy.copyMemory(from: bytes, byteCount: count) }
        return ByteBlock(bytes: copy, count: count)
    }

    /// A new ArrayBuffer of `context` over these bytes, which it now owns (or borrows: `borrowed` then holds
    /// the loan, for when the receiving agent ends before the buffer is collected). Once only.
    func makeArrayBuffer(in context: JSContext, borrowed: BorrowedLoans? = nil) -> JSValue? {
        guard let bytes else { return nil }
        var exception: JSValueRef?
        let buffer: JSObjectRef?
        if let loan {
            borrowed?.add(loan)
            let token = Unmanaged.passRetained(loan).toOpaque()
            buffer = JSObjectMakeArrayBufferWithBytesNoCopy(context.ref, bytes, count, { _, token in
                // On whichever thread the receiving engine destroys the buffer: only ends the loan.
                Unmanaged<ByteLoan>.fromOpaque(token!).takeRetainedValue().end()
            }, token, &exception)
            if buffer == nil || exception != nil { Unmanaged<ByteLoan>.fromOpaque(token).release() }
        } else {
            buffer = JSObjectMakeArrayBufferWithBytesNoCopy(context.ref, bytes, count, { bytes, _ in free(bytes) }, nil, &exception)
        }
        guard exception == nil, let buffer else { return nil }
        self.bytes = nil
        return JSValue(ref: buffer)
    }
}

/// Bytes one agent's engine lends to another: ends once, from any thread, and then tells the lender.
final class ByteLoan: Sendable {
    private let ledger: LoanLedger
    let id: Int
    private let ended = Atomic<Bool>(false)

    init(ledger: LoanLedger, id: Int) {
        self.ledger = ledger
        self.id = id
    }

    var hasEnded: Bool { ended.load(ordering: .acquiring) }

    /// The borrower is done with the bytes (idempotent).
    func end() {
        if !ended.exchange(true, ordering: .acquiringAndReleasing) { ledger.returned(id) }
    }
}

/// A lending agent's record of loans that ended, from any thread, for its own thread to collect: it posts one
/// collection task at a time to the agent's loop, or, once the loop has ended, wakes the agent's teardown, which
/// waits for its last loans before the engine (and the lent bytes with it) goes away.
final class LoanLedger: Sendable {
    private struct State {
        var returned: [Int] = []
        var collectionScheduled = false
        var teardownWaiter: DispatchSemaphore?
    }

    private let state = Locked(State())
    /// Posts the collection task; false once the agent's loop has ended.
    private let scheduleCollection: @Sendable () -> Bool

    init(scheduleCollection: @escaping @Sendable () -> Bool) {
        self.scheduleCollection = scheduleCollection
    }

    func returned(_ id: Int) {
        let (schedule, waiter) = state.withLock { state -> (Bool, DispatchSemaphore?) in
            state.returned.append(id)
            if let waiter = state.teardownWaiter { return (false, waiter) }
            if state.collectionScheduled { return (false, nil) }
            state.collectionScheduled = true
            return (true, nil)
        }
        waiter?.signal()
        // If the loop has ended, the teardown collects what is left.
        if schedule { _ = scheduleCollection() }
    }

    /// On the lender's thread: the loans that ended since the last call.
    func takeReturned() -> [Int] {
        state.withLock { state in
            state.collectionScheduled = false
            defer { state.returned = [] }
            return state.returned
        }
    }

    /// From the lender's teardown on: returns wake `waiter` instead of posting to the (ended) loop.
    func setTeardownWaiter(_ waiter: DispatchSemaphore?) {
        state.withLock { $0.teardownWaiter = waiter }
    }
}

/// The loans an agent's engine holds (buffers it wrapped over another agent's bytes). When the agent ends, it
/// runs no more JS, so no one reads those bytes again: it ends them all before its engine goes, which spares two
/// agents that lent each other bytes from waiting on each other.
final class BorrowedLoans: Sendable {
    private struct State {
        var loans: [ByteLoan] = []
        var pruneAt = 64
    }

    private let state = Locked(State())

    func add(_ loan: ByteLoan) {
        state.withLock { state in
            state.loans.append(loan)
            // Loans mostly end by collection; forget those now and then so the list stays the size of the live ones.
            if state.loans.count >= state.pruneAt {
                state.loans.removeAll { $0.hasEnded }
                state.pruneAt = max(64, state.loans.count * 2)
            }
        }
    }

    func endAll() {
        let loans = state.withLock { state -> [ByteLoan] in
            defer { state.loans = [] }
            return state.loans
        }
        for loan in loans { loan.end() }
    }
}

