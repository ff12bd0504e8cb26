import JSHost

// Runs JavaScript in several contexts inside one host: two realms sharing the main agent's thread (like
// same-origin iframes) and one realm on a second agent with its own thread and engine instance.

/// JS console output is unbuffered; Swift's `print` is not. Writing lines directly keeps them in order.
func say(_ line: String) {
    var text = line + "\n"
    text.withUTF8 { ConsoleOutput.standard.write(.standardOutput, UnsafeRawBufferPointer($0)) }
}

@main
struct MultiContextDemo {
    static func main() async throws {
        let host = ScriptHost()
        let mainAgent = try host.makeAgent(name: "main")
        let workerAgent = try host.makeAgent(name: "worker")

        let page = try await mainAgent.makeRealm()
        let frame = try await mainAgent.makeRealm()
        let worker = try await workerAgent.makeRealm()

        for (name, realm) in [("page", page), ("frame", frame), ("worker", worker)] {
            _ = try await realm.evaluate("globalThis.contextName = \(JSONValue.quote(name)); 0")
        }

        // Each realm has its own global object and its own built-ins.
        let pageSees = try await page.evaluate("typeof contextName + ':' + contextName")
        let frameSees = try await frame.evaluate("contextName")
        say("page sees \(pageSees), frame sees \(frameSees): separate globals in one agent")

        // Timers and microtasks run on each agent's own event loop.
        for realm in [page, frame, worker] {
            try realm.run("""
                const started = performance.now();
                Promise.resolve().then(() => console.log(`[${contextName}] microtask`));
                setTimeout(() => console.log(`[${contextName}] timer after ${Math.round(performance.now() - started) >= 0 ? 'a task' : '?'}`), 10);
                """, sourceURL: "demo.js")
        }

        // The host knows when no agent can run JavaScript any more.
        let outcome = try await host.quiescence()
        say("host outcome: \(outcome)")

        // Exceptions come back to Swift with their location.
        do {
            _ = try await worker.evaluate("null.property", sourceURL: "broken.js")
        } catch let error as JavaScriptError {
            say("caught from the worker realm: \(error)")
        }
        await host.shutdown()
    }
}
