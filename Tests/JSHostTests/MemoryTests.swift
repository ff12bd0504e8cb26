import Foundation
import Testing
@testable import JSHost

/// Memory stays bounded (issue 8 point 4): what the engine can collect, it does collect.
///
/// RSS figures are process-wide and other suites run in parallel, so the bounds have wide margins; each test
/// says what the old code measured.
@Suite struct MemoryTests {
    private func realmWithGC() async throws -> (ScriptHost, Realm) {
        let host = ScriptHost()
        var options = RealmOptions()
        options.exposeGarbageCollection = true
        let realm = try await host.makeAgent().makeRealm(options: options)
        return (host, realm)
    }

    @Test("AbortSignal.any over a long-lived source, a million times in one task, runs in flat memory")
    func dependentsOfALongLivedSourceDoNotAccumulate() async throws {
        // In a process of its own: this process's RSS also moves with the suites running beside this one.
        let warmUp = """
            globalThis.controller = new AbortController();
            for (let i = 0; i < 100000; i++) AbortSignal.any([controller.signal]);
            gc();
            """
        let baseline = try Self.peakKilobytes(running: warmUp, options: ["--expose-gc"])
        // The script throws (and jshost exits 1, which peakKilobytes reports) if the source stopped working.
        let peak = try Self.peakKilobytes(running: warmUp + """
            for (let i = 0; i < 1000000; i++) AbortSignal.any([controller.signal]);
            gc();
            const d = AbortSignal.any([controller.signal]);
            controller.abort("x");
            if (!(d.aborted && d.reason === "x")) throw new Error("the source no longer aborts its dependents");
            """, options: ["--expose-gc"])
        // The source kept a WeakRef to each dependent, and a WeakRef keeps its target alive until the task
        // ends: ~600 MB for a million.
        #expect(peak - baseline < 100_000, "peak RSS grew by \(peak - baseline) KB")
    }

    @Test("a dependent with a listener whose sources can never abort is collected with them")
    func pinnedDependentOfADeadControllerIsCollected() async throws {
        let (host, realm) = try await realmWithGC()
        defer { host.core.shutdown() }
        _ = try await realm.evaluate("""
            globalThis.refs = [];
            for (let i = 0; i < 20; i++) {
              const controller = new AbortController();
              const dependent = AbortSignal.any([controller.signal]);
              dependent.onabort = () => {};
              refs.push(new WeakRef(dependent));
            }
            0
            """)
        let collected = try await realm.evaluate("gc(); refs.filter((r) => r.deref() === undefined).length")
        // Each was pinned for good in a realm-wide set: none was collected. (A few may survive a scan of the
        // stack that finds a stale pointer.)
        guard case .number(let count) = collected else {
            Issue.record("unexpected \(collected)")
            return
        }
        #expect(count >= 15, "only \(count) of 20 collected")
    }

    @Test("a dependent referenced only by its source (through its listener) survives collection and fires")
    func pinnedDependentOfALiveControllerFires() async throws {
        let (host, realm) = try await realmWithGC()
        defer { host.core.shutdown() }
        _ = try await realm.evaluate("""
            globalThis.controller = new AbortController();
            globalThis.fired = 0;
            (() => { AbortSignal.any([controller.signal]).onabort = () => { fired++; }; })();
            0
            """)
        let fired = try await realm.evaluate("gc(); controller.abort(); fired")
        #expect(fired == .number(1))
    }

