/// A live JS object (a function, a class instance, any object) that Swift keeps, in one realm.
///
/// Unlike a ``ScriptValue`` (a copy), a handle refers to the object itself: calling it, reading and writing its
/// properties act on the object in the engine. A handle may be kept anywhere and used from any task, but every
/// operation runs on the realm's agent thread (each method hops there), so the object is never touched from
/// another thread. Dropping the last reference lets the engine collect the object again. Operations on a
/// handle whose realm has closed throw ``HostError/realmClosed``.
///
/// ```swift
/// let Greeter = try await realm.handle("Greeter")              // a JS class
/// let greeter = try await Greeter.construct(["Ada"])
/// let text = try await greeter.invoke("greet", ["!"])          // greeter.greet("!")
/// ```
public final class JSObjectHandle: Sendable {
    /// The realm the object belongs to.
    public let realm: Realm
    let id: Int

    init(realm: Realm, id: Int) {
        self.realm = realm
        self.id = id
    }

    deinit {
        let id = self.id
        _ = realm.agent.post { runtime in runtime.objectHandles.removeValue(forKey: id) }
    }

    /// A copy of the object as a ``ScriptValue``.
    public var value: ScriptValue {
        get async throws { try await withObject { object, context in .success(ScriptValue.copy(object.value, in: context)) } }
    }

    /// Calls the object as a function with `arguments` and `this` (undefined by default); returns the result.
    public func call(_ arguments: [ScriptValue] = [], this: JSObjectHandle? = nil) async throws -> ScriptValue {
        let thisID = this?.id
        return try await withObject { function, context, runtime in
            let thisValue = thisID.flatMap { runtime.objectHandles[$0]?.object.value } ?? context.undefined
            return context.call(function, this: thisValue, arguments.map { $0.makeJSValue(in: context) }).copied(in: context)
        }
    }

    /// Calls the method `name` of the object (`object[name](...arguments)`, with the object as `this`).
    public func invoke(_ name: String, _ arguments: [ScriptValue] = []) async throws -> ScriptValue {
        try await withObject { object, context in
            guard case .normal(let method) = context.property(object, name), let function = context.object(method), context.isFunction(method) else {
                return .failure(JavaScriptError(name: "TypeError", message: "\(name) is not a function"))
            }
            return context.call(function, this: object.value, arguments.map { $0.makeJSValue(in: context) }).copied(in: context)
        }
    }

    /// `new object(...arguments)`, kept as a handle (a class instance, say).
    public func construct(_ arguments: [ScriptValue] = []) async throws -> JSObjectHandle {
        let realm = self.realm
        let id = try await withObjectHandle { constructor, context, runtime in
            switch context.callAsConstructor(constructor, arguments.map { $0.makeJSValue(in: context) }) {
            case .normal(let made): return .success(runtime.keepObject(made, in: context, realmID: realm.id))
            case .thrown(let exception): return .failure(JavaScriptError(thrown: exception, in: context))
            }
        }
        return JSObjectHandle(realm: realm, id: id)
    }

    /// The property `name`, copied.
    public func get(_ name: String) async throws -> ScriptValue {
        try await withObject { object, context in
            return context.property(object, name).copied(in: context)
        }
    }

    /// The property `name` as a handle (nil when it is not an object).
    public func handle(_ name: String) async throws -> JSObjectHandle? {
        let realm = self.realm
        let id = try await withObjectHandle { object, context, runtime -> Result<Int?, JavaScriptError> in
            switch context.property(object, name) {
            case .normal(let value):
                guard context.isObject(value) else { return .success(nil) }
                return .success(runtime.keepObject(value, in: context, realmID: realm.id))
            case .thrown(let exception): return .failure(JavaScriptError(thrown: exception, in: context))
            }
        }
        return id.map { JSObjectHandle(realm: realm, id: $0) }
    }

    /// Sets the property `name` to `value` (``ScriptValueEncoder``).
    public func set(_ name: String, to value: some Encodable & Sendable) async throws {
        let encoded = try ScriptValueEncoder().encode(value)
        _ = try await withObject { object, context in
            switch context.setProperty(object, name, encoded.makeJSValue(in: context)) {
            case .normal: return .success(.undefined)
            case .thrown(let exception): return .failure(JavaScriptError(thrown: exception, in: context))
            }
        }
    }

