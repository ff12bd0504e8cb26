import CJavaScriptCore

/// A JavaScript value copied out of the engine, so Swift can keep it on any thread.
public enum ScriptValue: Sendable, Equatable {
    case undefined
    case null
    case boolean(Bool)
    case number(Double)
    case string(String)
    case array([ScriptValue])
    /// A plain object's own enumerable string-keyed properties.
    case object([String: ScriptValue])
    /// Anything without a Swift counterpart (functions, symbols, BigInts, cycles), as `String(value)`.
    case other(String)
}

extension ScriptValue {
    static func copy(_ value: JSValue, in context: JSContext) -> ScriptValue {
        var path: Set<UnsafeRawPointer> = []
        return copy(value, in: context, path: &path)
    }

    /// `String(value)`, which (unlike ToString) also describes a Symbol.
    private static func describe(_ value: JSValue, in context: JSContext) -> String {
        if case .normal(let function) = context.property(context.globalObject, "String"), let string = context.object(function),
           case .normal(let text) = context.call(string, [value]) {
            return context.toSwiftString(text)
        }
        return context.toSwiftString(value)
    }

    private static func copy(_ value: JSValue, in context: JSContext, path: inout Set<UnsafeRawPointer>) -> ScriptValue {
        switch context.type(of: value) {
        case kJSTypeUndefined: return .undefined
        case kJSTypeNull: return .null
        case kJSTypeBoolean: return .boolean(context.toBoolean(value))
        case kJSTypeNumber: return .number(context.toNumber(value) ?? .nan)
        case kJSTypeString: return .string(context.toSwiftString(value))
        case kJSTypeObject: break
        default: return .other(describe(value, in: context))
        }
        let object = JSObject(ref: value.ref)
        let identity = UnsafeRawPointer(value.ref)
        guard !context.isFunction(value), path.insert(identity).inserted else { return .other(describe(value, in: context)) }
        defer { path.remove(identity) }
        if context.isArray(value) {
            guard let length = context.toNumber(context.propertyIgnoringExceptions(object, PropertyName.length)),
                  let count = Int(exactly: length.rounded(.towardZero)), count >= 0 else { return .array([]) }
            return .array((0..<count).map { index in
                guard case .normal(let element) = context.element(object, index) else { return .undefined }
                return copy(element, in: context, path: &path)
            })
        }
        var properties: [String: ScriptValue] = [:]
        for key in context.ownEnumerableKeys(object) {
            properties[key] = copy(context.propertyIgnoringExceptions(object, JSStringHandle(key)), in: context, path: &path)
        }
        return .object(properties)
    }
}
