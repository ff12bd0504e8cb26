import Testing
@testable import JSHost

/// Two realms in one agent (the iframe case): ports move between them and messages flow both ways, each side
/// seeing objects of its own realm.
@Suite struct MultiRealmMessagingTests {
    @Test func portTransferredBetweenRealmsCarriesMessagesBothWays() async throws {
        let (host, _, page, frame) = try await makeConnectedRealms()
        defer { host.shutdown() }

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
        #expect(await host.quiescence() == .quiescent)

        let frameSeen = try await frame.evaluate("JSON.stringify(seen)")
        #expect(frameSeen == .string(#"[{"portIsMine":true,"dataIsMine":true,"text":"here is a port"},{"fromPage":["ping"],"dataIsMine":true}]"#))
        let pageReceived = try await page.evaluate("JSON.stringify(received)")
        #expect(pageReceived == .string(#"[{"text":"ready","dataIsMine":true,"listIsMine":true},{"text":"pong","dataIsMine":true,"listIsMine":true}]"#))
        #expect(try await page.evaluate("shippedIsDetached()") == .boolean(true))
    }

    @Test func connectingRealmsOfDifferentAgentsIsRefused() async throws {
        let host = Host()
        defer { host.shutdown() }
        let one = try await host.makeAgent(name: "one").makeRealm()
        let two = try await host.makeAgent(name: "two").makeRealm()
        await #expect(throws: HostError.realmsInDifferentAgents) {
            try await one.connect(global: "a", to: two, global: "b")
        }
        // The refused call changed nothing.
        #expect(try await one.evaluate("typeof a") == .string("undefined"))
    }
}
