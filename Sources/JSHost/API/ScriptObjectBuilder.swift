/// The members of a JS object backed by Swift, for ``Realm/defineObject(_:_:)``.
///
/// ```swift
/// let counter = Counter()   // a Sendable Swift object
/// try await realm.defineObject("counter") { object in
///     object.function("increment") { args in counter.increment(by: try args.decode(0, as: Int?.self) ?? 1) }
///     object.property("value", get: { counter.value })
///     try object.value("unit", "clicks")
/// }
/// // JS: counter.increment(2); counter.value   // 2
/// ```
public struct ScriptObjectBuilder: Sendable {
    enum Member: Sendable {
        case function(any ScriptCallable)
        case property(get: any ScriptGetter, set: (@Sendable (ScriptValue) throws -> Void)?)
        case value(ScriptValue)
    }

    var members: [(name: String, member: Member)] = []

    init() {}

    /// A method: JS calls run `body` on the agent's thread (like `defineFunction(_:_:)`).
    public mutating func function<Result: Encodable>(_ name: String, _ body: @escaping @Sendable (ScriptArguments) throws -> Result) {
        members.append((name, .function(EncodingFunction(body))))
    }

    /// An accessor property: reading it calls `get`; assigning calls `set` (without `set`, assigning throws a
    /// TypeError in strict code and is ignored otherwise, as for a getter-only property).
    public mutating func property<Result: Encodable>(_ name: String, get: @escaping @Sendable () throws -> Result,
                                                     set: (@Sendable (ScriptValue) throws -> Void)? = nil) {
        members.append((name, .property(get: EncodingGetter(get), set: set)))
    }

    /// A plain data property holding `value`.
    public mutating func value(_ name: String, _ value: some Encodable) throws {
        members.append((name, .value(try ScriptValueEncoder().encode(value))))
    }
}

extension Realm {
    /// Defines `path` (a global name or dotted path) as a new JS object whose methods and properties run Swift
    /// code on the agent's thread. A Swift error thrown by a member becomes a JS exception.
    public func defineObject(_ path: String, _ build: (inout ScriptObjectBuilder) throws -> Void) async throws {
        var builder = ScriptObjectBuilder()
        try build(&builder)
        let members = builder.members
        try await install(path) { realm throws(HostFunctionError) in
            let context = realm.context
            let object = context.makeObject()
            guard case .normal(let defineAccessor) = context.evaluate("""
                (object, name, get, set) => Object.defineProperty(object, name, { get, set, enumerable: true, configurable: true })
                """, sourceURL: "jshost:define-object"), let defineFunction = context.object(defineAccessor) else {
                throw .typeError("could not define the object")
            }
            for (name, member) in members {
                switch member {
                case .value(let value):
                    _ = context.setProperty(object, name, value.makeJSValue(in: context))
                case .function(let body):
                    let function = context.makeFunction(name) { call throws(HostFunctionError) in
                        do {
                            // (`this` is the object itself, whose getters are Swift code: not copied.)
                            return try body.call(Self.arguments(of: call, copyingThis: false)).makeJSValue(in: call.context)
                        } catch {
                            throw .rethrow(Self.jsError(for: error, in: call.context))
                        }
                    }
                    _ = context.setProperty(object, name, function)
                case .property(let get, let set):
                    let getter = context.makeFunction("get \(name)") { call throws(HostFunctionError) in
                        do {
                            return try get.get().makeJSValue(in: call.context)
                        } catch {
                            throw .rethrow(Self.jsError(for: error, in: call.context))
                        }
                    }
                    var setter = context.undefined
                    if let set {
                        setter = context.makeFunction("set \(name)") { call throws(HostFunctionError) in
                            do {
                                try set(ScriptValue.copy(call[0], in: call.context))
                                return call.context.undefined
                            } catch {
                                throw .rethrow(Self.jsError(for: error, in: call.context))
                            }
                        }.value
                    }
                    if case .thrown(let exception) = context.call(defineFunction, [object.value, context.string(name), getter.value, setter]) {
                        throw .rethrow(exception)
                    }
                }
            }
            return object.value
        }
    }
}

/// A member's Swift code with its result already converted (objects, so that `@Sendable` storage does not
/// capture the generic result type).
protocol ScriptCallable: Sendable {
    func call(_ arguments: ScriptArguments) throws -> ScriptValue
}

protocol ScriptGetter: Sendable {
    func get() throws -> ScriptValue
}

final class EncodingFunction<Result: Encodable>: ScriptCallable {
    private let body: @Sendable (ScriptArguments) throws -> Result
    private let kind = ResultKind(Result.self)
    init(_ body: @escaping @Sendable (ScriptArguments) throws -> Result) { self.body = body }
    func call(_ arguments: ScriptArguments) throws -> ScriptValue { try kind.convert(try body(arguments)) }
}

/// How a Swift function's result becomes a ``ScriptValue``, decided once per function: the common types
/// directly, the rest through ``ScriptValueEncoder``.
enum ResultKind: Sendable {
    case scriptValue, double, int, string, bool, encoded

    init<Result>(_ type: Result.Type) {
        switch type {
        case is ScriptValue.Type: self = .scriptValue
        case is Double.Type: self = .double
        case is Int.Type: self = .int
        case is String.Type: self = .string
        case is Bool.Type: self = .bool
        default: self = .encoded
        }
    }

    func convert<Result: Encodable>(_ result: Result) throws -> ScriptValue {
        switch self {
        case .scriptValue: return result as! ScriptValue
        case .double: return .number(result as! Double)
        case .int: return .number(Double(result as! Int))
        case .string: return .string(result as! String)
        case .bool: return .boolean(result as! Bool)
        case .encoded: return try ScriptValueEncoder().encode(result)
        }
    }
}

private final class EncodingGetter<Result: Encodable>: ScriptGetter {
    private let body: @Sendable () throws -> Result
    init(_ body: @escaping @Sendable () throws -> Result) { self.body = body }
    func get() throws -> ScriptValue { try ScriptValueEncoder().encode(try body()) }
}
