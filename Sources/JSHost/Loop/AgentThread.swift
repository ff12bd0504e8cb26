import CJSHostSupport
import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// An OS thread with a given stack size (JS recursion depth follows the thread's stack) that can be joined
/// with a time limit: a thread that does not end in time is detached and left to finish on its own, so no
/// caller ever waits forever.
final class AgentThread: Sendable {
    private enum Disposal {
        case running
        /// Joined or detached: the pthread handle must not be used again.
        case reclaimed
    }

    private let thread: pthread_t
    private let ended = DispatchSemaphore(value: 0)
    private let disposal = Locked(Disposal.running)

    /// Bytes of stack for agent threads: JSC-FACTS measured ≈60k frames at 8 MiB.
    static let stackSize = 16 << 20

    init(name: String, body: @escaping @Sendable () -> Void) {
        final class Box {
            let name: String
            let body: @Sendable () -> Void
            let ended: DispatchSemaphore
            init(_ name: String, _ body: @escaping @Sendable () -> Void, _ ended: DispatchSemaphore) {
                self.name = name
                self.body = body
                self.ended = ended
            }
        }
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, Self.stackSize)
        var thread = pthread_t()
        let box = Unmanaged.passRetained(Box(name, body, ended)).toOpaque()
        let status = pthread_create(&thread, &attributes, { argument in
            let box = Unmanaged<Box>.fromOpaque(argument!).takeRetainedValue()
            jshost_set_thread_name(box.name)
            // A thread inherits its creator's signal mask, and Swift's worker threads block most signals. JSC
            // signals its VM threads (SIGUSR1 to suspend them for GC), so an agent thread starts with none blocked.
            var none = sigset_t()
            sigemptyset(&none)
            pthread_sigmask(SIG_SETMASK, &none, nil)
            box.body()
            box.ended.signal()
            return nil
        }, box)
        precondition(status == 0, "could not start agent thread (pthread_create: \(status))")
        self.thread = thread
    }

    /// Waits for the thread to end, at most `timeout` seconds (nil: no limit). Returns false when it is still
    /// running; it is then detached. Later calls return at once. Never call it on the thread itself.
    @discardableResult
    func join(timeout: Double?) -> Bool {
        if state == .reclaimed { return isFinished }
        let deadline: DispatchTime = timeout.map { .now() + max(0, min($0, 1e9)) } ?? .distantFuture
        let finished = ended.wait(timeout: deadline) == .success
        if finished { ended.signal() }  // leaves the mark for later callers
        reclaim(finished ? { pthread_join($0, nil) } : { pthread_detach($0) })
        return finished
    }

    /// Lets the thread's resources go when it ends, without anyone waiting for it (for a thread that stops itself).
    func detach() {
        reclaim { pthread_detach($0) }
    }

    var isCurrent: Bool { pthread_equal(thread, pthread_self()) != 0 }

    private var isFinished: Bool {
        let finished = ended.wait(timeout: .now()) == .success
        if finished { ended.signal() }
        return finished
    }

    private var state: Disposal { disposal.withLock { $0 } }

    private func reclaim(_ action: (pthread_t) -> Int32) {
        let thread = self.thread
        disposal.withLock { disposal in
            guard case .running = disposal else { return }
            disposal = .reclaimed
            _ = action(thread)
        }
    }
}
