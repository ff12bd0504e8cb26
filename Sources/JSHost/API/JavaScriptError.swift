import CJavaScriptCore

/// A JavaScript exception, copied out of the engine so it can travel to any thread.
public struct JavaScriptError: Error, Sendable, Equatable, CustomStringConvertible {
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

    public init(name: String, message: String, stack: String = "", sourceURL: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.name = name
        self.message = message
        self.stack = stack
        self.sourceURL = sourceURL
        self.line = line
        self.column = column
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
            self.init(name: "", message: context.toSwiftString(value))
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
        self.init(
            name: text(PropertyName.name) ?? "",
            message: text(PropertyName.message) ?? context.toSwiftString(value),
            stack: text(PropertyName.stack) ?? "",
            sourceURL: text(PropertyName.sourceURL),
            line: integer(PropertyName.line),
            column: integer(PropertyName.column)
        )
    }
}
