import Foundation
import Testing
@testable import JSHost

/// Shared workers from Swift's side: clients in different agents, and the worker's lifetime as its owners go.
@Suite("Shared workers", .serialized)
struct SharedWorkerTests {
    /// Relays each client's messages to every other client; answers "owners" with how many ports heard `close`.
    private static let hub = """
        const ports = []; let closed = 0;
        onconnect = (event) => {
          const port = event.ports[0];
          ports.push(port);
          port.addEventListener("close", () => { closed++; });
          port.onmessage = (message) => {
            if (message.data === "closed") port.postMessage({ closed, connections: ports.length });
            else for (const other of ports) if (other !== port) other.postMessage(message.data);
          };
        };
        """

    private static func connect(_ realm: Realm) async throws {
        let url = "data:text/javascript," + hub.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        _ = try await realm.evaluate("""
            globalThis.heard = [];
            globalThis.worker = new SharedWorker(\(javaScriptStringLiteral(url)), "swift-hub");
            worker.port.onmessage = (event) => heard.push(event.data);
            0
            """)
    }

    private static func waitUntil(_ condition: () -> Bool) async {
        for _ in 0..<500 where !condition() { try? await Task.sleep(nanoseconds: 10_000_000) }
    }

    @Test("two clients in two agents share one worker and talk through it; the worker ends with its last owner")
    func clientsInTwoAgents() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let first = try await host.makeAgent(name: "first").makeRealm()
        let second = try await host.makeAgent(name: "second").makeRealm()
        let third = try await host.makeAgent(name: "third").makeRealm()
        for realm in [first, second, third] { try await Self.connect(realm) }
        #expect(try await host.quiescence() == .quiescent, "an idle shared worker does not keep the run going")
        #expect(host.core.sharedWorkers.count == 1, "one worker for one (URL, name)")

        _ = try await first.evaluate("worker.port.postMessage({ from: 'first' }); 0")
        #expect(try await host.quiescence() == .quiescent)
        #expect(try await second.evaluate("JSON.stringify(heard)") == .string(#"[{"from":"first"}]"#))
        #expect(try await third.evaluate("JSON.stringify(heard)") == .string(#"[{"from":"first"}]"#))

        // One owner goes: its port in the worker hears `close`, the worker stays for the others.
        try await first.close()
        #expect(try await host.quiescence() == .quiescent)
        _ = try await second.evaluate("heard = []; worker.port.postMessage('closed'); 0")
        #expect(try await host.quiescence() == .quiescent)
        #expect(try await second.evaluate("JSON.stringify(heard)") == .string(#"[{"closed":1,"connections":3}]"#))
        #expect(host.core.sharedWorkers.count == 1)

        // The last owners go: the worker closes and leaves the registry; its agent is retired.
        let agentsBefore = host.core.agentCount
        try await second.close()
        try await third.close()
        #expect(try await host.quiescence() == .quiescent)
        await Self.waitUntil { host.core.sharedWorkers.count == 0 && host.core.agentCount == agentsBefore - 1 }
        #expect(host.core.sharedWorkers.count == 0)
        #expect(host.core.agentCount == agentsBefore - 1, "the worker's agent is gone")
    }

    @Test("100 clients connecting and closing in a loop leave no worker, thread or registry entry behind")
    func churn() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let agent = try host.makeAgent(name: "churn")
        let baseline = host.core.agentCount
        for _ in 0..<100 {
            let realm = try await agent.makeRealm()
            try await Self.connect(realm)
            _ = try await realm.evaluate("worker.port.postMessage('closed'); 0")
            #expect(try await host.quiescence() == .quiescent)
            #expect(try await realm.evaluate("heard.length") == .number(1))
            try await realm.close()
        }
        #expect(try await host.quiescence() == .quiescent)
        await Self.waitUntil { host.core.sharedWorkers.count == 0 && host.core.agentCount == baseline }
        #expect(host.core.sharedWorkers.count == 0)
        #expect(host.core.agentCount == baseline)
    }
}
