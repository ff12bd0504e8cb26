import CJavaScriptCore
import Synchronization

/// The arguments of a call from JavaScript to a Swift function, copied out of the engine.
///
/// Reading past the end gives `.undefined`, as in JavaScript.
public struct ScriptArguments: Sendable, RandomAccessCollection {
    public let values: [ScriptValue]
    /// The `this` value of the call.
    public let this: ScriptValue

    public init(_ values: [ScriptValue], this: ScriptValue = .undefined) {
        self.values = values
        self.this = this
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { values.count }
    public subscript(index: Int) -> ScriptValue { values.indices.contains(index) ? values[index] : .undefined }

    /// Argument `index` decoded as `type` (``ScriptValueDecoder``). A missing argument decodes as `undefined`
    /// (so an optional type gives nil).
    public func decode<Value: Decodable>(_ index: Int, as type: Value.Type = Value.self) throws -> Value {
        try ScriptValueDecoder().decode(type, from: self[index])
    }
}

/// An error a Swift function throws that JS should see as a particular kind of exception.
///
/// Any other Swift error becomes a JS `Error` whose message is `String(describing: error)`; a
/// ``JavaScriptError`` is thrown as the JS value it describes.
public struct ScriptFunctionError: Error, Sendable {
    public enum Kind: String, Sendable {
        case error = "Error", typeError = "TypeError", rangeError = "RangeError"
    }
    public var kind: Kind
    public var message: String
    public init(_ kind: Kind = .error, _ message: String) {
        self.kind = kind
        self.message = message
    }
}

extension ScriptValue {
    /// The `ScriptValue` of an `Encodable` value (``ScriptValueEncoder``).
    public init(encoding value: some Encodable) throws {
        self = try ScriptValueEncoder().encode(value)
    }

    /// This value decoded as `type` (``ScriptValueDecoder``).
    public func decode<Value: Decodable>(as type: Value.Type = Value.self) throws -> Value {
        try ScriptValueDecoder().decode(type, from: self)
    }
}

/// An async Swift function and the conversion of its result. An object, so that the `Task` that runs it
/// captures an instance rather than the generic result type.
private protocol AsyncScriptCallable: Sendable {
    func call(_ arguments: ScriptArguments) async throws -> ScriptValue
}

private final class AsyncScriptFunction<Result: Encodable>: AsyncScriptCallable {
    private let body: @Sendable (ScriptArguments) async throws -> Result
    init(_ body: @escaping @Sendable (ScriptArguments) async throws -> Result) { self.body = body }
    func call(_ arguments: ScriptArguments) async throws -> ScriptValue {
        try ScriptValueEncoder().encode(try await body(arguments))
    }
}

/// An async Swift function's promise, waiting on its agent's thread for the Swift work to finish.
struct PendingSwiftCall {
    let realmID: Int
    let resolve: ProtectedValue
    let reject: ProtectedValue
}

/// The limit of one embedder call, checked by the agent's watchdog (on the agent's own thread).
final class CallDeadline: Sendable {
    private let nanoseconds = Atomic<UInt64>(0)

    var hasPassed: Bool {
        let deadline = nanoseconds.load(ordering: .relaxed)
        return deadline != 0 && MonotonicClock.nanoseconds() >= deadline
    }

    func set(seconds: Double?) {
        guard let seconds else {
            nanoseconds.store(0, ordering: .relaxed)
            return
        }
        let span = UInt64(clamping: Int64((max(seconds, 0) * 1e9).rounded(.up)))
        nanoseconds.store(max(1, MonotonicClock.nanoseconds() &+ span), ordering: .relaxed)
    }
}

extension Realm {
    // MARK: Swift functions in JS

    /// Defines `path` — a global name, or a dotted path such as `"app.log"` whose missing objects are made — as a
    /// JS function that runs `body` on the agent's thread and returns its result to JS (``ScriptValueEncoder``;
    /// return a ``ScriptValue`` for full control, `ScriptValue.undefined` for nothing).
    ///
    /// A Swift error thrown by `body` becomes a JS exception (see ``ScriptFunctionError``).
    ///
    /// ```swift
    /// try await realm.defineFunction("add") { args in try args.decode(0, as: Double.self) + args.decode(1, as: Double.self) }
    /// try await realm.evaluate("add(2, 3)")   // .number(5)
    /// ```
    public func defineFunction<Result: Encodable>(_ path: String, _ body: @escaping @Sendable (ScriptArguments) throws -> Result) async throws {
        let function: any ScriptCallable = EncodingFunction(body)
        try await install(path) { realm in
            realm.context.makeFunction(Self.lastComponent(path)) { call throws(HostFunctionError) in
                let arguments = Self.arguments(of: call)
                do {
                    let result = try function.call(arguments)
                    return result.makeJSValue(in: call.context)
                } catch {
                    throw .rethrow(Self.jsError(for: error, in: call.context))
                }
            }.value
        }
    }

