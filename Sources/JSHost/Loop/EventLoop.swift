#if canImport(Glibc)
import Glibc
#endif
import CJSHostSupport
import DequeModule
import HeapModule
import Synchronization

/// Something that runs tasks on an event loop: a realm firing its timers, a port delivering a message.
/// Tasks name a target and an integer so that queuing one allocates nothing.
protocol LoopTaskTarget: AnyObject {
    func runTask(_ argument: Int)
}

/// Tasks whose callbacks wait in a queue of their own (JS host tasks, in the JS heap): the loop only needs
/// to know how many there are, and to run the next one.
protocol HostTaskSource: AnyObject {
    var pendingHostTasks: Int { get }
    /// Work the engine does on its own and finishes through the thread's GLib context (async WebAssembly
    /// compilation): it keeps the loop alive, since its completion will run JS.
    var pendingEngineWork: Bool { get }
    func runHostTask()
    /// Runs one of the loop's own tasks (see ``AgentRuntime/runAsOneEntry(_:)``).
    func runAsOneEntry(_ body: () -> Void)
}

/// One agent's event loop, after the HTML event loop: take one task, run it (JSC drains microtasks when the
/// outermost call into JS returns, so every task ends in a microtask checkpoint), repeat.
///
/// Tasks come from the local queue, from due timers (ordered by deadline, then by creation), and from the
/// cross-thread ``LoopInbox``. While idle the loop blocks in the thread's GLib main context so JSC's own timers
/// run; while busy it still pumps that context every few milliseconds.
///
/// Everything but ``inbox`` belongs to the loop's thread.
final class EventLoop {
    private enum Task {
        case target(LoopTaskTarget, Int)
        case work(@Sendable () -> Void)
    }

    private struct TimerKey: Hashable {
        let target: ObjectIdentifier
        let id: Int
    }

    private struct TimerEntry: Comparable {
        let deadline: UInt64
        let sequence: UInt64
        let key: TimerKey
        static func < (a: TimerEntry, b: TimerEntry) -> Bool {
            (a.deadline, a.sequence) < (b.deadline, b.sequence)
        }
        static func == (a: TimerEntry, b: TimerEntry) -> Bool { a.sequence == b.sequence }
    }

    let inbox: LoopInbox
    /// The second task source, alternated with the local queue so neither starves the other.
    unowned(unsafe) var hostTasks: HostTaskSource?
    private var hostTasksGoNext = true
    private let pump: MainContextPump
    private var tasks = Deque<Task>()
    private var timerQueue = Heap<TimerEntry>()
    /// Armed timers: the sequence number of each one's live heap entry (older entries are stale), its target,
    /// and whether it keeps the host running.
    private var armedTimers: [TimerKey: (sequence: UInt64, target: LoopTaskTarget, keepsAlive: Bool)] = [:]
    /// How many of ``armedTimers`` keep the host running (the others fire only while something else does).
    private var keepAliveTimerCount = 0
    private var nextSequence: UInt64 = 0
    /// Whether this loop holds a unit of the host's ``WorkTracker`` (it has queued tasks or armed timers).
    private var holdsWork = false
    private var lastPump: UInt64 = 0
    private var tasksSinceClockCheck = 0
    /// Whether the next idle wait polls the inbox for a while before blocking (see ``spinForWork(until:)``).
    private var spinsBeforeBlocking = false

    private static let pumpInterval: UInt64 = 4_000_000

    /// Waking a blocked thread costs tens of microseconds on small virtual machines (an idle vCPU is halted
    /// and must be rescheduled) — several times what a message costs. So while another thread answers
    /// quickly, an idle loop polls its inbox for up to this long before it blocks; the poster then skips the
    /// wake-up call too. A poll that times out turns spinning off until a blocking wait again ends quickly,
    /// which bounds the waste to one window per burst of traffic.
    private static let spinWindow: UInt64 = 50_000
    /// A blocking wait ended by posted work within this time means replies come fast enough to spin for.
    private static let quickWake: UInt64 = 2 * spinWindow
    private static let processorCount = Int(jshost_usable_cpu_count())
    /// On one CPU the thread being waited for cannot run while this one spins.
    private static let canSpin = processorCount > 1
    /// Loops running in the process (agent threads), for how often a spinning loop yields its CPU.
    private static let runningLoops = Atomic<Int>(0)

    init(pump: MainContextPump, inbox: LoopInbox) {
        self.pump = pump
        self.inbox = inbox
    }

    /// Queues a task at the end of the local task queue.
    func enqueue(_ target: LoopTaskTarget, _ argument: Int) {
        tasks.append(.target(target, argument))
        holdWork()
    }

