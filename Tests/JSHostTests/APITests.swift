import Foundation
import Testing
@testable import JSHost

/// The public embedding surface: ScriptHost, Agent, Realm, ScriptValue, JavaScriptError, output, run outcomes.
@Suite("Public API")
struct APITests {
    @Test("evaluate returns primitives as ScriptValue")
    func primitives() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let realm = try await host.makeAgent().makeRealm()
        #expect(try await realm.evaluate("6 * 7") == .number(42))
        #expect(try await realm.evaluate("'héllo ' + '🎉'") == .string("héllo 🎉"))
        #expect(try await realm.evaluate("1 < 2") == .boolean(true))
        #expect(try await realm.evaluate("null") == .null)
        #expect(try await realm.evaluate("undefined") == .undefined)
        #expect(try await realm.evaluate("var declared = 1") == .undefined)
        #expect(try await realm.evaluate("") == .undefined)
        guard case .number(let nan) = try await realm.evaluate("NaN") else {
            Issue.record("NaN is not a number")
            return
        }
        #expect(nan.isNaN)
    }

    @Test("evaluate copies arrays and plain objects, nested")
    func structures() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let realm = try await host.makeAgent().makeRealm()
        #expect(try await realm.evaluate("[1, 'two', [true, null], []]") ==
            .array([.number(1), .string("two"), .array([.boolean(true), .null]), .array([])]))
        #expect(try await realm.evaluate("({ a: 1, b: { c: [2] }, d: undefined })") ==
            .object(["a": .number(1), "b": .object(["c": .array([.number(2)])]), "d": .undefined]))
        // Holes read as undefined.
        #expect(try await realm.evaluate("[1, , 3]") == .array([.number(1), .undefined, .number(3)]))
        // Only own enumerable string keys.
        #expect(try await realm.evaluate("Object.defineProperty({ shown: 1, [Symbol('s')]: 2 }, 'hidden', { value: 3 })") ==
            .object(["shown": .number(1)]))
    }

    @Test("functions, symbols and cycles come back as .other; a BigInt as .bigint")
    func otherValues() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let realm = try await host.makeAgent().makeRealm()
        #expect(try await realm.evaluate("(function named(a) { return a; })") == .other("function named(a) { return a; }"))
        #expect(try await realm.evaluate("[x => x]") == .array([.other("x => x")]))
        // ScriptValue documents `.other` as `String(value)`; ToString throws for a Symbol and the copy falls back.
        let symbol = try await realm.evaluate("Symbol('tag')")
        #expect(symbol == .other("Symbol(tag)"))
        #expect(try await realm.evaluate("-12345678901234567890n") == .bigint("-12345678901234567890"))
        let cyclic = try await realm.evaluate("const o = { name: 'o' }; o.self = o; o")
        guard case .object(let properties) = cyclic else {
            Issue.record("expected an object, got \(cyclic)")
            return
        }
        #expect(properties["name"] == .string("o"))
        #expect(properties["self"] == .other("[object Object]"))
    }

    @Test("a thrown error reaches Swift as JavaScriptError with its details")
    func errorsThrowToSwift() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let realm = try await host.makeAgent().makeRealm()
        do {
            _ = try await realm.evaluate("let ok = 1;\nnull.property;", sourceURL: "api-test.js")
            Issue.record("expected evaluate to throw")
        } catch let error as JavaScriptError {
            #expect(error.name == "TypeError")
            #expect(error.message.contains("null"))
            #expect(error.sourceURL == "api-test.js")
            #expect(error.line == 2)
            #expect(error.column != nil)
            #expect(error.stack.contains("api-test.js:2:"))
        }
        do {
            _ = try await realm.evaluate("class Custom extends Error { constructor() { super('mine'); this.name = 'Custom'; } }; throw new Custom()")
            Issue.record("expected evaluate to throw")
        } catch let error as JavaScriptError {
            #expect(error.name == "Custom")
            #expect(error.message == "mine")
            #expect(error.sourceURL == "eval.js")
        }
        await #expect(throws: JavaScriptError(name: "", message: "plain string", thrownValue: .string("plain string"))) {
            try await realm.evaluate("throw 'plain string'")
        }
        do {
            _ = try await realm.evaluate("1 +", sourceURL: "syntax.js")
            Issue.record("expected a syntax error")
        } catch let error as JavaScriptError {
            #expect(error.name == "SyntaxError")
            #expect(error.line == 1)
        }
        // An exception returned to Swift is not a report: the run goes on.
        #expect(host.outcome == nil)
        #expect(try await realm.evaluate("ok") == .number(1))
    }

    @Test("two realms in one agent have distinct globals and built-ins")
    func twoRealms() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let agent = try host.makeAgent()
        let first = try await agent.makeRealm()
        let second = try await agent.makeRealm()
        _ = try await first.evaluate("globalThis.mark = 'first'; Array.prototype.extra = 1")
        #expect(try await second.evaluate("typeof mark") == .string("undefined"))
        #expect(try await second.evaluate("[].extra") == .undefined)
        #expect(try await first.evaluate("mark + [].extra") == .string("first1"))
        #expect(try await second.evaluate("typeof setTimeout + ' ' + typeof console.log") == .string("function function"))
    }

    @Test("host.wait returns .quiescent once timers have finished")
    func waitForQuiescence() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let realm = try await host.makeAgent().makeRealm()
        try realm.run("""
            globalThis.steps = [];
            setTimeout(() => { steps.push('a'); setTimeout(() => steps.push('c'), 20); }, 10);
            setTimeout(() => steps.push('b'), 15);
            """, sourceURL: "timers.js")
        #expect((try await host.quiescence(timeout: 60)) == .quiescent)
        #expect(try await realm.evaluate("steps") == .array([.string("a"), .string("b"), .string("c")]))
        #expect(host.outcome == nil)
        #expect(try await host.quiescence() == .quiescent)
    }

    @Test("host.wait returns nil on timeout while an interval runs")
    func waitTimesOut() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let realm = try await host.makeAgent().makeRealm()
        try realm.run("globalThis.ticks = 0; globalThis.interval = setInterval(() => ticks++, 1)", sourceURL: "interval.js")
        #expect((try await host.quiescence(timeout: 0.2)) == nil)
        #expect(host.outcome == nil)
        // Clearing the interval lets the host become quiescent.
        _ = try await realm.evaluate("clearInterval(interval)")
        #expect((try await host.quiescence(timeout: 60)) == .quiescent)
        guard case .number(let ticks) = try await realm.evaluate("ticks") else {
            Issue.record("ticks is not a number")
            return
        }
        #expect(ticks >= 1)
    }

    @Test("an uncaught error in a realm without a handler ends the run with .uncaughtException")
    func uncaughtException() async throws {
        let (host, captured) = makeCapturingHost()
        defer { host.core.shutdown() }
        let realm = try await host.makeAgent().makeRealm()
        try realm.run("setTimeout(function late() { throw new RangeError('too far'); }, 1); setInterval(() => {}, 1)", sourceURL: "uncaught.js")
        #expect((try await host.quiescence(timeout: 60)) == .uncaughtException)
        #expect(host.outcome == .uncaughtException)
        let report = captured.standardError
        #expect(report.hasPrefix("Uncaught RangeError: too far\n"))
        #expect(report.contains("    at late (uncaught.js:1:"))
        #expect(captured.standardOutput.isEmpty)
    }

    @Test("an unhandled rejection without a handler ends the run too")
    func unhandledRejection() async throws {
        let (host, captured) = makeCapturingHost()
        defer { host.core.shutdown() }
        let realm = try await host.makeAgent().makeRealm()
        try realm.run("Promise.reject(new Error('nobody caught me'))", sourceURL: "rejection.js")
        #expect((try await host.quiescence(timeout: 60)) == .uncaughtException)
        #expect(captured.standardError.hasPrefix("Uncaught (in promise) Error: nobody caught me\n"))
    }

    @Test("RealmOptions.uncaughtExceptionHandler receives the report and the run continues")
    func uncaughtExceptionHandler() async throws {
        let (host, captured) = makeCapturingHost()
        defer { host.core.shutdown() }
        let reports = Collected<String>()
        var options = RealmOptions()
        options.uncaughtExceptionHandler = { reports.append($0) }
        let realm = try await host.makeAgent().makeRealm(options: options)
        try realm.run("""
            globalThis.after = [];
            setTimeout(function first() { throw new TypeError('first failure'); }, 1);
            setTimeout(() => after.push('second timer ran'), 5);
            Promise.reject(new Error('rejected'));
            """, sourceURL: "handled.js")
        #expect((try await host.quiescence(timeout: 60)) == .quiescent)
        #expect(host.outcome == nil)
        #expect(try await realm.evaluate("after") == .array([.string("second timer ran")]))
        let all = reports.all
        #expect(all.count == 2)
        #expect(all.contains { $0.hasPrefix("Uncaught (in promise) Error: rejected") })
        #expect(all.contains { $0.hasPrefix("Uncaught TypeError: first failure\n    at first (handled.js:2:") })
        #expect(captured.standardError.isEmpty)
    }

    @Test("misuse: evaluate after close() throws realmClosed; after shutdown(), agentStopped")
    func misuse() async throws {
        let host = ScriptHost()
        let agent = try host.makeAgent()
        let closing = try await agent.makeRealm()
        let survivor = try await agent.makeRealm()
        try await closing.close()
        await #expect(throws: HostError.realmClosed) { try await closing.evaluate("1") }
        // Closing one realm leaves its sibling working.
        #expect(try await survivor.evaluate("2") == .number(2))
        await host.shutdown()
        await #expect(throws: HostError.agentStopped) { try await survivor.evaluate("1") }
        await #expect(throws: HostError.agentStopped) { try await agent.makeRealm() }
        #expect(throws: HostError.agentStopped) { try survivor.run("1", sourceURL: "late.js") }
        #expect(throws: HostError.agentStopped) { try host.makeAgent() }
        #expect(host.outcome == .terminated)
        #expect((try await host.quiescence(timeout: 1)) == .terminated)
    }

    @Test("evaluate after the run ended throws agentStopped rather than hanging")
    func evaluateAfterRunEnded() async throws {
        // When the loop stops after accepting the post, the work is dropped unrun; its reply must still come.
        do {
            for attempt in 0..<30 {
                let (host, _) = makeCapturingHost()
                defer { host.core.shutdown() }
                let realm = try await host.makeAgent().makeRealm()
                try realm.run("throw new Error('end the run')", sourceURL: "end.js")
                #expect((try await host.quiescence(timeout: 60)) == .uncaughtException)
                let outcome = await withHangGuard(seconds: 5) {
                    do {
                        _ = try await realm.evaluate("1")
                        return "evaluated"
                    } catch let error as HostError {
                        return "\(error)"
                    } catch {
                        return "other error: \(error)"
                    }
                }
                guard let outcome else {
                    Issue.record("attempt \(attempt): evaluate never returned")
                    return
                }
                #expect(outcome == HostError.agentStopped.description)
            }
        }
    }

    @Test("console.log of a string with a lone surrogate prints the rest of the line")
    func loneSurrogateOutput() async throws {
        let (host, captured) = makeCapturingHost()
        defer { host.core.shutdown() }
        let realm = try await host.makeAgent().makeRealm()
        _ = try await realm.evaluate("console.log('a\\uD800b', 'after'); console.log('next')")
        // ops.print goes through JSStringHandle.withUTF8, which stops at the first lone surrogate.
        #expect(captured.standardOutput == "a\u{FFFD}b after\nnext\n")
        #expect(captured.standardOutput.hasSuffix("next\n"))
    }

    @Test("closing a realm stops its timers")
    func closeStopsTimers() async throws {
        let (host, captured) = makeCapturingHost()
        defer { host.core.shutdown() }
        let realm = try await host.makeAgent().makeRealm()
        try realm.run("setInterval(() => console.log('tick'), 1); setTimeout(() => console.log('late'), 50)", sourceURL: "closing.js")
        try await realm.close()
        #expect((try await host.quiescence(timeout: 60)) == .quiescent)
        #expect(!captured.standardOutput.contains("late"))
    }

    @Test("terminate() stops a running infinite loop")
    func terminateInfiniteLoop() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let realm = try await host.makeAgent().makeRealm()
        try realm.run("while (true) {}", sourceURL: "spin.js")
        #expect((try await host.quiescence(timeout: 0.1)) == nil)
        host.terminate()
        #expect((try await host.quiescence(timeout: 60)) == .terminated)
    }

    @Test("console output goes to ScriptHost.Configuration.output as UTF-8")
    func capturedConsole() async throws {
        let (host, captured) = makeCapturingHost()
        defer { host.core.shutdown() }
        let realm = try await host.makeAgent().makeRealm()
        _ = try await realm.evaluate("console.log('hi', 1, [2]); console.info('héllo ✓'); console.error('bad', { e: 1 }); console.warn('careful')")
        #expect(captured.standardOutput == "hi 1 [ 2 ]\nhéllo ✓\n")
        #expect(captured.standardError == "bad { e: 1 }\ncareful\n")
        #expect(captured.standardOutputBytes.suffix(5) == [0x20, 0xE2, 0x9C, 0x93, 0x0A])
    }

    @Test("run(printingResult:) logs the completion value; realm options reach the script")
    func runAndOptions() async throws {
        let (host, captured) = makeCapturingHost()
        defer { host.core.shutdown() }
        var options = RealmOptions()
        options.arguments = ["first", "sécond"]
        options.globalName = "Window"
        let realm = try await host.makeAgent().makeRealm(options: options)
        try realm.run("({ args: jshost.args, version: jshost.version })", sourceURL: "print.js", printingResult: true)
        #expect((try await host.quiescence(timeout: 60)) == .quiescent)
        #expect(captured.standardOutput == "{ args: [ 'first', 'sécond' ], version: '\(JSHostVersion.current)' }\n")
        #expect(try await realm.evaluate("Object.prototype.toString.call(globalThis)") == .string("[object Window]"))
        #expect(try await realm.evaluate("typeof gc") == .string("undefined"))
    }

    @Test("exposeGarbageCollection defines gc()")
    func exposeGC() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        var options = RealmOptions()
        options.exposeGarbageCollection = true
        let realm = try await host.makeAgent().makeRealm(options: options)
        #expect(try await realm.evaluate("typeof gc") == .string("function"))
        #expect(try await realm.evaluate("gc()") == .undefined)
    }

    @Test("agents in one host run in parallel on their own threads")
    func twoAgents() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let first = try await host.makeAgent(name: "one").makeRealm()
        let second = try await host.makeAgent(name: "two").makeRealm()
        _ = try await first.evaluate("globalThis.who = 'one'")
        #expect(try await second.evaluate("typeof who") == .string("undefined"))
        #expect(first.agent !== second.agent)
        #expect(first.agent.name == "one")
    }
}
