import Foundation
import Testing
@testable import JSHost

/// Swift's end of a channel to JS: sending, receiving as an AsyncSequence, ports both ways, workers, closing.
@Suite("Ports in Swift")
struct ScriptPortTests {
    struct Reading: Codable, Equatable, Sendable {
        var sensor: String
        var value: Double
    }

    /// The next message, or nil when the sequence ended (with a hang guard).
    private func next(_ port: ScriptPort) async -> ScriptMessage? {
        var iterator = port.messages.makeAsyncIterator()
        return await iterator.next()
    }

    @Test("Swift and JS exchange ScriptValues and Codable values through a channel")
    func echo() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let realm = try await host.makeAgent().makeRealm()
        let port = try await realm.makeChannel(global: "native")
        try realm.run("""
            native.onmessage = (e) => native.postMessage(typeof e.data === 'number' ? e.data * 2 : { ...e.data, value: e.data.value + 1 });
            """, sourceURL: "echo.js")
        try port.send(21)
        #expect(await next(port)?.value == .number(42))
        try port.send(encoding: Reading(sensor: "t1", value: 20.5))
        #expect(try await next(port)?.decode(as: Reading.self) == Reading(sensor: "t1", value: 21.5))
    }

    @Test("a message Swift sends counts as pending work until JS has it")
    func inFlightCountsForQuiescence() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let realm = try await host.makeAgent().makeRealm()
        let port = try await realm.makeChannel(global: "native")
        _ = try await realm.evaluate("globalThis.got = []; native.onmessage = (e) => got.push(e.data); 0")
        for n in 0..<100 { try port.send(.number(Double(n))) }
        #expect(try await host.quiescence() == .quiescent)
        #expect(try await realm.evaluate("got.length + ':' + got[99]") == .string("100:99"))
    }

    @Test("when JS closes its end, the messages sequence ends; when Swift closes, JS hears close")
    func closing() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let realm = try await host.makeAgent().makeRealm()
        let fromJS = try await realm.makeChannel(global: "first")
        _ = try await realm.evaluate("first.postMessage('last words'); first.close(); 0")
        var received: [ScriptValue] = []
        for await message in fromJS.messages { received.append(message.value) }
        #expect(received == ["last words"], "the sequence ended after the last message")

        let fromSwift = try await realm.makeChannel(global: "second")
        _ = try await realm.evaluate("globalThis.heardClose = false; second.addEventListener('close', () => { heardClose = true; }); second.start(); 0")
        fromSwift.close()
        #expect(try await host.quiescence() == .quiescent)
        #expect(try await realm.evaluate("heardClose") == .boolean(true))
        #expect(throws: Never.self) { try fromSwift.send(1) }   // queued, and dropped: the channel is closed
    }

    @Test("ports both ways: JS sends Swift a port, Swift transfers one of its ends into JS")
    func portsBothWays() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let realm = try await host.makeAgent().makeRealm()
        let control = try await realm.makeChannel(global: "control")
        let spare = try await realm.makeChannel(global: "spare")
        _ = try await realm.evaluate("""
            globalThis.log = [];
            const { port1, port2 } = new MessageChannel();
            port1.onmessage = (e) => log.push('port1 got ' + e.data);
            control.onmessage = (e) => {
              // Swift's `spare` end arrives here: whatever JS posts on it reaches the JS global `spare`.
              spare.onmessage = (m) => log.push('spare got ' + m.data);
              e.ports[0].postMessage('through the transferred end');
            };
            control.postMessage('a port for Swift', [port2]);
            0
            """)
        let message = try #require(await next(control))
        #expect(message.value == "a port for Swift")
        let fromJS = try #require(message.ports.first)
        try fromJS.send("hello from Swift")
        try control.send("take this", transferring: [spare])
        #expect(try await host.quiescence() == .quiescent)
        #expect(try await realm.evaluate("log.sort().join(' | ')")
                == .string("port1 got hello from Swift | spare got through the transferred end"))
        let other = try await host.makeAgent().makeRealm()
        let foreign = try await other.makeChannel(global: "x")
        #expect(throws: HostError.portsOfAnotherAgent) { try control.send(1, transferring: [foreign]) }
    }

    @Test("the JS end can move to a worker: Swift then talks to the worker's thread")
    func jsEndInAWorker() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let realm = try await host.makeAgent().makeRealm()
        let port = try await realm.makeChannel(global: "native")
        _ = try await realm.evaluate("""
            const worker = new Worker("data:text/javascript," + encodeURIComponent(
              "onmessage = (e) => { const p = e.ports[0]; p.onmessage = (m) => p.postMessage([m.data, Object.prototype.toString.call(self)]); };"));
            worker.postMessage(null, [native]);
            0
            """)
        try port.send("ping")
        #expect(await next(port)?.value == ["ping", "[object DedicatedWorkerGlobalScope]"])
    }

    @Test("onMessage: a handler on the agent's thread gets each message instead of the sequence, and may reply at once")
    func handler() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let realm = try await host.makeAgent().makeRealm()
        let port = try await realm.makeChannel(global: "native")
        _ = try await realm.evaluate("globalThis.last = 0; native.onmessage = (e) => { last = e.data; if (e.data < 1000) native.postMessage(e.data + 1); }; 0")
        let seen = Locked(0)
        port.onMessage { message in
            seen.withLock { $0 += 1 }
            try? port.send(.number((message.value.numberValue ?? 0) + 1))
        }
        try port.send(0)
        #expect(try await host.quiescence() == .quiescent)
        #expect(try await realm.evaluate("last") == .number(1000))
        #expect(seen.withLock { $0 } == 500, "every other number went through Swift")
        port.onMessage(nil)
        _ = try await realm.evaluate("native.postMessage('to the sequence'); 0")
        var iterator = port.messages.makeAsyncIterator()
        #expect(await iterator.next()?.value == "to the sequence")
    }
}
