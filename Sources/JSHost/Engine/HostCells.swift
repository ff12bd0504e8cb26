import CJavaScriptCore

/// A few numbers shared by Swift and every realm of one agent, without a call across the boundary: JS sees
/// them as a `Float64Array` over this memory (made with no copy), Swift reads and writes the memory directly.
/// A call from JS into Swift costs ~100–200 ns (JSC drops and retakes its API lock around it); a write to a
/// typed array costs ~1 ns. Used on the hottest paths: queuing a task per message, event time stamps.
///
/// Owned by the agent's thread. Must outlive the context group whose realms hold views of it.
final class HostCells {
    enum Slot: Int, CaseIterable {
        /// The monotonic time (milliseconds since ``epochNanoseconds``) at which the running task began.
        case taskStartTime = 0
        /// How many host tasks JS queued (`internals.queueTask`) and has not run yet.
        case queuedTasks = 1
        /// How many engine operations that finish on their own (async WebAssembly compilation) are pending.
        case pendingEngineWork = 2
        /// The id of the realm whose task (script, timer, host task or event listener) is running: HTML's
        /// incumbent realm as far as the host can tell (window-messaging.js reads it for `source` and `origin`).
        case entryRealm = 3
    }

    private let storage: UnsafeMutablePointer<Double>
    let epochNanoseconds = MonotonicClock.nanoseconds()

    init() {
        storage = .allocate(capacity: Slot.allCases.count)
        storage.initialize(repeating: 0, count: Slot.allCases.count)
    }

    deinit {
        storage.deallocate()
    }

    subscript(slot: Slot) -> Double {
        get { storage[slot.rawValue] }
        set { storage[slot.rawValue] = newValue }
    }

    func markTaskStart() {
        storage[Slot.taskStartTime.rawValue] = Double(MonotonicClock.nanoseconds() &- epochNanoseconds) / 1_000_000
    }

    /// A `Float64Array` over the cells, for one realm. The memory is not the array's to free.
    func makeView(in context: JSContext) -> JSObject? {
        var exception: JSValueRef?
        let view = JSObjectMakeTypedArrayWithBytesNoCopy(
            context.ref, kJSTypedArrayTypeFloat64Array, storage, Slot.allCases.count * MemoryLayout<Double>.size,
            { _, _ in }, nil, &exception)
        guard exception == nil, let view else { return nil }
        return JSObject(ref: view)
    }
}
