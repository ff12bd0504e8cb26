// The code of the DocC article "Getting Started" (Sources/JSHost/JSHost.docc/GettingStarted.md), as a program:
// `swift run getting-started`. A test checks that every code block of the article appears here verbatim, so the
// article's code is the code that compiles and runs.
import JSHost

// MARK: Start a host, an agent and a realm

let host = ScriptHost()
let agent = try host.makeAgent(name: "main")
let realm = try await agent.makeRealm()
let answer = try await realm.evaluate("6 * 7")
print(answer)  // 42

// MARK: Call Swift from JS

struct Invoice: Codable, Sendable {
    var customer: String
    var amounts: [Double]
}

try await realm.defineFunction("total") { args in
    let invoice = try args.decode(0, as: Invoice.self)
    return invoice.amounts.reduce(0, +)
}
try await realm.defineFunction("fetchRate") { args async throws -> Double in
    try await Task.sleep(nanoseconds: 1_000_000)  // any async Swift work
    return try args.decode(0, as: String.self) == "EUR" ? 1.08 : 1
}
print(try await realm.evaluate("total({ customer: 'Ada', amounts: [12.5, 30] })"))  // 42.5
print(try await realm.evaluateAwaitingPromise("fetchRate('EUR').then((rate) => rate * 100)"))  // 108

// MARK: Values both ways

try await realm.setGlobal("invoice", to: Invoice(customer: "Grace", amounts: [1, 2, 3]))
let invoice = try await realm.global("invoice", as: Invoice.self)
print(invoice.customer, invoice.amounts)  // Grace [1.0, 2.0, 3.0]
_ = try await realm.evaluate("globalThis.describe = (invoice) => `${invoice.customer} owes ${total(invoice)}`; 0")
print(try await realm.call("describe", [try ScriptValue(encoding: invoice)]))  // "Grace owes 6"

// MARK: Errors and limits

do {
    _ = try await realm.evaluate("null.customer")
} catch let error as JavaScriptError {
    print(error.name, error.message)  // TypeError null is not an object (evaluating 'null.customer')
}
do {
    _ = try await realm.evaluate("while (true) {}", timeLimit: 0.2)
} catch HostError.timeLimitExceeded {
    print("stopped a runaway script; the realm is still usable:", try await realm.evaluate("1 + 1"))
}

// MARK: Talk to JS through a port

let port = try await realm.makeChannel(global: "native")
try realm.run("native.onmessage = (event) => native.postMessage({ echoed: event.data })", sourceURL: "echo.js")
try port.send(encoding: ["hello": "from Swift"])
for await message in port.messages {
    print(message.value)  // { echoed: { hello: "from Swift" } }
    break
}

_ = try await host.quiescence()
