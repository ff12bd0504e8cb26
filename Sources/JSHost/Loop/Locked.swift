#if canImport(Glibc)
import Glibc
#endif

/// A value guarded by a pthread mutex: the small cross-thread state of the host (inboxes, run state, replies).
///
/// Used instead of `Synchronization.Mutex` because ThreadSanitizer understands pthread mutexes; on Linux it
/// cannot see the ordering a futex-based lock provides, and reports every guarded access as a race.
package final class Locked<Value>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    package init(_ value: Value) {
        self.value = value
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with exclusive access to the value. Keep it short, and never call back into code that may
    /// take the same lock.
    package func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