    /// Defines `path` as a JS function that starts `body` and returns a Promise of its result. While `body` runs
    /// the host is not quiescent (``ScriptHost/quiescence()`` waits for it); its result or error settles the promise
    /// on the agent's thread, as a task.
    public func defineFunction<Result: Encodable>(_ path: String, _ body: @escaping @Sendable (ScriptArguments) async throws -> Result) async throws {
        let realmID = id
        let agent = self.agent
        let run: any AsyncScriptCallable = AsyncScriptFunction(body)
        try await install(path) { realm in
            realm.context.makeFunction(Self.lastComponent(path)) { call throws(HostFunctionError) in
                let arguments = Self.arguments(of: call)
                var resolve: JSObjectRef?
                var reject: JSObjectRef?
                var exception: JSValueRef?
                guard let promise = JSObjectMakeDeferredPromise(call.context.ref, &resolve, &reject, &exception), let resolve, let reject else {
                    throw .typeError("could not make a promise")
                }
                let runtime = realm.agent
                runtime.lastSwiftCallID += 1
                let callID = runtime.lastSwiftCallID
                runtime.pendingSwiftCalls[callID] = PendingSwiftCall(
                    realmID: realmID, resolve: ProtectedValue(JSValue(ref: resolve), in: call.context),
                    reject: ProtectedValue(JSValue(ref: reject), in: call.context))
                // Counts as pending work until the settling task is queued (which holds a unit of its own).
                let tracker = runtime.host.tracker
                tracker.acquire()
                Task {
                    let outcome: Swift.Result<ScriptValue, JavaScriptError>
                    do {
                        outcome = .success(try await run.call(arguments))
                    } catch {
                        outcome = .failure(Self.javaScriptError(for: error))
                    }
                    _ = agent.post { runtime in runtime.settleSwiftCall(callID, outcome) }
                    tracker.release()
                }
                return JSValue(ref: promise)
            }.value
        }
    }

    /// Sets `path` (a global name or a dotted path whose missing objects are made) to `value`
    /// (``ScriptValueEncoder``), an ordinary writable property.
    public func define(_ path: String, value: some Encodable & Sendable) async throws {
        let encoded = try ScriptValueEncoder().encode(value)
        try await install(path) { realm in encoded.makeJSValue(in: realm.context) }
    }

    // MARK: Values

    /// Sets `path` (a global name or a dotted path) to `value` (``ScriptValueEncoder``).
    public func setGlobal(_ path: String, to value: some Encodable & Sendable) async throws {
        try await define(path, value: value)
    }

    /// The value at `path` (a global name or a dotted path), copied; `.undefined` when something on the way is missing.
    public func global(_ path: String) async throws -> ScriptValue {
        let id = self.id
        return try await agent.perform { runtime throws(HostError) -> ScriptValue in
            let realm = try runtime.realm(id)
            guard let value = Self.lookUp(path, in: realm.context) else { return .undefined }
            return ScriptValue.copy(value, in: realm.context)
        }
    }

    /// The value at `path`, decoded as `type`.
    public func global<Value: Decodable>(_ path: String, as type: Value.Type) async throws -> Value {
        try ScriptValueDecoder().decode(type, from: try await global(path))
    }

    /// Calls the function at `path` (a global name or a dotted path, called with its object as `this`) with
    /// `arguments`, and returns its result. When it returns a promise and `awaitPromise` is set, waits for it to
    /// settle (a rejection throws ``JavaScriptError``).
    public func call(_ path: String, _ arguments: [ScriptValue] = [], awaitPromise: Bool = false) async throws -> ScriptValue {
        let id = self.id
        let completion = try await agent.perform { runtime throws(HostError) -> Swift.Result<ScriptValue, JavaScriptError> in
            let realm = try runtime.realm(id)
            let context = realm.context
            let (function, this) = Self.lookUpFunction(path, in: context)
            guard let function else {
                return .failure(JavaScriptError(name: "TypeError", message: "\(path) is not a function"))
            }
            let values = arguments.map { $0.makeJSValue(in: context) }
            return context.call(function, this: this, values).copied(in: context)
        }
        let value = try completion.get()
        guard awaitPromise else { return value }
        // The copy of a promise is only its text: call again, this time keeping the promise to wait on.
        return try await awaitingPromise { context in
            let (function, this) = Self.lookUpFunction(path, in: context)
            guard let function else { return .thrown(context.string("\(path) is not a function")) }
            return context.call(function, this: this, arguments.map { $0.makeJSValue(in: context) })
        }
    }

