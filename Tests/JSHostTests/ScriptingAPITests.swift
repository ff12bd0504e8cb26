import Foundation
import Testing
@testable import JSHost

/// The embedding API for apps that script with JS: Swift functions in JS, values both ways, errors and limits.
@Suite("Scripting API")
struct ScriptingAPITests {
    struct Point: Codable, Equatable, Sendable {
        var x: Double
        var y: Double
    }

    struct Order: Codable, Equatable, Sendable {
        var id: Int
        var customer: String
        var items: [String]
        var placed: Date
        var note: String?
        var payload: Data
        var position: Point
    }

    private func makeRealm() async throws -> (ScriptHost, Realm) {
        let host = ScriptHost()
        return (host, try await host.makeAgent().makeRealm())
    }

    @Test("a Swift function is callable from JS, at a global name or a dotted path, with typed arguments")
    func syncFunctions() async throws {
        let (host, realm) = try await makeRealm()
        defer { host.core.shutdown() }
        try await realm.defineFunction("add") { args in try args.decode(0, as: Double.self) + args.decode(1, as: Double.self) }
        try await realm.defineFunction("app.math.scale") { args in
            let point = try args.decode(0, as: Point.self)
            let factor = try args.decode(1, as: Double?.self) ?? 2
            return Point(x: point.x * factor, y: point.y * factor)
        }
        try await realm.defineFunction("describe") { args in "\(args.count) \(args[0]) \(args[5]) this=\(args.this)" }
        #expect(try await realm.evaluate("add(2, 3)") == .number(5))
        #expect(try await realm.evaluate("JSON.stringify(app.math.scale({ x: 1, y: 2 }, 3))") == .string(#"{"x":3,"y":6}"#))
        #expect(try await realm.evaluate("app.math.scale({ x: 1, y: 2 }).y") == .number(4), "a missing optional argument decodes as nil")
        #expect(try await realm.evaluate("describe.call({ k: 1 }, 'a')") == .string(#"1 "a" undefined this={ k: 1 }"#))
        #expect(try await realm.evaluate("typeof app.math.scale") == .string("function"))
    }

    @Test("a Swift error becomes a JS exception; a bad argument is a TypeError JS can catch")
    func errorsIntoJS() async throws {
        let (host, realm) = try await makeRealm()
        defer { host.core.shutdown() }
        struct Refused: Error, CustomStringConvertible { var description: String { "refused by Swift" } }
        try await realm.defineFunction("refuse") { _ -> ScriptValue in throw Refused() }
        try await realm.defineFunction("picky") { _ -> ScriptValue in throw ScriptFunctionError(.rangeError, "out of range") }
        try await realm.defineFunction("typed") { args in try args.decode(0, as: Int.self) }
        #expect(try await realm.evaluate("try { refuse(); 'no' } catch (e) { `${e.name}: ${e.message}` }") == .string("Error: refused by Swift"))
        #expect(try await realm.evaluate("try { picky(); 'no' } catch (e) { e instanceof RangeError && e.message }") == .string("out of range"))
        #expect(try await realm.evaluate("try { typed('x'); 'no' } catch (e) { e instanceof Error }") == .boolean(true))
        #expect(try await realm.evaluate("typed(7)") == .number(7))
    }

    @Test("an async Swift function returns a Promise; quiescence waits for it; a thrown error rejects")
    func asyncFunctions() async throws {
        let (host, realm) = try await makeRealm()
        defer { host.core.shutdown() }
        try await realm.defineFunction("fetchGreeting") { args async throws -> String in
            try await Task.sleep(nanoseconds: 50_000_000)
            return "hello \(try args.decode(0, as: String.self))"
        }
        try await realm.defineFunction("failLater") { _ async throws -> ScriptValue in
            try await Task.sleep(nanoseconds: 10_000_000)
            throw ScriptFunctionError(.typeError, "later")
        }
        _ = try await realm.evaluate("""
            globalThis.log = [];
            fetchGreeting('swift').then((text) => log.push(text));
            failLater().catch((e) => log.push(e.name + ': ' + e.message));
            log.push(fetchGreeting('x') instanceof Promise);
            0
            """)
        #expect(try await host.quiescence() == .quiescent)
        #expect(try await realm.evaluate("JSON.stringify(log)") == .string(#"[true,"TypeError: later","hello swift"]"#))
        #expect(try await realm.evaluateAwaitingPromise("fetchGreeting('again')") == .string("hello again"))
    }