    /// Defines the property `name` of the object as a JS function backed by `body` (like
    /// `Realm.defineFunction(_:_:)`, for any object Swift holds, not only one reachable by a path).
    public func defineFunction<Result: Encodable>(_ name: String, _ body: @escaping @Sendable (ScriptArguments) throws -> Result) async throws {
        let function: any ScriptCallable = EncodingFunction(body)
        _ = try await withObject { object, context in
            let made = context.makeFunction(name) { call throws(HostFunctionError) in
                do {
                    return try function.call(Realm.arguments(of: call)).makeJSValue(in: call.context)
                } catch {
                    throw .rethrow(Realm.jsError(for: error, in: call.context))
                }
            }
            switch context.setProperty(object, name, made) {
            case .normal: return .success(.undefined)
            case .thrown(let exception): return .failure(JavaScriptError(thrown: exception, in: context))
            }
        }
    }

    // MARK: On the agent's thread

    private func withObject(_ body: @escaping @Sendable (JSObject, JSContext) -> Result<ScriptValue, JavaScriptError>) async throws -> ScriptValue {
        try await withObject { object, context, _ in body(object, context) }
    }

    private func withObject(_ body: @escaping @Sendable (JSObject, JSContext, AgentRuntime) -> Result<ScriptValue, JavaScriptError>) async throws -> ScriptValue {
        try await withObjectHandle(body)
    }

    private func withObjectHandle<Value: Sendable>(_ body: @escaping @Sendable (JSObject, JSContext, AgentRuntime) -> Result<Value, JavaScriptError>) async throws -> Value {
        let (id, realmID) = (self.id, realm.id)
        let result = try await realm.agent.perform { runtime throws(HostError) -> Result<Value, JavaScriptError> in
            let realm = try runtime.realm(realmID)
            guard let kept = runtime.objectHandles[id] else { throw .realmClosed }
            return body(kept.object, realm.context, runtime)
        }
        return try result.get()
    }
}

extension Realm {
    /// A handle to the object at `path` (a global name or dotted path).
    /// - Throws: `JavaScriptError` (TypeError) when there is no object there.
    public func handle(_ path: String) async throws -> JSObjectHandle {
        let id = self.id
        let kept = try await agent.perform { runtime throws(HostError) -> Result<Int, JavaScriptError> in
            let realm = try runtime.realm(id)
            guard let value = Self.lookUp(path, in: realm.context), realm.context.isObject(value) else {
                return .failure(JavaScriptError(name: "TypeError", message: "\(path) is not an object"))
            }
            return .success(runtime.keepObject(value, in: realm.context, realmID: id))
        }
        return JSObjectHandle(realm: self, id: try kept.get())
    }

    /// Evaluates `source` and keeps its completion value, which must be an object, as a handle.
    public func evaluateHandle(_ source: String, sourceURL: String = "eval.js") async throws -> JSObjectHandle {
        let id = self.id
        let kept = try await agent.perform { runtime throws(HostError) -> Result<Int, JavaScriptError> in
            let realm = try runtime.realm(id)
            switch realm.context.evaluate(source, sourceURL: sourceURL) {
            case .normal(let value):
                guard realm.context.isObject(value) else {
                    return .failure(JavaScriptError(name: "TypeError", message: "the script's value is not an object"))
                }
                return .success(runtime.keepObject(value, in: realm.context, realmID: id))
            case .thrown(let exception):
                return .failure(JavaScriptError(thrown: exception, in: realm.context))
            }
        }
        return JSObjectHandle(realm: self, id: try kept.get())
    }
}

/// An object kept alive for a ``JSObjectHandle``.
struct KeptObject {
    let realmID: Int
    let protected: ProtectedValue
    var object: JSObject { protected.object }
}

extension AgentRuntime {
    func keepObject(_ value: JSValue, in context: JSContext, realmID: Int) -> Int {
        lastObjectHandleID += 1
        objectHandles[lastObjectHandleID] = KeptObject(realmID: realmID, protected: ProtectedValue(value, in: context))
        return lastObjectHandleID
    }

    /// A closing realm lets go of the objects Swift kept in it.
    func dropObjectHandles(ofRealm realmID: Int) {
        objectHandles = objectHandles.filter { $0.value.realmID != realmID }
    }
}
