import CJavaScriptCore
import OrderedCollections

/// A JavaScript exception, copied out of the engine so it can travel to any thread.
///
/// For a thrown Error object: its `name`, `message`, `stack`, where it was thrown, its `cause`, and its other
/// own enumerable properties (`error.code = 42` → `properties["code"]`). For any other thrown value
/// (`throw { code: 1 }`, `throw "text"`): an empty name, the value as text in `message`, and the value itself
/// in ``thrownValue``.
public struct JavaScriptError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The error's `name` (`TypeError`, ...), or empty when a non-Error value was thrown.
    public var name: String
    /// The error's `message`, or the thrown value converted to a string.
    public var message: String
    /// JSC's stack: one `function@url:line:column` frame per line; empty when unknown.
    public var stack: String
    /// The script the error was raised in, when known.
    public var sourceURL: String?
    /// 1-based line and column of the throw site, when known (syntax errors have a line only).
    public var line: Int?
    public var column: Int?
    /// The error's `cause`, when it has one.
    public var cause: ScriptValue?
    /// The error's other own enumerable properties.
    public var properties: OrderedDictionary<String, ScriptValue>
    /// The value that was thrown, when it was not an Error object.
    public var thrownValue: ScriptValue?

    public init(name: String, message: String, stack: String = "", sourceURL: String? = nil, line: Int? = nil, column: Int? = nil,
                cause: ScriptValue? = nil, properties: OrderedDictionary<String, ScriptValue> = [:], thrownValue: ScriptValue? = nil) {
        self.name = name
        self.message = message
        self.stack = stack
        self.sourceURL = sourceURL
        self.line = line
        self.column = column
        self.cause = cause
        self.properties = properties
        self.thrownValue = thrownValue
    }

    public var description: String {
        let head = name.isEmpty ? message : "\(name): \(message)"
        guard let sourceURL, let line else { return head }
        return "\(head) (\(sourceURL):\(line)\(column.map { ":\($0)" } ?? ""))"
    }
}

extension JavaScriptError {
    /// Copies what Swift needs out of a thrown JS value.
    init(thrown value: JSValue, in context: JSContext) {
        guard let object = context.object(value) else {
            self.init(name: "", message: context.toSwiftString(value), thrownValue: ScriptValue.copy(value, in: context))
            return
        }
        func text(_ name: JSStringHandle) -> String? {
            let value = context.propertyIgnoringExceptions(object, name)
            return context.isUndefined(value) ? nil : context.toSwiftString(value)
        }
        func integer(_ name: JSStringHandle) -> Int? {
            let value = context.propertyIgnoringExceptions(object, name)
            guard context.type(of: value) == kJSTypeNumber, let number = context.toNumber(value) else { return nil }
            // Any number may come from JS: a NaN, an infinity or 1e300 must not trap the conversion.
            return Int(exactly: number.rounded(.towardZero))
        }
        let isError = Self.isErrorObject(value, in: context)
        var properties: OrderedDictionary<String, ScriptValue> = [:]
        var cause: ScriptValue?
        if isError {
            for key in context.ownEnumerableKeys(object) where !Self.standardKeys.contains(key) {
                properties[key] = ScriptValue.copy(context.propertyIgnoringExceptions(object, JSStringHandle(key)), in: context)
            }
            if case .normal(let hasCause) = context.evaluate("(o) => Object.hasOwn(o, 'cause')", sourceURL: "jshost:has-cause"),
               let function = context.object(hasCause), case .normal(let answer) = context.call(function, [value]), context.toBoolean(answer) {
                cause = ScriptValue.copy(context.propertyIgnoringExceptions(object, JSStringHandle("cause")), in: context)
            }
        }
        self.init(
            name: text(PropertyName.name) ?? "",
            message: text(PropertyName.message) ?? context.toSwiftString(value),
            stack: text(PropertyName.stack) ?? "",
            sourceURL: text(PropertyName.sourceURL),
            line: integer(PropertyName.line),
            column: integer(PropertyName.column),
            cause: cause,
            properties: properties,
            thrownValue: isError ? nil : ScriptValue.copy(value, in: context)
        )
    }

    private static let standardKeys: Set<String> = ["name", "message", "stack", "line", "column", "sourceURL", "cause"]

    private static func isErrorObject(_ value: JSValue, in context: JSContext) -> Bool {
        guard case .normal(let check) = context.evaluate(
            "(v) => typeof Error.isError === 'function' ? Error.isError(v) : Object.prototype.toString.call(v) === '[object Error]'",
            sourceURL: "jshost:is-error"), let function = context.object(check),
            case .normal(let answer) = context.call(function, [value]) else { return false }
        return context.toBoolean(answer)
    }

    /// The error made again in `context`: the thrown value itself when it was not an Error, else a new Error of the
    /// same constructor name (when the realm has one) with its message, cause and properties.
    func makeJSValue(in context: JSContext) -> JSValue {
        if let thrownValue { return thrownValue.makeJSValue(in: context) }
        let constructorName = ["Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError", "EvalError", "URIError"]
            .contains(name) ? name : "Error"
        guard case .normal(let constructor) = context.evaluate("(\(constructorName))", sourceURL: "jshost:intrinsic"),
              let function = context.object(constructor) else { return context.undefined }
        var exception: JSValueRef?
        var arguments: [JSValueRef?] = [context.string(message).ref]
        if let cause {
            let options = context.makeObject()
            _ = context.setProperty(options, "cause", cause.makeJSValue(in: context))
            arguments.append(options.value.ref)
        }
        guard let made = arguments.withUnsafeBufferPointer({ JSObjectCallAsConstructor(context.ref, function.ref, arguments.count, $0.baseAddress, &exception) }),
              exception == nil else { return context.undefined }
        let error = JSObject(ref: made)
        if !name.isEmpty && name != constructorName { _ = context.setProperty(error, "name", context.string(name)) }
        for (key, value) in properties { _ = context.setProperty(error, key, value.makeJSValue(in: context)) }
        return error.value
    }
}
