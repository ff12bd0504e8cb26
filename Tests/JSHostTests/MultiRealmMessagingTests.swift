import Testing
@testable import JSHost

/// Two realms in one agent (the iframe case): ports move between them and messages flow both ways, each side
/// seeing objects of its own realm.
@Suite struct MultiRealmMessagingTests {
    @Test func portTransferredBetweenRealmsCarriesMessagesBothWays() async throws {
        let (host, _, page, frame) = try await makeConnectedRealms()
        defer { host.core.shutdown() }

        // The frame answers on whatever port it is sent, and records what its objects look like.
        _ = try await frame.evaluate("""
            globalThis.seen = [];
            toPage.onmessage = (event) => {
              const port = event.ports[0];
              seen.push({
                portIsMine: port instanceof MessagePort,
                dataIsMine: Object.getPrototypeOf(event.data) === Object.prototype,
                text: event.data.text,
              });
              port.onmessage = (reply) => {
                seen.push({ fromPage: reply.data, dataIsMine: Array.isArray(reply.data) && reply.data instanceof Array });
                port.postMessage({ text: "pong", list: [1, 2, 3] });
              };
              port.postMessage({ text: "ready" });
            };
            0
            """)
        // The page makes a new channel and ships one end to the frame through the connecting port.
        _ = try await page.evaluate("""
            globalThis.received = [];
            const channel = new MessageChannel();
            channel.port1.onmessage = (event) => {
              received.push({
                text: event.data.text,
                dataIsMine: Object.getPrototypeOf(event.data) === Object.prototype,
                listIsMine: event.data.list === undefined || event.data.list instanceof Array,
              });
              if (event.data.text === "ready") channel.port1.postMessage(["ping"]);
            };
            toFrame.postMessage({ text: "here is a port" }, [channel.port2]);
            globalThis.shippedIsDetached = () => { try { structuredClone(null, { transfer: [channel.port2] }); return false; } catch (e) { return e.name === "DataCloneError"; } };
            0
            """)
        #expect(try await host.quiescence() == .quiescent)

        let frameSeen = try await frame.evaluate("JSON.stringify(seen)")
        #expect(frameSeen == .string(#"[{"portIsMine":true,"dataIsMine":true,"text":"here is a port"},{"fromPage":["ping"],"dataIsMine":true}]"#))
        let pageReceived = try await page.evaluate("JSON.stringify(received)")
        #expect(pageReceived == .string(#"[{"text":"ready","dataIsMine":true,"listIsMine":true},{"text":"pong","dataIsMine":true,"listIsMine":true}]"#))
        #expect(try await page.evaluate("shippedIsDetached()") == .boolean(true))
    }

    @Test("Realm.connect across agents: the two ports talk through a pipe between the threads, both ways")
    func connectAcrossAgents() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let page = try await host.makeAgent(name: "page").makeRealm()
        let worker = try await host.makeAgent(name: "worker").makeRealm()
        try await page.connect(global: "toWorker", to: worker, global: "toPage")
        _ = try await worker.evaluate("""
            toPage.onmessage = (event) => toPage.postMessage({ echo: event.data, isMine: event.data instanceof Object });
            0
            """)
        _ = try await page.evaluate("""
            globalThis.answers = [];
            toWorker.onmessage = (event) => answers.push(event.data);
            toWorker.postMessage({ n: 1, list: [1, 2] });
            toWorker.postMessage("two");
            0
            """)
        #expect(try await host.quiescence() == .quiescent)
        let answers = try await page.evaluate("JSON.stringify(answers)")
        #expect(answers == .string(#"[{"echo":{"n":1,"list":[1,2]},"isMine":true},{"echo":"two","isMine":false}]"#))
        #expect(try await page.evaluate("toWorker instanceof MessagePort") == .boolean(true))
        // Closing one end reaches the other thread.
        _ = try await worker.evaluate("globalThis.closed = false; toPage.addEventListener('close', () => { closed = true; }); 0")
        _ = try await page.evaluate("toWorker.close(); 0")
        #expect(try await host.quiescence() == .quiescent)
        #expect(try await worker.evaluate("closed") == .boolean(true))
    }

    @Test("BroadcastChannel reaches realms of other agents; a closed realm's channels stop receiving")
    func broadcastAcrossAgentsAndRealmClose() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let page = try await host.makeAgent(name: "page").makeRealm()
        let otherAgent = try host.makeAgent(name: "other")
        let listener = try await otherAgent.makeRealm()
        let closing = try await otherAgent.makeRealm()
        for realm in [listener, closing] {
            _ = try await realm.evaluate("""
                globalThis.heard = [];
                globalThis.channel = new BroadcastChannel("swift-test");
                channel.onmessage = (event) => heard.push(event.data);
                0
                """)
        }
        _ = try await page.evaluate("globalThis.sender = new BroadcastChannel('swift-test'); sender.postMessage({ n: 1 }); 0")
        #expect(try await host.quiescence() == .quiescent)
        #expect(try await listener.evaluate("JSON.stringify(heard)") == .string(#"[{"n":1}]"#))
        #expect(try await closing.evaluate("JSON.stringify(heard)") == .string(#"[{"n":1}]"#))

        try await closing.close()
        _ = try await page.evaluate("sender.postMessage('after close'); 0")
        #expect(try await host.quiescence() == .quiescent)
        #expect(try await listener.evaluate("JSON.stringify(heard)") == .string(#"[{"n":1},"after close"]"#))
        #expect(host.core.broadcast.subscriberCount(named: "swift-test") == 2, "the closed realm's channel is gone")
    }
}
