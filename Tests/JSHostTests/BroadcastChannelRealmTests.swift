import Testing
@testable import JSHost

/// BroadcastChannel between realms of one agent (iframes), which broadcast-channel.js serves without the host,
/// mixed with a realm of another agent, which the host serves.
@Suite struct BroadcastChannelRealmTests {
    /// Gives every realm of `realms` the global `name` of the first one (realms of one agent share a heap).
    private func share(_ name: String, from realms: [Realm]) async throws {
        let ids = realms.map(\.id)
        try await realms[0].agent.perform { runtime throws(HostError) in
            let source = try runtime.realm(ids[0])
            let value = source.context.propertyIgnoringExceptions(source.context.globalObject, JSStringHandle(name))
            for id in ids.dropFirst() {
                let realm = try runtime.realm(id)
                _ = realm.context.setProperty(realm.context.globalObject, name, value)
            }
        }
    }

    @Test("creation order across realms and agents, a checkpoint between deliveries, each realm's own objects")
    func orderAcrossRealms() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let page = try host.makeAgent(name: "page")
        let realms = [try await page.makeRealm(), try await page.makeRealm(), try await page.makeRealm()]
        let other = try await host.makeAgent(name: "other").makeRealm()
        _ = try await realms[0].evaluate("globalThis.log = []; 0")
        try await share("log", from: realms)
        let listen = """
            ((label) => {
              const channel = new BroadcastChannel("realms");
              channel.onmessage = (e) => {
                const d = e.data;
                log.push(`${label}:${typeof d === "object" ? `${d.n}:${d instanceof Object && d.list instanceof Array ? "mine" : "foreign"}` : d}`);
                queueMicrotask(() => log.push(`${label} microtask`));
              };
              return channel;
            })
            """
        // Creation order: r0.a, r1.b, r0 sender, other agent, r2.c, r1.d.
        _ = try await realms[0].evaluate("globalThis.a = (\(listen))('a'); 0")
        _ = try await realms[1].evaluate("globalThis.b = (\(listen))('b'); 0")
        _ = try await realms[0].evaluate("globalThis.sender = new BroadcastChannel('realms'); sender.onmessage = () => log.push('sender'); 0")
        _ = try await other.evaluate("""
            globalThis.heard = [];
            globalThis.channel = new BroadcastChannel("realms");
            channel.onmessage = (e) => heard.push(e.data);
            0
            """)
        _ = try await realms[2].evaluate("globalThis.c = (\(listen))('c'); 0")
        _ = try await realms[1].evaluate("globalThis.d = (\(listen))('d'); 0")
        _ = try await realms[0].evaluate("sender.postMessage(1); sender.postMessage({ n: 2, list: [1] }); 0")
        #expect(try await host.quiescence() == .quiescent)
        var expected: [String] = []
        for message in ["1", "2:mine"] {
            for label in ["a", "b", "c", "d"] { expected += ["\(label):\(message)", "\(label) microtask"] }
        }
        let log = try await realms[0].evaluate("JSON.stringify(log)")
        #expect(log == .string("[" + expected.map { "\"\($0)\"" }.joined(separator: ",") + "]"))
        #expect(try await other.evaluate("JSON.stringify(heard)") == .string(#"[1,{"n":2,"list":[1]}]"#))
    }

    @Test("a channel closed by an earlier delivery in another realm, and a realm closed before its turn, get nothing")
    func closingDuringFanOut() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let page = try host.makeAgent(name: "page")
        let realms = [try await page.makeRealm(), try await page.makeRealm(), try await page.makeRealm(), try await page.makeRealm()]
        _ = try await realms[0].evaluate("globalThis.log = []; globalThis.sender = new BroadcastChannel('closing'); 0")
        try await share("log", from: realms)
        _ = try await realms[2].evaluate("""
            globalThis.victim = new BroadcastChannel("closing");
            victim.onmessage = (e) => log.push(`victim:${e.data}`);
            globalThis.closeVictim = () => victim.close();
            0
            """)
        try await share("closeVictim", from: [realms[2], realms[1]])
        _ = try await realms[1].evaluate("""
            globalThis.closer = new BroadcastChannel("closing");
            closer.onmessage = (e) => { log.push(`closer:${e.data}`); if (e.data === 2) closeVictim(); };
            0
            """)
        _ = try await realms[3].evaluate("""
            globalThis.doomed = new BroadcastChannel("closing");
            doomed.onmessage = (e) => log.push(`doomed:${e.data}`);
            0
            """)
        _ = try await realms[0].evaluate("sender.postMessage(1); 0")
        #expect(try await host.quiescence() == .quiescent)
        // The closer was made after the victim, so the victim still hears post 2; post 3 no longer.
        _ = try await realms[0].evaluate("sender.postMessage(2); sender.postMessage(3); 0")
        #expect(try await host.quiescence() == .quiescent)
        // Post 4, then the last realm closes before the deliveries run (same agent task).
        let ids = (realms[0].id, realms[3].id)
        try await page.perform { runtime throws(HostError) in
            _ = try runtime.realm(ids.0).context.evaluate("sender.postMessage(4); 0", sourceURL: "post.js")
            runtime.closeRealm(ids.1)
        }
        #expect(try await host.quiescence() == .quiescent)
        let log = try await realms[0].evaluate("JSON.stringify(log)")
        #expect(log == .string(#"["victim:1","closer:1","doomed:1","victim:2","closer:2","doomed:2","closer:3","doomed:3","closer:4"]"#))
        #expect(host.core.broadcast.subscriberCount(named: "closing") == 2, "the sender and the closer")
    }
}
