import CJavaScriptCore
import CJSHostSupport

/// One JSC virtual machine (a context group). Realms made in it share a heap and may share objects.
/// Owned by one agent and used only on its thread.
final class ContextGroup {
    let ref: JSContextGroupRef

    private var watchdog: OpaquePointer?
    private var watchdogCheck: WatchdogCheck?

    init() {
        _ = jshost_prepare_javascriptcore()
        ref = JSContextGroupCreate()
    }

    deinit {
        jshost_watchdog_remove(watchdog)
        JSContextGroupRelease(ref)
    }

    func makeGlobalContext() -> JSContext {
        JSContext(ref: JSGlobalContextCreateInGroup(ref, nil))
    }

    func releaseGlobalContext(_ context: JSContext) {
        JSGlobalContextRelease(context.ref)
    }

    /// Installs a watchdog: while JS runs, every `interval` seconds JSC asks `shouldTerminate` (on this VM's
    /// thread); true stops the running script with an uncatchable exception (the context stays usable).
    /// Returns false when this JSC lacks the SPI.
    func installWatchdog(interval: Double, shouldTerminate: @escaping () -> Bool) -> Bool {
        precondition(watchdog == nil, "a context group has one watchdog")
        let check = WatchdogCheck(shouldTerminate)
        watchdogCheck = check
        watchdog = jshost_watchdog_install(ref, interval, { info in
            Unmanaged<WatchdogCheck>.fromOpaque(info!).takeUnretainedValue().check()
        }, Unmanaged.passUnretained(check).toOpaque())
        return watchdog != nil
    }
}

private final class WatchdogCheck {
    let check: () -> Bool
    init(_ check: @escaping () -> Bool) { self.check = check }
}

/// The thread-default GLib main context of an agent's thread. JSC schedules its own timers (idle GC,
/// FinalizationRegistry callbacks, async wasm compilation) on it, so the event loop pumps it.
final class MainContextPump {
    private let context: OpaquePointer

    /// Makes a new context the calling thread's default. Call before the thread's first JSC call.
    init() {
        context = jshost_main_context_push_new()
    }

    deinit {
        jshost_main_context_pop_release(context)
    }

    /// Runs whatever GLib work is ready, without blocking. Returns whether there was any.
    @discardableResult
    func pump() -> Bool {
        jshost_main_context_pump(context)
    }

    /// Blocks until GLib work is ready, ``Waker/wake()`` is called, or `milliseconds` pass (nil: no limit).
    func wait(milliseconds: Int?) {
        jshost_main_context_wait(context, milliseconds.map { Int32(clamping: $0) } ?? -1)
    }

    /// A handle other threads use to wake this thread. Valid while this pump lives.
    var waker: Waker { Waker(context: context) }

    /// Wakes a thread blocked in ``MainContextPump/wait(milliseconds:)``. `g_main_context_wakeup` is
    /// thread-safe; the owner keeps the context alive for as long as any waker may be used (the event loop
    /// closes its inbox before its pump is released).
    struct Waker: @unchecked Sendable {
        fileprivate let context: OpaquePointer
        func wake() { jshost_main_context_wakeup(context) }
    }
}
