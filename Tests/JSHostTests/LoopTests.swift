import Foundation
import Synchronization
import Testing
@testable import JSHost

/// Strings received on one agent's thread. Only that thread appends; the test reads it through `perform` on the
/// same thread, after the run is quiescent.
private final class Inbox: @unchecked Sendable {
    var received: [String] = []
    /// Posts the peer refused (it had stopped); any thread may add.
    let refused = Atomic<Int>(0)
}

/// Sends `count` strings from the current agent's thread to `peer`, in chunks, re-posting itself to its own
/// agent between chunks so that sending interleaves with receiving.
private func sendChunk(from sender: Agent, to peer: Agent, into inbox: Inbox, label: String, start: Int, count: Int, chunk: Int) {
    let end = min(start + chunk, count)
    for index in start..<end {
        let message = "\(label) #\(index) ✓"
        if !peer.post({ _ in inbox.received.append(message) }) {
            inbox.refused.add(1, ordering: .relaxed)
        }
    }
    if end < count {
        sender.post { _ in
            sendChunk(from: sender, to: peer, into: inbox, label: label, start: end, count: count, chunk: chunk)
        }
    }
}

/// Passes a task back and forth between two agents, `remaining` hops in all: each reply comes at once.
private func bounce(_ from: Agent, _ to: Agent, remaining: Int) {
    guard remaining > 0 else { return }
    _ = to.post { _ in bounce(to, from, remaining: remaining - 1) }
}

/// CPU time the calling thread has used, in nanoseconds.
private func threadCPUNanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

@Suite("Event loop", .serialized)
struct LoopTests {
    @Test("two agents on two threads pass 100,000 strings each way: none lost, none reordered")
    func crossAgentStress() async throws {
        let count = 100_000
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let a = try host.makeAgent(name: "stress-a")
        let b = try host.makeAgent(name: "stress-b")
        let receivedByA = Inbox()
        let receivedByB = Inbox()
        // Both senders start as tasks on their own threads and run at the same time.
        a.post { _ in sendChunk(from: a, to: b, into: receivedByB, label: "a→b", start: 0, count: count, chunk: 257) }
        b.post { _ in sendChunk(from: b, to: a, into: receivedByA, label: "b→a", start: 0, count: count, chunk: 311) }
        #expect((try await host.quiescence(timeout: 300)) == .quiescent, "hang guard: the exchange did not finish")
        #expect(host.core.tracker.isQuiescent)

        let gotByA = try await a.perform { _ in receivedByA.received }
        let gotByB = try await b.perform { _ in receivedByB.received }
        #expect(receivedByA.refused.load(ordering: .relaxed) == 0)
        #expect(receivedByB.refused.load(ordering: .relaxed) == 0)
        #expect(gotByA.count == count)
        #expect(gotByB.count == count)
        let expectedByA = (0..<count).map { "b→a #\($0) ✓" }
        let expectedByB = (0..<count).map { "a→b #\($0) ✓" }
        #expect(gotByA == expectedByA)
        #expect(gotByB == expectedByB)
        if gotByA != expectedByA, let first = zip(gotByA, expectedByA).enumerated().first(where: { $1.0 != $1.1 }) {
            Issue.record("a's inbox first differs at \(first.offset): \(first.element.0) vs \(first.element.1)")
        }
        // After the checks (themselves posted work), the host is quiescent again.
        #expect((try await host.quiescence(timeout: 60)) == .quiescent)
        #expect(host.core.tracker.isQuiescent)
    }

