import CJSHostSupport
import Synchronization

/// The only part of an event loop other threads may touch: a queue of work posted to the loop's thread,
/// with prompt wake-up of that thread.
final class LoopInbox: Sendable {
    private struct State {
        var work: [@Sendable () -> Void] = []
        var ownerIsWaiting = false
        var isClosed = false
        var stopRequested = false
        var holdsRetirement = false
    }

    private let state = Locked(State())
    /// Set when work is posted or a stop requested, cleared when the owner takes the work: lets the owner poll
    /// for work without taking the lock while it spins before blocking (see ``EventLoop``).
    private let workHint = Atomic<Bool>(false)
    /// The CPU the last poster ran on (see ``EventLoop``'s spinning).
    private let posterCPU = Atomic<Int>(-1)
    private let waker: MainContextPump.Waker
    let tracker: WorkTracker

    init(waker: MainContextPump.Waker, tracker: WorkTracker) {
        self.waker = waker
        self.tracker = tracker
    }

    /// Queues `work` to run as a task on the loop's thread. Returns false (and drops it) once the loop has ended.
    @discardableResult
    func post(_ work: @escaping @Sendable () -> Void) -> Bool {
        tracker.acquire()
        posterCPU.store(Int(jshost_current_cpu()), ordering: .relaxed)
        let accepted = state.withLock { state -> Bool in
            guard !state.isClosed else { return false }
            state.work.append(work)
            workHint.store(true, ordering: .releasing)
            // Woken under the lock: closing takes it too, so the main context is still alive here.
            if state.ownerIsWaiting {
                state.ownerIsWaiting = false
                waker.wake()
            }
            return true
        }
        if !accepted { tracker.release() }
        return accepted
    }

    /// Asks the loop to return from `run()` after its current task.
    func requestStop() {
        state.withLock { state in
            state.stopRequested = true
            workHint.store(true, ordering: .releasing)
            if state.ownerIsWaiting, !state.isClosed {
                state.ownerIsWaiting = false
                waker.wake()
            }
        }
    }

    /// The agent is being retired: the host stays busy (one unit of work) until ``tornDown()``, so that the
    /// peers its teardown closes pipes to still get to run before anyone decides the run is over.
    func holdWorkUntilTornDown() {
        let acquire = state.withLock { state -> Bool in
            guard !state.holdsRetirement else { return false }
            state.holdsRetirement = true
            return true
        }
        if acquire { tracker.acquire() }
    }

    /// The agent's pipes are closed (or its thread is gone): gives back the unit of ``holdWorkUntilTornDown()``.
    func tornDown() {
        let release = state.withLock { state -> Bool in
            defer { state.holdsRetirement = false }
            return state.holdsRetirement
        }
        if release { tracker.release() }
    }

    // MARK: Owner thread only

    /// Takes everything posted so far. The caller queues it and then releases one tracker unit per item.
    /// Once a stop is requested nothing more is taken: what is left is dropped (and its units released) by
    /// ``close()``.
    func takeAll() -> (work: [@Sendable () -> Void], stop: Bool) {
        state.withLock { state in
            if state.stopRequested { return ([], true) }
            let work = state.work
            if !work.isEmpty { state.work = [] }
            workHint.store(false, ordering: .relaxed)
            return (work, false)
        }
    }

    /// Whether work (or a stop) is waiting to be taken, read without the lock: cheap enough to poll in a spin.
    var mightHaveWork: Bool {
        workHint.load(ordering: .acquiring)
    }

    /// The CPU the thread that posted last was running on then (-1: unknown).
    var lastPosterCPU: Int {
        posterCPU.load(ordering: .relaxed)
    }

    /// Marks the owner as about to block. Returns false when there is already something to do.
    func prepareToWait() -> Bool {
        state.withLock { state in
            guard state.work.isEmpty, !state.stopRequested else { return false }
            state.ownerIsWaiting = true
            return true
        }
    }

    func finishWaiting() {
        state.withLock { $0.ownerIsWaiting = false }
    }

    /// Refuses all later posts and returns what was never run (their tracker units are released).
    func close() {
        let dropped = state.withLock { state -> Int in
            state.isClosed = true
            let count = state.work.count
            state.work = []
            return count
        }
        if dropped > 0 { tracker.release(dropped) }
    }
}
