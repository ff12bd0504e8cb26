import Testing
import JSHost

/// JSC runs FinalizationRegistry callbacks from a timer on the thread's GLib main context; they fire only
/// because each agent's loop pumps that context.
@Suite struct FinalizationTests {
    @Test func finalizationRegistryCallbacksFire() async throws {
        let host = ScriptHost()
        var options = RealmOptions()
        options.exposeGarbageCollection = true
        let realm = try await host.makeAgent().makeRealm(options: options)
        try realm.run("""
            globalThis.fired = 0;
            const registry = new FinalizationRegistry(() => { fired++; });
            (function () { for (let i = 0; i < 100; i++) registry.register({ payload: new Array(1000).fill(i) }, i); })();
            gc();
            // Keep the loop alive (and pumping) until a callback ran, for at most ~5 s.
            let checks = 0;
            const poll = setInterval(() => { if (fired > 0 || ++checks > 1000) clearInterval(poll); }, 5);
            """, sourceURL: "finalization.js")
        #expect(try await host.quiescence() == .quiescent)
        let fired = try await realm.evaluate("fired")
        await host.shutdown()
        #expect((fired.numberValue ?? 0) > 0, "no FinalizationRegistry callback ran (fired is \(fired))")
    }
}