    @Test("after a burst of quick replies an idle agent stops polling: its thread uses almost no CPU while idle")
    func idleAfterBurstDoesNotSpin() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let a = try host.makeAgent(name: "ping")
        let b = try host.makeAgent(name: "pong")
        // Quick replies make both loops poll their inboxes before blocking (EventLoop.spinWindow).
        a.post { _ in bounce(a, b, remaining: 20_000) }
        #expect((try await host.quiescence(timeout: 120)) == .quiescent, "hang guard: the exchange did not finish")
        for agent in [a, b] {
            let before = try await agent.perform { _ in threadCPUNanoseconds() }
            try await Task.sleep(for: .milliseconds(300))
            let after = try await agent.perform { _ in threadCPUNanoseconds() }
            // Idle, a loop polls for at most one window (50 µs) and then blocks. A loop that kept polling would
            // use a large share of the 300 ms, even on a loaded machine.
            #expect(after - before < 30_000_000, "\(agent.name): \((after - before) / 1_000) µs of CPU while idle")
        }
    }

    @Test("a post from another thread wakes an idle agent that has no timer armed")
    func crossThreadWake() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let agent = try host.makeAgent(name: "sleeper")
        for round in 0..<20 {
            // Let the agent go idle: nothing queued, no timer, so it blocks with no deadline.
            #expect((try await host.quiescence(timeout: 60)) == .quiescent)
            if round % 4 == 0 { try await Task.sleep(for: .milliseconds(20)) }
            let woke = DispatchSemaphore(value: 0)
            let posted = agent.post { _ in woke.signal() }
            #expect(posted)
            // Hang guard only: without a wake-up the agent would sleep forever.
            #expect(woke.wait(timeout: .now() + 30) == .success, "round \(round): the agent never woke up")
        }
    }

    @Test("perform runs on the agent's own thread, one task after another, returning results and errors")
    func performOrdering() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let agent = try host.makeAgent(name: "performer")
        let threads = Collected<String>()
        for index in 0..<5 {
            let value = try await agent.perform { _ in
                threads.append(String(describing: pthread_self()))
                return index * 2
            }
            #expect(value == index * 2)
        }
        #expect(Set(threads.all).count == 1)
        await #expect(throws: HostError.realmClosed) {
            try await agent.perform { _ throws(HostError) -> Int in throw .realmClosed }
        }
        await host.shutdown()
        #expect(!agent.post { _ in })
        await #expect(throws: HostError.agentStopped) { try await agent.perform { _ in 1 } }
    }

    @Test("EventLoop timers fire in deadline order, FIFO for equal deadlines; cancelled and re-armed timers fire once or never")
    func eventLoopTimerOrder() async throws {
        let fired = await runLoopOnFreshThread { loop, target in
            // Deadlines out of creation order.
            loop.startTimer(target, id: 1, milliseconds: 200)
            loop.startTimer(target, id: 2, milliseconds: 50)
            loop.startTimer(target, id: 3, milliseconds: 100)
            // Twenty timers due at once: creation order.
            for id in 100..<120 { loop.startTimer(target, id: id, milliseconds: 0) }
            // Negative and NaN delays mean now.
            loop.startTimer(target, id: 200, milliseconds: -5)
            loop.startTimer(target, id: 201, milliseconds: .nan)
            // Cancelled timers never fire.
            loop.startTimer(target, id: 300, milliseconds: 0)
            loop.startTimer(target, id: 301, milliseconds: 75)
            loop.cancelTimer(target, id: 300)
            loop.cancelTimer(target, id: 301)
            // Cancelling an unknown timer is harmless.
            loop.cancelTimer(target, id: 999)
            // Re-arming replaces the earlier deadline: fires once, at the new time.
            loop.startTimer(target, id: 400, milliseconds: 0)
            loop.startTimer(target, id: 400, milliseconds: 150)
        }
        #expect(fired == Array(100..<120) + [200, 201, 2, 3, 400, 1])
    }

    @Test("EventLoop: a timer task may arm and cancel timers; queued tasks run before later timers")
    func eventLoopTimersFromTasks() async throws {
        let fired = await runLoopOnFreshThread { loop, target in
            target.onFire = { id in
                switch id {
                case 1:
                    loop.startTimer(target, id: 10, milliseconds: 0)
                    loop.enqueue(target, 11)
                    loop.cancelTimer(target, id: 2)
                case 11:
                    loop.startTimer(target, id: 12, milliseconds: 10)
                default:
                    break
                }
            }
            loop.startTimer(target, id: 1, milliseconds: 5)
            loop.startTimer(target, id: 2, milliseconds: 40)
        }
        #expect(fired == [1, 11, 10, 12])
    }

    @Test("setTimeout through JS: deadline order, FIFO for equal delays, clearTimeout never fires")
    func jsTimerOrder() async throws {
        let (host, captured) = makeCapturingHost()
        defer { host.core.shutdown() }
        let realm = try await host.makeAgent().makeRealm()
        try realm.run("""
            const order = [];
            setTimeout(() => order.push('150'), 150);
            setTimeout(() => order.push('50'), 50);
            setTimeout(() => order.push('100'), 100);
            for (let i = 0; i < 10; i++) setTimeout(() => order.push('zero' + i), 0);
            const cancelled = setTimeout(() => order.push('cancelled'), 0);
            clearTimeout(cancelled);
            setTimeout(() => { order.push('clears'); clearTimeout(victim); }, 1);
            const victim = setTimeout(() => order.push('victim'), 1);
            setTimeout(() => console.log(order.join(' ')), 200);
            """, sourceURL: "order.js")
        #expect((try await host.quiescence(timeout: 60)) == .quiescent)
        let zeros = (0..<10).map { "zero\($0)" }.joined(separator: " ")
        #expect(captured.standardOutput == "\(zeros) clears 50 100 150\n")
    }
}

/// Records fired timer ids; runs on the loop's thread only.
private final class RecordingTarget: LoopTaskTarget {
    var fired: [Int] = []
    var onFire: ((Int) -> Void)?
    func runTask(_ argument: Int) {
        fired.append(argument)
        onFire?(argument)
    }
}

/// Builds an `EventLoop` on a new thread, lets `setUp` arm timers, runs the loop until its work tracker says
/// nothing is left (no task queued, no timer armed), and returns the ids that fired, in order.
private func runLoopOnFreshThread(_ setUp: @escaping @Sendable (EventLoop, RecordingTarget) -> Void) async -> [Int] {
    await withCheckedContinuation { (continuation: CheckedContinuation<[Int], Never>) in
        let thread = Thread {
            let pump = MainContextPump()
            withExtendedLifetime(pump) {
                let stopper = WeakBox<LoopInbox>()
                let tracker = WorkTracker { stopper.value?.requestStop() }
                let loop = EventLoop(pump: pump, inbox: LoopInbox(waker: pump.waker, tracker: tracker))
                stopper.value = loop.inbox
                let target = RecordingTarget()
                setUp(loop, target)
                // Hang guard: stop the loop if it never becomes idle.
                let inbox = loop.inbox
                DispatchQueue.global().asyncAfter(deadline: .now() + 60) { inbox.requestStop() }
                loop.run()
                continuation.resume(returning: target.fired)
            }
        }
        thread.start()
    }
}

@Suite("Timer heap")
struct TimerHeapTests {
    @Test("a debounce loop (arm, cancel, re-arm) keeps the timer heap proportional to the armed timers")
    func debounceKeepsHeapSmall() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let realm = try await host.makeAgent().makeRealm()
        _ = try await realm.evaluate("""
            let pending = 0;
            for (let i = 0; i < 100000; i++) { clearTimeout(pending); pending = setTimeout(() => {}, 60000); }
            clearTimeout(pending);
            """)
        let heapCount = try await realm.agent.perform { runtime in runtime.loop.timerHeapCount }
        #expect(heapCount < 200)
    }
}
