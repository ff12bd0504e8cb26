import Foundation
import Testing
@testable import JSHost

/// Issue 8, "stopping always works" and "no input crashes the process": regression tests for hangs and crashes
/// in stopping, shutting down and dropping hosts.
@Suite("Stopping and lifetime")
struct StoppingTests {
    @Test("--timeout stops a loop the JIT has fully optimised")
    func timeoutStopsOptimisedLoop() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("warm.js", """
            let x = 0;
            function spin(n) { for (let i = 0; i < n; i++) x = (x + i) | 0; return x; }
            const start = Date.now();
            while (Date.now() - start < 1000) spin(10000);
            console.log("warm");
            spin(Infinity);
            """)
        let run = try await runJSHost(["run", "--timeout", "2", "warm.js"], in: scratch.url, hangGuard: 30)
        #expect(!run.timedOut)
        #expect(run.status == 124)
        #expect(run.stdout == "warm\n")
        #expect(run.stderr.contains("timed out after 2 s"))
    }

    @Test("after the first fatal error the run ends, even while a listener keeps rejecting")
    func firstFatalErrorEndsRun() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("reject.js", """
            addEventListener("unhandledrejection", () => { Promise.reject(new Error("again")); });
            Promise.reject(new Error("first"));
            """)
        let run = try await runJSHost(["run", "reject.js"], in: scratch.url, hangGuard: 30)
        #expect(!run.timedOut)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("Uncaught (in promise) Error: first\n"))
        #expect(!run.stderr.contains("again"))
    }

    @Test("an endless microtask chain cannot hold --timeout past its limit")
    func timeoutWithMicrotaskLoop() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("micro.js", "function again() { queueMicrotask(again); } again();")
        let run = try await runJSHost(["run", "--timeout", "0.5", "micro.js"], in: scratch.url, hangGuard: 30)
        #expect(!run.timedOut)
        #expect(run.status == 124)
    }

    @Test("the test runner goes on after a file that spins in microtasks or in optimised code")
    func runnerSurvivesRunawayFiles() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("micro.window.js", "test(() => { function again() { queueMicrotask(again); } again(); }, 'micro');")
        try scratch.write("chain.window.js", "promise_test(() => { function again() { return Promise.resolve().then(again); } return again(); }, 'chain');")
        try scratch.write("spin.any.js", """
            // META: global=window,dedicatedworker
            test(() => {
              let x = 0; const start = Date.now();
              function spin(n) { for (let i = 0; i < n; i++) x = (x + i) | 0; }
              while (Date.now() - start < 300) spin(10000);
              spin(Infinity);
            }, 'spin');
            """)
        try scratch.write("after.window.js", "test(() => {}, 'after');")
        let run = try await runJSHost(
            ["test", "--timeout-multiplier", "0.1", "micro.window.js", "chain.window.js", "spin.any.js", "after.window.js"],
            in: scratch.url, hangGuard: 120)
        #expect(!run.timedOut)
        #expect(run.stdout.contains("micro.window.js\n  PASS    micro"))
        #expect(run.stdout.contains("TIMEOUT chain"))
        #expect(run.stdout.contains("TIMEOUT spin"))
        #expect(run.stdout.contains("after.window.js\n  PASS    after"))
        // A worker spinning in optimised code is stopped the same way.
        #expect(run.stdout.contains("spin.any.js [dedicatedworker]\n  TIMEOUT spin"))
    }

    @Test("terminate() stops an endless microtask chain and an endless promise chain")
    func terminateStopsMicrotaskLoops() async throws {
        for source in ["function again() { queueMicrotask(again); } again();",
                       "function again() { return Promise.resolve().then(again); } again();"] {
            let host = ScriptHost()
            let realm = try await host.makeAgent().makeRealm()
            try realm.run(source, sourceURL: "loop.js")
            try await Task.sleep(nanoseconds: 100_000_000)
            host.terminate()
            let stopped = await withHangGuard(seconds: 20) { await host.shutdown(timeout: 10) }
            #expect(stopped == true, "\(source)")
        }
    }

    @Test("WebAssembly.compile keeps the run alive until its promise settles")
    func webAssemblyCompileCounts() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("wasm.js", """
            const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);
            WebAssembly.compile(bytes).then(() => console.log("compiled"));
            WebAssembly.instantiate(bytes).then(() => console.log("instantiated"));
            """)
        for _ in 0..<10 {
            let run = try await runJSHost(["run", "wasm.js"], in: scratch.url, hangGuard: 30)
            #expect(run.status == 0)
            // The two compilations finish in either order; both must be seen.
            #expect(run.stdout.split(separator: "\n").sorted() == ["compiled", "instantiated"])
        }
    }

    @Test("the wrapped WebAssembly functions keep their names and lengths")
    func webAssemblyWrappersLookNative() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let realm = try await host.makeAgent().makeRealm()
        let shape = try await realm.evaluate("""
            ["compile", "instantiate"].map(n => `${WebAssembly[n].name}/${WebAssembly[n].length}`).join(",")
            """)
        #expect(shape == .string("compile/1,instantiate/1"))
    }

    @Test("shutdown() from an agent's own console output does not crash or hang")
    func shutdownFromOwnCallback() async throws {
        let hostBox = Locked<ScriptHost?>(nil)
        var configuration = ScriptHost.Configuration()
        configuration.output = ConsoleOutput { _, _ in
            hostBox.withLock { $0 }?.shutdown()
        }
        let host = ScriptHost(configuration: configuration)
        hostBox.withLock { $0 = host }
        let realm = try await host.makeAgent().makeRealm()
        try realm.run("console.log('bye'); setTimeout(() => console.log('never'), 10)", sourceURL: "self-stop.js")
        let outcome = await withHangGuard(seconds: 20) { try? await host.quiescence() }
        #expect(outcome == .terminated)
        await #expect(throws: HostError.agentStopped) { try await realm.evaluate("1") }
        hostBox.withLock { $0 = nil }
    }

    @Test("shutdown() from an uncaught-exception handler does not crash or hang")
    func shutdownFromUncaughtHandler() async throws {
        let hostBox = Locked<ScriptHost?>(nil)
        let host = ScriptHost()
        hostBox.withLock { $0 = host }
        var options = RealmOptions()
        options.uncaughtExceptionHandler = { _ in hostBox.withLock { $0 }?.shutdown() }
        let realm = try await host.makeAgent().makeRealm(options: options)
        try realm.run("throw new Error('boom')", sourceURL: "throws.js")
        let outcome = await withHangGuard(seconds: 20) { try? await host.quiescence() }
        #expect(outcome == .terminated)
        hostBox.withLock { $0 = nil }
    }

    @Test("a host dropped while JS runs stops its agents; their handles report agentStopped")
    func hostDroppedWhileRunning() async throws {
        var host: ScriptHost? = ScriptHost()
        let realm = try await host!.makeAgent().makeRealm()
        try realm.run("let n = 0; while (true) { n++; }", sourceURL: "spin.js")
        try await Task.sleep(nanoseconds: 50_000_000)
        host = nil
        await #expect(throws: HostError.agentStopped) { try await realm.evaluate("1") }
    }

    @Test("shutdown() of a host that cannot interrupt scripts is bounded when a script never yields")
    func shutdownWithoutInterruptsIsBounded() async throws {
        let (host, captured) = makeCapturingHost(canInterruptScripts: false, shutdownTimeout: 0.3)
        let realm = try await host.makeAgent(name: "stuck").makeRealm()
        // Shut down only once the loop runs: after a fixed sleep, a slow machine (or TSan) had not started it.
        let looping = DispatchSemaphore(value: 0)
        try await realm.defineFunction("looping") { _ in
            looping.signal()
            return true
        }
        try realm.run("looping(); while (true) {}", sourceURL: "stuck.js")
        #expect(looping.wait(timeout: .now() + 20) == .success, "hang guard: the script never started")
        let stopped = await withHangGuard(seconds: 20) { await host.shutdown() }
        #expect(stopped == false)
        #expect(captured.standardError.contains("agent 'stuck' did not stop within 0.3 s"))
    }

    @Test("an error's line number far out of Int range does not trap")
    func hugeLineNumber() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let realm = try await host.makeAgent().makeRealm()
        do {
            _ = try await realm.evaluate("throw Object.assign(new Error('x'), { line: 1e300, column: -1e300 })")
            Issue.record("expected a throw")
        } catch let error as JavaScriptError {
            #expect(error.message == "x")
            #expect(error.line == nil)
            #expect(error.column == nil)
        }
    }
}

