import Synchronization

/// Counts the work that can still make JavaScript run anywhere in a host: each agent that has a task queued or
/// a timer armed holds one unit, and each message in flight between threads holds one until its receiver has
/// queued it. When the count drops to zero the host is quiescent (DESIGN.md, "When is the run over?").
///
/// Units are always taken before the unit that causes them is given back (a running task posts, then ends),
/// so the count never touches zero while work remains.
final class WorkTracker: Sendable {
    private let outstanding = Atomic<Int>(0)
    private let onQuiescent: @Sendable () -> Void

    init(onQuiescent: @escaping @Sendable () -> Void) {
        self.onQuiescent = onQuiescent
    }

    var isQuiescent: Bool { outstanding.load(ordering: .acquiring) == 0 }

    func acquire(_ count: Int = 1) {
        outstanding.add(count, ordering: .acquiringAndReleasing)
    }

    func release(_ count: Int = 1) {
        let (_, remaining) = outstanding.subtract(count, ordering: .acquiringAndReleasing)
        precondition(remaining >= 0, "WorkTracker released more units than it holds")
        if remaining == 0 { onQuiescent() }
    }
}