    @Test("Codable values cross both ways: structs, optionals, dates, bytes, nested arrays, key order kept")
    func codableRoundTrip() async throws {
        let (host, realm) = try await makeRealm()
        defer { host.core.shutdown() }
        let order = Order(id: 7, customer: "Ada", items: ["tea", "scones"], placed: Date(timeIntervalSince1970: 1_700_000_000),
                          note: nil, payload: Data([1, 2, 255]), position: Point(x: 1.5, y: -2))
        try await realm.setGlobal("order", to: order)
        #expect(try await realm.evaluate("""
            [order.placed instanceof Date, order.placed.getTime(), order.payload instanceof ArrayBuffer,
             new Uint8Array(order.payload).join(), "note" in order, Object.keys(order).join()].join(' ')
            """) == .string("true 1700000000000 true 1,2,255 false id,customer,items,placed,payload,position"),
                "a nil optional is left out, as JSONEncoder does")
        let back = try await realm.global("order", as: Order.self)
        #expect(back == order)
        _ = try await realm.evaluate("order.items.push('jam'); order.note = 'extra'; 0")
        let changed = try await realm.global("order", as: Order.self)
        #expect(changed.items == ["tea", "scones", "jam"])
        #expect(changed.note == "extra")
        await #expect(throws: DecodingError.self) { try await realm.evaluate("({ id: 1.5 })", as: [String: Int].self) }
    }

    @Test("ScriptValue covers Date, BigInt, bytes, Map, Set and Error, both ways, and prints like JS")
    func richValues() async throws {
        let (host, realm) = try await makeRealm()
        defer { host.core.shutdown() }
        let value = try await realm.evaluate("""
            ({ when: new Date(86400000), big: -(2n ** 70n), bytes: new Uint16Array([1, 258]), view: new DataView(new ArrayBuffer(2)),
               map: new Map([['a', 1], [2, 'b']]), set: new Set([3, 'x']), error: new RangeError('bad', { cause: 'why' }) })
            """)
        #expect(value["when"] == .date(86_400_000))
        #expect(value["big"] == .bigint("-1180591620717411303424"))
        #expect(value["bytes"] == .bytes([1, 0, 2, 1]))
        #expect(value["view"] == .bytes([0, 0]))
        #expect(value["map"] == .map([.init(key: "a", value: 1), .init(key: 2, value: "b")]))
        #expect(value["set"] == .set([3, "x"]))
        guard case .error(let error)? = value["error"] else {
            Issue.record("expected an error, got \(String(describing: value["error"]))")
            return
        }
        #expect(error.name == "RangeError")
        #expect(error.message == "bad")
        #expect(error.cause == .string("why"))
        #expect(value.description.hasPrefix(#"{ when: Date(86400000), big: -1180591620717411303424n, bytes: ArrayBuffer { byteLength: 4 }"#))

        // Back into JS: each becomes the JS type it came from.
        _ = try await realm.evaluate("""
            globalThis.kinds = (v) => [v.when instanceof Date && v.when.getTime(), typeof v.big, v.big === -(2n ** 70n),
              v.bytes instanceof ArrayBuffer && v.bytes.byteLength, v.map instanceof Map && v.map.get(2), v.set instanceof Set && v.set.has('x'),
              v.error instanceof RangeError && v.error.cause].join(' ')
            """)
        #expect(try await realm.call("kinds", [value]) == .string("86400000 bigint true 4 b true why"))
    }

    @Test("globals by path, and calling a JS function by path with its object as this")
    func globalsAndCalls() async throws {
        let (host, realm) = try await makeRealm()
        defer { host.core.shutdown() }
        _ = try await realm.evaluate("globalThis.counter = { n: 10, add(k) { this.n += k; return this.n; }, async later() { return this.n * 2; } }; 0")
        #expect(try await realm.call("counter.add", [5]) == .number(15))
        #expect(try await realm.call("counter.add", [1], as: Int.self) == 16)
        #expect(try await realm.call("counter.later", awaitPromise: true) == .number(32))
        #expect(try await realm.global("counter.n") == .number(16))
        #expect(try await realm.global("counter.missing.deeper") == .undefined)
        try await realm.setGlobal("settings.theme.name", to: "dark")
        #expect(try await realm.evaluate("settings.theme.name") == .string("dark"))
        await #expect(throws: JavaScriptError.self) { try await realm.call("counter.nope") }
        await #expect(throws: HostError.invalidPath("a..b")) { try await realm.setGlobal("a..b", to: 1) }
    }

    @Test("awaiting a promise: fulfilled, rejected with the thrown value kept, and the realm closing first")
    func awaitingPromises() async throws {
        let (host, realm) = try await makeRealm()
        defer { host.core.shutdown() }
        #expect(try await realm.evaluateAwaitingPromise("Promise.resolve(41).then((n) => n + 1)") == .number(42))
        #expect(try await realm.evaluateAwaitingPromise("'not a promise'") == .string("not a promise"))
        do {
            _ = try await realm.evaluateAwaitingPromise("Promise.reject(Object.assign(new TypeError('no'), { code: 'E_NO' }))")
            Issue.record("expected a rejection")
        } catch let error as JavaScriptError {
            #expect(error.name == "TypeError")
            #expect(error.properties["code"] == .string("E_NO"))
        }
        do {
            _ = try await realm.evaluateAwaitingPromise("Promise.reject({ status: 404 })")
            Issue.record("expected a rejection")
        } catch let error as JavaScriptError {
            #expect(error.thrownValue == ["status": 404])
        }
        let other = try await host.makeAgent().makeRealm()
        let waiting = Task { try await other.evaluateAwaitingPromise("new Promise(() => {})") }
        try await Task.sleep(nanoseconds: 50_000_000)
        try await other.close()
        await #expect(throws: HostError.agentStopped) { try await waiting.value }
    }

    @Test("a per-call time limit stops a runaway script with a typed error and leaves the realm usable")
    func timeLimit() async throws {
        let (host, realm) = try await makeRealm()
        defer { host.core.shutdown() }
        _ = try await realm.evaluate("globalThis.kept = 'still here'; 0")
        await #expect(throws: HostError.timeLimitExceeded(seconds: 0.2)) {
            try await realm.evaluate("while (true) {}", timeLimit: 0.2)
        }
        #expect(try await realm.evaluate("kept + ' ' + (1 + 1)") == .string("still here 2"))
        #expect(try await realm.evaluate("6 * 7", timeLimit: 1) == .number(42))
        await #expect(throws: JavaScriptError.self) { try await realm.evaluate("null.x", timeLimit: 1) }

        var configuration = ScriptHost.Configuration()
        configuration.canInterruptScripts = false
        let plain = ScriptHost(configuration: configuration)
        defer { plain.core.shutdown() }
        let uninterruptible = try await plain.makeAgent().makeRealm()
        await #expect(throws: HostError.cannotInterrupt) { try await uninterruptible.evaluate("1", timeLimit: 1) }
    }

    final class Counter: Sendable {
        private let count = Locked(0)
        var value: Int { count.withLock { $0 } }
        func increment(by step: Int) -> Int { count.withLock { $0 += step; return $0 } }
        func reset(to value: Int) { count.withLock { $0 = value } }
    }

    @Test("a Swift object with methods, accessor properties and values, in a few lines")
    func swiftObject() async throws {
        let (host, realm) = try await makeRealm()
        defer { host.core.shutdown() }
        let counter = Counter()
        try await realm.defineObject("app.counter") { object in
            object.function("increment") { args in counter.increment(by: try args.decode(0, as: Int?.self) ?? 1) }
            object.property("value", get: { counter.value }, set: { counter.reset(to: try $0.decode(as: Int.self)) })
            object.property("doubled", get: { counter.value * 2 })
            try object.value("unit", "clicks")
        }
        #expect(try await realm.evaluate("app.counter.increment(); app.counter.increment(4)") == .number(5))
        #expect(try await realm.evaluate("[app.counter.value, app.counter.doubled, app.counter.unit].join()") == .string("5,10,clicks"))
        _ = try await realm.evaluate("app.counter.value = 40; 0")
        #expect(counter.value == 40, "the setter ran in Swift")
        #expect(try await realm.evaluate("try { app.counter.value = 'x'; 'no' } catch (e) { e.name }") == .string("Error"))
        #expect(try await realm.evaluate("Object.keys(app.counter).join()") == .string("increment,value,doubled,unit"))
    }

    @Test("an agent can be terminated alone, even in a loop; other agents go on")
    func terminateOneAgent() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let spinning = try host.makeAgent(name: "spinning")
        let spinner = try await spinning.makeRealm()
        let survivor = try await host.makeAgent(name: "survivor").makeRealm()
        #expect(spinning.host === host)
        try spinner.run("while (true) {}", sourceURL: "spin.js")
        try await Task.sleep(nanoseconds: 50_000_000)
        spinning.terminate()
        await #expect(throws: HostError.agentStopped) { try await spinner.evaluate("1") }
        #expect(try await survivor.evaluate("6 * 7") == .number(42))
        #expect(try await host.quiescence() == .quiescent)
    }

    @Test("an uncaught error goes to the realm's structured handler, with its realm; the run goes on")
    func structuredUncaughtHandler() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let seen = Locked<[UncaughtError]>([])
        var options = RealmOptions()
        options.uncaughtErrorHandler = { error in seen.withLock { $0.append(error) } }
        let realm = try await host.makeAgent().makeRealm(options: options)
        try realm.run("setTimeout(() => { throw Object.assign(new TypeError('late', { cause: 7 }), { code: 'E1' }); }); Promise.reject({ why: 'no' });",
                      sourceURL: "fails.js")
        #expect(try await host.quiescence() == .quiescent, "the run goes on")
        let errors = seen.withLock { $0 }
        try #require(errors.count == 2)
        let rejection = try #require(errors.first { $0.isUnhandledRejection })
        #expect(rejection.error.thrownValue == ["why": "no"])
        let thrown = try #require(errors.first { !$0.isUnhandledRejection })
        #expect(thrown.error.name == "TypeError")
        #expect(thrown.error.cause == .number(7))
        #expect(thrown.error.properties["code"] == .string("E1"))
        #expect(thrown.report.hasPrefix("Uncaught TypeError: late"))
        #expect(thrown.realm.agent.host === host, "the handler reaches its host through the error, capturing nothing")
    }

    @Test("quiescence() honours task cancellation; quiescence(timeout:) gives up with nil")
    func quiescenceCancellation() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let realm = try await host.makeAgent().makeRealm()
        try realm.run("setInterval(() => {}, 5)", sourceURL: "forever.js")
        let waiting = Task { try await host.quiescence() }
        try await Task.sleep(nanoseconds: 50_000_000)
        waiting.cancel()
        await #expect(throws: CancellationError.self) { try await waiting.value }
        #expect(try await host.quiescence(timeout: 0.1) == nil)
    }

    @Test("handles to live JS objects: construct a class, call methods, read and write properties, release on drop")
    func objectHandles() async throws {
        let host = ScriptHost()
        defer { host.core.shutdown() }
        let agent = try host.makeAgent()
        let realm = try await agent.makeRealm()
        _ = try await realm.evaluate("""
            globalThis.Greeter = class Greeter {
              constructor(name) { this.name = name; this.count = 0; }
              greet(mark) { this.count++; return `hello ${this.name}${mark}`; }
            };
            globalThis.double = (n) => n * 2;
            0
            """)
        let greeterClass = try await realm.handle("Greeter")
        let greeter = try await greeterClass.construct(["Ada"])
        #expect(try await greeter.invoke("greet", ["!"]) == .string("hello Ada!"))
        #expect(try await greeter.invoke("greet", ["?"]) == .string("hello Ada?"))
        #expect(try await greeter.get("count") == .number(2), "the same object, not a copy")
        try await greeter.set("name", to: "Grace")
        #expect(try await greeter.invoke("greet", ["."]) == .string("hello Grace."))
        #expect(try await realm.handle("double").call([21]) == .number(42))
        try await greeter.defineFunction("shout") { args in try args.decode(0, as: String.self).uppercased() }
        #expect(try await greeter.invoke("shout", ["hey"]) == .string("HEY"), "a Swift method on an object Swift holds")
        let callback = try await realm.evaluateHandle("(function () { return this.name; })")
        #expect(try await callback.call(this: greeter) == .string("Grace"))
        await #expect(throws: JavaScriptError.self) { try await realm.handle("notThere") }
        await #expect(throws: JavaScriptError.self) { try await greeter.invoke("missing") }

        let kept = try await agent.perform { runtime in runtime.objectHandles.count }
        #expect(kept == 3, "Greeter, the instance and the callback (the temporary handle of double is gone)")
        _ = consume greeter
        _ = consume callback
        _ = consume greeterClass
        #expect(try await realm.evaluate("1") == .number(1))   // the releases ran before this task
        #expect(try await agent.perform { runtime in runtime.objectHandles.count } == 0, "dropped handles let go")
        let late = try await realm.handle("Greeter")
        try await realm.close()
        await #expect(throws: HostError.realmClosed) { try await late.construct(["x"]) }
    }

    @Test("withScope: many synchronous calls on the agent's thread in one hop; exceptions come back as JavaScriptError")
    func scope() async throws {
        let (host, realm) = try await makeRealm()
        defer { host.core.shutdown() }
        let total = try await realm.withScope { scope in
            _ = try scope.evaluate("globalThis.math = { k: 10, scaled(n) { return n * this.k; } }; 0")
            let scaled = try scope.function("math.scaled")
            var sum = 0.0
            for n in 1...100 { sum += try scope.call(scaled, .number(Double(n))).numberValue ?? 0 }
            return sum
        }
        #expect(total == 50_500, "this is the function's object")
        await #expect(throws: JavaScriptError.self) {
            try await realm.withScope { scope in try scope.evaluate("missing()") }
        }
        await #expect(throws: JavaScriptError.self) {
            try await realm.withScope { scope in _ = try scope.function("math.k") }
        }
    }
}