func makeCapturingHost(canInterruptScripts: Bool, shutdownTimeout: Double) -> (ScriptHost, CapturedOutput) {
    let captured = CapturedOutput()
    var configuration = ScriptHost.Configuration()
    configuration.output = captured.output
    configuration.canInterruptScripts = canInterruptScripts
    configuration.shutdownTimeout = shutdownTimeout
    return (ScriptHost(configuration: configuration), captured)
}

@Suite("Memory stays bounded", .serialized)
struct BoundedMemoryTests {
    @Test("closed realms are freed: the globals of 300 closed realms are collected")
    func closedRealmsAreFreed() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let agent = try host.makeAgent()
        var options = RealmOptions()
        options.exposeGarbageCollection = true
        let keeper = try await agent.makeRealm(options: options)
        _ = try await keeper.evaluate("globalThis.closedGlobals = []; 0")
        // Realms of one agent share a heap: the keeper holds a WeakRef to each closed realm's global, and after a
        // full collection counts the ones still alive. (Each leaked realm cost ~1 MB: its global was kept alive
        // by its unhandled-rejection callback, a GC root in JSC.)
        for _ in 0..<300 {
            let realm = try await agent.makeRealm()
            _ = try await realm.evaluate("""
                new MessageChannel().port1.postMessage({ a: 1 }); structuredClone({ a: [1, 2] });
                Promise.reject(new Error("unhandled")).catch(() => {}); setTimeout(() => {}, 100000); 0
                """)
            try await agent.perform { runtime throws(HostError) in
                let keeperRealm = try runtime.realm(keeper.id)
                let closing = try runtime.realm(realm.id)
                if case .normal(let register)? = Optional(keeperRealm.context.evaluate(
                    "(g) => { closedGlobals.push(new WeakRef(g)); }", sourceURL: "keeper.js")),
                   let function = keeperRealm.context.object(register) {
                    _ = keeperRealm.context.call(function, [closing.context.globalObject.value])
                }
            }
            try await realm.close()
        }
        let alive = try await keeper.evaluate("gc(); gc(); closedGlobals.filter((r) => r.deref() !== undefined).length")
        guard case .number(let count) = alive else {
            Issue.record("unexpected \(alive)")
            return
        }
        // Conservative stack scanning may keep one or two alive.
        #expect(count <= 5, "\(Int(count)) of 300 closed realms' globals are still alive")
    }
}