    /// Runs `jshost run` on `source` in a process of its own and returns its peak RSS (KB), so that other tests
    /// running in parallel neither disturb nor are disturbed by the measurement.
    static func peakKilobytes(running source: String, options: [String] = []) throws -> Int {
        let executable = try #require(Paths.jshost, "jshost not found beside the test bundle")
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("jshost-memory-\(UUID().uuidString).js")
        try source.write(to: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }
        let argv = [executable.path, "run"] + options + [script.path]
        var cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable.path, nil, nil, &cArguments, environ)
        try #require(spawned == 0, "posix_spawn failed: \(spawned)")
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        #expect(status == 0, "jshost exited with status \(status)")
        return usage.ru_maxrss
    }

    @Test("a burst of 200k object messages to one port costs well under 600 bytes of peak RSS per message")
    func burstOfObjectMessagesStaysSmall() throws {
        let count = 200_000
        let burst = """
            const N = \(count); const { port1, port2 } = new MessageChannel(); let received = 0;
            port2.onmessage = (e) => {
              if (e.data.i !== received || e.data.tags[1] !== 2) throw new Error("message " + received + " is wrong");
              if (++received === N) { port1.close(); port2.close(); }
            };
            for (let i = 0; i < N; i++) port1.postMessage({ i, name: "item", tags: [1, 2] });
            """
        let baseline = try Self.peakKilobytes(running: "0")
        // The lowest of up to three runs: the peak depends on when the engine's collector gets CPU, and on a
        // loaded machine (the other suites run beside this one) one run can come out ~70% higher, now and then
        // two in a row.
        var bytesPerMessage = Int.max
        for _ in 0..<3 where bytesPerMessage >= 600 {
            let peak = try Self.peakKilobytes(running: burst)
            bytesPerMessage = min(bytesPerMessage, (peak - baseline) * 1024 / count)
        }
        // Measured (release build): 825 bytes per message before (a snapshot record, a queue record and three
        // fresh arrays per message, a WeakMap per clone, one host-task entry per message); 395 after.
        #expect(bytesPerMessage < 600, "\(bytesPerMessage) bytes of peak RSS per message")
    }

    @Test("closing a realm disentangles its ports: the peer in another realm gets close, later posts are dropped, and the closed realm's queued tasks never run")
    func closingARealmDisentanglesItsPorts() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let agent = try host.makeAgent(name: "frames")
        let reports = Locked<[String]>([])
        var options = RealmOptions()
        options.uncaughtExceptionHandler = { text in reports.withLock { $0.append(text) } }
        let page = try await agent.makeRealm(options: options)
        let frame = try await agent.makeRealm(options: options)
        try await page.connect(global: "toFrame", to: frame, global: "toPage")
        _ = try await frame.evaluate("""
            globalThis.events = [];
            toPage.onmessage = (e) => events.push("message " + e.data);
            toPage.onclose = () => events.push("close");
            0
            """)
        _ = try await page.evaluate("toFrame.postMessage('before'); 0")
        #expect(try await host.quiescence() == .quiescent)
        // The page queues work of its own (a message to itself, a message to the frame, a shipped port's
        // message) and is closed before any of it runs.
        let pageID = page.id
        try await agent.perform { runtime throws(HostError) in
            let realm = try runtime.realm(pageID)
            _ = realm.context.evaluate("""
                const own = new MessageChannel();
                own.port2.onmessage = () => { throw new Error("a closed realm ran a task"); };
                own.port1.postMessage("late");
                setTimeout(() => { throw new Error("a closed realm ran a timer"); }, 0);
                toFrame.postMessage("last words");
                0
                """, sourceURL: "page.js")
            runtime.closeRealm(pageID)
        }
        #expect(try await host.quiescence() == .quiescent)
        let events = try await frame.evaluate("JSON.stringify(events)")
        #expect(events == .string(#"["message before","message last words","close"]"#))
        // Posting to the closed realm's port goes nowhere, and nothing breaks.
        let posted = try await frame.evaluate("toPage.postMessage('anyone?'); toPage.close(); 'ok'")
        #expect(posted == .string("ok"))
        #expect(try await host.quiescence() == .quiescent)
        #expect(reports.withLock { $0 } == [])
    }

    @Test("messages queued as bare copies are rebuilt in the realm a port is shipped to, and cross-realm posts too")
    func queuedCopiesFollowAPortToAnotherRealm() async throws {
        let (host, _, page, frame) = try await makeConnectedRealms()
        defer { host.core.shutdown() }
        _ = try await frame.evaluate("""
            globalThis.summary = null;
            toPage.onmessage = (event) => {
              if (event.ports.length === 0) {
                // Posted straight across the realms.
                globalThis.direct = Object.getPrototypeOf(event.data) === Object.prototype && event.data.list instanceof Array;
                return;
              }
              const port = event.ports[0];
              const got = [];
              port.onmessage = (e) => {
                got.push(e.data);
                if (got.length === 5000) {
                  summary = {
                    inOrder: got.every((d, i) => d.i === i),
                    mine: got.every((d) => Object.getPrototypeOf(d) === Object.prototype && d.list instanceof Array),
                  };
                }
              };
            };
            0
            """)
        _ = try await page.evaluate("""
            const { port1, port2 } = new MessageChannel();
            for (let i = 0; i < 5000; i++) port1.postMessage({ i, list: [i] });
            toFrame.postMessage({ list: [1] });
            toFrame.postMessage(null, [port2]);
            0
            """)
        #expect(try await host.quiescence() == .quiescent)
        #expect(try await frame.evaluate("direct") == .boolean(true))
        #expect(try await frame.evaluate("JSON.stringify(summary)") == .string(#"{"inOrder":true,"mine":true}"#))
    }

    @Test("the clone's reused memory lets go of what it cloned")
    func cloneMemoryDoesNotKeepObjects() async throws {
        let (host, realm) = try await realmWithGC()
        defer { host.core.shutdown() }
        // The last clone's objects are the ones a memory that is not cleared would keep. A stale pointer on the
        // stack can keep one alive by chance, so a few tries; a memory that keeps them fails every time.
        var freed = false
        for _ in 0..<5 where !freed {
            _ = try await realm.evaluate("""
                globalThis.refs = (() => {
                  const original = { list: [1], nested: { i: 1 } };
                  const copy = structuredClone(original);
                  return [new WeakRef(original), new WeakRef(copy), new WeakRef(copy.nested)];
                })();
                0
                """)
            freed = try await realm.evaluate("gc(); refs.every((r) => r.deref() === undefined)") == .boolean(true)
        }
        #expect(freed)
    }

    @Test("a port the closing realm has just shipped to another realm stays entangled")
    func portInTransitSurvivesItsSendersClose() async throws {
        let (host, agent, page, frame) = try await makeConnectedRealms()
        defer { host.core.shutdown() }
        // The frame lends the page one end of a channel; the page sends it back and is closed at once.
        _ = try await page.evaluate("toFrame.onmessage = (e) => { globalThis.lent = e.ports[0]; }; 0")
        _ = try await frame.evaluate("""
            globalThis.log = [];
            globalThis.channel = new MessageChannel();
            toPage.onmessage = (e) => {
              const back = e.ports[0];
              back.onmessage = (m) => log.push("back got " + m.data);
              channel.port1.postMessage("hello");
            };
            channel.port1.onclose = () => log.push("port1 closed");
            toPage.postMessage(null, [channel.port2]);
            0
            """)
        #expect(try await host.quiescence() == .quiescent)
        let pageID = page.id
        try await agent.perform { runtime throws(HostError) in
            let realm = try runtime.realm(pageID)
            _ = realm.context.evaluate("toFrame.postMessage(null, [lent]); 0", sourceURL: "page.js")
            runtime.closeRealm(pageID)
        }
        #expect(try await host.quiescence() == .quiescent)
        #expect(try await frame.evaluate("JSON.stringify(log)") == .string(#"["back got hello"]"#))
    }
}
