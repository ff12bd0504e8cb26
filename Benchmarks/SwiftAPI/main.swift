// The Swift embedding API against JavaScriptCore's own floor, measured in the same run (`make bench`, or
// `swift run -c release swift-api-bench`):
// - Swift → JS: calling `(a, b) => a + b` with two numbers. Floor: JSObjectCallAsFunction on a bare context.
//   Ours: ScriptScope.call (values go in and come out as ScriptValue).
// - JS → Swift: a JS loop calling a native function with two numbers. Floor: JSObjectMakeFunctionWithCallback
//   with a C callback. Ours: Realm.defineFunction with a Swift closure.
// - A Swift → JS → Swift round trip over a ScriptPort: awaited from a Swift task (median), and with the Swift
//   side as an onMessage handler on the agent's thread (median of 19,000 after 1,000 warm-up trips).
// Prints one line per figure and its ratio to the floor; the targets are ≤ 3× and < 10 µs.
import CJavaScriptCore
import Dispatch
import JSHost

func nanoseconds() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

func measure(_ iterations: Int, _ body: () throws -> Void) rethrows -> Double {
    let start = nanoseconds()
    try body()
    return Double(nanoseconds() - start) / Double(iterations)
}

let calls = 1_000_000

// MARK: The floor, on a bare JSC context

let bare = JSGlobalContextCreate(nil)!
let addSource = JSStringCreateWithUTF8CString("(function (a, b) { return a + b; })")
let addFunction = JSValueToObject(bare, JSEvaluateScript(bare, addSource, nil, nil, 1, nil), nil)!
JSValueProtect(bare, addFunction)
var floorSwiftToJS = Double.infinity
for _ in 0..<5 {
    floorSwiftToJS = min(floorSwiftToJS, measure(calls) {
        var sum = 0.0
        for i in 0..<calls {
            var arguments: [JSValueRef?] = [JSValueMakeNumber(bare, Double(i)), JSValueMakeNumber(bare, 1)]
            let result = JSObjectCallAsFunction(bare, addFunction, nil, 2, &arguments, nil)
            sum += JSValueToNumber(bare, result, nil)
        }
        precondition(sum > 0)
    })
}

let nativeName = JSStringCreateWithUTF8CString("nativeAdd")
let native = JSObjectMakeFunctionWithCallback(bare, nativeName) { context, _, _, count, arguments, _ in
    guard count == 2, let arguments else { return JSValueMakeUndefined(context) }
    return JSValueMakeNumber(context, JSValueToNumber(context, arguments[0], nil) + JSValueToNumber(context, arguments[1], nil))
}
JSObjectSetProperty(bare, JSContextGetGlobalObject(bare), nativeName, native, 0, nil)
let loopSource = JSStringCreateWithUTF8CString("(() => { let s = 0; for (let i = 0; i < \(calls); i++) s = nativeAdd(i, 1); return s; })()")
var floorJSToSwift = Double.infinity
for _ in 0..<5 {
    floorJSToSwift = min(floorJSToSwift, measure(calls) { _ = JSEvaluateScript(bare, loopSource, nil, nil, 1, nil) })
}

// MARK: Ours

let host = ScriptHost()
let realm = try await host.makeAgent(name: "bench").makeRealm()
_ = try await realm.evaluate("globalThis.add = (a, b) => a + b; 0")
var oursSwiftToJS = Double.infinity
for _ in 0..<5 {
    let perCall = try await realm.withScope { scope in
        let add = try scope.function("add")
        return try measure(calls) {
            var sum = 0.0
            for i in 0..<calls { sum += try scope.call(add, .number(Double(i)), 1).numberValue ?? 0 }
            precondition(sum > 0)
        }
    }
    oursSwiftToJS = min(oursSwiftToJS, perCall)
}

