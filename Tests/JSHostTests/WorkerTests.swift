import Foundation
import Testing
@testable import JSHost

/// Dedicated workers from Swift's side: the pipe between agents, and that workers leave nothing behind.
@Suite("Workers", .serialized)
struct WorkerTests {
    private static func status(_ field: String) -> Int {
        let text = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.map {
                $0.trimmingCharacters(in: .whitespaces) } ?? "") ?? 0
        }
        return 0
    }

    @Test("an AgentPipe between two agents delivers 100,000 items each way in order, one task each, none lost")
    func pipeOrdersAcrossThreads() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let a = try host.makeAgent(name: "pipe-a")
        let b = try host.makeAgent(name: "pipe-b")
        let realmA = try await a.makeRealm(), realmB = try await b.makeRealm()
        // Each realm counts what it receives and checks the order.
        let counter = """
            globalThis.expected = 0; globalThis.bad = 0;
            globalThis.receive = (n) => { if (n !== expected) bad++; expected = n + 1; };
            0
            """
        _ = try await realmA.evaluate(counter)
        _ = try await realmB.evaluate(counter)
        let pipe = AgentPipe()
        let count = 100_000
        let (endA, endB) = (try await a.perform { runtime in runtime.addEndpoint(pipe, side: 0, realmID: realmA.id) },
                            try await b.perform { runtime in runtime.addEndpoint(pipe, side: 1, realmID: realmB.id) })
        for (agent, realm, endpoint, side) in [(a, realmA, endA, 0), (b, realmB, endB, 1)] {
            // Deliveries call internals.pipeMessage(endpoint, text): route them to receive(JSON.parse(text)).
            _ = try await realm.evaluate("0")
            try await agent.perform { runtime throws(HostError) in
                let realm = try runtime.realm(realm.id)
                realm.defineInternalFunction("pipeMessage") { call in
                    let text = call.context.toSwiftString(call[1])
                    _ = call.context.evaluate("receive(\(text))", sourceURL: "receive.js")
                }
                _ = endpoint
            }
            _ = side
        }
        // Both sides post at once, from threads of their own.
        await withTaskGroup(of: Void.self) { group in
            for side in 0..<2 {
                group.addTask {
                    for n in 0..<count { pipe.post(from: side, .message(text: JSStringHandle("\(n)"), buffers: [], ports: [])) }
                }
            }
        }
        #expect(try await host.quiescence() == .quiescent)
        for realm in [realmA, realmB] {
            #expect(try await realm.evaluate("expected") == .number(Double(count)))
            #expect(try await realm.evaluate("bad") == .number(0))
        }
    }

    @Test("200 workers started and terminated in a loop leave the thread count and memory flat (JSHOST_STRESS=1: 1,000)")
    func workersLeaveNothingBehind() async throws {
        let count = ProcessInfo.processInfo.environment["JSHOST_STRESS"] == "1" ? 1_000 : 200
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let realm = try await host.makeAgent().makeRealm()
        func churn(_ count: Int) async throws {
            try realm.run("""
                (async () => {
                  for (let i = 0; i < \(count); i++) {
                    const worker = new Worker("data:text/javascript,postMessage('ready')");
                    await new Promise((resolve) => { worker.onmessage = resolve; });
                    worker.terminate();
                  }
                })();
                """, sourceURL: "churn.js")
            #expect(try await host.quiescence() == .quiescent)
            // Retired agents are joined off-thread: give the joins a moment.
            for _ in 0..<50 where host.core.agentCount > 1 { try await Task.sleep(nanoseconds: 20_000_000) }
        }
        try await churn(20) // warm-up
        let threadsBefore = Self.status("Threads"), rssBefore = Self.status("VmRSS")
        try await churn(count)
        #expect(host.core.agentCount == 1, "terminated workers are forgotten by the host")
        let threadsAfter = Self.status("Threads"), rssAfter = Self.status("VmRSS")
        #expect(threadsAfter <= threadsBefore + 2, "threads: \(threadsBefore) → \(threadsAfter)")
        #expect(rssAfter - rssBefore < 80_000, "RSS grew by \(rssAfter - rssBefore) KB over \(count) workers")
    }

    @Test("8 workers × 20,000 messages each way at once: 0 lost, 0 duplicated, 0 reordered (JSHOST_STRESS=1: 100,000)")
    func eightWorkersStress() async throws {
        let perWorker = ProcessInfo.processInfo.environment["JSHOST_STRESS"] == "1" ? 100_000 : 20_000
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let realm = try await host.makeAgent().makeRealm()
        try realm.run("""
            globalThis.report = null;
            const perWorker = \(perWorker);
            const source = "onmessage = (e) => postMessage({ n: e.data.n, sum: e.data.n * 7 + WORKER_ID });";
            let finished = 0;
            const problems = [];
            for (let w = 0; w < 8; w++) {
              const worker = new Worker("data:text/javascript," + encodeURIComponent(source.replace("WORKER_ID", String(w))));
              let expected = 0;
              worker.onmessage = (e) => {
                const { n, sum } = e.data;
                if (n !== expected) problems.push(`worker ${w}: got ${n}, expected ${expected}`);
                if (sum !== n * 7 + w) problems.push(`worker ${w}: bad checksum for ${n}`);
                expected = n + 1;
                if (expected === perWorker) {
                  worker.terminate();
                  if (++finished === 8) report = { problems: problems.slice(0, 5), count: problems.length };
                }
              };
              for (let n = 0; n < perWorker; n++) worker.postMessage({ n });
            }
            """, sourceURL: "stress.js")
        #expect(try await host.quiescence() == .quiescent)
        let report = try await realm.evaluate("JSON.stringify(report)")
        #expect(report == .string(#"{"problems":[],"count":0}"#))
    }

    @Test("8 channels between workers, each port moved to another worker mid-stream: in order, none lost (JSHOST_STRESS=1: 100,000 each)")
    func portsMoveBetweenWorkersMidStream() async throws {
        let perChannel = ProcessInfo.processInfo.environment["JSHOST_STRESS"] == "1" ? 100_000 : 20_000
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let realm = try await host.makeAgent().makeRealm()
        try realm.run("""
            globalThis.report = null;
            const count = \(perChannel);
            const source = `
              onmessage = (e) => {
                const d = e.data;
                const port = e.ports[0];
                if (d.role === "produce") {
                  for (let n = 0; n < d.count; n++) port.postMessage({ channel: d.channel, n });
                  return;
                }
                let expected = d.expected, sum = d.sum;
                port.onmessage = (m) => {
                  if (m.data.channel !== d.channel || m.data.n !== expected) {
                    postMessage({ problem: "channel " + d.channel + ": got " + m.data.n + ", expected " + expected });
                  }
                  expected = m.data.n + 1;
                  sum += m.data.n;
                  if (expected === d.count) {
                    port.close();
                    postMessage({ done: d.channel, sum });
                  } else if (!d.moved && expected === d.moveAt) {
                    port.onmessage = null;
                    postMessage({ move: d.channel, expected, sum }, [port]);
                  }
                };
              };
            `;
            const workers = [];
            for (let w = 0; w < 8; w++) workers.push(new Worker("data:text/javascript," + encodeURIComponent(source)));
            const problems = [];
            let done = 0;
            for (let w = 0; w < 8; w++) {
              workers[w].onmessage = (e) => {
                const d = e.data;
                if (d.problem) problems.push(d.problem);
                else if (d.move !== undefined) {
                  // The consumer gave the port back mid-stream: the next worker carries on from where it stopped.
                  workers[(d.move + 2) % 8].postMessage(
                    { role: "consume", channel: d.move, count, expected: d.expected, sum: d.sum, moved: true }, [e.ports[0]]);
                } else if (d.done !== undefined) {
                  if (d.sum !== count * (count - 1) / 2) problems.push("channel " + d.done + ": checksum " + d.sum);
                  if (++done === 8) {
                    for (const worker of workers) worker.terminate();
                    report = { count: problems.length, problems: problems.slice(0, 5) };
                  }
                }
              };
            }
            for (let c = 0; c < 8; c++) {
              const { port1, port2 } = new MessageChannel();
              workers[(c + 1) % 8].postMessage(
                { role: "consume", channel: c, count, expected: 0, sum: 0, moveAt: count / 2, moved: false }, [port2]);
              workers[c].postMessage({ role: "produce", channel: c, count }, [port1]);
            }
            """, sourceURL: "stress-ports.js")
        #expect(try await host.quiescence() == .quiescent)
        #expect(try await realm.evaluate("JSON.stringify(report)") == .string(#"{"count":0,"problems":[]}"#))
    }
}