@Suite("Workers from the CLI")
struct CLIConcurrencyTests {
    @Test("an uncaught error in a worker that nobody cancels is reported by the CLI: exit 1")
    func uncaughtWorkerErrorEndsRun() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("worker.js", "setTimeout(() => { throw new TypeError('boom in worker'); });")
        try scratch.write("main.js", "new Worker('worker.js'); setTimeout(() => console.log('never'), 5000);")
        let run = try await runJSHost(["run", "main.js"], in: scratch.url, hangGuard: 30)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("Uncaught TypeError: boom in worker\n    at "))
        #expect(run.stderr.contains("worker.js:1:"))
        #expect(run.stdout.isEmpty)
    }

    @Test("an idle worker with nothing coming does not keep the process alive; a message in flight does")
    func idleWorkerDoesNotKeepAlive() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("worker.js", "onmessage = (e) => setTimeout(() => postMessage(e.data + 1), 50);")
        try scratch.write("main.js", """
            const worker = new Worker('worker.js');
            worker.onmessage = (e) => console.log('got', e.data);
            worker.postMessage(41);
            """)
        let run = try await runJSHost(["run", "main.js"], in: scratch.url, hangGuard: 30)
        #expect(!run.timedOut)
        #expect(run.status == 0)
        #expect(run.stdout == "got 42\n")
    }

    @Test("a script that cancels its worker's error in onerror exits 0")
    func cancelledWorkerError() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("main.js", """
            const worker = new Worker('data:text/javascript,throw new Error("x")');
            worker.onerror = (e) => { e.preventDefault(); console.log('cancelled', e.message); };
            """)
        let run = try await runJSHost(["run", "main.js"], in: scratch.url, hangGuard: 30)
        #expect(run.status == 0)
        #expect(run.stdout == "cancelled Uncaught Error: x\n")
        #expect(run.stderr.isEmpty)
    }
}

@Suite("Quiescence")
struct QuiescenceTests {
    @Test("wait() never reports quiescence while a task posted before the call is still to run")
    func noStaleQuiescence() async throws {
        // A wake-up from an earlier moment of quiescence can arrive after new work was posted; wait() must look
        // again instead of trusting it (this once made run() + wait() return before the script printed).
        let (host, captured) = makeCapturingHost()
        defer { host.core.shutdown() }
        let realm = try await host.makeAgent().makeRealm()
        for round in 0..<300 {
            try realm.run("console.log(\(round))", sourceURL: "round.js")
            #expect((try await host.quiescence(timeout: 60)) == .quiescent)
            guard captured.standardOutput.hasSuffix("\(round)\n") else {
                Issue.record("round \(round): quiescent before the posted script ran")
                return
            }
        }
    }
}