    /// Calls the function at `path` and decodes its result as `type`.
    public func call<Value: Decodable>(_ path: String, _ arguments: [ScriptValue] = [], awaitPromise: Bool = false,
                                       as type: Value.Type) async throws -> Value {
        try ScriptValueDecoder().decode(type, from: try await call(path, arguments, awaitPromise: awaitPromise))
    }

    /// Evaluates `source` and decodes its completion value as `type`.
    public func evaluate<Value: Decodable>(_ source: String, sourceURL: String = "eval.js", as type: Value.Type) async throws -> Value {
        try ScriptValueDecoder().decode(type, from: try await evaluate(source, sourceURL: sourceURL))
    }

    /// Evaluates `source`; when its completion value is a promise (or any thenable), waits for it to settle and
    /// returns its value (a rejection throws ``JavaScriptError``). The wait ends with ``HostError/agentStopped``
    /// if the realm or agent goes away first; a promise that never settles is waited on forever, as in JS.
    public func evaluateAwaitingPromise(_ source: String, sourceURL: String = "eval.js") async throws -> ScriptValue {
        try await awaitingPromise { context in context.evaluate(source, sourceURL: sourceURL) }
    }

    /// Evaluates `source` with a time limit: a script still running after `timeLimit` seconds (measured in the
    /// engine's own checks, about every 50 ms) is stopped and the call throws ``HostError/timeLimitExceeded(seconds:)``;
    /// the realm and agent stay usable. Needs an agent that can interrupt scripts
    /// (``ScriptHost/Configuration/canInterruptScripts``); otherwise it throws ``HostError/cannotInterrupt``.
    public func evaluate(_ source: String, sourceURL: String = "eval.js", timeLimit: Double) async throws -> ScriptValue {
        let id = self.id
        let result = try await agent.perform { runtime throws(HostError) -> Swift.Result<ScriptValue, JavaScriptError> in
            let realm = try runtime.realm(id)
            guard runtime.canInterrupt else { throw .cannotInterrupt }
            runtime.callDeadline.set(seconds: timeLimit)
            let completion = realm.context.evaluate(source, sourceURL: sourceURL)
            let timedOut = runtime.callDeadline.hasPassed
            runtime.callDeadline.set(seconds: nil)
            switch completion {
            case .normal(let value): return .success(ScriptValue.copy(value, in: realm.context))
            case .thrown(let exception):
                if timedOut { throw .timeLimitExceeded(seconds: timeLimit) }
                return .failure(JavaScriptError(thrown: exception, in: realm.context))
            }
        }
        return try result.get()
    }

    // MARK: Helpers


    /// Runs `makeValue` on the agent's thread and, when it gives a thenable, waits for it to settle.
    private func awaitingPromise(_ makeValue: @escaping @Sendable (JSContext) -> JSCompletion) async throws -> ScriptValue {
        let id = self.id
        let settled = PromiseWaiter()
        let immediate = try await agent.perform { runtime throws(HostError) -> Swift.Result<ScriptValue, JavaScriptError>? in
            let realm = try runtime.realm(id)
            let context = realm.context
            // If the realm or agent goes first, the waiter hears it (closeRealm, tearDown).
            if runtime.promiseWaiters.count >= 64 { runtime.promiseWaiters.removeAll { $0.waiter.isSettled } }
            runtime.promiseWaiters.append((realmID: id, waiter: settled))
            let value: JSValue
            switch makeValue(context) {
            case .normal(let made): value = made
            case .thrown(let exception): return .failure(JavaScriptError(thrown: exception, in: context))
            }
            guard let object = context.object(value), case .normal(let then) = context.property(object, "then"),
                  let thenFunction = context.object(then), context.isFunction(then) else {
                return .success(ScriptValue.copy(value, in: context))
            }
            let onFulfilled = context.makeFunction("fulfilled") { call throws(HostFunctionError) in
                settled.settle(.success(ScriptValue.copy(call[0], in: call.context)))
                return call.context.undefined
            }
            let onRejected = context.makeFunction("rejected") { call throws(HostFunctionError) in
                settled.settle(.failure(JavaScriptError(thrown: call[0], in: call.context)))
                return call.context.undefined
            }
            if case .thrown(let exception) = context.call(thenFunction, this: value, [onFulfilled.value, onRejected.value]) {
                return .failure(JavaScriptError(thrown: exception, in: context))
            }
            return nil
        }
        if let immediate { return try immediate.get() }
        return try await settled.value()
    }

