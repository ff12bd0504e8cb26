import Foundation
import Testing
@testable import JSHost

/// Frames (`jshost.openFrame`) and window messaging, where a check needs the host: realms freed after close,
/// realms with a tuple origin, the CLI's report of a frame's error.
@Suite struct FrameTests {
    @Test("closed frames are freed: the windows of 40 frames that exchanged messages and ports are collected")
    func closedFramesAreFreed() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        var options = RealmOptions()
        options.exposeGarbageCollection = true
        let realm = try await host.makeAgent().makeRealm(options: options)
        _ = try await realm.evaluate("""
            globalThis.windows = [];
            globalThis.closes = 0;
            globalThis.replies = 0;
            globalThis.keep = [];
            onmessage = (e) => { replies++; };
            for (let i = 0; i < 40; i++) {
              const source = "onmessage = (e) => { globalThis.kept = e.ports[0]; parent.postMessage({ i: e.data }, '*'); };" +
                "setInterval(() => {}, 1000);";
              const frame = jshost.openFrame("data:text/javascript," + encodeURIComponent(source));
              windows.push(new WeakRef(frame.contentWindow));
              frame.onload = () => {
                const c = new MessageChannel();
                c.port1.onclose = () => { closes++; };
                keep.push(c.port1);
                frame.contentWindow.postMessage(i, "*", [c.port2]);
                setTimeout(() => frame.close(), 5);
              };
            }
            0
            """)
        #expect(try await host.quiescence() == .quiescent)
        #expect(try await realm.evaluate("replies") == .number(40))
        #expect(try await realm.evaluate("closes") == .number(40), "every port entangled with a frame got close")
        // A stale pointer on the stack can keep a few alive by chance (and a closed frame's context is let go of
        // in a task after its close): a few tries, each a task of its own. A leak keeps them all, every time.
        var count = 40.0
        for _ in 0..<5 where count > 4 {
            let alive = try await realm.evaluate("gc(); windows.filter((r) => r.deref() !== undefined).length")
            guard case .number(let value) = alive else {
                Issue.record("unexpected \(alive)")
                return
            }
            count = value
        }
        #expect(count <= 4, "\(Int(count)) of 40 closed frames' windows are still alive")
    }

    @Test("a realm with an https URL has a tuple origin: targetOrigin matches it, an about:blank frame inherits it")
    func tupleOrigin() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        var options = RealmOptions()
        options.url = "https://example.com/app/main.js"
        let realm = try await host.makeAgent().makeRealm(options: options)
        _ = try await realm.evaluate("""
            globalThis.log = [];
            onmessage = (e) => log.push(e.data + " " + e.origin);
            postMessage("a", "https://example.com");
            postMessage("b", "/");
            postMessage("c", "http://example.com");
            postMessage("d", "https://example.com:443/elsewhere?x");
            postMessage("e", "https://example.com:8443");
            const frame = jshost.openFrame();
            frame.contentWindow.onmessage = (e) => log.push("frame " + e.data + " " + e.origin);
            frame.contentWindow.postMessage("f", "https://example.com");
            frame.contentWindow.postMessage("g", "/");
            postMessage("done", "*");
            0
            """)
        #expect(try await host.quiescence() == .quiescent)
        let log = try await realm.evaluate("log.join()")
        #expect(log == .string("a https://example.com,b https://example.com,d https://example.com,frame f https://example.com,frame g https://example.com,done https://example.com"))
        #expect(try await realm.evaluate("location.origin") == .string("https://example.com"))
    }

    @Test("an uncaught exception in a frame's script is reported by the CLI, which exits 1")
    func frameErrorIsReported() async throws {
        let scratch = try ScratchDirectory()
        try scratch.write("child.js", "function fail() { throw new TypeError('the frame failed'); }\nfail();\n")
        try scratch.write("main.js", """
            const frame = jshost.openFrame("child.js");
            frame.onload = () => console.log("loaded");
            """)
        let run = try await runJSHost(["run", "main.js"], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("Uncaught TypeError: the frame failed"))
        #expect(run.stderr.contains("child.js:1"))
    }
}
