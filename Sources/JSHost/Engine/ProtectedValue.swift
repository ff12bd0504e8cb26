import CJavaScriptCore

/// A JavaScript value kept alive for exactly as long as Swift holds this object.
///
/// It protects the value from garbage collection (`JSValueProtect`) and retains its global context; both are
/// undone in `deinit`. The type is deliberately not `Sendable`: it must be released on its agent's thread.
/// Avoid cycles through the JS heap (a protected handler whose closure reaches its owner leaks, JSC-FACTS):
/// links between JS objects belong in the JS heap.
final class ProtectedValue {
    let context: JSContext
    let value: JSValue

    init(_ value: JSValue, in context: JSContext) {
        self.context = context
        self.value = value
        JSGlobalContextRetain(context.ref)
        JSValueProtect(context.ref, value.ref)
    }

    deinit {
        JSValueUnprotect(context.ref, value.ref)
        JSGlobalContextRelease(context.ref)
    }

    /// The value as an object; only for values known to be objects (checked at creation by ``ProtectedObject``).
    var object: JSObject { JSObject(ref: value.ref) }
}

/// A protected function, called from Swift.
struct ProtectedFunction {
    private let storage: ProtectedValue

    /// Returns nil when `value` is not callable.
    init?(_ value: JSValue, in context: JSContext) {
        guard context.isFunction(value) else { return nil }
        storage = ProtectedValue(value, in: context)
    }

    var context: JSContext { storage.context }
    var object: JSObject { storage.object }

    func call(this: JSValue? = nil, _ arguments: [JSValue] = []) -> JSCompletion {
        storage.context.call(storage.object, this: this, arguments)
    }
}