    /// Makes the value on the agent's thread and stores it at `path`.
    func install(_ path: String, _ makeValue: @escaping @Sendable (RealmRuntime) throws(HostFunctionError) -> JSValue) async throws {
        let id = self.id
        let components = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !components.isEmpty, components.allSatisfy({ !$0.isEmpty }) else { throw HostError.invalidPath(path) }
        try await agent.perform { runtime throws(HostError) in
            let realm = try runtime.realm(id)
            let context = realm.context
            var object = context.globalObject
            for name in components.dropLast() {
                let existing = context.propertyIgnoringExceptions(object, JSStringHandle(name))
                if let next = context.object(existing) {
                    object = next
                } else {
                    let made = context.makeObject()
                    guard case .normal = context.setProperty(object, name, made) else { throw .invalidPath(path) }
                    object = made
                }
            }
            let value: JSValue
            do throws(HostFunctionError) {
                value = try makeValue(realm)
            } catch {
                throw .invalidPath(path)
            }
            guard case .normal = context.setProperty(object, components.last!, value) else { throw .invalidPath(path) }
        }
    }

    private static func lastComponent(_ path: String) -> String {
        path.split(separator: ".").last.map(String.init) ?? path
    }

    /// The call's arguments, and its `this` unless `copyingThis` is false or `this` is the global object (a
    /// plain call: copying the whole global would cost more than the call).
    static func arguments(of call: HostCall, copyingThis: Bool = true) -> ScriptArguments {
        var values: [ScriptValue] = []
        values.reserveCapacity(call.argumentCount)
        for index in 0..<call.argumentCount { values.append(ScriptValue.copy(call[index], in: call.context)) }
        let this = call.this
        guard copyingThis, this.ref != call.context.globalObject.value.ref else { return ScriptArguments(values) }
        return ScriptArguments(values, this: ScriptValue.copy(this, in: call.context))
    }


    /// The value at `path` (nil when something on the way is not an object or its getter threw), and the
    /// object it was read from (the global for a bare name): what a call through the path gets as `this`.
    private static func walk(_ path: String, in context: JSContext) -> (value: JSValue?, holder: JSValue) {
        var holder = context.globalObject.value
        var current = holder
        for name in path.split(separator: ".") {
            guard let object = context.object(current), case .normal(let next) = context.property(object, String(name)) else {
                return (nil, holder)
            }
            holder = current
            current = next
        }
        return (current, holder)
    }

    static func lookUp(_ path: String, in context: JSContext) -> JSValue? {
        walk(path, in: context).value
    }

    static func lookUpFunction(_ path: String, in context: JSContext) -> (JSObject?, JSValue) {
        let (value, holder) = walk(path, in: context)
        guard let value, context.isFunction(value) else { return (nil, holder) }
        return (context.object(value), holder)
    }

    /// What a Swift error looks like to JS.
    static func javaScriptError(for error: any Error) -> JavaScriptError {
        switch error {
        case let error as JavaScriptError: return error
        case let error as ScriptFunctionError: return JavaScriptError(name: error.kind.rawValue, message: error.message)
        default: return JavaScriptError(name: "Error", message: String(describing: error))
        }
    }

    static func jsError(for error: any Error, in context: JSContext) -> JSValue {
        javaScriptError(for: error).makeJSValue(in: context)
    }
}

extension AgentRuntime {
    /// The realm (nil: every realm) is going away: Swift code awaiting its promises hears it.
    func failPromiseWaiters(ofRealm realmID: Int?) {
        var kept: [(realmID: Int, waiter: PromiseWaiter)] = []
        for entry in promiseWaiters {
            if entry.waiter.isSettled { continue }
            if realmID == nil || entry.realmID == realmID {
                entry.waiter.fail(.agentStopped)
            } else {
                kept.append(entry)
            }
        }
        promiseWaiters = kept
        if realmID == nil { pendingSwiftCalls = [:] }
    }

