import CJavaScriptCore

/// A JavaScript value on the stack of its agent's thread.
///
/// JSC scans the native stack conservatively, so a `JSValue` held in a local variable stays alive. One stored in
/// the Swift heap does not: keep such values in a ``ProtectedValue``. Never hand a `JSValue` to another thread;
/// values must not cross context groups (JSC-FACTS: it corrupts the heap).
struct JSValue {
    let ref: JSValueRef
}

/// A JavaScript object (an object-typed ``JSValue``).
struct JSObject {
    let ref: JSObjectRef
    var value: JSValue { JSValue(ref: ref) }
}

/// The outcome of running JavaScript: a value, or the exception it threw.
enum JSCompletion {
    case normal(JSValue)
    case thrown(JSValue)
}

/// An immutable, reference-counted JSC string. JSC-FACTS: a JSStringRef may be created on one thread and used
/// and released on another, which makes this type safe to share (for example as a cached property name).
final class JSStringHandle: @unchecked Sendable {
    let ref: JSStringRef

    init(_ string: String) {
        let utf16 = Array(string.utf16)
        ref = utf16.withUnsafeBufferPointer { JSStringCreateWithCharacters($0.baseAddress, $0.count) }
    }

    /// Takes ownership of a +1 string from the C API.
    init(adopting ref: JSStringRef) {
        self.ref = ref
    }

    deinit {
        JSStringRelease(ref)
    }

    var string: String {
        let length = JSStringGetLength(ref)
        guard length > 0, let characters = JSStringGetCharactersPtr(ref) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: characters, count: length), as: UTF16.self)
    }

    /// The length in UTF-16 code units, as JS counts it.
    var length: Int { JSStringGetLength(ref) }

    /// One string of `parts` in order: many texts handed to JS as one value (one allocation in the VM).
    static func joining(_ parts: [JSStringHandle]) -> JSStringHandle {
        var units: [UInt16] = []
        units.reserveCapacity(parts.reduce(0) { $0 + $1.length })
        for part in parts {
            let count = JSStringGetLength(part.ref)
            if count > 0, let characters = JSStringGetCharactersPtr(part.ref) {
                units.append(contentsOf: UnsafeBufferPointer(start: characters, count: count))
            }
        }
        return units.withUnsafeBufferPointer { JSStringHandle(adopting: JSStringCreateWithCharacters($0.baseAddress, $0.count)) }
    }

    /// Calls `body` with the string's UTF-8 bytes; lone surrogates become U+FFFD. (JSC's own UTF-8
    /// conversion stops at the first lone surrogate, losing the rest of the text.)
    func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var text = string
        return text.withUTF8(body)
    }
}

/// Property names the host reads often, made once per process.
enum PropertyName {
    static let name = JSStringHandle("name")
    static let message = JSStringHandle("message")
    static let stack = JSStringHandle("stack")
    static let line = JSStringHandle("line")
    static let column = JSStringHandle("column")
    static let sourceURL = JSStringHandle("sourceURL")
    static let length = JSStringHandle("length")
}