    /// Arms (or re-arms) timer `id` of `target` to run `target.runTask(id)` as a task after `milliseconds`.
    /// A timer that does not keep the host alive (`keepsAlive: false`, like Node's unref'd timers) fires only
    /// if the host is still running for another reason by then.
    func startTimer(_ target: LoopTaskTarget, id: Int, milliseconds: Double, keepsAlive: Bool = true) {
        // Up to ~31 years; longer waits are the same as forever, and the conversion must not trap.
        let delay = milliseconds.isFinite && milliseconds > 0 ? UInt64(min(milliseconds, 1e12) * 1_000_000) : 0
        let key = TimerKey(target: ObjectIdentifier(target), id: id)
        nextSequence += 1
        disarm(key)
        armedTimers[key] = (nextSequence, target, keepsAlive)
        timerQueue.insert(TimerEntry(deadline: MonotonicClock.nanoseconds() &+ delay, sequence: nextSequence, key: key))
        dropStaleTimerEntriesIfMany()
        if keepsAlive {
            keepAliveTimerCount += 1
            holdWork()
        }
    }

    func cancelTimer(_ target: LoopTaskTarget, id: Int) {
        disarm(TimerKey(target: ObjectIdentifier(target), id: id))
        dropStaleTimerEntriesIfMany()
    }

    /// Disarms every timer of `target` (a realm being closed).
    func cancelTimers(of target: LoopTaskTarget) {
        let owner = ObjectIdentifier(target)
        armedTimers = armedTimers.filter { $0.key.target != owner }
        keepAliveTimerCount = armedTimers.values.reduce(0) { $0 + ($1.keepsAlive ? 1 : 0) }
        dropStaleTimerEntriesIfMany()
    }

    private func disarm(_ key: TimerKey) {
        if let removed = armedTimers.removeValue(forKey: key), removed.keepsAlive { keepAliveTimerCount -= 1 }
    }

    /// A cancelled or re-armed timer leaves its old entry in the heap (removing from the middle of a heap is
    /// not supported). A debounce loop (arm, cancel, arm, ... per message) would grow the heap without bound,
    /// so once stale entries outnumber live ones the heap is rebuilt from the live ones: amortised O(1) per
    /// cancel, and memory stays proportional to the armed timers.
    private func dropStaleTimerEntriesIfMany() {
        guard timerQueue.count > 2 * armedTimers.count + 64 else { return }
        timerQueue = Heap(timerQueue.unordered.filter { entry in armedTimers[entry.key]?.sequence == entry.sequence })
    }

    /// Entries in the timer heap, live or stale (for tests).
    var timerHeapCount: Int { timerQueue.count }

    /// Runs tasks until ``LoopInbox/requestStop()``, then closes the inbox.
    func run() {
        Self.runningLoops.add(1, ordering: .relaxed)
        defer { Self.runningLoops.subtract(1, ordering: .relaxed) }
        while true {
            let (posted, stop) = inbox.takeAll()
            if stop { break }
            if !posted.isEmpty {
                holdWork()
                for work in posted { tasks.append(.work(work)) }
                inbox.tracker.release(posted.count)
            }
            queueDueTimers()
            if let hostTasks, hostTasks.pendingHostTasks > 0, hostTasksGoNext || tasks.isEmpty {
                hostTasksGoNext = false
                hostTasks.runHostTask()
                pumpIfDue()
                continue
            }
            if let task = tasks.popFirst() {
                hostTasksGoNext = true
                if let hostTasks {
                    hostTasks.runAsOneEntry { runTask(task) }
                } else {
                    runTask(task)
                }
                pumpIfDue()
                continue
            }
            // Idle. Whatever JSC has ready on the GLib context (a FinalizationRegistry callback, a finished
            // compilation) runs before the loop may count itself idle, and the loop goes on if that queued JS
            // work. JSC's own housekeeping (sweeping, GC timers) also dispatches here and must not keep the host
            // from quiescence: only queued work does.
            if pump.pump(), hasQueuedWork { continue }
            updateHeldWork()
            waitForWork()
        }
        inbox.close()
        tasks.removeAll()
        armedTimers.removeAll()
        keepAliveTimerCount = 0
        // Whatever is still queued in JS will never run: an ended loop holds no work (a worker that was
        // terminated or closed itself must not keep its host from quiescence).
        if holdsWork {
            holdsWork = false
            inbox.tracker.release()
        }
    }

    private func runTask(_ task: Task) {
        switch task {
        case .target(let target, let argument): target.runTask(argument)
        case .work(let work): work()
        }
    }