    /// Settles the promise of an async Swift function, as a task.
    func settleSwiftCall(_ id: Int, _ outcome: Result<ScriptValue, JavaScriptError>) {
        guard let pending = pendingSwiftCalls.removeValue(forKey: id), let realm = realms[pending.realmID], !realm.isClosed else { return }
        cells.markTaskStart()
        let context = realm.context
        let completion: JSCompletion
        switch outcome {
        case .success(let value): completion = context.call(pending.resolve.object, [value.makeJSValue(in: context)])
        case .failure(let error): completion = context.call(pending.reject.object, [error.makeJSValue(in: context)])
        }
        if case .thrown(let exception) = completion { realm.reportException(exception) }
    }
}

/// A result delivered once from the agent's thread to an awaiting Swift task; the agent fails it with
/// ``HostError/agentStopped`` when the realm closes or the agent ends first.
final class PromiseWaiter: Sendable {
    private struct State {
        var result: Result<ScriptValue, any Error>?
        var continuation: CheckedContinuation<ScriptValue, any Error>?
    }
    private let state = Locked(State())

    func settle(_ result: Result<ScriptValue, JavaScriptError>) {
        finish(result.mapError { $0 })
    }

    func fail(_ error: HostError) {
        finish(.failure(error))
    }

    var isSettled: Bool { state.withLock { $0.result != nil } }

    private func finish(_ result: Result<ScriptValue, any Error>) {
        let continuation = state.withLock { state -> CheckedContinuation<ScriptValue, any Error>? in
            guard state.result == nil else { return nil }
            state.result = result
            defer { state.continuation = nil }
            return state.continuation
        }
        continuation?.resume(with: result)
    }

    func value() async throws -> ScriptValue {
        try await withCheckedThrowingContinuation { continuation in
            let ready = state.withLock { state -> Result<ScriptValue, any Error>? in
                if let result = state.result { return result }
                state.continuation = continuation
                return nil
            }
            if let ready { continuation.resume(with: ready) }
        }
    }
}

// MARK: - Synchronous access on the agent's thread

/// Synchronous access to one realm, on its agent's thread, for as long as a ``Realm/withScope(_:)`` body runs:
/// many calls in a row without a thread hop each. It cannot be copied or kept (the body only borrows it), so
/// nothing done through it can leave the agent's thread.
public struct ScriptScope: ~Copyable {
    let realm: RealmRuntime

    /// Evaluates `source` and copies its completion value.
    public func evaluate(_ source: String, sourceURL: String = "eval.js") throws -> ScriptValue {
        try realm.context.evaluate(source, sourceURL: sourceURL).copied(in: realm.context).get()
    }

    /// The function at `path` (a global name or dotted path), to call many times.
    public func function(_ path: String) throws -> ScriptFunction {
        let (function, this) = Realm.lookUpFunction(path, in: realm.context)
        guard let function else { throw JavaScriptError(name: "TypeError", message: "\(path) is not a function") }
        return ScriptFunction(function: ProtectedValue(function.value, in: realm.context), this: ProtectedValue(this, in: realm.context))
    }

    /// Calls `function` with `arguments` and copies its result.
    public func call(_ function: borrowing ScriptFunction, _ arguments: ScriptValue...) throws -> ScriptValue {
        let context = realm.context
        return try context.call(function.function.object, this: function.this.value, arguments.map { $0.makeJSValue(in: context) })
            .copied(in: context).get()
    }
}

/// A JS function looked up in a ``ScriptScope``, usable only within it.
public struct ScriptFunction: ~Copyable {
    let function: ProtectedValue
    let this: ProtectedValue
}

extension Realm {
    /// Runs `body` on the agent's thread with a ``ScriptScope`` of this realm and returns what it returns.
    /// Meant for bursts of calls; every other method of ``Realm`` hops to the agent's thread once per call.
    public func withScope<Result: Sendable>(_ body: @escaping @Sendable (borrowing ScriptScope) throws -> Result) async throws -> Result {
        let id = self.id
        let outcome = try await agent.perform { runtime throws(HostError) -> Swift.Result<Result, JavaScriptError> in
            let scope = ScriptScope(realm: try runtime.realm(id))
            do {
                return .success(try body(scope))
            } catch let error as JavaScriptError {
                return .failure(error)
            } catch {
                return .failure(Realm.javaScriptError(for: error))
            }
        }
        return try outcome.get()
    }
}
