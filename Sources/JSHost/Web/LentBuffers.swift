import CJavaScriptCore
import Dispatch

/// ArrayBuffers that cross agents without copying (DESIGN.md, "Messaging across agents"). A message's buffers
/// are already private to the message when they reach the host (clone.js made them by transfer() or by
/// copying a buffer that was not transferred), so their bytes can be lent instead of copied: this agent keeps
/// the buffer alive (protected) and the receiver wraps the same memory. The loan ends when the receiver's
/// buffer is collected, or when the receiving agent ends; then this agent lets the buffer go. An agent that
/// ends with loans outstanding keeps its engine (and the bytes) until the last one ends (see ``waitForLoans()``).
final class LentBuffers {
    /// Loan id → the lent buffer, protected from collection.
    var buffers: [Int: JSValueRef] = [:]
    var lastID = 0
    var ledger: LoanLedger?
    /// The loans this agent's engine holds on other agents' bytes.
    let borrowed = BorrowedLoans()
}

extension AgentRuntime {
    /// A block that lends the bytes of `buffer` (an ArrayBuffer nothing else will see again) to another agent;
    /// nil when `buffer` is not an ArrayBuffer. An empty buffer is copied: it has no memory to lend.
    func lendBuffer(_ buffer: JSValue, in context: JSContext) -> ByteBlock? {
        guard let object = context.object(buffer) else { return nil }
        var exception: JSValueRef?
        let length = JSObjectGetArrayBufferByteLength(context.ref, object.ref, &exception)
        guard exception == nil else { return nil }
        if length == 0 { return ByteBlock(copying: buffer, in: context) }
        // Taking the pointer pins the buffer (a later transfer() would copy): harmless, no script sees it again.
        guard let bytes = JSObjectGetArrayBufferBytesPtr(context.ref, object.ref, &exception), exception == nil else { return nil }
        let ledger = lent.ledger ?? makeLoanLedger()
        lent.lastID += 1
        let id = lent.lastID
        JSValueProtect(context.ref, buffer.ref)
        lent.buffers[id] = buffer.ref
        return ByteBlock(lending: bytes, count: length, loan: ByteLoan(ledger: ledger, id: id))
    }

    private func makeLoanLedger() -> LoanLedger {
        let mailbox = self.mailbox
        let ledger = LoanLedger { mailbox.post { runtime in runtime.collectReturnedLoans() } }
        lent.ledger = ledger
        return ledger
    }

    /// Lets go of the buffers whose loans ended.
    func collectReturnedLoans() {
        guard let ledger = lent.ledger else { return }
        let ids = ledger.takeReturned()
        guard !ids.isEmpty else { return }
        let context = utilityContextForLoans
        for id in ids {
            if let buffer = lent.buffers.removeValue(forKey: id) { JSValueUnprotect(context.ref, buffer) }
        }
    }

    /// In teardown, after the last task: ends the loans this engine holds (it will never read those bytes
    /// again), then blocks until every loan of this agent's bytes has ended, so that the engine is destroyed
    /// only when no other agent can read its memory.
    func waitForLoans() {
        lent.borrowed.endAll()
        guard let ledger = lent.ledger else { return }
        let waiter = DispatchSemaphore(value: 0)
        ledger.setTeardownWaiter(waiter)
        collectReturnedLoans()
        while !lent.buffers.isEmpty {
            waiter.wait()
            collectReturnedLoans()
        }
        ledger.setTeardownWaiter(nil)
    }
}