try await realm.defineFunction("swiftAdd") { args in (args[0].numberValue ?? 0) + (args[1].numberValue ?? 0) }
var oursJSToSwift = Double.infinity
for _ in 0..<5 {
    let perCall = try await realm.withScope { scope in
        try measure(calls) { _ = try scope.evaluate("(() => { let s = 0; for (let i = 0; i < \(calls); i++) s = swiftAdd(i, 1); return s; })()") }
    }
    oursJSToSwift = min(oursJSToSwift, perCall)
}

let port = try await realm.makeChannel(global: "native")
try realm.run("native.onmessage = (e) => native.postMessage(e.data)", sourceURL: "echo.js")
func roundTrips(_ port: ScriptPort) async throws -> [Double] {
    var trips: [Double] = []
    var iterator = port.messages.makeAsyncIterator()
    for i in 0..<5_500 {
        let start = nanoseconds()
        try port.send(.number(Double(i)))
        _ = await iterator.next()
        if i >= 500 { trips.append(Double(nanoseconds() - start) / 1000) }
    }
    return trips.sorted()
}
let trips = try await roundTrips(port)

/// The same round trip with the Swift side in a handler on the agent's thread (ScriptPort.onMessage): Swift
/// replies to each message from the handler; no thread hop at all. Returns each trip's time in µs, sorted.
final class TripLog: @unchecked Sendable {
    // Written only by the handler, which runs on the agent's thread, one message at a time.
    var times: [Double] = []
    var last: UInt64 = 0
}
func handlerRoundTrips(_ port: ScriptPort, count: Int) async throws -> [Double] {
    let log = TripLog()
    log.times.reserveCapacity(count)
    await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
        port.onMessage { message in
            let now = nanoseconds()
            log.times.append(Double(now - log.last) / 1000)
            let n = Int(message.value.numberValue ?? 0)
            if n >= count {
                port.onMessage(nil)
                done.resume()
            } else {
                log.last = nanoseconds()
                try? port.send(.number(Double(n + 1)))
            }
        }
        log.last = nanoseconds()
        try? port.send(0)
    }
    return log.times.dropFirst(1000).sorted()
}
let handlerTrips = try await handlerRoundTrips(port, count: 20_000)
_ = await Task { await host.shutdown() }.value

/// `value` with one decimal.
func fixed(_ value: Double, _ decimals: Int = 1) -> String {
    let scale = decimals == 1 ? 10.0 : 100.0
    let rounded = (value * scale).rounded() / scale
    var text = "\(rounded)"
    if let dot = text.firstIndex(of: ".") {
        let fraction = text[text.index(after: dot)...]
        if fraction.count < decimals { text += String(repeating: "0", count: decimals - fraction.count) }
    }
    return text
}

func line(_ name: String, _ value: Double, _ unit: String, _ note: String) {
    let padded = name + String(repeating: " ", count: max(1, 34 - name.count))
    let number = fixed(value)
    print(padded + String(repeating: " ", count: max(0, 10 - number.count)) + number + " " + unit + "  " + note)
}
line("swift-to-js-call (floor)", floorSwiftToJS, "ns/call", "JSObjectCallAsFunction")
line("swift-to-js-call (jshost)", oursSwiftToJS, "ns/call", fixed(oursSwiftToJS / floorSwiftToJS, 2) + "x the floor (target ≤ 3x)")
line("js-to-swift-call (floor)", floorJSToSwift, "ns/call", "C callback")
line("js-to-swift-call (jshost)", oursJSToSwift, "ns/call", fixed(oursJSToSwift / floorJSToSwift, 2) + "x the floor (target ≤ 3x)")
line("port-roundtrip-median (jshost)", trips[trips.count / 2], "us", "Swift → JS → Swift (target < 10 µs)")
line("port-roundtrip-p99 (jshost)", trips[trips.count * 99 / 100], "us", "")
line("port-roundtrip-handler-median", handlerTrips[handlerTrips.count / 2], "us", "Swift handler on the agent's thread (target < 10 µs)")
line("port-roundtrip-handler-p99", handlerTrips[handlerTrips.count * 99 / 100], "us", "")