    private func queueDueTimers() {
        guard let first = timerQueue.min else { return }
        let now = MonotonicClock.nanoseconds()
        guard first.deadline <= now else { return }
        while let entry = timerQueue.min, entry.deadline <= now {
            timerQueue.removeMin()
            guard let armed = armedTimers[entry.key], armed.sequence == entry.sequence else { continue }
            disarm(entry.key)
            tasks.append(.target(armed.target, entry.key.id))
        }
    }

    /// Drops cancelled entries from the top of the timer heap and returns how long until the next live one.
    private func millisecondsUntilNextTimer() -> Int? {
        while let entry = timerQueue.min {
            if let armed = armedTimers[entry.key], armed.sequence == entry.sequence {
                let now = MonotonicClock.nanoseconds()
                guard entry.deadline > now else { return 0 }
                return Int((entry.deadline - now + 999_999) / 1_000_000)
            }
            timerQueue.removeMin()
        }
        return nil
    }

    private func waitForWork() {
        let timeout = millisecondsUntilNextTimer()
        if timeout == 0 { return }
        if spinsBeforeBlocking {
            // (The next timer was rounded up to whole milliseconds: polling may run it up to one window late.)
            if spinForWork(until: MonotonicClock.nanoseconds() &+ Self.spinWindow) { return }
            spinsBeforeBlocking = false
        }
        guard inbox.prepareToWait() else { return }
        let start = MonotonicClock.nanoseconds()
        pump.wait(milliseconds: timeout)
        inbox.finishWaiting()
        lastPump = MonotonicClock.nanoseconds()
        spinsBeforeBlocking = Self.canSpin && lastPump &- start < Self.quickWake && inbox.mightHaveWork
    }

    /// Polls the inbox until something is posted (true) or `deadline` passes (false), yielding the CPU now and
    /// then, since the thread being waited for may need this CPU.
    /// - With more loops than CPUs, every 32 polls (~1.5 µs): 8 workers ping-ponging on 2 CPUs took 1.2 s,
    ///   against 1.7 s yielding every 256 and 1.4 s without polling.
    /// - When the thread that posted last ran on this very CPU, at once and then every 32 polls: the kernel
    ///   places a woken thread beside its waker, and two busy threads sharing a CPU are parted only by load
    ///   balancing, which spares threads that ran recently. (Moving this thread to another CPU instead was
    ///   faster on an idle machine and 20–70× slower when another process kept a CPU busy.)
    /// - Otherwise every 128 polls (~5 µs): a yield is a system call, and yielding every 32 made a two-thread
    ///   round trip bimodal (6 or 12 µs).
    private func spinForWork(until deadline: UInt64) -> Bool {
        var yieldMask = Self.runningLoops.load(ordering: .relaxed) > Self.processorCount ? 31 : 127
        if inbox.lastPosterCPU == Int(jshost_current_cpu()) {
            yieldMask = 31
            sched_yield()
        }
        var polls = 0
        while !inbox.mightHaveWork {
            polls &+= 1
            if polls & 31 == 0 {
                if MonotonicClock.nanoseconds() >= deadline { return false }
                if polls & yieldMask == 0 { sched_yield() }
            } else {
                jshost_cpu_relax()
            }
        }
        return true
    }

    /// While busy, JSC's GLib timers (GC, FinalizationRegistry) still need to run now and then.
    private func pumpIfDue() {
        tasksSinceClockCheck += 1
        guard tasksSinceClockCheck >= 64 else { return }
        tasksSinceClockCheck = 0
        let now = MonotonicClock.nanoseconds()
        if now &- lastPump >= Self.pumpInterval {
            lastPump = now
            pump.pump()
        }
    }

    private func holdWork() {
        if !holdsWork {
            holdsWork = true
            inbox.tracker.acquire()
        }
    }

    private var hasQueuedWork: Bool {
        !tasks.isEmpty || (hostTasks?.pendingHostTasks ?? 0) > 0 || inbox.mightHaveWork || nextTimerIsDue
    }

    private var nextTimerIsDue: Bool {
        guard let first = timerQueue.min else { return false }
        return first.deadline <= MonotonicClock.nanoseconds()
    }

    private func updateHeldWork() {
        let hasWork = !tasks.isEmpty || keepAliveTimerCount > 0 || (hostTasks?.pendingHostTasks ?? 0) > 0
            || (hostTasks?.pendingEngineWork ?? false)
        if hasWork {
            holdWork()
        } else if holdsWork {
            holdsWork = false
            inbox.tracker.release()
        }
    }
}
