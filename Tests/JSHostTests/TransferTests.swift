import Foundation
import Testing
@testable import JSHost

/// ArrayBuffers that cross agents are lent, not copied: the receiver wraps the sender's memory, and the sender's
/// engine keeps it until the receiver lets go, whichever agent ends first.
@Suite("Zero-copy transfer between agents", .serialized)
struct TransferTests {
    private static func lentCount(_ agent: Agent) async throws -> Int {
        try await agent.perform { runtime in runtime.lent.buffers.count }
    }

    private static func waitUntil(_ condition: () async throws -> Bool) async rethrows {
        for _ in 0..<500 where try await !condition() { try? await Task.sleep(nanoseconds: 10_000_000) }
    }

    private static func gcOptions() -> RealmOptions {
        var options = RealmOptions()
        options.exposeGarbageCollection = true
        return options
    }

    @Test("a buffer sent to a worker is lent (not copied) while the worker holds it, and let go when the worker ends")
    func lentUntilCollected() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let agent = try host.makeAgent()
        let realm = try await agent.makeRealm()
        #expect(try await realm.evaluate("""
            globalThis.answer = null;
            globalThis.worker = new Worker("data:text/javascript," + encodeURIComponent(`
              let kept = null;
              onmessage = (e) => {
                if (e.data === "drop") { kept = null; gc?.(); postMessage("dropped"); return; }
                kept = e.data;
                const bytes = new Uint8Array(kept);
                postMessage([bytes.length, bytes[0], bytes[bytes.length - 1]]);
              };`));
            worker.onmessage = (e) => { answer = e.data; };
            const buffer = new ArrayBuffer(4 << 20);
            const bytes = new Uint8Array(buffer);
            bytes[0] = 11; bytes[bytes.length - 1] = 99;
            worker.postMessage(buffer, [buffer]);
            buffer.detached
            """) == .boolean(true))
        #expect(try await host.quiescence() == .quiescent)
        #expect(try await realm.evaluate("JSON.stringify(answer)") == .string("[4194304,11,99]"))
        #expect(try await Self.lentCount(agent) == 1, "the bytes are lent to the worker, not copied")
        // The worker ends: what it borrowed is returned, and this agent lets the buffer go.
        _ = try await realm.evaluate("worker.terminate(); 0")
        #expect(try await host.quiescence() == .quiescent)
        try await Self.waitUntil { try await Self.lentCount(agent) == 0 }
        #expect(try await Self.lentCount(agent) == 0)
    }

    @Test("bytes from a worker that ended stay readable; the worker's engine goes once they are let go")
    func lenderEndsFirst() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let realm = try await host.makeAgent().makeRealm(options: Self.gcOptions())
        let agentsBefore = host.core.agentCount
        _ = try await realm.evaluate("""
            globalThis.received = null;
            const worker = new Worker("data:text/javascript," + encodeURIComponent(`
              const buffer = new ArrayBuffer(8 << 20);
              new Uint8Array(buffer).fill(42);
              postMessage(buffer, [buffer]);
              close();`));
            worker.onmessage = (e) => { received = e.data; };
            0
            """)
        #expect(try await host.quiescence() == .quiescent, "a worker that waits for its loans is not pending work")
        // Its loop has ended; its engine waits for this realm to let go of the bytes.
        try await Task.sleep(nanoseconds: 100_000_000)
        #expect(host.core.agentCount == agentsBefore + 1, "the ended worker's thread waits for its last loan")
        #expect(try await realm.evaluate("""
            (() => { const b = new Uint8Array(received); let sum = 0; for (let i = 0; i < b.length; i += 4096) sum += b[i]; return [b.length, sum, b[b.length - 1]].join(); })()
            """) == .string("8388608,86016,42"))
        _ = try await realm.evaluate("received = null; gc(); 0")
        try await Self.waitUntil {
            _ = try await realm.evaluate("gc(); 0")
            return host.core.agentCount == agentsBefore
        }
        #expect(host.core.agentCount == agentsBefore, "the worker's engine went once its bytes were let go")
    }

    @Test("two agents that lent each other bytes both end at shutdown, without waiting on each other")
    func mutualLoansShutDown() async throws {
        let host = ScriptHost()
        let realm = try await host.makeAgent().makeRealm()
        _ = try await realm.evaluate("""
            globalThis.kept = [];
            const worker = new Worker("data:text/javascript," + encodeURIComponent(`
              let kept = [];
              onmessage = (e) => { kept.push(e.data); const b = new ArrayBuffer(1 << 20); postMessage(b, [b]); };`));
            worker.onmessage = (e) => { kept.push(e.data); };
            for (let i = 0; i < 4; i++) { const b = new ArrayBuffer(1 << 20); worker.postMessage(b, [b]); }
            0
            """)
        #expect(try await host.quiescence() == .quiescent)
        #expect(try await realm.evaluate("kept.length") == .number(4))
        let stopped = await withHangGuard(seconds: 20) { await host.shutdown(timeout: 10) }
        #expect(stopped == true, "shutdown returned, every agent stopped")
    }

    @Test("a 4 MiB buffer relayed 50 times through two workers and a port keeps its bytes; every loan ends")
    func relayAndChurn() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let agent = try host.makeAgent()
        let realm = try await agent.makeRealm(options: Self.gcOptions())
        _ = try await realm.evaluate("""
            globalThis.result = null;
            const relay = `onmessage = (e) => { const port = e.ports[0]; if (port) { self.next = port; return; }
                                              new Uint8Array(e.data)[1]++; (self.next || self).postMessage(e.data, [e.data]); };`;
            const first = new Worker("data:text/javascript," + encodeURIComponent(relay));
            const second = new Worker("data:text/javascript," + encodeURIComponent(relay));
            const { port1, port2 } = new MessageChannel();
            first.postMessage(null, [port1]);
            second.onmessage = null;
            port2.onmessage = (e) => second.postMessage(e.data, [e.data]);
            let trips = 0;
            second.onmessage = (e) => {
              const bytes = new Uint8Array(e.data);
              if (++trips < 50) { first.postMessage(e.data, [e.data]); return; }
              result = [bytes.length, bytes[0], bytes[1], bytes[bytes.length - 1]].join();
              first.terminate(); second.terminate(); port2.close();
            };
            const buffer = new ArrayBuffer(4 << 20);
            const bytes = new Uint8Array(buffer);
            bytes[0] = 5; bytes[bytes.length - 1] = 6;
            first.postMessage(buffer, [buffer]);
            0
            """)
        #expect(try await host.quiescence() == .quiescent)
        #expect(try await realm.evaluate("result") == .string("4194304,5,100,6"), "each of the 100 hops added one")
        _ = try await realm.evaluate("gc(); 0")
        try await Self.waitUntil { try await Self.lentCount(agent) == 0 }
        #expect(try await Self.lentCount(agent) == 0, "every loan of this agent ended")
    }
}
