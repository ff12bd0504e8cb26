import CJSHostSupport

#if canImport(Glibc)
import Glibc
#endif

/// Starts a joinable OS thread with a given stack size (JS recursion depth follows the thread's stack).
struct AgentThread: @unchecked Sendable {
    private let thread: pthread_t

    /// Bytes of stack for agent threads: JSC-FACTS measured ≈60k frames at 8 MiB.
    static let stackSize = 16 << 20

    init(name: String, body: @escaping @Sendable () -> Void) {
        final class Box {
            let name: String
            let body: @Sendable () -> Void
            init(_ name: String, _ body: @escaping @Sendable () -> Void) { self.name = name; self.body = body }
        }
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, Self.stackSize)
        var thread = pthread_t()
        let box = Unmanaged.passRetained(Box(name, body)).toOpaque()
        let status = pthread_create(&thread, &attributes, { argument in
            let box = Unmanaged<Box>.fromOpaque(argument!).takeRetainedValue()
            jshost_set_thread_name(box.name)
            // A thread inherits its creator's signal mask, and Swift's worker threads block most signals. JSC
            // signals its VM threads (SIGUSR1 to suspend them for GC), so an agent thread starts with none blocked.
            var none = sigset_t()
            sigemptyset(&none)
            pthread_sigmask(SIG_SETMASK, &none, nil)
            box.body()
            return nil
        }, box)
        precondition(status == 0, "could not start agent thread (pthread_create: \(status))")
        self.thread = thread

    }

    func join() {
        pthread_join(thread, nil)
    }

    var isCurrent: Bool { pthread_equal(thread, pthread_self()) != 0 }
}
